package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** Files the branch adds: a seventh certification needs a file only; bad files get one clear message. */
class LoadingTest {

	@TempDir
	Path tmp;

	/** A seventh certification, using a shared domain of the shipped referentials and one of its own. */
	static final String SEVENTH = """
			<?xml version="1.0" encoding="UTF-8"?>
			<ref:Referential xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0"
			    id="gp" title="Référentiel du CQP Gestionnaire de prévoyance" version="1.0" validFrom="2026-01-01">
			  <certifications code="GP" title="Gestionnaire de prévoyance">
			    <domains number="1" domain="platform:/plugin/fr.mutualite.cqp.referential/referentiels/commun.referentiel#IMAGE-MUTUELLE"/>
			    <domains number="2" domain="GP-D2"/>
			  </certifications>
			  <domains code="GP-D2" wording="Gérer les dossiers de prévoyance">
			    <competences code="GP-D2.C1" wording="Instruire un dossier d'arrêt de travail"/>
			    <criteriaGroups code="GP-D2.G1" wording="Instruction des dossiers">
			      <criteria code="GP-D2.G1.1" wording="Les pièces nécessaires sont réunies"/>
			    </criteriaGroups>
			  </domains>
			</ref:Referential>
			""";

	@Test
	void aSeventhCertificationIsANewFileOnly() throws Exception {
		Files.writeString(tmp.resolve("gp.referentiel"), SEVENTH);
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		assertEquals(7, library.certifications().size());
		Certification gp = library.certification("GP").orElseThrow();
		assertSame(library.certification("CMI").orElseThrow().getDomains().get(3).getDomain(), gp.getDomains().get(0).getDomain(),
				"the seventh certification shares the domain of the shipped ones");
		assertEquals("Gérer les dossiers de prévoyance", gp.getDomains().get(1).getDomain().getWording());
	}

