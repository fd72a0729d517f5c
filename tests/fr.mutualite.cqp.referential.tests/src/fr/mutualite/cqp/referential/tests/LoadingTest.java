package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
