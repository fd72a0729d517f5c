package fr.mutualite.cqp.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.apache.derby.client.BasicClientDataSource;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.internal.AccessRules;
import fr.mutualite.cqp.store.internal.Messages;
import fr.mutualite.cqp.store.internal.SqlErrors;

/**
 * A database shared by a Derby network server, reached with Derby's client driver as a user
 * with a password.
 */
public final class ClientDerbyStore implements DataStore {

	private static final int MAX_PORT = 65_535;

	private final StoreSettings settings;
	private final BasicClientDataSource dataSource = new BasicClientDataSource();

	private ClientDerbyStore(StoreSettings settings) {
		this.settings = settings;
		dataSource.setServerName(settings.host());
		dataSource.setPortNumber(settings.port());
		dataSource.setDatabaseName(settings.database());
		dataSource.setUser(settings.user());
		if (settings.password() != null) {
			dataSource.setPassword(new String(settings.password()));
		}
	}

	/** Connects to the server {@code settings} names, checking that it answers and accepts the user. */
	public static ClientDerbyStore open(StoreSettings settings) throws CqpException {
		checkAddress(settings);
		ClientDerbyStore store = new ClientDerbyStore(settings);
		try (Connection c = store.connect()) {
			return store;
		} catch (SQLException e) {
			throw new CqpException(SqlErrors.serverFailure(settings, e), e);
		}
	}

	@Override
	public Connection connect() throws CqpException {
		try {
			return AccessRules.begin(dataSource.getConnection(), settings.user(), settings.location());
		} catch (SQLException e) {
			throw new CqpException(SqlErrors.serverFailure(settings, e), e);
		}
	}

	@Override
	public String location() {
		return settings.location();
	}

	@Override
	public void close() {
		// Connections are closed by their users; the server keeps the database open for others.
	}

	/**
	 * Refuses a server address no client could reach: a port outside 1-65535, a host or a
	 * database name holding what Derby would read as connection options.
	 */
	public static void checkAddress(StoreSettings settings) throws CqpException {
		if (settings.port() < 1 || settings.port() > MAX_PORT) {
			throw new CqpException(NLS.bind(Messages.Store_badPort, String.valueOf(settings.port())));
		}
		if (!settings.host().matches("[A-Za-z0-9.:\\[\\]-]+")) { //$NON-NLS-1$
			throw new CqpException(NLS.bind(Messages.Store_badHost, settings.host()));
		}
		if (settings.database().isBlank() || settings.database().indexOf(';') >= 0
				|| settings.database().chars().anyMatch(Character::isISOControl)) {
			throw new CqpException(NLS.bind(Messages.Store_badDatabaseName, settings.database()));
		}
	}
}
