package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.PrivateFiles;

/**
 * Files written all or nothing, their owner's alone, never in place of a folder, a device or a
 * pipe; symbolic links followed.
 */
class OutputFilesTest {

	@TempDir
	Path tmp;

	private static OutputFiles.Content text(String text) {
		return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aCompleteFileReplacesTheOldOneWithNothingLeftBeside() throws Exception {
		Path file = tmp.resolve("sortie/rapport.txt");
		OutputFiles.write(file, text("ancien"));
		Path written = OutputFiles.write(file, text("nouveau"));
		assertEquals(file.toAbsolutePath(), written);
		assertEquals("nouveau", Files.readString(file));
		assertEquals(List.of(file), list(file.getParent()));
	}

	@Test
	void aFailureLeavesTheOldFileAsItWasAndNoPartialFile() throws Exception {
		Path file = tmp.resolve("rapport.txt");
		Files.writeString(file, "ancien");
		CqpException failed = assertThrows(CqpException.class, () -> OutputFiles.write(file, out -> {
			out.write("à moitié".getBytes(StandardCharsets.UTF_8));
			throw new IOException("No space left on device");
		}));
		assertEquals("Impossible d'écrire " + file + " : le disque est plein ; rien n'a été écrit.", failed.getMessage());
		assertEquals("ancien", Files.readString(file));
		assertEquals(List.of(file), list(tmp));
		CqpException refused = assertThrows(CqpException.class, () -> OutputFiles.write(file, out -> {
			out.write(1);
			throw new CqpException("refusé");
		}));
		assertEquals("refusé", refused.getMessage());
		assertEquals(List.of(file), list(tmp));
	}

	@Test
	void filesAndTheFoldersMadeForThemAreTheirOwnersAloneWhateverTheUmask() throws Exception {
		Path file = OutputFiles.write(tmp.resolve("nouveau/dossier/rapport.txt"), out -> out.write(1));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("nouveau"))));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
		OutputFiles.write(file, out -> out.write(2));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
				"a file replaced is private again");
	}

	@Test
	void aTreeOfAnOlderReleaseIsMadePrivate() throws Exception {
		Path root = Files.createDirectories(tmp.resolve("base/seg0"));
		Path data = Files.writeString(root.resolve("c10.dat"), "x");
		Path outside = Files.writeString(tmp.resolve("ailleurs.txt"), "x");
		for (Path folder : List.of(tmp.resolve("base"), root)) {
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		for (Path file : List.of(data, outside)) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		}
		Files.createSymbolicLink(root.resolve("lien"), outside);
		PrivateFiles.restrictTree(tmp.resolve("base"));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("base"))));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
		assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)),
				"a symbolic link is not followed");
	}

	@Test
	void aFolderADeviceOrAPipeIsRefusedAndLeftAsItWas() throws Exception {
		Path folder = Files.createDirectories(tmp.resolve("dossier"));
		CqpException isFolder = assertThrows(CqpException.class, () -> OutputFiles.write(folder, text("x")));
		assertEquals(folder + " est un dossier : donnez le chemin d'un fichier.", isFolder.getMessage());
		assertTrue(Files.isDirectory(folder));
		for (String device : List.of("/dev/null", "/dev/full", "/dev/zero")) {
			CqpException refused = assertThrows(CqpException.class, () -> OutputFiles.write(Path.of(device), text("x")));
			assertEquals(device + " n'est pas un fichier ordinaire (périphérique, tube ou socket) : donnez le chemin d'un "
					+ "fichier.", refused.getMessage());
		}
		Path fifo = tmp.resolve("tube");
		assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
		CqpException pipe = assertThrows(CqpException.class, () -> OutputFiles.write(fifo, text("x")));
		assertTrue(pipe.getMessage().startsWith(fifo + " n'est pas un fichier ordinaire"), pipe.getMessage());
		assertFalse(Files.isRegularFile(fifo), "the pipe is left as it was");
		Path linkToFolder = Files.createSymbolicLink(tmp.resolve("vers-dossier"), folder);
		assertThrows(CqpException.class, () -> OutputFiles.write(linkToFolder, text("x")));
		Path linkToDevice = Files.createSymbolicLink(tmp.resolve("vers-null"), Path.of("/dev/null"));
		assertThrows(CqpException.class, () -> OutputFiles.write(linkToDevice, text("x")));
		assertTrue(Files.isSymbolicLink(linkToDevice), "the link is left as it was");
		Path file = Files.writeString(tmp.resolve("fichier"), "x");
		CqpException underFile = assertThrows(CqpException.class, () -> OutputFiles.write(file.resolve("sous.csv"), text("x")));
		assertEquals("Impossible d'écrire " + file.resolve("sous.csv") + " : un élément du chemin n'est pas un dossier ; "
				+ "rien n'a été écrit.", underFile.getMessage());
		CqpException notFolder = assertThrows(CqpException.class, () -> OutputFiles.folder(file));
		assertEquals(file + " existe et n'est pas un dossier : donnez le chemin d'un dossier.", notFolder.getMessage());
	}

	@Test
	void aSymbolicLinkIsFollowedAndStaysALink() throws Exception {
		Path target = Files.writeString(Files.createDirectories(tmp.resolve("vrai")).resolve("export.csv"), "ancien");
		Path link = Files.createSymbolicLink(tmp.resolve("export.csv"), Path.of("vrai/export.csv"));
		Path written = OutputFiles.write(link, text("nouveau"));
		assertEquals(target, written);
		assertTrue(Files.isSymbolicLink(link), "the link is not replaced by a file");
		assertEquals("nouveau", Files.readString(target));
		Path dangling = Files.createSymbolicLink(tmp.resolve("pendant.csv"), tmp.resolve("vrai/cree.csv"));
		OutputFiles.write(dangling, text("créé"));
		assertEquals("créé", Files.readString(tmp.resolve("vrai/cree.csv")));
		assertTrue(Files.isSymbolicLink(dangling));
		Path loop = Files.createSymbolicLink(tmp.resolve("boucle"), tmp.resolve("boucle"));
		CqpException looping = assertThrows(CqpException.class, () -> OutputFiles.write(loop, text("x")));
		assertEquals("Impossible d'écrire " + loop + " : ses liens symboliques forment une boucle.", looping.getMessage());
		assertFalse(Files.exists(loop, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(loop));
	}

	@Test
	void thePartialFilesAKilledWriterLeftAreDeletedByTheNextWriteOfTheSameFile() throws Exception {
		Path file = tmp.resolve("rapport.pdf");
		Path abandoned = partial(tmp, "rapport.pdf", "une page", 60);
		Path recent = partial(tmp, "rapport.pdf", "une autre page", 0); // its writer may not have locked it yet
		Path other = partial(tmp, "rapport.xlsx", "un tableau", 60);
		Path notOurs = Files.writeString(tmp.resolve(".rapport.pdf.notes.part"), "à garder");
		OutputFiles.write(file, text("complet"));
		assertEquals("complet", Files.readString(file));
		assertEquals(Stream.of(notOurs, recent, other, file).sorted().toList(), list(tmp));
		assertFalse(Files.exists(abandoned));
	}

	@Test
	void aPartialFileAnotherProcessIsWritingIsLeftToIt() throws Exception {
		Path file = tmp.resolve("rapport.pdf");
		Path writing = partial(tmp, "rapport.pdf", "une page", 60);
		// another process holds the lock on it, as a writer does
		Path holder = Files.writeString(tmp.resolve("Holder.java"), """
				import java.nio.channels.FileChannel;
				import java.nio.file.Path;
				import java.nio.file.StandardOpenOption;
				public class Holder {
					public static void main(String[] args) throws Exception {
						try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE); var lock = c.lock()) {
							System.out.println("locked");
							System.in.read();
						}
					}
				}
				""");
		String java = ProcessHandle.current().info().command().orElseThrow();
		Process process = new ProcessBuilder(java, holder.toString(), writing.toString()).redirectErrorStream(true).start();
		try {
			assertEquals("locked", new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
					StandardCharsets.UTF_8)).readLine());
			OutputFiles.write(file, text("complet"));
			assertEquals("une page", Files.readString(writing), "the file another process writes is left to it");
		} finally {
			process.getOutputStream().close();
			assertEquals(0, process.waitFor());
		}
		// that process killed, its file is abandoned
		OutputFiles.write(file, text("complet encore"));
		assertEquals(Stream.of(holder, file).sorted().toList(), list(tmp));
	}

	/** A partial file of {@code target} as a writer names it, last written {@code seconds} ago. */
	private static Path partial(Path folder, String target, String content, int seconds) throws IOException {
		Path partial = Files.writeString(folder.resolve("." + target + '.' + java.util.UUID.randomUUID() + ".part"), content);
		Files.setLastModifiedTime(partial, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(seconds)));
		return partial;
	}

	private static List<Path> list(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}
}
