package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;
import fr.mutualite.cqp.store.internal.Migrations;

/** Databases of older versions are upgraded in place; databases of newer versions are refused, untouched. */
class MigrationTest {

	@TempDir
	Path tmp;

	@Test
	void aDatabaseOfTheFirstSchemaIsUpgradedKeepingItsRows() throws Exception {
		Path folder = tmp.resolve("ancienne");
		try (EmbeddedDerbyStore old = EmbeddedDerbyStore.open(folder)) {
			Migrations.migrate(old.connect(), folder.toString(), 1);
			try (Connection c = old.connect(); Statement s = c.createStatement()) {
				s.executeUpdate("INSERT INTO CERTIFICATION VALUES ('CMI', 'Conseiller', '1.0')");
				s.executeUpdate("INSERT INTO CANDIDATE (ID, LAST_NAME, FIRST_NAME, MATCH_KEY, VERSION, UPDATED_BY, UPDATED_AT) "
						+ "VALUES ('C-1', 'Ancien', 'Candidat', 'ANCIEN|CANDIDAT|', 1, 'v0.1', CURRENT_TIMESTAMP)");
				s.executeUpdate("INSERT INTO REGISTRATION (ID, CANDIDATE_ID, CERTIFICATION_CODE, REGISTRATION_DATE, ROUTE, HAS_TRAINING_PATH, VERSION, UPDATED_BY, UPDATED_AT) "
						+ "VALUES ('R-1', 'C-1', 'CMI', '2019-03-01', 'TRAINING', FALSE, 1, 'v0.1', CURRENT_TIMESTAMP)");
				assertEquals(1, count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"));
				assertEquals(0, count(c, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'DECISION_SUMMARY'"));
			}
		}
		try (DossierStore upgraded = Stores.open(folder); Connection c = upgraded.data().connect()) {
			assertEquals(2, count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"));
			assertEquals(0, count(c, "SELECT COUNT(*) FROM DECISION_SUMMARY"));
			assertEquals("Ancien", upgraded.candidates().find("C-1").orElseThrow().value().getLastName());
			assertEquals(1, upgraded.registrations().ofCandidate("C-1").size());
		}
	}

	@Test
	void aDatabaseOfANewerVersionIsRefusedAndLeftAsItWas() throws Exception {
		Path folder = tmp.resolve("future");
		Stores.open(folder).close();
		try (EmbeddedDerbyStore raw = EmbeddedDerbyStore.open(folder);
				Connection c = raw.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE) "
					+ "VALUES ('003-futur', 'cqp', 'db/003-futur.sql', CURRENT_TIMESTAMP, 3, 'EXECUTED')");
			s.executeUpdate("CREATE TABLE FUTURE_TABLE (X INT)");
		}
		CqpException refused = assertThrows(CqpException.class, () -> Stores.open(folder));
		assertTrue(refused.getMessage().contains(folder.toString()), refused.getMessage());
		assertTrue(refused.getMessage().contains("003-futur"), refused.getMessage());
		try (EmbeddedDerbyStore raw = EmbeddedDerbyStore.open(folder); Connection c = raw.connect()) {
			assertEquals(3, count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"));
			assertEquals(0, count(c, "SELECT COUNT(*) FROM FUTURE_TABLE"));
		}
	}

	private static long count(Connection c, String sql) throws Exception {
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			r.next();
			return r.getLong(1);
		}
	}
}