	@Test
	void aMalformedFileIsRefusedWithItsNameAndLine() throws Exception {
		Path file = tmp.resolve("casse.referentiel");
		Files.writeString(file, SEVENTH.replace("</certifications>", ""));
		ReferentialLibrary library = ReferentialLibrary.shipped();
		ReferentialException e = assertThrows(ReferentialException.class, () -> library.add(file));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("ligne"), e.getMessage());
		assertEquals(6, library.certifications().size(), "nothing of the bad file is kept");
	}

	@Test
	void aFileOfAnotherKindIsNotTakenForAReferential() throws Exception {
		Path file = tmp.resolve("autre.referentiel");
		Files.writeString(file, "<?xml version=\"1.0\"?><catalogue xmlns=\"http://example.org/autre\"/>");
		ReferentialException e = assertThrows(ReferentialException.class, () -> ReferentialLibrary.shipped().add(file));
		assertTrue(e.getMessage().contains("n'est pas un fichier de référentiel CQP"), e.getMessage());
	}

	@Test
	void aMissingFileIsNamed() throws Exception {
		Path file = tmp.resolve("absent.referentiel");
		ReferentialException e = assertThrows(ReferentialException.class, () -> ReferentialLibrary.shipped().add(file));
		assertEquals("Le fichier " + file + " est introuvable.", e.getMessage());
	}

	@Test
	void unreadableFilesOfTheFolderAreLeftOutWithANoticeAndTheOthersAreUsed() throws Exception {
		Files.writeString(tmp.resolve("a-tronque.referentiel"), SEVENTH.substring(0, SEVENTH.length() / 2));
		Files.writeString(tmp.resolve("b-autre.referentiel"), "<?xml version=\"1.0\"?><catalogue xmlns=\"http://example.org/x\"/>");
		Files.write(tmp.resolve("c-binaire.referentiel"), new byte[] { 0, 1, 2, (byte) 0xFF, 0x3C });
		Files.createDirectories(tmp.resolve("d-dossier.referentiel"));
		Files.writeString(tmp.resolve("e-valeur.referentiel"), SEVENTH.replace("version=\"1.0\" validFrom", "version=\"1.0\" inconnu=\"x\" validFrom"));
		Files.writeString(tmp.resolve("gp.referentiel"), SEVENTH);
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		assertEquals(List.of("AC", "CARC", "CMC", "CMI", "CRD", "GP", "SPSP"),
				library.certifications().stream().map(Certification::getCode).toList());
		List<String> notices = library.notices().stream().map(ReferentialLibrary.Notice::message).toList();
		assertEquals(5, notices.size(), notices.toString());
		String end = ". Il est laissé de côté ; les autres référentiels sont utilisés.";
		assertTrue(notices.get(0).startsWith("Le fichier " + tmp.resolve("a-tronque.referentiel")
				+ " n'est pas un référentiel lisible : ligne ") && notices.get(0).endsWith("le XML est mal formé (balise non "
						+ "fermée, caractère interdit, fichier tronqué...)" + end), notices.get(0));
		assertEquals("Le fichier " + tmp.resolve("b-autre.referentiel") + " n'est pas un référentiel lisible : ce n'est pas "
				+ "un fichier de référentiel CQP (espace de noms XML inconnu)" + end, notices.get(1));
		assertTrue(notices.get(2).startsWith("Le fichier " + tmp.resolve("c-binaire.referentiel")), notices.get(2));
		assertEquals("Le fichier " + tmp.resolve("d-dossier.referentiel") + " n'est pas un fichier ordinaire. Il est laissé "
				+ "de côté ; les autres référentiels sont utilisés.", notices.get(3));
		assertEquals("Le fichier " + tmp.resolve("e-valeur.referentiel") + " n'est pas un référentiel lisible : ligne 3, "
				+ "colonne 100 : attribut ou élément « inconnu » inconnu" + end, notices.get(4).replaceAll("colonne \\d+", "colonne 100"));
		for (String notice : notices) {
			assertFalse(notice.contains("Exception") || notice.contains("org.") || notice.contains("java."), notice);
		}
	}

	@Test
	void aCodeDefinedAgainSaysWhichFileWins() throws Exception {
		String completed = SEVENTH.replace("code=\"GP\"", "code=\"AC\"").replace("id=\"gp\"", "id=\"ac-complet\"")
				.replace("GP-D2", "ACX-D2");
		Files.writeString(tmp.resolve("ac-complet.referentiel"), completed);
		Files.writeString(tmp.resolve("ac-zzz.referentiel"), completed.replace("ac-complet", "ac-autre").replace("ACX-D2", "ACY-D2"));
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		assertEquals(List.of("AC", "CARC", "CMC", "CMI", "CRD", "SPSP"),
				library.certifications().stream().map(Certification::getCode).toList());
		Certification ac = library.certification("AC").orElseThrow();
		assertEquals("ac-complet", ReferentialLibrary.referentialOf(ac).getId(), "the branch's file replaces the shipped one");
		assertEquals(List.of("Le fichier " + tmp.resolve("ac-complet.referentiel") + " définit le CQP AC, déjà livré dans "
				+ "ac.referentiel : celui de " + tmp.resolve("ac-complet.referentiel") + " est utilisé.",
				"Le fichier " + tmp.resolve("ac-zzz.referentiel") + " définit le CQP AC, déjà défini dans "
						+ tmp.resolve("ac-complet.referentiel") + " : celui de " + tmp.resolve("ac-complet.referentiel")
						+ " est utilisé, celui de " + tmp.resolve("ac-zzz.referentiel") + " est ignoré."),
				library.notices().stream().map(ReferentialLibrary.Notice::message).toList());
	}

	@Test
	void aDayThatDoesNotExistIsAnErrorOfTheFile() throws Exception {
		for (String day : List.of("2013-02-31", "2013-13-01", "2013-00-10", "2013-02-29T10:00:00", "hier", "2013-1-32")) {
			Path file = tmp.resolve("date.referentiel");
			Files.writeString(file, SEVENTH.replace("validFrom=\"2026-01-01\"", "validFrom=\"" + day + "\""));
			ReferentialException e = assertThrows(ReferentialException.class, () -> ReferentialLibrary.shipped().add(file),
					day);
			assertTrue(e.getMessage().matches("Le fichier .* n'est pas un référentiel lisible : ligne 3, colonne \\d+ : "
					+ "valeur « " + day + " » incorrecte pour « validFrom »\\."), e.getMessage());
		}
		Path file = tmp.resolve("bissextile.referentiel");
		Files.writeString(file, SEVENTH.replace("validFrom=\"2026-01-01\"", "validFrom=\"2024-02-29\""));
		assertEquals(java.time.LocalDate.of(2024, 2, 29), ReferentialLibrary.shipped().add(file).getValidFrom());
	}

	@Test
	void daysAreCalendarDaysTheSameInEveryTimeZoneAndOlderFilesKeepTheirDay() throws Exception {
		java.util.TimeZone before = java.util.TimeZone.getDefault();
		try {
			for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Martinique", "Indian/Reunion", "Europe/Paris")) {
				java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
				Path file = tmp.resolve("ancien.referentiel");
				// as an earlier release wrote it on a machine four hours behind UTC: the start of the day, with its zone
				Files.writeString(file, SEVENTH.replace("validFrom=\"2026-01-01\"", "validFrom=\"2026-01-01T00:00:00.000-0400\""));
				var read = ReferentialLibrary.shipped().add(file);
				assertEquals(java.time.LocalDate.of(2026, 1, 1), read.getValidFrom(), zone);
				read.eResource().save(null);
				String written = Files.readString(file);
				assertTrue(written.contains("validFrom=\"2026-01-01\"") && !written.contains("T00:00"), zone + "\n" + written);
			}
		} finally {
			java.util.TimeZone.setDefault(before);
		}
	}
}
