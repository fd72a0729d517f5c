package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.DerbyNetworkServer;

/** What the application tests' databases need: the store's factory, a network server, a password given. */
final class Databases {

	/** A network server sharing the database of {@code folder} on {@code port}. */
	record Server(Path folder, int port, DerbyNetworkServer server) {

		/** The settings of {@code user} (with {@code password}, may be null) on this server. */
		StoreSettings settings(String user, char[] password) {
			return StoreSettings.server(StoreSettings.LOOPBACK, port, folder.toString(), user, password);
		}
	}

	private Databases() {
	}

	/** The store's factory, as the application gets it (a DS service). */
	static DossierStoreFactory factory() throws InterruptedException {
		ServiceTracker<DossierStoreFactory, DossierStoreFactory> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(Databases.class).getBundleContext(), DossierStoreFactory.class, null);
		tracker.open();
		try {
			DossierStoreFactory factory = tracker.waitForService(TimeUnit.SECONDS.toMillis(90));
			assertNotNull(factory);
			return factory;
		} finally {
			tracker.close();
		}
	}

	/** Starts a server, on a free port, for the database of {@code folder} owned by {@code ownerPassword}. */
	static Server start(Path folder, char[] ownerPassword) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path absolute = folder.toAbsolutePath();
		DerbyNetworkServer.requireCredentials(absolute, ownerPassword);
		return new Server(absolute, port, DerbyNetworkServer.start(absolute, port, new PrintWriter(new StringWriter(), true)));
	}

	/** Credentials that give {@code password}, as a user typing it would; no boot password. */
	static CurrentDatabase.Credentials password(char[] password) {
		return new CurrentDatabase.Credentials() {
			@Override
			public char[] password(StoreSettings settings) {
				return password.clone();
			}

			@Override
			public char[] bootPassword(StoreSettings settings, boolean retry) {
				return null;
			}
		};
	}
}
