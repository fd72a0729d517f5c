package fr.mutualite.cqp.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Creates and upgrades the schema with Liquibase, from the change sets of {@code db/changelog.xml}.
 * An upgrade is one transaction: the change sets, their changelog rows and the rights given to the
 * database's users are committed together, so that a process killed at any moment leaves the
 * database at its old version or at the new one (Derby's DDL is transactional; Liquibase's own
 * commits are held back). A database that ran change sets this version does not know was written
 * by a newer product: it is refused, untouched. A database an older release left half-upgraded
 * (a change set applied, its changelog row missing) is refused with the way out:
 * {@link #repair}. Only the database's owner upgrades it; in a database with credentials, every
 * user may read and write its tables.
 */
public final class Migrations {

	private static final String CHANGELOG = "db/changelog.xml"; //$NON-NLS-1$
	/** Derby's "object already exists". */
	private static final String EXISTS = "X0Y32"; //$NON-NLS-1$
	private static final String CHANGELOG_TABLE = "DATABASECHANGELOG", LOCK_TABLE = "DATABASECHANGELOGLOCK"; //$NON-NLS-1$ //$NON-NLS-2$
	/** The structure of a new database after 0, 1, ... change sets, in the digests {@link #structure} gives. */
	private static final String STRUCTURES = "db/structures.txt"; //$NON-NLS-1$
	/** The tables and routines not made by the change sets: Liquibase's, and those the access rules make. */
	private static final Set<String> NOT_MIGRATED = Set.of(CHANGELOG_TABLE, LOCK_TABLE, AccessRules.KNOWN_CANDIDATE,
			AccessRules.STAT_REFRESH);
	/** The structures of the versions, read once: the change sets of a release never change. */
	private static List<Structure> structures;

	private Migrations() {
	}

	/**
	 * Brings the schema of the database behind {@code connection} up to date, then closes the
	 * connection. {@code exclusive} says no other process can reach the database (embedded
	 * mode), so that a lock left by a process of an older release killed during a migration may
	 * be released. {@code notices} is told, before it starts, that an upgrade is made.
	 */
	public static void migrate(Connection connection, String location, boolean exclusive, Consumer<String> notices)
			throws CqpException {
		run(connection, location, exclusive, -1, notices);
	}

	/** Applies the first {@code count} change sets only: how an older version left its databases. */
	public static void migrate(Connection connection, String location, int count) throws CqpException {
		run(connection, location, true, count, notice -> {
		});
	}

	/** The ids of the change sets of this version, in order. */
	public static List<String> changeSets() throws CqpException {
		try {
			return Scope.child(scope(), () -> {
				try (Liquibase liquibase = liquibase(null)) {
					return ids(liquibase);
				}
			});
		} catch (Exception e) {
			throw new CqpException(NLS.bind(Messages.Store_migrationFailed, CHANGELOG, Messages.Store_seeLog), e);
		}
	}

	private static void run(Connection connection, String location, boolean exclusive, int count,
			Consumer<String> notices) throws CqpException {
		try {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				// a database at this version, the most frequent case, is opened without Liquibase (0.7 s
				// to start and read the change sets)
				Applied applied = count < 0 && upToDate(connection) ? new Applied(List.of(), false)
						: Scope.child(scope(), () -> update(connection, location, exclusive, count, notices));
				if (isOwner(connection)) {
					AccessRules.apply(connection);
				}
				connection.commit();
				if (applied.upgrade()) {
					notices.accept(NLS.bind(Messages.Store_upgraded, location, String.join(", ", applied.ids()))); //$NON-NLS-1$
				}
			} catch (Exception e) {
				Jdbc.rollback(connection);
				throw e;
			} finally {
				connection.setAutoCommit(autoCommit);
			}
		} catch (Refusal e) {
			throw new CqpException(e.getMessage());
		} catch (Exception e) {
			throw new CqpException(NLS.bind(Messages.Store_migrationFailed, location, reason(e)), e);
		} finally {
			try {
				connection.close();
			} catch (SQLException e) {
				// the outcome is known already; the connection goes with the database
			}
		}
	}

	/** The change sets run by an opening, and whether they upgraded an existing schema. */
	private record Applied(List<String> ids, boolean upgrade) {
	}

	/** Runs the change sets not run yet. Nothing is committed here. */
	private static Applied update(Connection connection, String location, boolean exclusive, int count,
			Consumer<String> notices) throws Exception {
		try (Liquibase liquibase = liquibase(connection)) {
			List<String> known = ids(liquibase);
			Set<String> ran = ran(connection);
			refuseNewer(ran, known, location);
			List<String> pending = new ArrayList<>(count < 0 ? known : known.subList(0, Math.min(count, known.size())));
			pending.removeAll(ran);
			if (pending.isEmpty()) {
				return new Applied(pending, false);
			}
			if (!isOwner(connection)) {
				throw new Refusal(NLS.bind(Messages.Store_ownerMustUpgrade, location, StoreSettings.OWNER));
			}
			if (count < 0) {
				refuseHalfMigrated(connection, location, known, ran.size());
			}
			if (!ran.isEmpty()) {
				notices.accept(NLS.bind(Messages.Store_upgrading, location, String.join(", ", pending))); //$NON-NLS-1$
			}
			liquibase.setShowSummary(UpdateSummaryEnum.OFF);
			liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
			if (exclusive) {
				liquibase.forceReleaseLocks();
			}
			try {
				if (count < 0) {
					liquibase.update(new Contexts(), new LabelExpression());
				} else {
					// Liquibase runs the next so many change sets
					liquibase.update(pending.size(), new Contexts(), new LabelExpression());
				}
			} catch (Exception e) {
				if (SqlErrors.has(e, EXISTS)) {
					throw new Refusal(NLS.bind(Messages.Store_halfMigrated, location, pending.get(0)));
				}
				throw e;
			}
			return new Applied(pending, !ran.isEmpty());
		}
	}

	/**
	 * Refuses, before anything is changed, a database whose structure is that of the first
	 * {@code ran} change sets and some of the next: an older release, stopped between a change
	 * set and its changelog row, left it so.
	 */
	private static void refuseHalfMigrated(Connection connection, String location, List<String> known, int ran)
			throws SQLException, IOException {
		List<Structure> versions = structures(known);
		// the outline is a few queries; the keys and indexes, three for each table, are read only
		// when a later version has the same outline
		String outline = SchemaSignature.digest(SchemaSignature.outline(connection, NOT_MIGRATED));
		List<Structure> later = versions.subList(ran + 1, versions.size()).stream()
				.filter(version -> version.outline().equals(outline)).toList();
		if (later.isEmpty()) {
			return;
		}
		String whole = SchemaSignature.digest(SchemaSignature.of(connection, NOT_MIGRATED));
		if (whole.equals(versions.get(ran).whole())) {
			return; // the structure of its version: the change sets after it may leave some of it as it was
		}
		if (later.stream().anyMatch(version -> version.whole().equals(whole))) {
			throw new Refusal(NLS.bind(Messages.Store_halfMigrated, location, known.get(ran)));
		}
	}

	/** Refuses a database that ran change sets this version does not know: a newer product wrote it. */
	private static void refuseNewer(Set<String> ran, List<String> known, String location) {
		List<String> unknown = new ArrayList<>(ran);
		unknown.removeAll(known);
		if (!unknown.isEmpty()) {
			throw new Refusal(NLS.bind(Messages.Store_newerSchema, location, String.join(", ", unknown))); //$NON-NLS-1$
		}
	}

	/**
	 * The structure of the database behind {@code connection}, as a line of {@code db/structures.txt}
	 * gives it: the digest of its outline (tables, columns, views, checks, routines), then that of
	 * its whole structure (with the keys and indexes).
	 */
	public static String structure(Connection connection) throws SQLException {
		return SchemaSignature.digest(SchemaSignature.outline(connection, NOT_MIGRATED)) + ' '
				+ SchemaSignature.digest(SchemaSignature.of(connection, NOT_MIGRATED));
	}

	/**
	 * Whether the database ran exactly the change sets of this version, as {@code db/structures.txt}
	 * lists them (the store tests check that they are those of the change log).
	 */
	private static boolean upToDate(Connection connection) throws SQLException, IOException {
		return ran(connection).equals(new LinkedHashSet<>(shipped().stream().skip(1).map(Structure::changeSet).toList()));
	}

	/** The structure of a new database after some number of change sets, the last of them {@code changeSet}. */
	private record Structure(String changeSet, String outline, String whole) {
	}

	/**
	 * The structures of a new database after 0, 1, ... all the change sets {@code known}, as
	 * {@code db/structures.txt} lists them: the store tests check it against the databases the change sets make.
	 */
	private static List<Structure> structures(List<String> known) throws IOException {
		List<Structure> versions = shipped();
		List<String> listed = versions.stream().skip(1).map(Structure::changeSet).toList();
		if (!listed.equals(known)) {
			throw new IOException(STRUCTURES + " lists " + listed + ", not the change sets " + known); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return versions;
	}

	/** The lines of {@code db/structures.txt}, read once. */
	private static synchronized List<Structure> shipped() throws IOException {
		if (structures == null) {
			List<Structure> read = new ArrayList<>();
			try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(STRUCTURES)) {
				if (in == null) {
					throw new IOException(STRUCTURES + " is missing"); //$NON-NLS-1$
				}
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) { //$NON-NLS-1$
					if (!line.isBlank() && !line.startsWith("#")) { //$NON-NLS-1$
						String[] fields = line.strip().split(" "); //$NON-NLS-1$
						read.add(new Structure(fields[0], fields[1], fields[2]));
					}
				}
			}
			structures = List.copyOf(read);
		}
		return structures;
	}

	/**
	 * Repairs a database that an older release, killed during an upgrade, left with change sets
	 * applied but not recorded: when its structure is exactly that of a database where the
	 * recorded change sets and the next ones were run, those are recorded, then the upgrade is
	 * made. A structure matching no version is refused, the database untouched. Returns the ids
	 * of the change sets recorded.
	 */
	public static List<String> repair(Connection connection, String location) throws CqpException {
		try {
			connection.setAutoCommit(false);
			Set<String> ran = ran(connection);
			List<String> known = changeSets();
			refuseNewer(ran, known, location);
			String whole = SchemaSignature.digest(SchemaSignature.of(connection, NOT_MIGRATED));
			List<Structure> versions = structures(known);
			for (int applied = ran.size(); applied <= known.size(); applied++) {
				if (whole.equals(versions.get(applied).whole())) {
					List<String> recorded = new ArrayList<>(known.subList(ran.size(), applied));
					record(connection, recorded.size());
					connection.commit();
					return recorded;
				}
			}
			throw new CqpException(NLS.bind(Messages.Store_unrepairable, location));
		} catch (Refusal e) {
			throw new CqpException(e.getMessage());
		} catch (SQLException e) {
			Jdbc.rollback(connection);
			throw SqlErrors.failure(location, e);
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Store_migrationFailed, location, Messages.Store_seeLog), e);
		} finally {
			try {
				connection.close();
			} catch (SQLException e) {
				// the outcome is known already
			}
		}
	}

	/** Marks the next {@code count} change sets as run, without running them. */
	private static void record(Connection connection, int count) throws CqpException {
		if (count == 0) {
			return;
		}
		try {
			Scope.child(scope(), () -> {
				try (Liquibase liquibase = liquibase(connection)) {
					liquibase.forceReleaseLocks();
					for (int i = 0; i < count; i++) {
						liquibase.markNextChangeSetRan(new Contexts(), new LabelExpression());
					}
				}
			});
		} catch (Exception e) {
			throw new CqpException(NLS.bind(Messages.Store_migrationFailed, CHANGELOG, reason(e)), e);
		}
	}

	private static Map<String, Object> scope() {
		Map<String, Object> scope = new HashMap<>();
		scope.put(Scope.Attr.ui.name(), new LoggerUIService());
		scope.put("liquibase.analytics.enabled", Boolean.FALSE); //$NON-NLS-1$
		scope.put("liquibase.changelogLockWaitTimeInMinutes", Long.valueOf(1)); //$NON-NLS-1$
		return scope;
	}

	/** Liquibase over {@code connection}, whose commits and closing are held back; or without database. */
	private static Liquibase liquibase(Connection connection) throws Exception {
		Database database = null;
		if (connection != null) {
			database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(held(connection)));
			if (database instanceof DerbyDatabase derby) {
				// Liquibase shuts an embedded database down when it is done, without the
				// credentials a protected database asks for; the store keeps it open.
				derby.setShutdownEmbeddedDerby(false);
			}
		}
		return new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
	}

	private static List<String> ids(Liquibase liquibase) throws Exception {
		List<String> ids = new ArrayList<>();
		for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
			ids.add(changeSet.getId());
		}
		return ids;
	}

	/**
	 * {@code connection} as Liquibase sees it: its commits and rollbacks, its return to
	 * auto-commit and its closing do nothing, so that the whole upgrade stays one transaction that the caller ends.
	 */
	private static Connection held(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Migrations.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					switch (method.getName()) {
					case "commit", "close", "rollback": //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						// Derby undoes a failed statement by itself; the transaction is the caller's.
						if (method.getParameterCount() == 0) {
							return null;
						}
						break;
					case "setAutoCommit": //$NON-NLS-1$
						return null;
					case "getAutoCommit": //$NON-NLS-1$
						return Boolean.FALSE;
					default:
						break;
					}
					return invoke(method, connection, args);
				});
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		} catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	private static boolean isOwner(Connection connection) throws SQLException {
		return StoreSettings.OWNER.equalsIgnoreCase(connection.getMetaData().getUserName());
	}

	/** The ids of the change sets the database ran (none for a new database). */
	private static Set<String> ran(Connection connection) throws SQLException {
		Set<String> ids = new LinkedHashSet<>();
		try (ResultSet tables = connection.getMetaData().getTables(null, StoreSettings.OWNER, CHANGELOG_TABLE, null)) {
			if (!tables.next()) {
				return ids;
			}
		}
		try (Statement s = connection.createStatement();
				ResultSet r = s.executeQuery("SELECT ID FROM " + StoreSettings.OWNER + '.' + CHANGELOG_TABLE //$NON-NLS-1$
						+ " ORDER BY ORDEREXECUTED")) { //$NON-NLS-1$
			while (r.next()) {
				ids.add(r.getString(1));
			}
		}
		return ids;
	}

	/** The cause of a failed upgrade, in a phrase: Derby's state code, never Java's text. */
	private static String reason(Exception e) {
		SQLException sql = SqlErrors.find(e);
		return sql == null ? Messages.Store_seeLog : SqlErrors.detail(sql);
	}

	/** Carries a refusal out of Liquibase's scope. */
	private static final class Refusal extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Refusal(String message) {
			super(message);
		}
	}
}
