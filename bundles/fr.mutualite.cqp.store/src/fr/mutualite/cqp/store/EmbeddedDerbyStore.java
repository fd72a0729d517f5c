package fr.mutualite.cqp.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.PrivateFiles;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.internal.AccessRules;
import fr.mutualite.cqp.store.internal.Messages;
import fr.mutualite.cqp.store.internal.SqlErrors;

/**
 * A Derby database embedded in this process, kept in one folder that is its owner's alone
 * (folders 0700, files 0600, whatever the umask). Only {@link #create} makes a new database, and
 * all or nothing: it is made under a temporary name and renamed when Derby has written it, so
 * that a process killed meanwhile leaves no half-made database. Closing shuts the database down
 * so that another process may open it.
 */
public final class EmbeddedDerbyStore implements DataStore {

	/** SQLState Derby reports when a single database was shut down as asked. */
	private static final String SHUTDOWN_OK = "08006"; //$NON-NLS-1$
	/** The file that tells a folder holds a Derby database. */
	private static final String SERVICE_FILE = "service.properties"; //$NON-NLS-1$
	private static final String CREATING = ".creation-"; //$NON-NLS-1$
	/** Derby's data encryption, with AES rather than its default DES. */
	private static final String ENCRYPTION = "dataEncryption=true;encryptionAlgorithm=AES/CBC/NoPadding;encryptionKeyLength=256;"; //$NON-NLS-1$
	private static final String BOOT_PASSWORD = "bootPassword="; //$NON-NLS-1$
	/** Derby's shortest boot password. */
	public static final int MIN_BOOT_PASSWORD = 8;

	static {
		DerbySystem.prepare();
	}

	private final Path folder;
	private final String user;
	private final char[] password;
	private final char[] boot;
	private final EmbeddedDataSource dataSource;
	private boolean closed;

	private EmbeddedDerbyStore(Path folder, String user, char[] password, char[] boot) {
		this.folder = folder;
		this.user = user;
		this.password = password == null ? null : password.clone();
		this.boot = boot == null ? null : boot.clone();
		this.dataSource = dataSource(folder, user, password);
		if (boot != null) {
			dataSource.setConnectionAttributes(BOOT_PASSWORD + new String(boot));
		}
	}

	/** Opens the existing database kept in {@code folder} as its owner. */
	public static EmbeddedDerbyStore open(Path folder) throws CqpException {
		return open(folder, StoreSettings.OWNER, null);
	}

	/**
	 * Opens the existing database kept in {@code folder} as {@code user} (with {@code password}
	 * when the database asks for credentials); refuses a folder that holds no database.
	 */
	public static EmbeddedDerbyStore open(Path folder, String user, char[] password) throws CqpException {
		return open(folder, user, password, null);
	}

	/**
	 * Opens the existing database kept in {@code folder} as {@code user}, an encrypted one with its
	 * boot password {@code boot}.
	 */
	public static EmbeddedDerbyStore open(Path folder, String user, char[] password, char[] boot) throws CqpException {
		checkBootPassword(boot);
		return boot(existing(folder), user, password, boot);
	}

	/**
	 * Encrypts the existing database of {@code folder} (Derby's data encryption, AES) with the
	 * boot password {@code boot}, which every opening then needs. The database must not be open
	 * elsewhere; Derby rewrites it all or nothing.
	 */
	public static void encrypt(Path folder, String user, char[] password, char[] boot) throws CqpException {
		Path absolute = existing(folder);
		if (boot == null) {
			throw new CqpException(NLS.bind(Messages.Encryption_shortPassword, Integer.valueOf(MIN_BOOT_PASSWORD)));
		}
		checkBootPassword(boot);
		if (encrypted(absolute)) {
			throw new CqpException(NLS.bind(Messages.Encryption_already, absolute));
		}
		routeDerbyLog(absolute.getParent());
		EmbeddedDataSource source = dataSource(absolute, user, password);
		source.setConnectionAttributes(ENCRYPTION + BOOT_PASSWORD + new String(boot));
		try {
			source.getConnection().close();
			shutdown(absolute, user, password, boot);
		} catch (SQLException e) {
			throw new CqpException(SqlErrors.openFailure(absolute.toString(), e), e);
		}
	}

	/** Refuses a boot password Derby would refuse, or read as connection options. */
	private static void checkBootPassword(char[] boot) throws CqpException {
		if (boot == null) {
			return;
		}
		if (boot.length < MIN_BOOT_PASSWORD) {
			throw new CqpException(NLS.bind(Messages.Encryption_shortPassword, Integer.valueOf(MIN_BOOT_PASSWORD)));
		}
		if (new String(boot).chars().anyMatch(c -> c == ';' || c == '=' || Character.isISOControl(c))) {
			throw new CqpException(Messages.Encryption_badPassword);
		}
	}

	/** The absolute path of the database in {@code folder}, refused when there is none. */
	public static Path existing(Path folder) throws CqpException {
		Path absolute = checked(folder);
		if (!exists(absolute)) {
			throw new CqpException(NLS.bind(Files.exists(absolute) ? Messages.Store_notADatabase : Messages.Store_missing,
					absolute));
		}
		return absolute;
	}

	/**
	 * Creates a new database in {@code folder} (which must not exist, or be an empty folder) and
	 * opens it as its owner, with {@code password} when given.
	 */
	public static EmbeddedDerbyStore create(Path folder, char[] password) throws CqpException {
		return create(folder, password, null);
	}

