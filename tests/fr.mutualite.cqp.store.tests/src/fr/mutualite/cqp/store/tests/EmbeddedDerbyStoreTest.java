package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;

/** Apache Derby, embedded inside OSGi, in a temporary folder. */
class EmbeddedDerbyStoreTest {

	@TempDir
	Path tmp;

	@Test
	void rowsWrittenAreReadBackAfterCloseAndReopen() throws Exception {
		Path folder = tmp.resolve("donnees/cqp");
		try (EmbeddedDerbyStore store = EmbeddedDerbyStore.create(folder, null)) {
			try (Connection c = store.connect(); Statement s = c.createStatement()) {
				s.executeUpdate("CREATE TABLE candidat (id INT PRIMARY KEY, nom VARCHAR(80) NOT NULL, heures INT)");
				try (PreparedStatement insert = c.prepareStatement("INSERT INTO candidat VALUES (?, ?, ?)")) {
					insert(insert, 1, "Éloïse Bérard", 280);
					insert(insert, 2, "Jean Dupont", 300);
					insert(insert, 3, "Zoé N'Diaye", 320);
				}
			}
			assertEquals(List.of("1 Éloïse Bérard 280", "2 Jean Dupont 300", "3 Zoé N'Diaye 320"), readAll(store));
		}
		assertTrue(Files.isRegularFile(folder.resolve("service.properties")), "Derby keeps the database in the folder");
		assertFalse(Files.exists(folder.resolve("db.lck")) && Files.exists(folder.resolve("dbex.lck")),
				"the database is shut down on close");

		try (EmbeddedDerbyStore reopened = EmbeddedDerbyStore.open(folder)) {
			assertEquals(List.of("1 Éloïse Bérard 280", "2 Jean Dupont 300", "3 Zoé N'Diaye 320"), readAll(reopened));
			try (Connection c = reopened.connect(); Statement s = c.createStatement();
					ResultSet r = s.executeQuery("SELECT SUM(heures) FROM candidat")) {
				assertTrue(r.next());
				assertEquals(900, r.getInt(1));
			}
		}
	}

	@Test
	void derbyRunsAsAnOsgiBundle() throws Exception {
		try (EmbeddedDerbyStore store = EmbeddedDerbyStore.create(tmp.resolve("osgi"), null);
				Connection c = store.connect()) {
			Bundle derby = FrameworkUtil.getBundle(c.getClass());
			assertEquals("derby", derby == null ? null : derby.getSymbolicName());
			assertTrue((derby.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0,
					"the derby bundle is resolved in the framework");
			assertEquals("Apache Derby", c.getMetaData().getDatabaseProductName());
		}
	}

	@Test
	void aClosedStoreRefusesConnectionsWithAMessageNamingTheDatabase() throws Exception {
		Path folder = tmp.resolve("fermee");
		EmbeddedDerbyStore store = EmbeddedDerbyStore.create(folder, null);
		store.close();
		CqpException e = assertThrows(CqpException.class, store::connect);
		assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
		store.close(); // closing twice is harmless
	}

	@Test
	void derbyLogStaysOutOfTheWorkingFolder() throws Exception {
		try (EmbeddedDerbyStore store = EmbeddedDerbyStore.create(tmp.resolve("journal"), null)) {
			assertFalse(Files.exists(Path.of("derby.log")), "derby.log must not land in the working folder");
		}
	}

	private static void insert(PreparedStatement insert, int id, String name, int hours) throws SQLException {
		insert.setInt(1, id);
		insert.setString(2, name);
		insert.setInt(3, hours);
		insert.executeUpdate();
	}

	private static List<String> readAll(EmbeddedDerbyStore store) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection c = store.connect(); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT id, nom, heures FROM candidat ORDER BY id")) {
			while (r.next()) {
				rows.add(r.getInt(1) + " " + r.getString(2) + " " + r.getInt(3));
			}
		}
		return rows;
	}
}
