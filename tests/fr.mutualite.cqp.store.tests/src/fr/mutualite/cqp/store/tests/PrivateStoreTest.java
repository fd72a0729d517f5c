package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;

/**
 * The database holds candidates' personal data: its files are its owner's alone, only the
 * commands meant to create a database create one, and a path Derby would read as connection
 * options is refused.
 */
class PrivateStoreTest {

	@TempDir
	Path tmp;

	/** Files and folders of {@code root} that another account could read, enter or write. */
	private static List<String> open(Path root) throws Exception {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path p : files.toList()) {
				if (Files.isSymbolicLink(p)) {
					continue;
				}
				String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
				String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
				if (!permissions.equals(expected)) {
					found.add(root.relativize(p) + " " + permissions);
				}
			}
		}
		return found;
	}

	@Test
	void aNewDatabaseAndItsFoldersAreTheirOwnersAlone() throws Exception {
		Path folder = tmp.resolve("donnees/base");
		try (DossierStore store = Stores.open(folder)) {
			Stores.fill(store, 2, 20);
		}
		assertTrue(Files.isRegularFile(folder.resolve("service.properties")));
		assertTrue(Files.list(folder.resolve("seg0")).count() > 20, "Derby wrote its tables");
		assertEquals(List.of(), open(tmp.resolve("donnees")));
	}

	@Test
	void aDatabaseAnOlderReleaseLeftReadableByAllIsMadePrivateWhenOpened() throws Exception {
		Path folder = tmp.resolve("ancienne");
		Stores.open(folder).close();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path p : files.toList()) {
				Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
			}
		}
		assertFalse(open(folder).isEmpty());
		try (DossierStore store = Stores.open(folder)) {
			assertEquals(List.of(), open(folder));
			Stores.fill(store, 3, 5);
		}
		assertEquals(List.of(), open(folder));
	}

	@Test
	void onlyCreatingMakesADatabaseAndAFolderThatIsNoDatabaseIsRefusedUntouched() throws Exception {
		Path missing = tmp.resolve("faute/de/frappe");
		CqpException absent = assertThrows(CqpException.class, () -> EmbeddedDerbyStore.open(missing));
		assertEquals("Aucune base de données dans " + missing + " : vérifiez le chemin, ou créez-la avec « cqp data "
				+ "generate » ou « cqp data import ».", absent.getMessage());
		assertFalse(Files.exists(tmp.resolve("faute")), "nothing was created");
		CqpException factory = assertThrows(CqpException.class, () -> Stores.factory()
				.open(fr.mutualite.cqp.core.dossier.StoreSettings.embedded(missing), Stores.library()));
		assertEquals(absent.getMessage(), factory.getMessage());
		assertFalse(Files.exists(tmp.resolve("faute")));

		Path notDatabase = Files.createDirectories(tmp.resolve("documents"));
		Path letter = Files.writeString(notDatabase.resolve("lettre.txt"), "à garder");
		String refusal = notDatabase + " existe et n'est pas une base de données de CQP Mutualité : donnez le dossier "
				+ "d'une base, ou un dossier qui n'existe pas encore pour en créer une.";
		assertEquals(refusal, assertThrows(CqpException.class, () -> EmbeddedDerbyStore.open(notDatabase)).getMessage());
		assertEquals(refusal, assertThrows(CqpException.class, () -> Stores.open(notDatabase)).getMessage());
		assertEquals(List.of(letter), Files.list(notDatabase).toList());
		Path root = Path.of("/");
		assertThrows(CqpException.class, () -> EmbeddedDerbyStore.open(root));
		assertThrows(CqpException.class, () -> EmbeddedDerbyStore.create(root, null));

		Path empty = Files.createDirectories(tmp.resolve("vide"));
		try (DossierStore created = Stores.open(empty)) {
			assertEquals(0, created.candidates().count());
		}
		assertTrue(EmbeddedDerbyStore.exists(empty));
		try (Stream<Path> beside = Files.list(tmp)) {
			assertEquals(List.of(), beside.filter(p -> p.getFileName().toString().contains(".creation-")).toList(),
					"the temporary folder of the creation is gone");
		}
	}

	@Test
	void aPathDerbyWouldReadAsConnectionOptionsIsRefusedAndNothingIsCreated() throws Exception {
		for (String name : List.of("base;create=true", "base;dataEncryption=true;bootPassword=secret-12345",
				"base;shutdown=true", "ba\nse", "base\u0000")) {
			String path = tmp + "/" + name;
			Path folder;
			try {
				folder = Path.of(path);
			} catch (java.nio.file.InvalidPathException e) {
				continue; // the JDK refuses NUL in a path before the store sees it
			}
			CqpException opened = assertThrows(CqpException.class, () -> EmbeddedDerbyStore.open(folder), name);
			assertTrue(opened.getMessage().startsWith("Le chemin « "), opened.getMessage());
			assertTrue(opened.getMessage().endsWith("il contient un point-virgule ou un caractère de contrôle, que Derby "
					+ "lirait comme des options de connexion."), opened.getMessage());
			assertThrows(CqpException.class, () -> EmbeddedDerbyStore.create(folder, null), name);
			assertThrows(CqpException.class, () -> Stores.open(folder), name);
		}
		try (Stream<Path> files = Files.list(tmp)) {
			assertEquals(List.of(), files.toList(), "no database, encrypted or not, was made");
		}
	}
}