	/**
	 * Creates a new database in {@code folder} as {@link #create(Path, char[])} does, encrypted
	 * with the boot password {@code boot} when given.
	 */
	public static EmbeddedDerbyStore create(Path folder, char[] password, char[] boot) throws CqpException {
		checkBootPassword(boot);
		Path absolute = checked(folder);
		try {
			if (Files.exists(absolute) && !isEmptyFolder(absolute)) {
				throw new CqpException(NLS.bind(Messages.Store_notADatabase, absolute));
			}
			PrivateFiles.createFolders(absolute.getParent());
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Store_cannotCreateFolder, absolute.getParent(), IoErrors.reason(e)), e);
		}
		routeDerbyLog(absolute.getParent());
		Path making = absolute.resolveSibling('.' + absolute.getFileName().toString() + CREATING + UUID.randomUUID());
		EmbeddedDataSource source = dataSource(making, StoreSettings.OWNER, password);
		source.setCreateDatabase("create"); //$NON-NLS-1$
		if (boot != null) {
			source.setConnectionAttributes(ENCRYPTION + BOOT_PASSWORD + new String(boot));
		}
		try {
			source.getConnection().close();
			shutdown(making, StoreSettings.OWNER, password, boot);
			Files.deleteIfExists(absolute);
			Files.move(making, absolute, StandardCopyOption.ATOMIC_MOVE);
		} catch (SQLException e) {
			throw new CqpException(SqlErrors.openFailure(absolute.toString(), e), e);
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Store_cannotCreate, absolute, IoErrors.reason(e)), e);
		} finally {
			removeLeftover(making);
		}
		return boot(absolute, StoreSettings.OWNER, password, boot);
	}

	/** Whether the database of {@code folder} (which must hold one) is encrypted. */
	public static boolean encrypted(Path folder) throws CqpException {
		Path absolute = existing(folder);
		try {
			return Files.readAllLines(absolute.resolve(SERVICE_FILE), StandardCharsets.ISO_8859_1).contains("dataEncryption=true"); //$NON-NLS-1$
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Store_cannotOpen, absolute, IoErrors.reason(e)), e);
		}
	}

	/** Whether {@code folder} holds a Derby database. */
	public static boolean exists(Path folder) {
		return Files.isRegularFile(folder.resolve(SERVICE_FILE));
	}

	/**
	 * The absolute form of {@code folder}, refused when Derby would read part of it as connection
	 * attributes (a {@code ;}) rather than as a folder.
	 */
	private static Path checked(Path folder) throws CqpException {
		Path absolute = folder.toAbsolutePath().normalize();
		if (absolute.toString().indexOf(';') >= 0 || absolute.getParent() == null
				|| absolute.toString().chars().anyMatch(Character::isISOControl)) {
			throw new CqpException(NLS.bind(Messages.Store_badFolderName, folder));
		}
		return absolute;
	}

	private static EmbeddedDerbyStore boot(Path absolute, String user, char[] password, char[] boot) throws CqpException {
		routeDerbyLog(absolute.getParent());
		EmbeddedDerbyStore store = new EmbeddedDerbyStore(absolute, user, password, boot);
		try (Connection c = store.dataSource.getConnection()) {
			// Booting happens here; nothing else to do.
		} catch (SQLException e) {
			throw new CqpException(SqlErrors.openFailure(absolute.toString(), e), e);
		}
		try {
			PrivateFiles.restrictTree(absolute);
		} catch (IOException e) {
			store.close();
			throw new CqpException(NLS.bind(Messages.Store_cannotProtect, absolute, IoErrors.reason(e)), e);
		}
		return store;
	}

	@Override
	public Connection connect() throws CqpException {
		if (closed) {
			throw new CqpException(NLS.bind(Messages.Store_closed, folder));
		}
		try {
			return AccessRules.begin(dataSource.getConnection(), user, folder.toString());
		} catch (SQLException e) {
			throw new CqpException(SqlErrors.openFailure(folder.toString(), e), e);
		}
	}

	@Override
	public String location() {
		return folder.toString();
	}

	@Override
	public synchronized void close() throws CqpException {
		if (closed) {
			return;
		}
		closed = true;
		try {
			shutdown(folder, user, password, boot);
		} catch (SQLException e) {
			throw new CqpException(NLS.bind(Messages.Store_cannotClose, folder), e);
		}
	}

	private static void shutdown(Path folder, String user, char[] password, char[] boot) throws SQLException {
		EmbeddedDataSource shutdown = dataSource(folder, user, password);
		if (boot != null) {
			shutdown.setConnectionAttributes(BOOT_PASSWORD + new String(boot));
		}
		shutdown.setShutdownDatabase("shutdown"); //$NON-NLS-1$
		try (Connection c = shutdown.getConnection()) {
			throw new SQLException("Derby did not shut the database down"); //$NON-NLS-1$
		} catch (SQLException e) {
			if (!SHUTDOWN_OK.equals(e.getSQLState())) {
				throw e;
			}
		}
	}

	private static EmbeddedDataSource dataSource(Path folder, String user, char[] password) {
		EmbeddedDataSource source = new EmbeddedDataSource();
		source.setDatabaseName(folder.toString());
		source.setUser(user);
		if (password != null) {
			source.setPassword(new String(password));
		}
		return source;
	}

	private static boolean isEmptyFolder(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
	}

	/** Removes what a creation interrupted here left under its temporary name. */
	private static void removeLeftover(Path making) {
		try {
			PrivateFiles.deleteTree(making);
		} catch (IOException e) {
			// a private leftover folder beside the database; nothing was lost
		}
	}

	/** Derby writes derby.log in the working folder unless told otherwise: keep it beside the data. */
	private static void routeDerbyLog(Path dataFolder) {
		if (System.getProperty("derby.stream.error.file") == null) { //$NON-NLS-1$
			System.setProperty("derby.stream.error.file", dataFolder.resolve("derby.log").toString()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
