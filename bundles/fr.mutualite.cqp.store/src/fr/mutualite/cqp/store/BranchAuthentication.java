package fr.mutualite.cqp.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

import org.apache.derby.authentication.UserAuthenticator;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.PrivateFiles;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.internal.Messages;

/**
 * The network server's own authentication, for everything but the branch's database (which
 * checks its users itself, Derby's NATIVE authentication): no client opens or creates another
 * database on the server's disk, whatever its credentials; the server's own operations (its
 * shutdown, whichever thread asks) are allowed to the branch database's owner only. A database
 * the server's process opens itself, embedded, is not its clients' doing and stays allowed. Derby creates it by its name
 * ({@code derby.authentication.provider}) and finds the branch database in
 * {@value #DATABASE_PROPERTY}.
 */
public final class BranchAuthentication implements UserAuthenticator {

	/** The system property naming the database the server shares. */
	static final String DATABASE_PROPERTY = "cqp.server.database"; //$NON-NLS-1$
	private static final String CREATE = "create"; //$NON-NLS-1$
	private static final long CLEANUP_DELAY_MS = 1_000;
	/** When this class was loaded, with the server: what was made before is never removed. */
	private static final long STARTED = System.currentTimeMillis();

	@Override
	public boolean authenticateUser(String user, String password, String database, Properties info) throws SQLException {
		if (database != null && !fromClient()) {
			return true;
		}
		String shared = System.getProperty(DATABASE_PROPERTY);
		if (database != null && info != null && info.getProperty(CREATE) != null) {
			discard(database, shared);
		}
		if (database != null || shared == null || password == null || !StoreSettings.OWNER.equalsIgnoreCase(user)) {
			return false;
		}
		EmbeddedDataSource source = new EmbeddedDataSource();
		source.setDatabaseName(Path.of(shared).toString());
		source.setUser(user);
		source.setPassword(password);
		try (Connection c = source.getConnection()) {
			return true;
		} catch (SQLException e) {
			return false;
		}
	}

	/**
	 * Removes the database a refused client asked to create: Derby creates it before it asks who
	 * connects. Only one this server made a moment ago, and never the shared one, is removed, once
	 * the refused connection let it go; the server's log says so.
	 */
	private static void discard(String database, String shared) {
		// Derby reads a relative name under the home it booted with: the server's data folder, or
		// the working folder when the engine booted in this process before the server started
		Set<Path> candidates = new LinkedHashSet<>();
		for (String home : new String[] { System.getProperty("derby.system.home"), System.getProperty("user.dir") }) { //$NON-NLS-1$ //$NON-NLS-2$
			if (home != null) {
				candidates.add(Path.of(home).resolve(database).toAbsolutePath().normalize());
			}
		}
		if (shared != null) {
			candidates.remove(Path.of(shared));
		}
		for (Path folder : candidates) {
			discardLater(folder);
		}
	}

	private static void discardLater(Path folder) {
		Thread cleaner = new Thread(() -> {
			try {
				Thread.sleep(CLEANUP_DELAY_MS);
				Path service = folder.resolve("service.properties"); //$NON-NLS-1$
				if (!Files.isRegularFile(service)) {
					return; // no database there: nothing Derby began
				}
				FileTime made = Files.readAttributes(service, BasicFileAttributes.class).creationTime();
				if (made.toMillis() < STARTED - CLEANUP_DELAY_MS) {
					return;
				}
				EmbeddedDataSource source = new EmbeddedDataSource();
				source.setDatabaseName(folder.toString());
				source.setShutdownDatabase("shutdown"); //$NON-NLS-1$
				try (Connection c = source.getConnection()) {
					// never reached: a shutdown answers with an exception
				} catch (SQLException e) {
					// shut down, or not booted
				}
				PrivateFiles.deleteTree(folder);
				System.err.println(NLS.bind(Messages.Server_creationRefused, folder));
			} catch (IOException e) {
				System.err.println(NLS.bind(Messages.Server_creationLeft, folder, IoErrors.reason(e)));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "cqp-refused-database-cleaner"); //$NON-NLS-1$
		cleaner.setDaemon(true);
		cleaner.start();
	}

	/** Whether the connection is a network client's: the server's threads serve them. */
	private static boolean fromClient() {
		return Thread.currentThread().getClass().getName().startsWith("org.apache.derby.impl.drda."); //$NON-NLS-1$
	}
}
