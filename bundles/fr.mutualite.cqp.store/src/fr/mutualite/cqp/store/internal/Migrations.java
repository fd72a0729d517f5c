package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Creates and upgrades the schema with Liquibase, from the change sets of {@code db/changelog.xml}.
 * A database that ran change sets this version does not know was written by a newer product: it
 * is refused, untouched.
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
				try (Liquibase liquibase = new Liquibase(CHANGELOG,
						new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database)) {
					if (exclusive) {
						liquibase.forceReleaseLocks();
					}
					Collection<RanChangeSet> unknown = liquibase.listUnexpectedChangeSets(new Contexts(),
							new LabelExpression());
					if (!unknown.isEmpty()) {
						throw new NewerDatabase(NLS.bind(Messages.Store_newerSchema, location,
								String.join(", ", unknown.stream().map(RanChangeSet::getId).toList()))); //$NON-NLS-1$
					}
					if (count < 0) {
						liquibase.update(new Contexts(), new LabelExpression());
					} else {
						liquibase.update(count, new Contexts(), new LabelExpression());
					}
				}
			});
		} catch (NewerDatabase e) {
			throw new CqpException(e.getMessage());
		} catch (Exception e) {
			Throwable cause = e instanceof LiquibaseException && e.getCause() != null ? e.getCause() : e;
			throw new CqpException(NLS.bind(Messages.Store_migrationFailed, location, cause.getMessage()), e);
		}
	}

	/** Carries the refusal of a newer database out of Liquibase's scope. */
	private static final class NewerDatabase extends RuntimeException {
		private static final long serialVersionUID = 1L;

		NewerDatabase(String message) {
			super(message);
		}
	}
}
