package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import fr.mutualite.cqp.cli.internal.Cli;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;

/** {@code cqp data generate|import|export} and {@code cqp database}, on real databases in a temporary folder. */
class DataCommandTest {

	@TempDir
	Path tmp;

	@Test
	void generateFillsAnEmptyDatabaseOnlyAndTheExportReimportsWithoutDuplicates() throws Exception {
		String db = tmp.resolve("base").toString();
		Cqp generated = Cqp.run("data", "generate", "--candidates", "60", "--seed", "9", "--as-of", "2026-06-30", "--db", db);
		assertEquals(Cli.OK, generated.code(), generated.err());
		java.util.regex.Matcher counted = java.util.regex.Pattern.compile(": 60 candidats, (\\d+) inscriptions")
				.matcher(generated.out());
		assertTrue(counted.find(), generated.out());
		// some holders register for a second certification
		int registrations = Integer.parseInt(counted.group(1));
		assertTrue(registrations >= 60, generated.out());
		assertTrue(generated.err().contains("Génération : 60 / 60 candidats"), generated.err());

		Cqp again = Cqp.run("data", "generate", "--candidates", "5", "--db", db);
		assertEquals(Cli.FAILED, again.code());
		assertTrue(again.err().contains("contient déjà 60 candidats"), again.err());

		Cqp csv = Cqp.run("data", "export", "--db", db);
		assertEquals(Cli.OK, csv.code(), csv.err());
		assertEquals(registrations + 1, csv.out().lines().count());
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
		assertTrue(imported.out().contains("60 candidats ajoutés")
				&& imported.out().contains(registrations + " inscriptions ajoutées"),
				imported.out());
		Cqp twice = Cqp.run("data", "import", excel.toString(), "--db", copy);
		assertTrue(twice.out().contains("0 inscriptions ajoutées, " + registrations + " déjà présentes"), twice.out());
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
		assertEquals(registrations + 1, Cqp.run("data", "export", "--db", db).out().lines().count(), "the registrations stay");
	}

	/** The booklet of each table of a registration's booklets, in the names of the package's PDFs. */
	private static final Map<String, String> BOOKLET_TABLES = Map.of("ORIENTATION", "orientation",
			"TRAINING_MODULE", "formation", "FORMATIVE_EVALUATION", "formation", "TUTOR_ASSESSMENT", "tuteur",
			"PROGRESS_REVIEW", "tuteur", "FINAL_EVALUATION", "finale", "VAE_DOSSIER", "vae", "JURY_DECISION", "jury",
			"CERTIFICATE", "certificat");

