package fr.mutualite.cqp.store;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;

import org.apache.derby.drda.NetworkServerControl;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.internal.AccessRules;
import fr.mutualite.cqp.store.internal.Messages;
import fr.mutualite.cqp.store.internal.SqlErrors;

/**
 * Derby's network server on the loopback interface, sharing databases with several users of
 * this machine. Databases it shares require user names and passwords (Derby's NATIVE
 * authentication, the credentials stored hashed in the database itself).
 */
public final class DerbyNetworkServer {

	private static final String PROVIDER = "derby.authentication.provider"; //$NON-NLS-1$
	private static final String NATIVE_LOCAL = "NATIVE::LOCAL"; //$NON-NLS-1$
	private static final long START_TIMEOUT_MS = 30_000;
	/** The shortest password a new user of a shared database may have. */
	public static final int MIN_PASSWORD_LENGTH = 8;

	static {
		DerbySystem.prepare();
	}

	private final NetworkServerControl control;
	private final int port;

	private DerbyNetworkServer(NetworkServerControl control, int port) {
		this.control = control;
		this.port = port;
	}

	/**
	 * Makes the database in {@code folder} require credentials, its owner having
	 * {@code password}, if it does not yet; creates the database if there is none. The database
	 * must not be open elsewhere. Returns whether credentials were set up now.
	 */
	public static boolean requireCredentials(Path folder, char[] password) throws CqpException {
		boolean fresh = !EmbeddedDerbyStore.exists(folder);
		if (fresh) {
			checkNewPassword(StoreSettings.OWNER, password);
		}
		try (EmbeddedDerbyStore store = fresh ? EmbeddedDerbyStore.create(folder, password)
				: EmbeddedDerbyStore.open(folder, StoreSettings.OWNER, password); Connection c = store.connect()) {
			if (AccessRules.enforced(c)) {
				return false;
			}
			if (!fresh) {
				checkNewPassword(StoreSettings.OWNER, password);
			}
			try (CallableStatement s = c.prepareCall("CALL SYSCS_UTIL.SYSCS_CREATE_USER(?, ?)")) { //$NON-NLS-1$
				s.setString(1, StoreSettings.OWNER);
				s.setString(2, new String(password));
				s.execute();
			}
			// Storing the owner's credentials turns NATIVE authentication on (Derby 10.9 and later);
			// older behaviours needed the property set explicitly.
			if (!AccessRules.enforced(c)) {
				try (CallableStatement s = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) { //$NON-NLS-1$
					s.setString(1, PROVIDER);
					s.setString(2, NATIVE_LOCAL);
					s.execute();
				}
			}
			return true;
		} catch (SQLException e) {
			throw new CqpException(NLS.bind(Messages.Server_cannotSecure, folder, e.getSQLState()), e);
		}
	}

	/** Refuses a password too short to be given to a new user of a shared database. */
	public static void checkNewPassword(String user, char[] password) throws CqpException {
		if (password == null || password.length < MIN_PASSWORD_LENGTH) {
			throw new CqpException(NLS.bind(Messages.Server_shortPassword, user, Integer.valueOf(MIN_PASSWORD_LENGTH)));
		}
	}

	/**
	 * Starts a server sharing the database in {@code database} (its credentials required, see
	 * {@link #requireCredentials}) on {@code localhost:port}, writing its log to {@code log}, and
	 * waits until it answers. Clients name the database by its folder's name; the server opens
	 * and creates no other ({@link BranchAuthentication}).
	 */
	public static DerbyNetworkServer start(Path database, int port, PrintWriter log) throws CqpException {
		Path shared = database.toAbsolutePath().normalize();
		NetworkServerControl control = control(port);
		if (answers(control)) {
			throw new CqpException(NLS.bind(Messages.Server_alreadyRunning, address(port)));
		}
		System.setProperty("derby.system.home", shared.getParent().toString()); //$NON-NLS-1$
		System.setProperty(BranchAuthentication.DATABASE_PROPERTY, shared.toString());
		System.setProperty("derby.connection.requireAuthentication", "true"); //$NON-NLS-1$ //$NON-NLS-2$
		System.setProperty(PROVIDER, BranchAuthentication.class.getName());
		try {
			control.start(log);
		} catch (Exception e) {
			throw new CqpException(NLS.bind(Messages.Server_cannotStart, address(port), Messages.Store_seeLog), e);
		}
		long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
		while (!answers(control)) {
			if (System.currentTimeMillis() > deadline) {
				throw new CqpException(NLS.bind(Messages.Server_cannotStart, address(port), Messages.Server_noAnswer));
			}
			sleep(100);
		}
		return new DerbyNetworkServer(control, port);
	}

	/** Whether a server answers on {@code localhost:port}. */
	public static boolean running(int port) throws CqpException {
		return answers(control(port));
	}

	/** Asks the server on {@code localhost:port} to stop; fails if none answers. */
	public static void stop(int port) throws CqpException {
		stop(port, null, null);
	}

	/**
	 * Asks the server on {@code localhost:port} to stop, as {@code user} when a password is given
	 * (a server whose databases ask for credentials asks for them to stop too).
	 */
	public static void stop(int port, String user, char[] password) throws CqpException {
		NetworkServerControl control;
		try {
			control = password == null ? control(port)
					: new NetworkServerControl(InetAddress.getByName(StoreSettings.LOOPBACK), port, user,
							new String(password));
		} catch (Exception e) {
			throw new CqpException(NLS.bind(Messages.Server_cannotStop, address(port), Messages.Store_seeLog), e);
		}
		if (!answers(control)) {
			throw new CqpException(NLS.bind(Messages.Server_notRunning, address(port)));
		}
		try {
			control.shutdown();
		} catch (Exception e) {
			throw new CqpException(NLS.bind(Messages.Server_cannotStop, address(port), Messages.Store_seeLog), e);
		}
	}

	/** Blocks until this server stops (asked by {@link #stop} from any process). */
	public void awaitStop() {
		while (answers(control)) {
			sleep(500);
		}
	}

	/** Stops this server. */
	public void stop() throws CqpException {
		stop(port);
	}

	/** The address clients use. */
	public static String address(int port) {
		return StoreSettings.LOOPBACK + ':' + port;
	}

	private static NetworkServerControl control(int port) throws CqpException {
		try {
			return new NetworkServerControl(InetAddress.getByName(StoreSettings.LOOPBACK), port);
		} catch (Exception e) {
			throw new CqpException(NLS.bind(Messages.Server_cannotStart, address(port), Messages.Store_seeLog), e);
		}
	}

	private static boolean answers(NetworkServerControl control) {
		try {
			control.ping();
			return true;
		} catch (Exception e) {
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
