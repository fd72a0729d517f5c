package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.RegistrationCsv;
import fr.mutualite.cqp.core.dossier.RegistrationCsv.Dialect;
import fr.mutualite.cqp.core.dossier.RegistrationRow;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The observatory's spreadsheets of registrations, in UTF-8 and as French Excel saves them. */
class RegistrationCsvTest {

	private static final Set<String> BODIES = Set.of("ARKOS", "IFPASS");
	private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
	private static final List<RegistrationRow> ROWS = List.of(
			new RegistrationRow("C-1", "Bérard", "Éloïse", LocalDate.of(1988, 2, 29), "eloise@exemple.fr",
					"Mutuelle \"Les Œillets\"; Nord, Est", "Lille", "CMI", LocalDate.of(2024, 9, 2), Route.TRAINING,
					"ARKOS", "R-1"),
			new RegistrationRow(null, "N'Diaye", "Ousmane", LocalDate.of(1979, 12, 31), null, null, null, "AC",
					LocalDate.of(2025, 1, 6), Route.VAE, null, null));
	private static final String HEADER = "nom,prenom,date_naissance,certification,date_inscription,voie";

	private static ReferentialLibrary library;

	@TempDir
	Path tmp;

	@BeforeAll
	static void referentials() throws Exception {
		library = ReferentialLibrary.shipped();
	}

	private Path write(Dialect dialect, List<RegistrationRow> rows) throws Exception {
		Path file = tmp.resolve(dialect + ".csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			RegistrationCsv.write(rows, dialect, out);
		}
		return file;
	}

	private Path file(String text, Charset charset) throws Exception {
		Path file = tmp.resolve("saisie.csv");
		Files.writeString(file, text, charset);
		return file;
	}

	/** What a file gave: its good rows and its refusals, in order, and what the reading counted. */
	private record Parsed(List<RegistrationRow> rows, List<RegistrationCsv.Problem> problems, Dialect dialect,
			long lines) {
	}

	private static Parsed read(Path file) throws CqpException {
		List<RegistrationRow> rows = new ArrayList<>();
		List<RegistrationCsv.Problem> problems = new ArrayList<>();
		long[] progress = { -1, -1 };
		RegistrationCsv.Summary summary = RegistrationCsv.read(file, library, BODIES, TODAY, rows::add, problems::add,
				(done, total) -> {
					progress[0] = done;
					progress[1] = total;
				});
		assertEquals(rows.size(), summary.rows());
		assertEquals(problems.size(), summary.refused());
		try {
			assertEquals(Files.size(file), progress[1], "progress is told in bytes of the file");
		} catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
		assertEquals(progress[1], progress[0], "the reading ends at the file's end");
		return new Parsed(rows, problems, summary.dialect(), summary.lines());
	}

	private static List<String> problems(Parsed parsed) {
		return parsed.problems().stream().map(Object::toString).toList();
	}

	@Test
	void bothDialectsReadBackWhatTheyWrote() throws Exception {
		for (Dialect dialect : Dialect.values()) {
			Parsed parsed = read(write(dialect, ROWS));
			assertEquals(List.of(), parsed.problems(), dialect.name());
			assertEquals(ROWS, parsed.rows(), dialect.name());
			assertEquals(dialect, parsed.dialect());
		}
		String excel = Files.readString(write(Dialect.EXCEL, ROWS), Charset.forName("windows-1252"));
		assertTrue(excel.contains("B\u00e9rard;\u00c9lo\u00efse;29/02/1988"), excel);
		assertTrue(excel.contains("\"Mutuelle \"\"Les \u0152illets\"\"; Nord, Est\""), excel);
		String utf8 = Files.readString(write(Dialect.CSV, ROWS), StandardCharsets.UTF_8);
		assertTrue(utf8.startsWith(String.join(",", RegistrationCsv.COLUMNS)), utf8);
		assertTrue(utf8.contains("B\u00e9rard,\u00c9lo\u00efse,1988-02-29"), utf8);
	}

