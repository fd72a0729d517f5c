package fr.mutualite.cqp.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.cli.internal.Cli;

/** {@code cqp database backup}: Derby's online backup, a copy that opens as it is, and what it refuses. */
class DatabaseBackupTest {

	@TempDir
	static Path tmp;
	private static String db;
	/** What the generation said: the candidates and registrations made. */
	private static String generated;

	@BeforeAll
	static void branch() {
		db = tmp.resolve("base").toString();
		Cqp run = Cqp.run("data", "generate", "--candidates", "60", "--seed", "4", "--as-of", "2026-06-30", "--db", db);
		assertEquals(Cli.OK, run.code(), run.err());
		generated = run.out();
	}

	@Test
	void theCopyOpensAsItIsWithEveryRegistrationAndIsPrivate() throws Exception {
		Path folder = tmp.resolve("sauvegardes/lundi");
		Cqp backup = Cqp.run("database", "backup", "--db", db, "--to", folder.toString());
		assertEquals(Cli.OK, backup.code(), backup.err());
		Path copy = folder.resolve("base");
		assertEquals("Base " + Path.of(db).toAbsolutePath() + " sauvegardée dans " + copy + " (une copie qui s'ouvre telle quelle).",
				backup.out().strip());
		List<String> original = Cqp.run("data", "export", "--db", db).out().lines().toList();
		List<String> copied = Cqp.run("data", "export", "--db", copy.toString()).out().lines().toList();
		assertTrue(generated.contains(": 60 candidats, " + (original.size() - 1) + " inscriptions"), generated);
		assertEquals(original, copied);
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path p : files.toList()) {
				assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------",
						PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
			}
		}
	}

	@Test
	void aFolderThatHoldsSomethingOrIsInsideTheDatabaseIsRefusedAndLeftAsItIs() throws Exception {
		Path full = tmp.resolve("plein");
		Files.createDirectories(full);
		Files.writeString(full.resolve("notes.txt"), "à garder");
		Cqp notEmpty = Cqp.run("database", "backup", "--db", db, "--to", full.toString());
		assertEquals(Cli.FAILED, notEmpty.code());
		assertEquals("Le dossier " + full + " n'est pas vide : la sauvegarde s'écrit dans un dossier vide ou nouveau, pour ne rien écraser.",
				notEmpty.err().strip());
		try (Stream<Path> files = Files.list(full)) {
			assertEquals(List.of(full.resolve("notes.txt")), files.toList());
		}
		Path inside = Path.of(db).resolve("copie");
		Cqp in = Cqp.run("database", "backup", "--db", db, "--to", inside.toString());
		assertEquals(Cli.FAILED, in.code());
		assertEquals("La sauvegarde ne peut pas être écrite dans la base elle-même (" + inside + " est dans " + Path.of(db)
				+ ") : choisissez un autre dossier.", in.err().strip());
		assertFalse(Files.exists(inside));
		Cqp file = Cqp.run("database", "backup", "--db", db, "--to", full.resolve("notes.txt").toString());
		assertEquals("" + full.resolve("notes.txt") + " n'est pas un dossier : la sauvegarde s'écrit dans un dossier vide ou nouveau.",
				file.err().strip());
		Cqp missing = Cqp.run("database", "backup", "--db", tmp.resolve("aucune").toString(), "--to", tmp.resolve("x").toString());
		assertEquals(Cli.FAILED, missing.code());
		assertTrue(missing.err().strip().lines().count() == 1, missing.err());
		assertFalse(Files.exists(tmp.resolve("x")));
	}
}