	@Test
	void aCandidatesPersonalDataComeAsOnePrivateZipOfJsonAndTheirBooklets() throws Exception {
		Path folder = tmp.resolve("base");
		String db = folder.toString();
		assertEquals(Cli.OK, Cqp.run("data", "generate", "--candidates", "40", "--seed", "5", "--as-of", "2026-06-30", "--db", db).code());
		// the header and one line per registration (some holders have two)
		long exported = Cqp.run("data", "export", "--db", db).out().lines().count();
		assertTrue(exported >= 41, exported + " lines");
		String id;
		String lastName;
		int auditLines;
		try (EmbeddedDerbyStore store = EmbeddedDerbyStore.open(folder); Connection c = store.connect();
				Statement s = c.createStatement()) {
			// a candidate who holds a certificate: every booklet of their path is filled
			try (ResultSet r = s.executeQuery("SELECT C.ID, C.LAST_NAME FROM CANDIDATE C JOIN REGISTRATION R ON R.CANDIDATE_ID = C.ID "
					+ "JOIN CERTIFICATE T ON T.REGISTRATION_ID = R.ID ORDER BY C.ID FETCH FIRST 1 ROWS ONLY")) {
				assertTrue(r.next(), "a generated branch has certificates");
				id = r.getString(1);
				lastName = r.getString(2);
			}
			try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM AUDIT_TRAIL WHERE CANDIDATE_ID = '" + id + "'")) {
				r.next();
				auditLines = r.getInt(1);
			}
		}
		Path zip = tmp.resolve("acces/" + id + ".zip");
		Cqp written = Cqp.run("data", "personal", "--candidate", id, "--out", zip.toString(), "--db", db);
		assertEquals(Cli.OK, written.code(), written.err());
		assertEquals("Les données personnelles du candidat " + id + " sont écrites dans " + zip + ".", written.out().strip());
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
		try (Stream<Path> files = Files.list(zip.getParent())) {
			assertEquals(List.of(zip), files.toList(), "no partial file left");
		}
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		JsonObject json = JsonParser.parseString(new String(entries.get("donnees.json"), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals(id, json.get("candidat").getAsString());
		JsonObject tables = json.getAsJsonObject("tables");
		JsonArray candidate = tables.getAsJsonArray("CANDIDATE");
		assertEquals(1, candidate.size());
		assertEquals(lastName, candidate.get(0).getAsJsonObject().get("LAST_NAME").getAsString());
		// every row is the candidate's: their own, or one of their registrations'
		Set<String> registrations = new TreeSet<>();
		for (JsonElement row : tables.getAsJsonArray("REGISTRATION")) {
			assertEquals(id, row.getAsJsonObject().get("CANDIDATE_ID").getAsString());
			registrations.add(row.getAsJsonObject().get("ID").getAsString());
		}
		for (Map.Entry<String, JsonElement> table : tables.entrySet()) {
			for (JsonElement row : table.getValue().getAsJsonArray()) {
				JsonElement registration = row.getAsJsonObject().get("REGISTRATION_ID");
				if (registration != null && !registration.isJsonNull()) {
					assertTrue(registrations.contains(registration.getAsString()), table.getKey() + ": " + row);
				}
			}
		}
		// the trail as it was before, the export itself recorded after
		assertEquals(auditLines, tables.has("AUDIT_TRAIL") ? tables.getAsJsonArray("AUDIT_TRAIL").size() : 0);
		List<String> trail = Cqp.run("data", "audit", "--candidate", id, "--db", db).out().lines().toList();
		assertEquals(auditLines + 2, trail.size(), trail.toString());
		assertTrue(trail.get(trail.size() - 1).endsWith(",,PERSONAL_DATA,EXPORTED,,exported"), trail.toString());
		// one PDF per booklet with rows in the JSON, named by the registration
		Set<String> expected = new TreeSet<>();
		expected.add("donnees.json");
		for (Map.Entry<String, String> booklet : BOOKLET_TABLES.entrySet()) {
			if (tables.has(booklet.getKey())) {
				for (JsonElement row : tables.getAsJsonArray(booklet.getKey())) {
					expected.add("livrets/" + row.getAsJsonObject().get("REGISTRATION_ID").getAsString() + '-' + booklet.getValue() + ".pdf");
				}
			}
		}
		assertTrue(expected.stream().anyMatch(e -> e.endsWith("-certificat.pdf")), expected.toString());
		assertEquals(expected, new TreeSet<>(entries.keySet()));
		for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
			if (entry.getKey().endsWith(".pdf")) {
				try (PDDocument document = Loader.loadPDF(entry.getValue())) {
					String text = new PDFTextStripper().getText(document);
					assertTrue(text.contains(lastName), entry.getKey() + " names the candidate");
				}
			}
		}
		// refused: an unknown candidate, a folder as output; nothing written
		Cqp unknown = Cqp.run("data", "personal", "--candidate", "C-9999999", "--out", tmp.resolve("x.zip").toString(), "--db", db);
		assertEquals(Cli.FAILED, unknown.code());
		assertEquals("Aucun candidat « C-9999999 » dans la base de données " + db + " que vous puissiez voir.", unknown.err().strip());
		assertFalse(Files.exists(tmp.resolve("x.zip")));
		Cqp folderOut = Cqp.run("data", "personal", "--candidate", id, "--out", zip.getParent().toString(), "--db", db);
		assertEquals(Cli.FAILED, folderOut.code());
		assertFalse(folderOut.err().contains("Exception"), folderOut.err());

		// the retention rule: told first, applied with --yes, then nothing more to do
		List<String> all = new java.util.ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			all.add(String.format("C-%07d", i));
		}
		Cqp told = Cqp.run("data", "retention", "--as-of", "2100-01-01", "--db", db);
		assertEquals(Cli.OK, told.code(), told.err());
		List<String> lines = told.out().lines().toList();
		assertEquals(all, lines.subList(0, 40));
		assertEquals(List.of("Règle de conservation au 2100-01-01 dans " + db + " : 40 candidats à effacer (liste ci-dessus), 0 conservés ; "
				+ "rien n'est effacé sans --yes."), lines.subList(40, lines.size()));
		Cqp applied = Cqp.run("data", "retention", "--as-of", "2100-01-01", "--yes", "--db", db);
		assertEquals(Cli.OK, applied.code(), applied.err());
		assertEquals(told.out().replace("Règle de conservation au 2100-01-01 dans " + db + " : 40 candidats à effacer (liste ci-dessus), 0 conservés ; "
				+ "rien n'est effacé sans --yes.", "Règle de conservation appliquée au 2100-01-01 dans " + db
				+ " : données personnelles de 40 candidats effacées (liste ci-dessus), 0 candidats conservés."), applied.out());
		assertEquals("Règle de conservation appliquée au 2100-01-01 dans " + db
				+ " : données personnelles de 0 candidats effacées (liste ci-dessus), 0 candidats conservés.",
				Cqp.run("data", "retention", "--as-of", "2100-01-01", "--yes", "--db", db).out().strip());
		assertEquals(exported, Cqp.run("data", "export", "--db", db).out().lines().count(), "the registrations stay");
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
