package fr.mutualite.cqp.referential.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The shipped files survive being saved and read again: nothing is lost, nothing changes. */
class XmiRoundTripTest {

	@TempDir
	Path tmp;

	@Test
	void everyShippedReferentialSurvivesASaveAndALoad() throws Exception {
		ResourceSet original = ReferentialLibrary.newResourceSet();
		for (URI uri : ReferentialLibrary.shippedUris()) {
			original.getResource(uri, true);
		}
		EcoreUtil.resolveAll(original);
		List<EObject> roots = new ArrayList<>();
		Path first = Files.createDirectories(tmp.resolve("first"));
		for (Resource resource : original.getResources()) {
			roots.add(resource.getContents().get(0));
			resource.setURI(URI.createFileURI(first.resolve(resource.getURI().lastSegment()).toString()));
		}
		for (Resource resource : original.getResources()) {
			resource.save(null);
		}

		ResourceSet reread = ReferentialLibrary.newResourceSet();
		for (Resource resource : original.getResources()) {
			reread.getResource(resource.getURI(), true);
		}
		EcoreUtil.resolveAll(reread);
		assertEquals(8, reread.getResources().size());
		for (int i = 0; i < roots.size(); i++) {
			Resource copy = reread.getResources().get(i);
			assertTrue(copy.getErrors().isEmpty(), copy.getErrors().toString());
			assertTrue(EcoreUtil.equals(roots.get(i), copy.getContents().get(0)), copy.getURI() + " is equal to its original");
			assertTrue(EcoreUtil.ProxyCrossReferencer.find(copy).isEmpty(), "every reference of " + copy.getURI() + " resolves");
		}

		Path second = Files.createDirectories(tmp.resolve("second"));
		for (Resource resource : reread.getResources()) {
			resource.setURI(URI.createFileURI(second.resolve(resource.getURI().lastSegment()).toString()));
		}
		for (Resource resource : reread.getResources()) {
			resource.save(null);
		}
		try (var files = Files.list(first)) {
			for (Path file : files.toList()) {
				assertEquals(Files.readString(file), Files.readString(second.resolve(file.getFileName())),
						file.getFileName() + " is written the same way twice");
			}
		}
		assertTrue(Files.readString(first.resolve("cmc.referentiel")).contains("commun.referentiel#TECHNIQUES-COMMERCIALES"),
				"a shared domain is referred to by code across files");
	}
}
