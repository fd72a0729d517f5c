package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.cli.internal.Cli;

/**
 * The commands as a hostile user tries them: mistyped databases, paths that are not files,
 * values no one means, malformed files. Each gets one sentence in the user's language, with no
 * Java text, the README's exit codes, and nothing saved is lost or created behind the user's back.
 */
class HostileInputTest {

	@TempDir
	static Path tmp;
	private static Path base;

	@BeforeAll
	static void aDatabase() {
		base = tmp.resolve("base");
		Cqp generated = Cqp.run("data", "generate", "--candidates", "12", "--seed", "3", "--as-of", "2026-06-30", "--db",
				base.toString());
		assertEquals(Cli.OK, generated.code(), generated.err());
	}

	/** One line on the error stream, without Java's words, and the exit code expected. */
	private static void oneSentence(Cqp r, int code) {
		assertEquals(code, r.code(), r.err());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		for (String java : List.of("Exception", "java.", "\tat ", "org.", "liquibase", "picocli", "Invalid value")) {
			assertFalse(r.err().contains(java), r.err());
		}
	}

	private static List<Path> list(Path folder) throws Exception {
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}

	@Test
	void commandsThatReadRefuseAMissingDatabaseAndCreateNothing() throws Exception {
		Path missing = tmp.resolve("faute/de/frappe");
		String refusal = "Aucune base de données dans " + missing + " : vérifiez le chemin, ou créez-la avec « cqp data "
				+ "generate » ou « cqp data import ».";
		Cqp export = Cqp.run("data", "export", "--db", missing.toString());
		oneSentence(export, Cli.FAILED);
		assertEquals(refusal, export.err().strip());
		assertEquals("", export.out());
		Path reports = tmp.resolve("rapports-absents");
		Cqp report = Cqp.run("report", "run", "inscriptions", "--db", missing.toString(), "--out", reports.toString());
		oneSentence(report, Cli.FAILED);
		assertEquals(refusal, report.err().strip());
		assertFalse(Files.exists(tmp.resolve("faute")), "no database was created");
		assertFalse(Files.exists(reports), "no report was written");
		Path document = Files.createDirectories(tmp.resolve("documents"));
		Cqp notDatabase = Cqp.run("data", "export", "--db", document.toString());
		oneSentence(notDatabase, Cli.FAILED);
		assertTrue(notDatabase.err().startsWith(document + " existe et n'est pas une base de données"), notDatabase.err());
		for (String root : List.of("/", "/proc", "/dev/null")) {
			oneSentence(Cqp.run("data", "export", "--db", root), Cli.FAILED);
			oneSentence(Cqp.run("data", "generate", "--candidates", "1", "--db", root), Cli.FAILED);
		}
	}

	@Test
	void commandsMeantToCreateADatabaseSaySo() throws Exception {
		Path created = tmp.resolve("nouvelle");
		Cqp generated = Cqp.run("data", "generate", "--candidates", "2", "--as-of", "2026-06-30", "--db", created.toString());
		assertEquals(Cli.OK, generated.code(), generated.err());
		assertEquals("Base de données créée : " + created, generated.err().lines().findFirst().orElseThrow());
		Path csv = tmp.resolve("une.csv");
		Files.writeString(csv, "nom,prenom,date_naissance,certification,date_inscription,voie\nVidal,Rose,1990-01-02,CMI,2024-01-02,VAE\n");
		Path imported = tmp.resolve("importee");
		Cqp importing = Cqp.run("data", "import", csv.toString(), "--db", imported.toString());
		assertEquals(Cli.OK, importing.code(), importing.err());
		assertEquals("Base de données créée : " + imported, importing.err().lines().findFirst().orElseThrow());
		Cqp again = Cqp.run("data", "import", csv.toString(), "--db", imported.toString());
		assertFalse(again.err().contains("créée"), again.err());
	}

