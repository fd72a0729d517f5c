package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;
import fr.mutualite.cqp.store.internal.Migrations;

/**
 * Databases of older versions are upgraded in place, all or nothing; databases of newer versions
 * are refused, untouched; a database an older release left half upgraded is refused with the way
 * out, and repaired by it.
 */
class MigrationTest {

	/** The failure of a write the test stops. */
	private static final String STOPPED = "stopped here by the test";

	@TempDir
	Path tmp;

	@Test
	void aDatabaseOfTheFirstSchemaIsUpgradedKeepingItsRows() throws Exception {
		Path folder = firstSchema(tmp.resolve("ancienne"));
		assertEquals("[001-dossiers] view=0 candidates=1", state(folder));
		try (DossierStore upgraded = Stores.open(folder); Connection c = upgraded.data().connect()) {
			assertEquals(Migrations.changeSets().size(), count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"));
			assertEquals(0, count(c, "SELECT COUNT(*) FROM DECISION_SUMMARY"));
			assertEquals("Ancien", upgraded.candidates().find("C-1").orElseThrow().value().getLastName());
			assertEquals(1, upgraded.registrations().ofCandidate("C-1").size());
		}
	}

	@Test
	void aDatabaseOfEachEarlierVersionIsUpgradedNotTakenForAHalfUpgradedOne() throws Exception {
		List<String> known = Migrations.changeSets();
		for (int version = 1; version < known.size(); version++) {
			Path folder = tmp.resolve("version-" + version);
			try (EmbeddedDerbyStore old = EmbeddedDerbyStore.create(folder, null)) {
				Migrations.migrate(old.connect(), folder.toString(), version);
			}
			// a version whose change set adds only a routine has the tables of the next one
			try (DossierStore upgraded = Stores.open(folder); Connection c = upgraded.data().connect()) {
				assertEquals(known.size(), count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"), known.get(version - 1));
			}
		}
	}

	/**
	 * {@code db/structures.txt}, which an upgrade compares a database with, lists the structure of
	 * a new database after each change set: when a change set is added, this test fails and shows
	 * the file as it must read.
	 */
	@Test
	void theStructuresTheStoreShipsAreThoseTheChangeSetsMake() throws Exception {
		List<String> known = Migrations.changeSets();
		Path folder = tmp.resolve("versions");
		StringBuilder made = new StringBuilder();
		try (EmbeddedDerbyStore db = EmbeddedDerbyStore.create(folder, null)) {
			for (int version = 0; version <= known.size(); version++) {
				Migrations.migrate(db.connect(), folder.toString(), version);
				try (Connection c = db.connect()) {
					made.append(version == 0 ? "-" : known.get(version - 1)).append(' ').append(Migrations.structure(c)).append('\n');
				}
			}
		}
		String shipped;
		try (InputStream in = FrameworkUtil.getBundle(Migrations.class).getEntry("db/structures.txt").openStream()) {
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
					.map(l -> l + "\n").reduce("", String::concat);
		}
		assertEquals(made.toString(), shipped, "the lines of db/structures.txt after its comment");
	}

	@Test
	void aDatabaseOfANewerVersionIsRefusedAndLeftAsItWas() throws Exception {
		Path folder = tmp.resolve("future");
		Stores.open(folder).close();
		try (EmbeddedDerbyStore raw = EmbeddedDerbyStore.open(folder);
				Connection c = raw.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE) "
					+ "VALUES ('099-futur', 'cqp', 'db/099-futur.sql', CURRENT_TIMESTAMP, 99, 'EXECUTED')");
			s.executeUpdate("CREATE TABLE FUTURE_TABLE (X INT)");
		}
		CqpException refused = assertThrows(CqpException.class, () -> Stores.open(folder));
		assertTrue(refused.getMessage().contains(folder.toString()), refused.getMessage());
		assertTrue(refused.getMessage().contains("099-futur"), refused.getMessage());
		try (EmbeddedDerbyStore raw = EmbeddedDerbyStore.open(folder); Connection c = raw.connect()) {
			assertEquals(Migrations.changeSets().size() + 1, count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"));
			assertEquals(0, count(c, "SELECT COUNT(*) FROM FUTURE_TABLE"));
		}
	}

	private static long count(Connection c, String sql) throws Exception {
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			r.next();
			return r.getLong(1);
		}
	}