	@Test
	void noCellASpreadsheetWouldRunIsWrittenAndTheImportGivesTheOriginalsBack() throws Exception {
		List<String> names = List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+33 1 23 45 67 89", "-Moi",
				"=", "'=déjà protégé", "''+deux", "'normal", "Dupont-Martin");
		List<RegistrationRow> rows = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			rows.add(new RegistrationRow(null, names.get(i), "=1+" + i, LocalDate.of(1980, 1, 1 + i), null,
					"@Mutuelle " + i, "-Ville", "CMI", LocalDate.of(2024, 3, 1 + i), Route.VAE, null, null));
		}
		for (Dialect dialect : Dialect.values()) {
			Path file = write(dialect, rows);
			String text = Files.readString(file, dialect == Dialect.CSV ? StandardCharsets.UTF_8
					: Charset.forName("windows-1252"));
			List<String> cells = new ArrayList<>();
			try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(dialect == Dialect.CSV ? ',' : ';').get()
					.parse(new StringReader(text))) {
				for (CSVRecord record : parser) {
					record.forEach(cells::add);
				}
			}
			assertEquals(13 * (rows.size() + 1) - (rows.size() + 1), cells.size(), "12 cells per line");
			for (String cell : cells) {
				assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, dialect + ": " + cell);
			}
			assertTrue(cells.contains("'=HYPERLINK(\"http://x\",\"y\")"), cells.toString());
			assertTrue(cells.contains("''=déjà protégé"), cells.toString());
			assertTrue(cells.contains("'normal"), cells.toString());
			Parsed parsed = read(file);
			assertEquals(List.of(), parsed.problems(), dialect.name());
			assertEquals(rows, parsed.rows(), dialect + ": the round trip is exact");
		}
	}

	@Test
	void everyBadRowIsNamedByItsLineWithItsReasonsAndTheGoodRowsAreKept() throws Exception {
		String text = """
				nom;prenom;date_naissance;certification;date_inscription;voie;organisme
				Durand;Léa;31/02/1990;CMI;01/09/2024;FORMATION;ARKOS
				Durand;Léa;28/02/1990;CMI;01/09/2024;FORMATION;ARKOS
				Martin;Paul;12/05/1985;XYZ;01/09/2024;stage;INCONNU
				;Jean;12/05/1985;CMC;2024-09-01;VAE;
				Petit;Anne;12/05/2015;CMC;01/09/2024;VAE;
				Roy;Anne;12/05/1975;CMC;01/09/2027;VAE;
				DURAND;lea;1990-02-28;cmi;2024-09-01;formation;ARKOS
				Colin;Luc;12/05/1975;CMC;01/09/2024;VAE
				""";
		Parsed parsed = read(file(text, Charset.forName("windows-1252")));
		assertEquals(8, parsed.lines());
		assertEquals(1, parsed.rows().size());
		assertEquals("Léa", parsed.rows().get(0).firstName());
		assertEquals(List.of(
				"ligne 2 : « date_naissance » : date « 31/02/1990 » invalide (JJ/MM/AAAA ou AAAA-MM-JJ)",
				"ligne 4 : certification inconnue « XYZ » (connues : AC, CARC, CMC, CMI, CRD, SPSP) ; voie « stage » inconnue "
						+ "(FORMATION ou VAE) ; organisme de formation inconnu « INCONNU »",
				"ligne 5 : « nom » est vide",
				"ligne 6 : la date de naissance 12/05/2015 donne moins de 16 ans à l'inscription",
				"ligne 7 : la date d'inscription 01/09/2027 est dans le futur",
				"ligne 8 : même inscription qu'à la ligne 3",
				"ligne 9 : 6 colonnes au lieu de 7"), problems(parsed));
	}

	@Test
	void aCellLongerThanItsColumnIsRefusedByLineAndColumnAndTheOthersStay() throws Exception {
		StringBuilder text = new StringBuilder(HEADER + ",courriel,entreprise,ville_entreprise,organisme\n");
		for (int i = 0; i < 200; i++) {
			text.append("Nom").append(i).append(",Prénom,1980-01-01,CMI,2024-01-02,VAE,,,,\n");
		}
		text.append("N".repeat(101)).append(",Prénom,1980-01-01,CMI,2024-01-02,VAE,,,,\n");
		text.append("Long,Courriel,1980-01-01,CMI,2024-01-02,VAE,").append("a".repeat(196)).append("@x.fr,,,\n");
		text.append("Long,Entreprise,1980-01-01,CMI,2024-01-02,VAE,,").append("É".repeat(201)).append(",")
				.append("V".repeat(101)).append(",\n");
		text.append("Long,Organisme,1980-01-01,CMI,2024-01-02,VAE,,,,").append("O".repeat(65)).append('\n');
		text.append("Juste,").append("P".repeat(100)).append(",1980-01-01,CMI,2024-01-02,VAE,,,,\n");
		Parsed parsed = read(file(text.toString(), StandardCharsets.UTF_8));
		assertEquals(201, parsed.rows().size());
		assertEquals(List.of(
				"ligne 202 : « nom » a 101 caractères, plus que les 100 que la base de données accepte",
				"ligne 203 : « courriel » a 201 caractères, plus que les 200 que la base de données accepte",
				"ligne 204 : « entreprise » a 201 caractères, plus que les 200 que la base de données accepte ; "
						+ "« ville_entreprise » a 101 caractères, plus que les 100 que la base de données accepte",
				"ligne 205 : « organisme » a 65 caractères, plus que les 64 que la base de données accepte ; "
						+ "organisme de formation inconnu « " + "O".repeat(65) + " »"),
				problems(parsed));
	}

	@Test
	void aUtf8FileWithOneWindows1252LineKeepsItsUtf8LinesAndRefusesTheOtherByItsLine() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes((HEADER + "\nMüller,Zoé,1990-01-02,CMI,2024-01-02,VAE\n").getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes("Ménard,Léon,1990-01-03,CMI,2024-01-02,VAE\n".getBytes(Charset.forName("windows-1252")));
		bytes.writeBytes("Çelik,Ayşe,1990-01-04,CMI,2024-01-02,VAE\n".getBytes(StandardCharsets.UTF_8));
		Path file = tmp.resolve("melange.csv");
		Files.write(file, bytes.toByteArray());
		Parsed parsed = read(file);
		assertEquals(List.of("Müller", "Çelik"), parsed.rows().stream().map(RegistrationRow::lastName).toList());
		assertEquals(List.of("Zoé", "Ayşe"), parsed.rows().stream().map(RegistrationRow::firstName).toList());
		assertEquals(List.of("ligne 3 : « nom » contient des caractères illisibles : le fichier n'est pas entièrement en "
				+ "UTF-8 (enregistrez-le en UTF-8, ou entièrement en Windows-1252) ; « prenom » contient des caractères "
				+ "illisibles : le fichier n'est pas entièrement en UTF-8 (enregistrez-le en UTF-8, ou entièrement en "
				+ "Windows-1252)"), problems(parsed));
	}

	@Test
	void aWholeWindows1252FileIsReadAsWindows1252() throws Exception {
		Parsed parsed = read(file(HEADER + "\nMüller,Œdipe,1990-01-02,CMI,2024-01-02,VAE\n", Charset.forName("windows-1252")));
		assertEquals(List.of(), parsed.problems());
		assertEquals("Müller", parsed.rows().get(0).lastName());
		assertEquals("Œdipe", parsed.rows().get(0).firstName());
	}

	@Test
	void controlAndInvisibleCharactersAreRefusedWithTheirColumnAndCode() throws Exception {
		String text = HEADER + ",ville_entreprise\n"
				+ "Nul\u0000,Zoé,1990-01-02,CMI,2024-01-02,VAE,Lille\n"
				+ "Renversé,\u202Eevil,1990-01-02,CMI,2024-01-03,VAE,Lille\n"
				+ "Invisible,Zo\u200Bé,1990-01-02,CMI,2024-01-04,VAE,Lille\n"
				+ "Cloche,Zoé,1990-01-02,CMI,2024-01-05,VAE,Li\u0007lle\n"
				+ "\"Deux\nlignes\",Zoé,1990-01-02,CMI,2024-01-06,VAE,Lille\n"
				+ "\"Ta\tb\",Zoé,1990-01-02,CMI,2024-01-07,VAE,Lille\n"
				+ "Privé,\uE000,1990-01-02,CMI,2024-01-08,VAE,Lille\n"
				+ "N'Guessan-Lévêque,Zoé Ève,1990-01-02,CMI,2024-01-09,VAE,Saint-Étienne\n";
		Parsed parsed = read(file(text, StandardCharsets.UTF_8));
		assertEquals(List.of("N'Guessan-Lévêque"), parsed.rows().stream().map(RegistrationRow::lastName).toList());
		assertEquals(List.of(
				"ligne 2 : « nom » contient un caractère invisible ou de contrôle (U+0000) que personne ne tape",
				"ligne 3 : « prenom » contient un caractère invisible ou de contrôle (U+202E) que personne ne tape",
				"ligne 4 : « prenom » contient un caractère invisible ou de contrôle (U+200B) que personne ne tape",
				"ligne 5 : « ville_entreprise » contient un caractère invisible ou de contrôle (U+0007) que personne ne tape",
				"ligne 6 : « nom » contient un caractère invisible ou de contrôle (U+000A) que personne ne tape",
				"ligne 8 : « nom » contient un caractère invisible ou de contrôle (U+0009) que personne ne tape",
				"ligne 9 : « prenom » contient un caractère invisible ou de contrôle (U+E000) que personne ne tape"),
				problems(parsed));
	}

	@Test
	void daysNoCandidateCanHaveAreRefused() throws Exception {
		String text = HEADER + "\n"
				+ "An,Un,0001-01-01,CMI,2024-01-02,VAE\n"
				+ "An,Vingt,0020-05-06,CMI,2024-01-02,VAE\n"
				+ "Futur,Né,2199-01-01,CMI,2024-01-02,VAE\n"
				+ "Vieux,Inscrit,1990-01-01,CMI,0001-01-01,VAE\n"
				+ "Avant,Règles,1990-01-01,CMI,2012-12-31,VAE\n"
				+ "Juste,Règles,1990-01-01,CMI,2013-01-01,VAE\n"
				+ "Bissextile,Non,1990-02-29,CMI,2024-01-02,VAE\n"
				+ "Âgé,Quatre-vingts,1943-01-03,CMI,2024-01-02,VAE\n"
				+ "Âgé,Quatre-vingt-un,1943-01-02,CMI,2024-01-02,VAE\n";
		Parsed parsed = read(file(text, StandardCharsets.UTF_8));
		assertEquals(List.of("Règles", "Quatre-vingts"), parsed.rows().stream().map(RegistrationRow::firstName).toList());
		assertEquals(List.of(
				"ligne 2 : la date de naissance 0001-01-01 donne plus de 80 ans à l'inscription",
				"ligne 3 : la date de naissance 0020-05-06 donne plus de 80 ans à l'inscription",
				"ligne 4 : la date de naissance 2199-01-01 donne moins de 16 ans à l'inscription",
				"ligne 5 : la date d'inscription 0001-01-01 précède les règles du CQP CMI, en vigueur depuis le 2013-01-01",
				"ligne 6 : la date d'inscription 2012-12-31 précède les règles du CQP CMI, en vigueur depuis le 2013-01-01",
				"ligne 8 : « date_naissance » : date « 1990-02-29 » invalide (JJ/MM/AAAA ou AAAA-MM-JJ)",
				"ligne 10 : la date de naissance 1943-01-02 donne plus de 80 ans à l'inscription"), problems(parsed));
	}

	@Test
	void aMalformedFileIsRefusedInOneSentenceNamingItsLineAndNoJavaText() throws Exception {
		CqpException open = assertThrows(CqpException.class, () -> read(file(HEADER
				+ "\nA,B,1990-01-01,CMI,2024-01-02,VAE\nC,\"D,1990-01-01,CMI,2024-01-02,VAE\nE,F,1990-01-01,CMI,2024-01-02,VAE\n",
				StandardCharsets.UTF_8)));
		assertEquals("Le fichier " + tmp.resolve("saisie.csv") + " n'est pas un CSV lisible : à la ligne 3, un guillemet "
				+ "ouvert n'est jamais fermé. Rien n'a été importé.", open.getMessage());
		CqpException misplaced = assertThrows(CqpException.class, () -> read(file(HEADER
				+ "\nA,B,1990-01-01,CMI,2024-01-02,VAE\nC,\"D\"x,1990-01-01,CMI,2024-01-02,VAE\n", StandardCharsets.UTF_8)));
		assertEquals("Le fichier " + tmp.resolve("saisie.csv") + " n'est pas un CSV lisible : à la ligne 3, un guillemet "
				+ "est mal placé (un texte entre guillemets doit occuper toute la cellule). Rien n'a été importé.",
				misplaced.getMessage());
	}

	@Test
	void aFileWithoutTheRequiredColumnsOrThatIsNotAFileGetsOneSentence() throws Exception {
		CqpException missing = assertThrows(CqpException.class,
				() -> read(file("nom,prenom\nA,B\n", StandardCharsets.UTF_8)));
		assertTrue(missing.getMessage().contains("date_naissance, certification, date_inscription, voie"),
				missing.getMessage());
		CqpException absent = assertThrows(CqpException.class, () -> read(tmp.resolve("absent.csv")));
		assertEquals("Le fichier " + tmp.resolve("absent.csv") + " n'existe pas.", absent.getMessage());
		CqpException folder = assertThrows(CqpException.class, () -> read(tmp));
		assertEquals(tmp + " est un dossier : donnez le fichier CSV des inscriptions.", folder.getMessage());
		CqpException device = assertThrows(CqpException.class, () -> read(Path.of("/dev/null")));
		assertEquals("/dev/null n'est pas un fichier ordinaire (périphérique, tube ou socket) : donnez le fichier CSV "
				+ "des inscriptions.", device.getMessage());
	}

	@Test
	void aUtf8FileWithAByteOrderMarkIsRead() throws Exception {
		String text = "\uFEFF" + HEADER + "\nBérard,Zoé,1990-01-02,CMI,2024-01-02,VAE\n";
		Parsed parsed = read(file(text, StandardCharsets.UTF_8));
		assertEquals(List.of(), parsed.problems());
		assertEquals("Bérard", parsed.rows().get(0).lastName());
	}

	@Test
	void theExcelDialectRefusesACharacterWindows1252CannotHoldRatherThanLoseIt() {
		RegistrationRow polish = new RegistrationRow(null, "Wałęsa", "Lech", LocalDate.of(1970, 1, 1), null, null,
				null, "CMC", LocalDate.of(2024, 1, 1), Route.VAE, null, null);
		CqpException refused = assertThrows(CqpException.class,
				() -> RegistrationCsv.write(List.of(ROWS.get(0), polish), Dialect.EXCEL, new ByteArrayOutputStream()));
		assertTrue(refused.getMessage().contains("ligne 3") && refused.getMessage().contains("Wałęsa"),
				refused.getMessage());
		ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
		assertDoesNotThrow(() -> RegistrationCsv.write(List.of(polish), Dialect.CSV, utf8));
		assertTrue(utf8.toString(StandardCharsets.UTF_8).contains("Wałęsa"));
	}
}
