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
}
