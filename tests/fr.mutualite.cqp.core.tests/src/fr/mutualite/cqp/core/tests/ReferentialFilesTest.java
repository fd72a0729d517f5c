package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.ReferentialFiles;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Saving referentials: a shipped file goes into the user's folder under its own name and is read
 * in its place; private to its owner; a folder that cannot be written leaves everything as it
 * was; a file saved by another editor since it was read is not overwritten.
 */
class ReferentialFilesTest {

	@TempDir
	Path tmp;

	private static Criterion criterion(ReferentialLibrary library, String code) {
		return library.certification("CMI").orElseThrow().getDomains().stream().flatMap(u -> u.getDomain().getCriteriaGroups().stream())
				.flatMap(g -> g.getCriteria().stream()).filter(c -> c.getCode().equals(code)).findFirst().orElseThrow();
	}

	private static void track(ReferentialLibrary library) {
		library.resourceSet().getResources().forEach(r -> r.setTrackingModification(true));
	}

	@Test
	void aShippedFileIsSavedInTheUsersFolderAndReadInItsPlace() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		track(library);
		Map<Resource, FileTime> states = ReferentialFiles.states(library, tmp);
		criterion(library, "ANALYSE-SITUATION.G1.1").setWording("Libellé du test");
		assertEquals(List.of(tmp.resolve("commun.referentiel")), ReferentialFiles.saveChanged(library, tmp, states));
		assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
				Files.getPosixFilePermissions(tmp.resolve("commun.referentiel")));
		assertEquals(List.of(), ReferentialFiles.saveChanged(library, tmp, states), "nothing left to write");
		ReferentialLibrary again = ReferentialLibrary.withFolder(tmp);
		assertEquals("Libellé du test", criterion(again, "ANALYSE-SITUATION.G1.1").getWording());
		assertEquals(List.of("Le fichier " + tmp.resolve("commun.referentiel") + " remplace le référentiel livré commun.referentiel."),
				again.notices().stream().map(ReferentialLibrary.Notice::message).toList());
	}

	@Test
	void aFolderThatCannotBeWrittenIsToldAndTheChangeStaysToSave() throws Exception {
		Path notAFolder = Files.writeString(tmp.resolve("fichier"), "x");
		ReferentialLibrary library = ReferentialLibrary.withFolder(tmp);
		track(library);
		Map<Resource, FileTime> states = ReferentialFiles.states(library, notAFolder);
		criterion(library, "ANALYSE-SITUATION.G1.1").setWording("Seconde version");
		CqpException e = assertThrows(CqpException.class, () -> ReferentialFiles.saveChanged(library, notAFolder, states));
		assertTrue(e.getMessage().contains(notAFolder.toString()), e.getMessage());
		assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("java."), e.getMessage());
		assertEquals("x", Files.readString(notAFolder));
		try (Stream<Path> files = Files.list(tmp)) {
			assertEquals(List.of(notAFolder), files.toList(), "nothing else written");
		}
		assertTrue(library.resourceSet().getResources().stream().anyMatch(Resource::isModified), "the change is still to save");
	}

	@Test
	void aFileSavedByAnotherEditorSinceItWasReadIsNotOverwritten() throws Exception {
		ReferentialLibrary first = ReferentialLibrary.withFolder(tmp);
		ReferentialLibrary second = ReferentialLibrary.withFolder(tmp);
		track(first);
		track(second);
		Map<Resource, FileTime> firstStates = ReferentialFiles.states(first, tmp);
		Map<Resource, FileTime> secondStates = ReferentialFiles.states(second, tmp);
		criterion(first, "ANALYSE-SITUATION.G1.1").setWording("Travail du premier");
		ReferentialFiles.saveChanged(first, tmp, firstStates);
		criterion(second, "ANALYSE-SITUATION.G1.2").setWording("Travail du second");
		CqpException refused = assertThrows(CqpException.class, () -> ReferentialFiles.saveChanged(second, tmp, secondStates));
		assertEquals("Le fichier " + tmp.resolve("commun.referentiel") + " a été enregistré ailleurs depuis l'ouverture de cet "
				+ "éditeur (un autre éditeur du même fichier) : rien n'a été écrit, pour ne pas effacer ce travail. Fermez cet "
				+ "éditeur et rouvrez-le pour repartir du fichier enregistré.", refused.getMessage());
		assertEquals("Travail du premier", criterion(ReferentialLibrary.withFolder(tmp), "ANALYSE-SITUATION.G1.1").getWording());
	}
}