	/**
	 * A list of report formats that names none ({@code --format ,}) is refused in one sentence
	 * before anything is made: no report, no benchmark's figures of nothing.
	 */
	@Test
	void anEmptyListOfReportFormatsIsRefused() throws Exception {
		Path out = tmp.resolve("rapports-sans-format");
		for (String[] command : List.of(new String[] { "report", "run", "all", "--format", ",", "--out", out.toString() },
				new String[] { "bench", "reports", "--candidates", "10", "--format", "," })) {
			Cqp r = Cqp.run(command);
			oneSentence(r, Cli.FAILED);
			assertEquals("Aucun format de rapport donné (--format). Formats possibles : pdf, html, xlsx.", r.err().strip());
			assertEquals("", r.out());
		}
		assertFalse(Files.exists(out), "no report was written");
	}

	@Test
	void aDatabasePathHoldingConnectionOptionsIsRefused() throws Exception {
		for (String attributes : List.of(";create=true", ";dataEncryption=true;bootPassword=secret-12345",
				";shutdown=true", ";upgrade=true")) {
			String db = tmp.resolve("piege") + attributes;
			for (String[] command : List.of(new String[] { "data", "export", "--db", db },
					new String[] { "data", "generate", "--candidates", "1", "--db", db },
					new String[] { "report", "run", "inscriptions", "--db", db, "--out", tmp.resolve("r").toString() },
					new String[] { "database", "use", "embedded", "--db", db })) {
				Cqp r = Cqp.run(command);
				oneSentence(r, Cli.FAILED);
				assertTrue(r.err().contains("contient un point-virgule ou un caractère de contrôle"), r.err());
			}
		}
		assertFalse(Files.exists(tmp.resolve("piege")), "no database, encrypted or not, was made");
		assertFalse(Files.exists(tmp.resolve("r")));
	}

	@Test
	void theDatabaseChoiceRefusesWhatNamesNoDatabaseAndKeepsTheFormerChoice() throws Exception {
		String before = Cqp.run("database", "show").out();
		try {
			Cqp missing = Cqp.run("database", "use", "embedded", "--db", "/does/not/exist");
			oneSentence(missing, Cli.FAILED);
			assertTrue(missing.err().startsWith("Aucune base de données dans /does/not/exist"), missing.err());
			for (String port : List.of("99999", "0", "65536", "localhost:70000")) {
				Cqp r = Cqp.run("database", "use", "server", port);
				oneSentence(r, Cli.FAILED);
				assertTrue(r.err().contains("n'existe pas : donnez un nombre de 1 à 65535"), r.err());
			}
			oneSentence(Cqp.run("database", "use", "server", "x:y"), Cli.FAILED);
			oneSentence(Cqp.run("database", "use", "server", "local;host:1527"), Cli.FAILED);
			oneSentence(Cqp.run("database", "use", "server", "1527", "--database", "base;create=true"), Cli.FAILED);
			assertEquals(before, Cqp.run("database", "show").out(), "the former choice is kept");
		} finally {
			Cqp.run("database", "use", "embedded");
		}
	}

	@Test
	void anOutputThatIsNotAFileIsRefusedAndALinkIsFollowed() throws Exception {
		Path folder = Files.createDirectories(tmp.resolve("sorties"));
		Path fifo = folder.resolve("tube");
		assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
		for (String out : List.of("/dev/null", "/dev/full", folder.toString(), fifo.toString())) {
			Cqp data = Cqp.run("data", "export", "--db", base.toString(), "--out", out);
			oneSentence(data, Cli.FAILED);
			assertTrue(data.err().startsWith(out + " "), data.err());
			Cqp referential = Cqp.run("referential", "export", "CMI", "--format", "csv", "--out", out);
			oneSentence(referential, Cli.FAILED);
		}
		Path file = Files.writeString(folder.resolve("fichier.txt"), "à garder");
		Cqp reports = Cqp.run("report", "run", "inscriptions", "--db", base.toString(), "--out", file.toString());
		oneSentence(reports, Cli.FAILED);
		assertEquals(file + " existe et n'est pas un dossier : donnez le chemin d'un dossier.", reports.err().strip());
		assertEquals("à garder", Files.readString(file));

		Path referential = folder.resolve("cmi.csv");
		Cqp exported = Cqp.run("referential", "export", "CMI", "--format", "csv", "--out", referential.toString());
		assertEquals(Cli.OK, exported.code(), exported.err());
		assertEquals(Cqp.run("referential", "export", "CMI", "--format", "csv").out(),
				Files.readString(referential, StandardCharsets.UTF_8), "the file holds what the standard output shows");

		Path target = folder.resolve("vrai.csv");
		Path link = Files.createSymbolicLink(folder.resolve("lien.csv"), target);
		Cqp followed = Cqp.run("data", "export", "--db", base.toString(), "--out", link.toString());
		assertEquals(Cli.OK, followed.code(), followed.err());
		assertTrue(Files.isSymbolicLink(link), "the link is not replaced");
		assertEquals(Cqp.run("data", "export", "--db", base.toString()).out().lines().toList(),
				Files.readAllLines(target, StandardCharsets.UTF_8), "the whole export, through the link");
		assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
	}

