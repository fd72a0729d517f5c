package fr.mutualite.cqp.core.dossier;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the dossiers live: a Derby database embedded in this process (the default, in the user's
 * data folder), or the database a Derby network server shares on this machine.
 *
 * @param mode     embedded or client of a server
 * @param folder   the database folder (embedded mode)
 * @param host     the server's host (server mode)
 * @param port     the server's port (server mode)
 * @param database the database's name on the server (server mode)
 * @param user     the user name; in embedded mode, {@link #OWNER} unless the database asks for
 *                 credentials
 * @param password the user's password, or {@code null} when none is needed
 * @param bootPassword the boot password of an encrypted embedded database (the one a database
 *                 created with these settings is encrypted with), or {@code null}
 */
public record StoreSettings(Mode mode, Path folder, String host, int port, String database, String user,
		char[] password, char[] bootPassword) {

	/** How the product reaches its database. */
	public enum Mode {
		/** Derby runs in this process, on a folder of the data folder. */
		EMBEDDED,
		/** Derby runs in a network server; this process is one of its clients. */
		SERVER
	}

	/** Derby's usual port. */
	public static final int DEFAULT_PORT = 1527;
	/** The name of the database a server shares, and of its folder in the data folder. */
	public static final String DEFAULT_DATABASE = "base"; //$NON-NLS-1$
	/** The owner of the database, whose schema holds the tables. */
	public static final String OWNER = "CQP"; //$NON-NLS-1$
	/** The loopback address a server listens on. */
	public static final String LOOPBACK = "localhost"; //$NON-NLS-1$

	public StoreSettings {
		Objects.requireNonNull(mode);
		if (mode == Mode.EMBEDDED) {
			Objects.requireNonNull(folder);
		} else {
			Objects.requireNonNull(host);
			Objects.requireNonNull(database);
			Objects.requireNonNull(user);
		}
	}

	/** The database embedded in {@code folder}, opened as its owner without password. */
	public static StoreSettings embedded(Path folder) {
		return new StoreSettings(Mode.EMBEDDED, folder, null, 0, null, OWNER, null, null);
	}

	/** The database embedded in {@code folder}, opened with credentials. */
	public static StoreSettings embedded(Path folder, String user, char[] password) {
		return new StoreSettings(Mode.EMBEDDED, folder, null, 0, null, user, password, null);
	}

	/** The database {@code database} of the server at {@code host:port}. */
	public static StoreSettings server(String host, int port, String database, String user, char[] password) {
		return new StoreSettings(Mode.SERVER, null, host, port, database, user, password, null);
	}

	/** These settings, opening (or creating) an embedded database encrypted with {@code boot}. */
	public StoreSettings withBootPassword(char[] boot) {
		return new StoreSettings(mode, folder, host, port, database, user, password, boot);
	}

	/** Where the data lives, for messages. */
	public String location() {
		return mode == Mode.EMBEDDED ? folder.toString() : host + ':' + port + '/' + database;
	}

	@Override
	public String toString() {
		return mode + " " + location() + " (" + user + ')'; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
