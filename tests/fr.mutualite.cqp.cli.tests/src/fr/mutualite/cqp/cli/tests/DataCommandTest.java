package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.cli.internal.Cli;

/** {@code cqp data generate|import|export} and {@code cqp database}, on real databases in a temporary folder. */
class DataCommandTest {

	@TempDir
	Path tmp;

	@Test
	void generateFillsAnEmptyDatabaseOnlyAndTheExportReimportsWithoutDuplicates() throws Exception {
		String db = tmp.resolve("base").toString();
		Cqp generated = Cqp.run("data", "generate", "--candidates", "60", "--seed", "9", "--as-of", "2026-06-30", "--db", db);
		assertEquals(Cli.OK, generated.code(), generated.err());
		assertTrue(generated.out().contains(": 60 candidats, 60 inscriptions"), generated.out());
		assertTrue(generated.err().contains("Génération : 60 / 60 candidats"), generated.err());

		Cqp again = Cqp.run("data", "generate", "--candidates", "5", "--db", db);
		assertEquals(Cli.FAILED, again.code());
		assertTrue(again.err().contains("contient déjà 60 candidats"), again.err());

		Cqp csv = Cqp.run("data", "export", "--db", db);
		assertEquals(Cli.OK, csv.code(), csv.err());
		assertEquals(61, csv.out().lines().count());
		Path excel = tmp.resolve("exports/oemm.csv");
		Cqp written = Cqp.run("data", "export", "--format", "excel", "--out", excel.toString(), "--db", db);
		assertEquals(Cli.OK, written.code(), written.err());
		String text = Files.readString(excel, Charset.forName("windows-1252"));
		assertTrue(text.startsWith("identifiant_candidat;nom;prenom;date_naissance;"), text);
		try (Stream<Path> files = Files.list(excel.getParent())) {
			assertEquals(List.of(excel), files.toList(), "no partial file left");
		}

		String copy = tmp.resolve("copie").toString();
		Cqp imported = Cqp.run("data", "import", excel.toString(), "--db", copy);
		assertEquals(Cli.OK, imported.code(), imported.err());
		assertTrue(imported.out().contains("60 candidats ajoutés") && imported.out().contains("60 inscriptions ajoutées"),
				imported.out());
		Cqp twice = Cqp.run("data", "import", excel.toString(), "--db", copy);
		assertTrue(twice.out().contains("0 inscriptions ajoutées, 60 déjà présentes"), twice.out());
		assertEquals(csv.out(), Cqp.run("data", "export", "--db", copy).out(), "nothing lost, nothing duplicated");
		// a candidate's audit trail: a generated branch has no change yet, the header alone
		Cqp audit = Cqp.run("data", "audit", "--candidate", "C-0000001", "--db", db);
		assertEquals(Cli.OK, audit.code(), audit.err());
		assertEquals("numero,date,par,utilisateur_base,inscription,sujet,element,avant,apres\r\n", audit.out());
		Cqp unknown = Cqp.run("data", "audit", "--candidate", "C-9999999", "--db", db);
		assertEquals(Cli.FAILED, unknown.code());
		assertEquals("Aucun candidat « C-9999999 » dans la base de données " + db + " que vous puissiez voir.",
				unknown.err().strip());
		// erasing a candidate's personal data: confirmed only, then recorded in their audit trail
		Cqp unconfirmed = Cqp.run("data", "erase", "--candidate", "C-0000002", "--db", db);
		assertEquals(Cli.FAILED, unconfirmed.code());
		assertEquals("L'effacement des données personnelles du candidat C-0000002 est définitif : relancez avec --yes pour le confirmer.",
				unconfirmed.err().strip());
		Cqp erased = Cqp.run("data", "erase", "--candidate", "C-0000002", "--yes", "--db", db);
		assertEquals(Cli.OK, erased.code(), erased.err());
		assertEquals("Données personnelles du candidat C-0000002 effacées dans " + db + " (nom, date de naissance, courriel, "
				+ "textes libres de ses livrets) ; ses évaluations et décisions restent comptées dans les statistiques.",
				erased.out().strip());
		List<String> trail = Cqp.run("data", "audit", "--candidate", "C-0000002", "--db", db).out().lines().toList();
		assertEquals(2, trail.size(), trail.toString());
		assertTrue(trail.get(1).endsWith(",,PERSONAL_DATA,ERASED,,erased"), trail.get(1));
		assertEquals(61, Cqp.run("data", "export", "--db", db).out().lines().count(), "the registration stays");
	}

