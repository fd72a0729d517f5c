package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Creates and upgrades the schema with Liquibase, from the change sets of {@code db/changelog.xml}.
 * A database that ran change sets this version does not know was written by a newer product: it
 * is refused, untouched. Only the database's owner upgrades it; in a database with credentials,
 * every user may then read and write its tables.
 */
public final class Migrations {

	private static final String CHANGELOG = "db/changelog.xml"; //$NON-NLS-1$

	private Migrations() {
	}

	/**
	 * Brings the schema of the database behind {@code connection} up to date; Liquibase closes
	 * the connection. {@code exclusive} says no other process can reach the database (embedded
	 * mode), so that a lock left by a process killed during a migration may be released.
	 */
	public static void migrate(Connection connection, String location, boolean exclusive) throws CqpException {
		run(connection, location, exclusive, -1);
	}

	/** Applies the first {@code count} change sets only: how an older version left its databases. */
	public static void migrate(Connection connection, String location, int count) throws CqpException {
		run(connection, location, true, count);
	}

	private static void run(Connection connection, String location, boolean exclusive, int count) throws CqpException {
		Map<String, Object> scope = new HashMap<>();
		scope.put(Scope.Attr.ui.name(), new LoggerUIService());
		scope.put("liquibase.analytics.enabled", Boolean.FALSE); //$NON-NLS-1$
		scope.put("liquibase.changelogLockWaitTimeInMinutes", Long.valueOf(1)); //$NON-NLS-1$
		try {
			Scope.child(scope, () -> {
				Database database = DatabaseFactory.getInstance()
						.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				if (database instanceof DerbyDatabase derby) {
					// Liquibase shuts an embedded database down when it is done, without the
					// credentials a protected database asks for; the store keeps it open.
					derby.setShutdownEmbeddedDerby(false);
				}
				try (Liquibase liquibase = new Liquibase(CHANGELOG,
						new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database)) {
					Set<String> known = new LinkedHashSet<>();
					for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
						known.add(changeSet.getId());
					}
					Set<String> ran = ran(connection);
					List<String> unknown = new ArrayList<>(ran);
					unknown.removeAll(known);
					if (!unknown.isEmpty()) {
						throw new Refusal(NLS.bind(Messages.Store_newerSchema, location, String.join(", ", unknown))); //$NON-NLS-1$
					}
					if (ran.containsAll(known) && count < 0) {
						return;
					}
					if (!StoreSettings.OWNER.equalsIgnoreCase(connection.getMetaData().getUserName())) {
						throw new Refusal(NLS.bind(Messages.Store_ownerMustUpgrade, location, StoreSettings.OWNER));
					}
					liquibase.setShowSummary(UpdateSummaryEnum.OFF);
					liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
					if (exclusive) {
						liquibase.forceReleaseLocks();
					}
					if (count < 0) {
						liquibase.update(new Contexts(), new LabelExpression());
					} else {
						liquibase.update(count, new Contexts(), new LabelExpression());
					}
					shareWithUsers(connection);
				}
			});
		} catch (Refusal e) {
			throw new CqpException(e.getMessage());
		} catch (Exception e) {
			Throwable cause = e instanceof LiquibaseException && e.getCause() != null ? e.getCause() : e;
			throw new CqpException(NLS.bind(Messages.Store_migrationFailed, location, cause.getMessage()), e);
		}
	}

	/** The ids of the change sets the database ran (none for a new database). */
	private static Set<String> ran(Connection connection) throws SQLException {
		Set<String> ids = new LinkedHashSet<>();
		try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "DATABASECHANGELOG", //$NON-NLS-1$
				null)) {
			if (!tables.next()) {
				return ids;
			}
		}
		try (Statement s = connection.createStatement();
				ResultSet r = s.executeQuery("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) { //$NON-NLS-1$
			while (r.next()) {
				ids.add(r.getString(1));
			}
		}
		return ids;
	}

	/**
	 * In a database with credentials (SQL authorization on), lets every user read and write the
	 * tables and read the views; the owner alone changes their structure.
	 */
	private static void shareWithUsers(Connection connection) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) { //$NON-NLS-1$
			s.setString(1, "derby.authentication.provider"); //$NON-NLS-1$
			try (ResultSet r = s.executeQuery()) {
				if (!r.next() || r.getString(1) == null) {
					return;
				}
			}
		}
		List<String[]> objects = new ArrayList<>();
		try (ResultSet r = connection.getMetaData().getTables(null, connection.getSchema(), "%", //$NON-NLS-1$
				new String[] { "TABLE", "VIEW" })) { //$NON-NLS-1$ //$NON-NLS-2$
			while (r.next()) {
				objects.add(new String[] { r.getString("TABLE_NAME"), r.getString("TABLE_TYPE") }); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement s = connection.createStatement()) {
			for (String[] object : objects) {
				String rights = "VIEW".equals(object[1]) ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				s.executeUpdate("GRANT " + rights + " ON " + connection.getSchema() + '.' + object[0] + " TO PUBLIC"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			connection.commit();
		} finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/** Carries a refusal out of Liquibase's scope. */
	private static final class Refusal extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Refusal(String message) {
			super(message);
		}
	}
}