	/** A database of the first schema holding one candidate and one registration, as release 0.1.0 left it. */
	private static Path firstSchema(Path folder) throws Exception {
		try (EmbeddedDerbyStore old = EmbeddedDerbyStore.create(folder, null)) {
			Migrations.migrate(old.connect(), folder.toString(), 1);
			try (Connection c = old.connect(); Statement s = c.createStatement()) {
				s.executeUpdate("INSERT INTO CERTIFICATION VALUES ('CMI', 'Conseiller', '1.0')");
				s.executeUpdate("INSERT INTO CANDIDATE (ID, LAST_NAME, FIRST_NAME, MATCH_KEY, VERSION, UPDATED_BY, UPDATED_AT) "
						+ "VALUES ('C-1', 'Ancien', 'Candidat', 'ANCIEN|CANDIDAT|', 1, 'v0.1', CURRENT_TIMESTAMP)");
				s.executeUpdate("INSERT INTO REGISTRATION (ID, CANDIDATE_ID, CERTIFICATION_CODE, REGISTRATION_DATE, ROUTE, HAS_TRAINING_PATH, VERSION, UPDATED_BY, UPDATED_AT) "
						+ "VALUES ('R-1', 'C-1', 'CMI', '2019-03-01', 'TRAINING', FALSE, 1, 'v0.1', CURRENT_TIMESTAMP)");
			}
		}
		return folder;
	}

	/** The change sets recorded, and whether the view of the second one exists. */
	private static String state(Path folder) throws Exception {
		try (EmbeddedDerbyStore raw = EmbeddedDerbyStore.open(folder)) {
			return state(raw);
		}
	}

