package fr.mutualite.cqp.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.internal.Messages;
import fr.mutualite.cqp.store.internal.SqlErrors;

/**
 * A database shared by a Derby network server, reached with Derby's client driver as a user
 * with a password.
 */
public final class ClientDerbyStore implements DataStore {

	/** The client driver's bundle and class (its package clashes with the engine's, so it is not imported). */
	private static final String CLIENT_BUNDLE = "derbyclient"; //$NON-NLS-1$
	private static final String CLIENT_DRIVER = "org.apache.derby.client.ClientAutoloadedDriver"; //$NON-NLS-1$

	private final StoreSettings settings;
	private final Driver driver;
	private final String url;

	private ClientDerbyStore(StoreSettings settings, Driver driver) {
		this.settings = settings;
		this.driver = driver;
		this.url = "jdbc:derby://" + settings.host() + ':' + settings.port() + '/' + settings.database(); //$NON-NLS-1$
	}

	/** Connects to the server {@code settings} names, checking that it answers and accepts the user. */
	public static ClientDerbyStore open(StoreSettings settings) throws CqpException {
		ClientDerbyStore store = new ClientDerbyStore(settings, loadDriver());
		try (Connection c = store.connect()) {
			return store;
		} catch (SQLException e) {
			throw new CqpException(SqlErrors.serverFailure(settings, e), e);
		}
	}

	@Override
	public Connection connect() throws CqpException {
		Properties properties = new Properties();
		properties.setProperty("user", settings.user()); //$NON-NLS-1$
		if (settings.password() != null) {
			properties.setProperty("password", new String(settings.password())); //$NON-NLS-1$
		}
		try {
			Connection connection = driver.connect(url, properties);
			return SqlErrors.inOwnerSchema(connection, settings.user());
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

	private static Driver loadDriver() throws CqpException {
		Bundle self = FrameworkUtil.getBundle(ClientDerbyStore.class);
		if (self != null && self.getBundleContext() != null) {
			for (Bundle bundle : self.getBundleContext().getBundles()) {
				if (CLIENT_BUNDLE.equals(bundle.getSymbolicName())) {
					try {
						return (Driver) bundle.loadClass(CLIENT_DRIVER).getConstructor().newInstance();
					} catch (ReflectiveOperationException | ClassCastException e) {
						throw new CqpException(NLS.bind(Messages.Store_noClientDriver, e), e);
					}
				}
			}
		}
		throw new CqpException(NLS.bind(Messages.Store_noClientDriver, CLIENT_BUNDLE));
	}
}