	@Test
	void wrongValuesOfOptionsGetOneSentenceInFrenchAndTheUsageExitCode() {
		Cqp count = Cqp.run("data", "generate", "--candidates", "beaucoup", "--db", tmp.resolve("x").toString());
		oneSentence(count, Cli.USAGE);
		assertEquals("Valeur incorrecte « beaucoup » pour --candidates : un nombre entier est attendu. Tapez « cqp data "
				+ "generate --help » pour l'aide.", count.err().strip());
		Cqp day = Cqp.run("data", "generate", "--as-of", "2024-13-45", "--db", tmp.resolve("x").toString());
		oneSentence(day, Cli.USAGE);
		assertEquals("Valeur incorrecte « 2024-13-45 » pour --as-of : une date AAAA-MM-JJ est attendue. Tapez « cqp data "
				+ "generate --help » pour l'aide.", day.err().strip());
		oneSentence(Cqp.run("server", "status", "--port", "port"), Cli.USAGE);
		oneSentence(Cqp.run("report", "run", "inscriptions", "--param", "sans-egal"), Cli.USAGE);
		Cqp twice = Cqp.run("data", "export", "--format", "csv", "--format", "excel");
		oneSentence(twice, Cli.USAGE);
		assertEquals("L'option --format est donnée deux fois à « cqp data export » : gardez-en une.", twice.err().strip());
		oneSentence(Cqp.run("data", "export", "en", "trop"), Cli.USAGE);
		assertFalse(Files.exists(tmp.resolve("x")));
	}

	@Test
	void aMalformedImportIsOneSentenceAndAnOverlongCellIsNamedByLineAndColumn() throws Exception {
		Path quote = tmp.resolve("guillemet.csv");
		Files.writeString(quote, "nom,prenom,date_naissance,certification,date_inscription,voie\n"
				+ "Blanc,Jules,1980-01-01,CMI,2024-01-02,VAE\n\"Noir,Jeanne,1980-01-01,CMI,2024-01-02,VAE\n");
		Path copy = tmp.resolve("copie-guillemet");
		Cqp r = Cqp.run("data", "import", quote.toString(), "--db", copy.toString());
		oneSentence(r, Cli.FAILED);
		assertEquals("Le fichier " + quote + " n'est pas un CSV lisible : à la ligne 3, un guillemet ouvert n'est jamais "
				+ "fermé. Rien n'a été importé.", r.err().lines().reduce((a, b) -> b).orElseThrow());

		StringBuilder text = new StringBuilder("nom,prenom,date_naissance,certification,date_inscription,voie\n");
		for (int i = 0; i < 3000; i++) {
			text.append("Nom").append(i).append(",Prénom,1980-01-01,CMI,2024-01-02,VAE\n");
		}
		text.insert(text.indexOf("Nom1500,"), "Trop,".replace("Trop", "T".repeat(120)) + "Long,1980-01-01,CMI,2024-01-02,VAE\n");
		Path big = tmp.resolve("gros.csv");
		Files.writeString(big, text);
		Path target = tmp.resolve("copie-gros");
		Cqp imported = Cqp.run("data", "import", big.toString(), "--db", target.toString());
		assertEquals(Cli.FAILED, imported.code(), imported.err());
		assertTrue(imported.err().contains("ligne 1502 : « nom » a 120 caractères, plus que les 100 que la base de données "
				+ "accepte\n"), imported.err());
		assertTrue(imported.out().contains("3000 inscriptions ajoutées"), imported.out());
		assertTrue(imported.out().contains("1 lignes refusées"), imported.out());
	}
}
