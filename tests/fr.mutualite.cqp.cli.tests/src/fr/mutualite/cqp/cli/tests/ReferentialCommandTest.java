package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.cli.internal.Cli;

/** {@code cqp referential list|export|check} on good and bad inputs. */
class ReferentialCommandTest {

	@TempDir
	Path tmp;

	@Test
	void listShowsTheSixCertificationsWithVersionAndCounts() {
		Cqp r = Cqp.run("referential", "list");
		assertEquals(Cli.OK, r.code(), r.err());
		List<String> lines = r.out().lines().toList();
		assertEquals(7, lines.size(), r.out());
		assertTrue(lines.get(0).startsWith("Code"), lines.get(0));
		assertTrue(lines.stream().anyMatch(l -> l.matches("CMI\\s+1\\.0\\s+2013-01-01\\s+7\\s+32\\s+20\\s+61\\s+6\\s+Conseiller\\(ère\\) mutualiste individuels")),
				r.out());
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("SPSP ")), r.out());
	}

	@Test
	void exportWritesJsonToAFileAndCsvToTheOutput() throws Exception {
		Path json = tmp.resolve("exports/cmi.json");
		Cqp r = Cqp.run("referential", "export", "cmi", "--format", "json", "--out", json.toString());
		assertEquals(Cli.OK, r.code(), r.err());
		String text = Files.readString(json);
		assertTrue(text.contains("\"code\": \"CMI-D7.G2.5\""), "every criterion, down to the last one");
		try (Stream<Path> files = Files.list(json.getParent())) {
			assertEquals(List.of(json), files.toList(), "no partial file left");
		}
		Cqp csv = Cqp.run("referential", "export", "CMI", "--format", "csv");
		assertEquals(Cli.OK, csv.code());
		assertEquals(1 + 7 + 32 + 20 + 61, csv.out().lines().count());
		assertTrue(csv.out().startsWith("certification,domain_number,domain_code,level,code,parent_code,wording"));
	}

	@Test
	void exportRefusesAnUnknownCertificationOrFormat() {
		Cqp unknown = Cqp.run("referential", "export", "XYZ");
		assertEquals(Cli.FAILED, unknown.code());
		assertEquals("Certification inconnue : « XYZ ». Certifications disponibles : AC, CARC, CMC, CMI, CRD, SPSP.", unknown.err().strip());
		Cqp format = Cqp.run("referential", "export", "CMI", "--format", "pdf");
		assertEquals(Cli.FAILED, format.code());
		assertTrue(format.err().contains("Format d'export inconnu : « pdf »"), format.err());
	}

	@Test
	void checkOfTheIndividualsReferentialPassesAndListsWordingDifferences() {
		Cqp r = Cqp.run("referential", "check", "CMI");
		assertEquals(Cli.OK, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("0 erreur(s)"), r.out());
		assertTrue(r.out().contains("[Libellé différent] CMI-TUT / CMI-TUT-D1-C1 (ANALYSE-SITUATION.C1)"), r.out());
		assertTrue(r.out().contains("[Ajouté par le livret] CMI-FIN / CMI-FIN-D3-G1.3"), r.out());
	}

	@Test
	void checkOfTheTrainingBodiesWarnsButPasses() {
		Cqp r = Cqp.run("referential", "check", "organismes");
		assertEquals(Cli.OK, r.code());
		assertTrue(r.out().contains("0 erreur(s), 10 avertissement(s)."), r.out());
	}

	@Test
	void checkOfAFileWithErrorsFails() throws Exception {
		Path file = tmp.resolve("bancal.referentiel");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<ref:Referential xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0"
				    id="bancal" title="Référentiel bancal" version="1.0" validFrom="2026-01-01">
				  <certifications code="BANCAL" title="Certification bancale">
				    <domains number="2" domain="B-D1"/>
				  </certifications>
				  <domains code="B-D1" wording="Un domaine"/>
				</ref:Referential>
				""");
		Cqp r = Cqp.run("referential", "check", file.toString());
		assertEquals(Cli.FAILED, r.code(), r.out());
		assertTrue(r.out().contains("ERREUR") && r.out().contains("[REF-03]"), r.out());
	}

	@Test
	void checkOfAMalformedFileGivesOneSentence() throws Exception {
		Path file = tmp.resolve("casse.referentiel");
		Files.writeString(file, "<ref:Referential xmlns:ref=\"http://www.mutualite.fr/cqp/referential/1.0\"><certifications>");
		Cqp r = Cqp.run("referential", "check", file.toString());
		assertEquals(Cli.FAILED, r.code());
		assertEquals(1, r.err().strip().lines().count(), r.err());
		assertTrue(r.err().startsWith("Le fichier " + file + " n'est pas un référentiel lisible : ligne 1"), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
		Cqp unknown = Cqp.run("referential", "check", "n-importe-quoi");
		assertEquals(Cli.FAILED, unknown.code());
		assertEquals("« n-importe-quoi » n'est ni un fichier, ni le code d'une certification, ni un référentiel connu.",
				unknown.err().strip());
	}

	/** A referential file of {@code n} domains, each with competences, criteria and a booklet section. */
	static String big(int n) {
		StringBuilder x = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<ref:Referential xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0" id="grand" title="Grand" version="1.0" validFrom="2020-01-01">
				  <certifications code="GRAND" title="Grand CQP">
				""");
		for (int i = 1; i <= n; i++) {
			x.append("    <domains number=\"").append(i).append("\" domain=\"D").append(i).append("\"/>\n");
		}
		x.append("  </certifications>\n");
		for (int i = 1; i <= n; i++) {
			x.append("  <domains code=\"D").append(i).append("\" wording=\"Domaine numéro ").append(i).append(" du grand référentiel\">\n");
			for (int c = 1; c <= 2; c++) {
				x.append("    <competences code=\"D").append(i).append(".C").append(c)
						.append("\" wording=\"Compétence ").append(c).append(" du domaine ").append(i).append("\"/>\n");
			}
			for (int g = 1; g <= 2; g++) {
				x.append("    <criteriaGroups code=\"D").append(i).append(".G").append(g).append("\" wording=\"Groupe ").append(g)
						.append("\">\n");
				for (int k = 1; k <= 2; k++) {
					x.append("      <criteria code=\"D").append(i).append(".G").append(g).append('.').append(k)
							.append("\" wording=\"Critère ").append(k).append(" du groupe ").append(g).append("\"/>\n");
				}
				x.append("    </criteriaGroups>\n");
			}
			x.append("  </domains>\n");
		}
		return x.append("</ref:Referential>\n").toString();
	}

	@Test
	void checkingABigFileTellsItsProgressOnTheErrorStream() throws Exception {
		Path file = tmp.resolve("grand.referentiel");
		Files.writeString(file, big(7500));
		assertTrue(Files.size(file) > 5_000_000, "a big file: " + Files.size(file));
		Cqp r = Cqp.run("referential", "check", file.toString());
		assertEquals(Cli.OK, r.code(), r.err());
		List<String> reading = r.err().lines().filter(l -> l.startsWith("Lecture de " + file + " : ")).toList();
		assertEquals(10, reading.size(), r.err());
		assertTrue(reading.get(9).startsWith("Lecture de " + file + " : 100 % ("), reading.get(9));
		List<String> checking = r.err().lines().filter(l -> l.startsWith("Vérification : ")).toList();
		assertEquals(10, checking.size(), r.err());
		assertEquals("Vérification : 75 002 / 75 002 éléments", checking.get(9).replace('\u202f', ' ').replace('\u00a0', ' '));
		assertTrue(r.out().contains("0 erreur(s)"), r.out());
		Cqp small = Cqp.run("referential", "check", "CMI");
		assertEquals("", small.err(), "a small file is checked without progress lines");
	}

	@Test
	void aWordingASpreadsheetWouldRunIsExportedBehindAnApostrophe() throws Exception {
		Path data = tmp.resolve("donnees");
		Files.createDirectories(data);
		Path file = data.resolve("formules.referentiel");
		Files.writeString(file, big(2).replace("Domaine numéro 1 du grand référentiel", "=HYPERLINK(&quot;http://x&quot;)")
				.replace("Compétence 1 du domaine 2", "- savoir vendre").replace("Critère 2 du groupe 1", "@SUM(1+1)"));
		Cqp check = Cqp.run("referential", "check", file.toString());
		assertEquals(Cli.OK, check.code(), check.err());
		Path csv = tmp.resolve("formules.csv");
		String[] args = { "referential", "export", "GRAND", "--format", "csv", "--out", csv.toString() };
		Path referentials = fr.mutualite.cqp.core.DataFolder.referentials();
		Files.createDirectories(referentials);
		Path dropped = Files.copy(file, referentials.resolve("formules.referentiel"));
		try {
			Cqp r = Cqp.run(args);
			assertEquals(Cli.OK, r.code(), r.err());
		} finally {
			Files.delete(dropped);
		}
		List<String> lines = Files.readAllLines(csv);
		assertEquals("GRAND,1,D1,DOMAIN,D1,,\"'=HYPERLINK(\"\"http://x\"\")\"", lines.get(1));
		assertTrue(lines.contains("GRAND,2,D2,COMPETENCE,D2.C1,D2,'- savoir vendre"), lines.toString());
		assertTrue(lines.contains("GRAND,1,D1,CRITERION,D1.G1.2,D1.G1,'@SUM(1+1)"), lines.toString());
	}

	@Test
	void diffComparesTwoVersionsInTextAndJsonAndRefusesWhatItCannotCompare() throws Exception {
		Path folder = fr.mutualite.cqp.core.DataFolder.referentials();
		Files.createDirectories(folder);
		fr.mutualite.cqp.referential.ReferentialLibrary library = fr.mutualite.cqp.referential.ReferentialLibrary.withFolder(folder);
		fr.mutualite.cqp.model.referential.Referential v2 = library.newVersion(library.certification("CRD").orElseThrow(), "2.0",
				java.time.LocalDate.of(2025, 9, 1), folder);
		v2.getCertifications().get(0).setTitle("Chargé(e) de relation à distance et multicanal");
		v2.eResource().save(null);
		Path saved = folder.resolve("crd-2.0.referentiel");
		try {
			Cqp r = Cqp.run("referential", "diff", "CRD@1.0", "crd");
			assertEquals(Cli.OK, r.code(), r.err());
			assertEquals(List.of("De CRD 1.0 (2013-01-01) à CRD 2.0 (2025-09-01) : 3 différence(s)",
					"~ Référentiel, Version : [-1.0-]{+2.0+}",
					"~ Référentiel, Valable à partir du : [-2013-01-01-]{+2025-09-01+}",
					"~ Certification (CQP) CRD, Intitulé : Chargé(e) de relation à distance{+ et multicanal+}"), r.out().lines().toList());

			Path json = tmp.resolve("diff.json");
			Cqp written = Cqp.run("referential", "diff", "CRD@1.0", saved.toString(), "--format", "json", "--out", json.toString());
			assertEquals(Cli.OK, written.code(), written.err());
			assertEquals("3 différence(s) écrite(s) dans " + json + ".", written.err().strip());
			String text = Files.readString(json);
			assertEquals(3, text.split("\"kind\": \"changed\"", -1).length - 1, text);
			assertTrue(text.contains("\"words\": \"Chargé(e) de relation à distance{+ et multicanal+}\""), text);

			Cqp list = Cqp.run("referential", "list");
			assertEquals(List.of("CRD    1.0", "CRD    2.0"), list.out().lines().filter(l -> l.startsWith("CRD "))
					.map(l -> l.substring(0, 10)).toList());

			Cqp unknown = Cqp.run("referential", "diff", "CRD@9", "CRD");
			assertEquals(Cli.FAILED, unknown.code());
			assertEquals("Le CQP CRD n'a pas de version 9 ; ses versions : 1.0, 2.0.", unknown.err().strip());
			Cqp format = Cqp.run("referential", "diff", "CRD@1.0", "CRD", "--format", "xml");
			assertEquals(Cli.FAILED, format.code());
			assertEquals("Format « xml » inconnu : text ou json.", format.err().strip());
		} finally {
			Files.deleteIfExists(saved);
		}
	}

	@Test
	void theDiagramOfTheSixIsWrittenAsSvgAndPngAndWhatItRefuses() throws Exception {
		fr.mutualite.cqp.referential.ReferentialLibrary library = fr.mutualite.cqp.referential.ReferentialLibrary
				.withFolder(fr.mutualite.cqp.core.DataFolder.referentials());
		int boxes = fr.mutualite.cqp.diagram.ReferentialGraph.of(library.certifications(),
				new fr.mutualite.cqp.diagram.ReferentialGraph.Filter(null, true, java.util.Set.of()), e -> null).nodes().size();
		Path svg = tmp.resolve("diagramme/tous.svg");
		Cqp drawn = Cqp.run("referential", "diagram", "all", "--criteria", "--format", "svg", "--out", svg.toString());
		assertEquals(Cli.OK, drawn.code(), drawn.err());
		assertEquals("Diagramme de " + boxes + " éléments écrit dans " + svg.toAbsolutePath() + ".", drawn.err().strip());
		assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(svg));
		String text = Files.readString(svg);
		assertEquals(boxes, text.split("<g id=", -1).length - 1);
		Path png = tmp.resolve("cmi.png");
		Cqp image = Cqp.run("referential", "diagram", "cmi", "--format", "png", "--scale", "0.5", "--out", png.toString());
		assertEquals(Cli.OK, image.code(), image.err());
		java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(png.toFile());
		assertTrue(read.getWidth() > 100 && read.getHeight() > 100, read.getWidth() + "x" + read.getHeight());

		Cqp folder = Cqp.run("referential", "diagram", "all", "--out", tmp.toString());
		assertEquals(Cli.FAILED, folder.code());
		assertEquals(tmp + " est un dossier : donnez le chemin d'un fichier.", folder.err().strip());
		Cqp unknown = Cqp.run("referential", "diagram", "XYZ", "--out", tmp.resolve("x.svg").toString());
		assertEquals("Certification inconnue : « XYZ ». Certifications disponibles : AC, CARC, CMC, CMI, CRD, SPSP.", unknown.err().strip());
		Cqp format = Cqp.run("referential", "diagram", "all", "--format", "pdf", "--out", tmp.resolve("x.pdf").toString());
		assertEquals("Format de diagramme inconnu : « pdf ». Formats possibles : svg, png.", format.err().strip());
		Cqp scale = Cqp.run("referential", "diagram", "all", "--format", "png", "--scale", "100", "--out", tmp.resolve("x.png").toString());
		assertEquals("Échelle « 100 » hors limites : de 0,25 à 4.", scale.err().strip());
		assertFalse(Files.exists(tmp.resolve("x.svg")) || Files.exists(tmp.resolve("x.pdf")) || Files.exists(tmp.resolve("x.png")));
	}

	@Test
	void aCaseExportImportsBackAndAChangedOneIsShownBeforeItIsWritten() throws Exception {
		Path json = tmp.resolve("cmi-case.json");
		Cqp export = Cqp.run("referential", "export", "CMI", "--format", "case", "--out", json.toString());
		assertEquals(Cli.OK, export.code(), export.err());
		Cqp same = Cqp.run("referential", "import", json.toString());
		assertEquals(Cli.OK, same.code(), same.err());
		assertEquals("Le référentiel CMI 1.0 est déjà tel que le fichier le décrit : rien à importer.", same.out().strip());

		String original = Files.readString(json);
		String title = fr.mutualite.cqp.referential.ReferentialLibrary.shipped().certification("CMI").orElseThrow().getTitle();
		Path changed = tmp.resolve("cmi-titre.json");
		Files.writeString(changed, original.replace("\"title\": \"" + title + "\",\n    \"description\"",
				"\"title\": \"Conseiller(ère) mutualiste des particuliers\",\n    \"description\""));
		Path folder = fr.mutualite.cqp.core.DataFolder.referentials();
		Path written = folder.resolve("cmi.referentiel");
		assertFalse(Files.exists(written));
		Cqp shown = Cqp.run("referential", "import", changed.toString());
		assertEquals(Cli.OK, shown.code(), shown.err());
		assertEquals(List.of("De CMI 1.0 à CMI 1.0 : 1 différence(s)",
				"~ Certification (CQP) CMI, Intitulé : Conseiller(ère) mutualiste [-individuels-]{+des particuliers+}"),
				shown.out().lines().toList());
		assertEquals("Rien n'est écrit : relancez avec --yes pour importer ces changements.", shown.err().strip());
		assertFalse(Files.exists(written), "shown, not written");
		try {
			Cqp imported = Cqp.run("referential", "import", changed.toString(), "--yes");
			assertEquals(Cli.OK, imported.code(), imported.err());
			assertEquals("Référentiel CMI 1.0 importé dans " + written + ".", imported.err().strip());
			assertEquals("Conseiller(ère) mutualiste des particuliers", fr.mutualite.cqp.referential.ReferentialLibrary
					.withFolder(folder).certification("CMI").orElseThrow().getTitle());
		} finally {
			Files.deleteIfExists(written);
		}
		Path bad = tmp.resolve("pas-case.json");
		Files.writeString(bad, "{\"CFDocument\": {\"title\": \"x\"}}");
		Cqp refused = Cqp.run("referential", "import", bad.toString());
		assertEquals(Cli.FAILED, refused.code());
		assertEquals("Fichier CASE " + bad + " refusé : il manque « identifier » dans CFDocument.", refused.err().strip());
	}

	@Test
	void theDiagramBenchmarkPrintsItsFiguresAndRefusesAWrongCount() throws Exception {
		fr.mutualite.cqp.referential.ReferentialLibrary library = fr.mutualite.cqp.referential.ReferentialLibrary.shipped();
		fr.mutualite.cqp.diagram.ReferentialGraph graph = fr.mutualite.cqp.diagram.ReferentialGraph.of(library.certifications(),
				new fr.mutualite.cqp.diagram.ReferentialGraph.Filter(null, true, java.util.Set.of()), e -> null);
		Cqp bench = Cqp.run("bench", "diagram", "--runs", "1");
		assertEquals(Cli.OK, bench.code(), bench.err());
		List<String> lines = bench.out().lines().toList();
		assertEquals("Banc d'essai du diagramme : 6 certifications, tous les critères (" + graph.nodes().size() + " éléments, "
				+ graph.edges().size() + " liens), médiane de 1 mesures", lines.get(0));
		assertEquals(6, lines.size(), bench.out());
		String aim = " \\(objectif : ≤ (300|100) ms, (atteint|MANQUÉ)\\)";
		assertTrue(lines.get(1).matches("  mise en page      : [\\d\u00a0\u202f ]+ ms \\(graphe et ELK\\)" + aim), lines.get(1));
		assertTrue(lines.get(2).matches("  dessin            : [\\d\u00a0\u202f ]+ ms \\(image de \\d+ × \\d+ points\\)"), lines.get(2));
		assertTrue(lines.get(4).matches("  libellé modifié → diagramme redessiné : [\\d\u00a0\u202f ]+ ms" + aim), lines.get(4));
		assertTrue(lines.get(5).matches("  compétence ajoutée → diagramme redessiné : [\\d\u00a0\u202f ]+ ms" + aim), lines.get(5));
		Cqp wrong = Cqp.run("bench", "diagram", "--runs", "0");
		assertEquals(Cli.FAILED, wrong.code());
		assertEquals("Nombre de mesures « 0 » hors limites : de 1 à 1000.", wrong.err().strip());
	}
}