	private static String state(EmbeddedDerbyStore store) throws Exception {
		try (Connection c = store.connect()) {
			List<String> ids = new ArrayList<>();
			if (count(c, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'DATABASECHANGELOG'") > 0) {
				try (Statement s = c.createStatement();
						ResultSet r = s.executeQuery("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
					while (r.next()) {
						ids.add(r.getString(1));
					}
				}
			}
			return ids + " view=" + count(c, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'DECISION_SUMMARY'")
					+ " candidates=" + count(c, "SELECT COUNT(*) FROM CANDIDATE");
		}
	}

	/** The statements of a change set of the store, run by hand as an interrupted older release did. */
	private static void runByHand(Path folder, String changeSet) throws Exception {
		URL url = FrameworkUtil.getBundle(Migrations.class).getEntry("db/" + changeSet + ".sql");
		String sql;
		try (InputStream in = url.openStream()) {
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try (EmbeddedDerbyStore raw = EmbeddedDerbyStore.open(folder); Connection c = raw.connect();
				Statement s = c.createStatement()) {
			String body = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
			for (String statement : body.split(";\\s*\n")) {
				if (!statement.isBlank()) {
					s.executeUpdate(statement.strip().replaceAll(";$", ""));
				}
			}
		}
	}

	@Test
	void anUpgradeStoppedAtAnyWriteLeavesTheOldVersionAndTheNextOpeningUpgrades() throws Exception {
		Path folder = firstSchema(tmp.resolve("coupee"));
		String before = state(folder);
		assertEquals("[001-dossiers] view=0 candidates=1", before);
		int[] stops = { 0 };
		List<LogRecord> logged = liquibaseLog(() -> {
			try (EmbeddedDerbyStore raw = EmbeddedDerbyStore.open(folder)) {
				for (int allowed = 0;; allowed++) {
					int[] executed = { 0 };
					try {
						Migrations.migrate(failing(raw.connect(), allowed, executed), folder.toString(), true, notice -> {
						});
						break;
					} catch (CqpException e) {
						stops[0]++;
						assertTrue(executed[0] > allowed, "the upgrade stopped at its write " + (allowed + 1));
						assertTrue(e.getMessage().contains("La base est restée dans son état précédent"), e.getMessage());
						assertEquals(before, state(raw), "stopped after " + allowed + " statements");
					}
				}
			}
		});
		assertTrue(stops[0] >= 5, "the upgrade was stopped at each of its writes: " + stops[0]);
		// each stop is in Liquibase's log with its cause
		assertTrue(logged.stream().filter(r -> r.getLevel() == Level.SEVERE && stoppedByTheTest(r.getThrown())).count() >= stops[0],
				"the stops logged with their cause, of " + logged.size() + " records");
		assertEquals(Migrations.changeSets() + " view=1 candidates=1", state(folder));
		try (DossierStore upgraded = Stores.open(folder)) {
			assertEquals("Ancien", upgraded.candidates().find("C-1").orElseThrow().value().getLastName());
		}
	}

	@Test
	void aDatabaseAnOlderReleaseLeftHalfUpgradedIsRefusedWithItsWayOutAndRepairedByIt() throws Exception {
		Path folder = firstSchema(tmp.resolve("moitie"));
		runByHand(folder, "002-statistiques");
		String half = state(folder);
		assertEquals("[001-dossiers] view=1 candidates=1", half);
		CqpException refused = assertThrows(CqpException.class, () -> Stores.open(folder));
		assertEquals("La base de données " + folder + " a été laissée à moitié mise à jour par une version précédente de "
				+ "CQP Mutualité, arrêtée pendant l'étape « 002-statistiques » : réparez-la avec « cqp database repair --db "
				+ folder + " » (voir docs/database.md). Elle n'a pas été modifiée.", refused.getMessage());
		assertEquals(half, state(folder));
		assertEquals(List.of("002-statistiques"), Stores.factory().repair(StoreSettings.embedded(folder)));
		assertEquals("[001-dossiers, 002-statistiques] view=1 candidates=1", state(folder));
		assertEquals(List.of(), Stores.factory().repair(StoreSettings.embedded(folder)), "nothing left to repair");
		try (DossierStore repaired = Stores.open(folder)) {
			assertEquals(1, repaired.registrations().count());
		}
	}

	@Test
	void aDatabaseLeftHalfCreatedIsRepairedAndUpgraded() throws Exception {
		Path folder = tmp.resolve("naissante");
		EmbeddedDerbyStore.create(folder, null).close();
		runByHand(folder, "001-dossiers");
		assertEquals("[] view=0 candidates=0", state(folder));
		CqpException refused = assertThrows(CqpException.class, () -> Stores.open(folder));
		assertTrue(refused.getMessage().contains("pendant l'étape « 001-dossiers »"), refused.getMessage());
		assertEquals(List.of("001-dossiers"), Stores.factory().repair(StoreSettings.embedded(folder)));
		try (DossierStore repaired = Stores.open(folder)) {
			assertFalse(repaired.trainingBodies().list().isEmpty());
		}
		assertEquals(Migrations.changeSets() + " view=1 candidates=0", state(folder));
	}

	@Test
	void aStructureChangedByHandMatchesNoVersionAndIsNotRepaired() throws Exception {
		Path folder = firstSchema(tmp.resolve("bricolee"));
		try (EmbeddedDerbyStore raw = EmbeddedDerbyStore.open(folder); Connection c = raw.connect();
				Statement s = c.createStatement()) {
			s.executeUpdate("CREATE INDEX JURY_SESSION_DATE ON JURY_SESSION (PLACE)");
		}
		String changed = state(folder);
		assertThrows(CqpException.class, () -> Stores.open(folder));
		CqpException refused = assertThrows(CqpException.class, () -> Stores.factory().repair(StoreSettings.embedded(folder)));
		assertEquals("La structure de la base de données " + folder + " ne correspond à aucune version de CQP Mutualité : "
				+ "elle a été modifiée à la main. Restaurez-la depuis une sauvegarde ; elle n'a pas été modifiée.",
				refused.getMessage());
		assertEquals(changed, state(folder));
	}

	/**
	 * {@code real}, whose writes fail once {@code allowed} of them ran, as if the process stopped
	 * there (a stop between two reads is a stop after the last write); {@code executed} counts
	 * the writes run or tried.
	 */
	private static Connection failing(Connection real, int allowed, int[] executed) {
		return (Connection) Proxy.newProxyInstance(MigrationTest.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					Object result = invoke(method, real, args);
					if (result instanceof Statement statement) {
						String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
						Class<?> type = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
								: result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
										: Statement.class;
						return Proxy.newProxyInstance(MigrationTest.class.getClassLoader(), new Class<?>[] { type },
								(p, m, a) -> {
									String sql = a != null && a.length > 0 && a[0] instanceof String text ? text : prepared;
									if (m.getName().startsWith("execute") && !m.getName().equals("executeQuery")
											&& sql != null && !sql.strip().toUpperCase().matches("(?s)(SELECT|VALUES|WITH)\\b.*")) {
										executed[0]++;
										if (executed[0] > allowed) {
											throw new SQLException(STOPPED, "08006");
										}
									}
									return invoke(m, statement, a);
								});
					}
					return result;
				});
	}

	/** Steps of a test, run while Liquibase's log is kept ({@link #liquibaseLog}). */
	private interface Work {
		void run() throws Exception;
	}

	/**
	 * What Liquibase logs while {@code work} runs, kept for the test instead of the console: an
	 * upgrade stopped at each of its writes logs every stop with its stack trace, tens of
	 * thousands of lines in the build's output.
	 */
	private static List<LogRecord> liquibaseLog(Work work) throws Exception {
		List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
		Predicate<LogRecord> liquibase = r -> r.getLoggerName() != null && r.getLoggerName().startsWith("liquibase");
		Logger root = Logger.getLogger("");
		Handler kept = new Handler() {
			@Override
			public void publish(LogRecord r) {
				if (liquibase.test(r)) {
					logged.add(r);
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		Handler[] printed = root.getHandlers();
		Filter[] filters = new Filter[printed.length];
		for (int i = 0; i < printed.length; i++) {
			Filter before = filters[i] = printed[i].getFilter();
			printed[i].setFilter(r -> !liquibase.test(r) && (before == null || before.isLoggable(r)));
		}
		root.addHandler(kept);
		try {
			work.run();
		} finally {
			root.removeHandler(kept);
			for (int i = 0; i < printed.length; i++) {
				printed[i].setFilter(filters[i]);
			}
		}
		return logged;
	}

	/** Whether {@code thrown} was caused by a write the test stopped. */
	private static boolean stoppedByTheTest(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (STOPPED.equals(t.getMessage())) {
				return true;
			}
		}
		return false;
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		} catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
