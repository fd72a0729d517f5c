package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** A complete dossier survives being written to a .dossiers file and read again. */
class DossierXmiTest {

	@TempDir
	Path tmp;

	@Test
	void aDossierSurvivesASaveAndALoad() throws Exception {
		DossierFixture fx = new DossierFixture();
		Path file = tmp.resolve("essai.dossiers");
		Resource resource = fx.dossiers.eResource();
		resource.setURI(URI.createFileURI(file.toString()));
		resource.save(null);
		String xmi = Files.readString(file);
		assertTrue(xmi.contains("Éloïse") && xmi.contains("cmi.referentiel#CMI"), "UTF-8, and references to the referential by code");

		ReferentialLibrary library = ReferentialLibrary.shipped();
		Resource reread = library.resourceSet().getResource(URI.createFileURI(file.toString()), true);
		EcoreUtil.resolveAll(reread);
		Dossiers copy = (Dossiers) reread.getContents().get(0);
		assertTrue(EcoreUtil.equals(fx.dossiers, copy), "same dossier after the round trip");
		assertTrue(EcoreUtil.ProxyCrossReferencer.find(reread).isEmpty(), "every reference to the referentials resolves");
		assertEquals(java.util.List.of(), Validation.validate(copy, DossierFixture.TODAY));
	}
}
