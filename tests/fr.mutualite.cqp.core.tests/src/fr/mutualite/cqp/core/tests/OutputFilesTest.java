package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.OutputFiles;

/** Files written all or nothing, with the permissions of any new file of the user. */
class OutputFilesTest {

	@TempDir
	Path tmp;

	@Test
	void aCompleteFileReplacesTheOldOneWithNothingLeftBeside() throws Exception {
		Path file = tmp.resolve("sortie/rapport.txt");
		OutputFiles.write(file, out -> out.write("ancien".getBytes(StandardCharsets.UTF_8)));
		Path written = OutputFiles.write(file, out -> out.write("nouveau".getBytes(StandardCharsets.UTF_8)));
		assertEquals(file.toAbsolutePath(), written);
		assertEquals("nouveau", Files.readString(file));
		assertEquals(List.of(file), list(file.getParent()));
	}

	@Test
	void aFailureLeavesTheOldFileAsItWasAndNoPartialFile() throws Exception {
		Path file = tmp.resolve("rapport.txt");
		Files.writeString(file, "ancien");
		assertThrows(IOException.class, () -> OutputFiles.write(file, out -> {
			out.write("à moitié".getBytes(StandardCharsets.UTF_8));
			throw new IOException("disque plein");
		}));
		assertEquals("ancien", Files.readString(file));
		assertEquals(List.of(file), list(tmp));
	}

	@Test
	void theFileGetsThePermissionsOfAnyNewFile() throws Exception {
		Path reference = Files.createFile(tmp.resolve("reference.txt"));
		Path file = OutputFiles.write(tmp.resolve("rapport.txt"), out -> out.write(1));
		assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(file));
	}

	private static List<Path> list(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}
}
