package fr.mutualite.cqp.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.apache.derby.client.BasicClientDataSource;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.internal.SqlErrors;

/**
 * A database shared by a Derby network server, reached with Derby's client driver as a user
 * with a password.
 */
public final class ClientDerbyStore implements DataStore {

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
			return SqlErrors.inOwnerSchema(dataSource.getConnection(), settings.user());
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
}
