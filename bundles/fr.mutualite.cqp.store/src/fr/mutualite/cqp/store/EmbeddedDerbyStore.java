package fr.mutualite.cqp.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.internal.Messages;
import fr.mutualite.cqp.store.internal.SqlErrors;

/**
 * A Derby database embedded in this process, kept in one folder. Opening creates the database
 * when the folder holds none; closing shuts it down so that another process may open it.
 */
public final class EmbeddedDerbyStore implements DataStore {

	/** SQLState Derby reports when a single database was shut down as asked. */
	private static final String SHUTDOWN_OK = "08006"; //$NON-NLS-1$

	private final Path folder;
	private final String user;
	private final char[] password;
	private final EmbeddedDataSource dataSource;
	private boolean closed;

	private EmbeddedDerbyStore(Path folder, String user, char[] password) {
		this.folder = folder;
		this.user = user;
		this.password = password == null ? null : password.clone();
		this.dataSource = dataSource(folder, user, password);
	}

	/**
	 * Opens the database kept in {@code folder} as its owner, creating it (and missing parent
	 * folders) when the folder does not exist yet.
	 */
	public static EmbeddedDerbyStore open(Path folder) throws CqpException {
		return open(folder, StoreSettings.OWNER, null);
	}

	/**
	 * Opens the database kept in {@code folder} as {@code user} (with {@code password} when the
	 * database asks for credentials), creating it when the folder does not exist yet.
	 */
	public static EmbeddedDerbyStore open(Path folder, String user, char[] password) throws CqpException {
		Path absolute = folder.toAbsolutePath().normalize();
		try {
			Files.createDirectories(absolute.getParent());
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Store_cannotCreateFolder, absolute.getParent()), e);
		}
		routeDerbyLog(absolute.getParent());
		EmbeddedDerbyStore store = new EmbeddedDerbyStore(absolute, user, password);
		store.dataSource.setCreateDatabase("create"); //$NON-NLS-1$
		try (Connection c = store.dataSource.getConnection()) {
			// Booting happens here; nothing else to do.
		} catch (SQLException e) {
			throw new CqpException(SqlErrors.openFailure(absolute.toString(), e), e);
		} finally {
			store.dataSource.setCreateDatabase(null);
		}
		return store;
	}

	@Override
	public Connection connect() throws CqpException {
		if (closed) {
			throw new CqpException(NLS.bind(Messages.Store_closed, folder));
		}
		try {
			return SqlErrors.inOwnerSchema(dataSource.getConnection(), user);
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
		EmbeddedDataSource shutdown = dataSource(folder, user, password);
		shutdown.setShutdownDatabase("shutdown"); //$NON-NLS-1$
		try (Connection c = shutdown.getConnection()) {
			throw new CqpException(NLS.bind(Messages.Store_cannotClose, folder));
		} catch (SQLException e) {
			if (!SHUTDOWN_OK.equals(e.getSQLState())) {
				throw new CqpException(NLS.bind(Messages.Store_cannotClose, folder), e);
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

	/** Derby writes derby.log in the working folder unless told otherwise: keep it beside the data. */
	private static void routeDerbyLog(Path dataFolder) {
		if (System.getProperty("derby.stream.error.file") == null) { //$NON-NLS-1$
			System.setProperty("derby.stream.error.file", dataFolder.resolve("derby.log").toString()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