	@Test
	void importReportsEachBadLineImportsTheOthersAndExitsWithOne() throws Exception {
		Path file = tmp.resolve("saisie.csv");
		Files.writeString(file, """
				nom,prenom,date_naissance,certification,date_inscription,voie
				Garnier,Inès,1991-04-12,CRD,2024-10-01,FORMATION
				Garnier,Inès,1991-04-31,CRD,2024-10-01,FORMATION
				Faure,Yves,1977-08-19,ABC,2024-10-01,VAE
				""");
		Cqp r = Cqp.run("data", "import", file.toString(), "--db", tmp.resolve("base").toString());
		assertEquals(Cli.FAILED, r.code());
		assertTrue(r.err().contains("ligne 3 : « date_naissance » : date « 1991-04-31 » invalide"), r.err());
		assertTrue(r.err().contains("ligne 4 : certification inconnue « ABC »"), r.err());
		assertTrue(r.out().contains("1 inscriptions ajoutées"), r.out());
		assertTrue(r.out().contains("2 lignes refusées"), r.out());
	}

	@Test
	void malformedChoicesGetOneSentenceAndAnExitCode() throws Exception {
		Cqp missing = Cqp.run("data", "import", tmp.resolve("absent.csv").toString(), "--db", tmp.resolve("b").toString());
		assertEquals(Cli.FAILED, missing.code());
		assertEquals("Le fichier " + tmp.resolve("absent.csv") + " n'existe pas.", missing.err().strip());
		Cqp both = Cqp.run("data", "export", "--db", tmp.toString(), "--server", "1527");
		assertEquals(Cli.FAILED, both.code());
		assertTrue(both.err().contains("pas les deux"), both.err());
		Cqp format = Cqp.run("data", "export", "--format", "ods", "--db", tmp.resolve("b").toString());
		assertEquals(Cli.FAILED, format.code());
		assertTrue(format.err().contains("« ods »"), format.err());
		Cqp count = Cqp.run("data", "generate", "--candidates", "0", "--db", tmp.resolve("b").toString());
		assertEquals(Cli.FAILED, count.code());
		Cqp notServer = Cqp.run("server", "status", "--port", "1");
		assertEquals(Cli.FAILED, notServer.code());
		assertTrue(notServer.out().contains("Aucun serveur ne répond sur localhost:1"), notServer.out());
	}

	@Test
	void theDatabaseChoiceIsAPreferenceThatCommandsFollow() throws Exception {
		Path folder = tmp.resolve("choisie");
		try {
			Cqp generated = Cqp.run("data", "generate", "--candidates", "3", "--as-of", "2026-06-30", "--db", folder.toString());
			assertEquals(Cli.OK, generated.code(), generated.err());
			assertTrue(generated.err().startsWith("Base de données créée : " + folder + "\n"), generated.err());
			Cqp use = Cqp.run("database", "use", "embedded", "--db", folder.toString());
			assertEquals(Cli.OK, use.code(), use.err());
			assertEquals("Base embarquée : " + folder, Cqp.run("database", "show").out().strip());
			Cqp exported = Cqp.run("data", "export");
			assertEquals(Cli.OK, exported.code(), exported.err());
			assertEquals(4, exported.out().lines().count(), "the export reads the database chosen");
			assertEquals("", exported.err());
			Cqp server = Cqp.run("database", "use", "server", "localhost:1600", "--user", "marie");
			assertEquals(Cli.OK, server.code(), server.err());
			assertTrue(Cqp.run("database", "show").out().contains("Serveur localhost:1600, base base, utilisateur marie"));
			Cqp wrong = Cqp.run("database", "use", "nuage");
			assertEquals(Cli.FAILED, wrong.code());
			assertTrue(wrong.err().contains("Mode inconnu : « nuage »"), wrong.err());
		} finally {
			Cqp.run("database", "use", "embedded");
		}
	}
}
