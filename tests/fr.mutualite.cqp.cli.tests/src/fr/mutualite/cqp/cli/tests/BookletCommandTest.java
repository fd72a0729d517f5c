package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.cli.internal.Cli;

/** {@code cqp booklet print}: blank and filled booklets from the command line, and what it refuses. */
class BookletCommandTest {

	@TempDir
	static Path tmp;
	private static String db;
	/** A CMI candidate of the generated branch: id, last name, first name. */
	private static String[] candidate;

	@BeforeAll
	static void branch() {
		db = tmp.resolve("base").toString();
		Cqp generated = Cqp.run("data", "generate", "--candidates", "80", "--seed", "9", "--as-of", "2026-06-30", "--db", db);
		assertEquals(Cli.OK, generated.code(), generated.err());
		List<String> rows = Cqp.run("data", "export", "--db", db).out().lines().toList();
		int certification = Arrays.asList(rows.get(0).split(",")).indexOf("certification");
		candidate = rows.stream().skip(1).map(r -> r.split(",")).filter(r -> r[certification].equals("CMI")).findFirst()
				.orElseThrow();
	}

	private static String text(Path pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(document);
		}
	}

	@Test
	void theHelpListsTheBookletsByName() {
		Cqp help = Cqp.run("booklet", "print", "--help");
		assertEquals(Cli.OK, help.code());
		assertTrue(help.out().replaceAll("\\s+", " ").contains("Le livret : orientation, formation, tuteur, finale, vae ou jury ; ou certificat, le certificat du candidat (avec --candidate)."),
				help.out());
	}

	@Test
	void aBlankBookletNeedsNoDatabase() throws Exception {
		Path pdf = tmp.resolve("vierge/tuteur.pdf");
		Cqp printed = Cqp.run("booklet", "print", "tuteur", "--cqp", "CMI", "--out", pdf.toString());
		assertEquals(Cli.OK, printed.code(), printed.err());
		assertEquals(pdf.toAbsolutePath() + System.lineSeparator(), printed.out());
		List<String> lines = text(pdf).lines().toList();
		String text = String.join("\n", lines);
		// the page's footer comes first in the PDF's text, then the page
		assertEquals(List.of("OEMM · CQP Mutualité 1", "CMI - Conseiller(ère) mutualiste individuels, référentiel version 1.0",
				"Guide du tuteur : grilles d'évaluation intermédiaire", "Exemplaire vierge, à remplir"), lines.subList(0, 4));
		assertTrue(text.contains("Exemplaire vierge, à remplir"), text);
		assertFalse(text.contains("[X]"), text);
	}

	@Test
	void aFilledBookletCarriesTheCandidate() throws Exception {
		Path pdf = tmp.resolve("orientation.pdf");
		Cqp printed = Cqp.run("booklet", "print", "orientation", "--cqp", "CMI", "--candidate", candidate[0], "--db", db,
				"--out", pdf.toString());
		assertEquals(Cli.OK, printed.code(), printed.err());
		String text = text(pdf).replaceAll("\\s+", " ");
		assertTrue(text.contains("Candidat(e) " + candidate[1] + ' ' + candidate[2] + ' '), text);
		assertTrue(text.contains("Exemplaire rempli"), text);
		assertTrue(text.contains("[X]"), text);
	}

	@Test
	void wrongNamesAndUnknownCandidatesAreRefusedInOneSentenceAndWriteNothing() {
		Path pdf = tmp.resolve("refus.pdf");
		Cqp unknown = Cqp.run("booklet", "print", "final", "--cqp", "CMI", "--out", pdf.toString());
		assertEquals(Cli.FAILED, unknown.code());
		assertEquals("Livret inconnu : « final ». Les livrets sont : orientation, formation, tuteur, finale, vae, jury, certificat."
				+ System.lineSeparator(), unknown.err());
		Cqp noCqp = Cqp.run("booklet", "print", "jury", "--cqp", "XYZ", "--out", pdf.toString());
		assertEquals(Cli.FAILED, noCqp.code());
		assertTrue(noCqp.err().startsWith("Certification inconnue"), noCqp.err());
		Cqp nobody = Cqp.run("booklet", "print", "jury", "--cqp", "CMI", "--candidate", "C-9999999", "--db", db, "--out",
				pdf.toString());
		assertEquals(Cli.FAILED, nobody.code());
		assertEquals("Aucun candidat d'identifiant C-9999999 dans la base." + System.lineSeparator(), nobody.err());
		Cqp other = Cqp.run("booklet", "print", "jury", "--cqp", "AC", "--candidate", candidate[0], "--db", db, "--out",
				pdf.toString());
		assertEquals(Cli.FAILED, other.code());
		assertEquals("Le candidat " + candidate[0] + " n'a pas d'inscription au CQP AC." + System.lineSeparator(), other.err());
		assertFalse(Files.exists(pdf));
	}
}
