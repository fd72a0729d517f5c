package fr.mutualite.cqp.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files and folders of candidates' personal data (the data folder, databases, exports,
 * reports) are their owner's alone: folders 0700, files 0600, whatever the umask. Every file
 * and folder the product creates for such data goes through here.
 */
public final class PrivateFiles {

	/** Owner only: read and write. */
	public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------"); //$NON-NLS-1$
	/** Owner only: read, write and enter. */
	public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------"); //$NON-NLS-1$

	private static final Logger LOG = Logger.getLogger(PrivateFiles.class.getName());
	/** The name of a process's temporary file or folder: a kind, the process's number, perhaps more. */
	private static final Pattern OF_PROCESS = Pattern.compile("[a-z]+-(\\d{1,18})(-.*)?"); //$NON-NLS-1$
	/** The files and folders this process works in for a while: deleted if it ends first. */
	private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(PrivateFiles::deleteTemporary, "cqp-fichiers-temporaires")); //$NON-NLS-1$
	}

	private PrivateFiles() {
	}

	/** Creates {@code folder} and its missing parents, each one the owner's alone; returns it. */
	public static Path createFolders(Path folder) throws IOException {
		Path absolute = folder.toAbsolutePath().normalize();
		Deque<Path> missing = new ArrayDeque<>();
		for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
			missing.push(p);
		}
		while (!missing.isEmpty()) {
			Path created = missing.pop();
			try {
				Files.createDirectory(created, attribute(FOLDER, created));
			} catch (java.nio.file.FileAlreadyExistsException e) {
				if (!Files.isDirectory(created)) {
					throw e;
				}
				continue; // created meanwhile by another process: leave its permissions
			}
			restrict(created);
		}
		if (!Files.isDirectory(absolute)) {
			throw new java.nio.file.NotDirectoryException(absolute.toString());
		}
		return absolute;
	}

	/** Creates the new, empty file {@code file} (it must not exist), the owner's alone. */
	public static Path createFile(Path file) throws IOException {
		Path created = Files.createFile(file, attribute(FILE, file));
		restrict(created);
		return created;
	}

	/** The permissions a new file or folder is created with, where the file system has them. */
	public static FileAttribute<?>[] attribute(Set<PosixFilePermission> permissions, Path where) {
		Path parent = where.toAbsolutePath().getParent();
		if (parent != null && posix(parent)) {
			return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) };
		}
		return new FileAttribute<?>[0];
	}

	/**
	 * Makes {@code path} (not following a symbolic link) its owner's alone: 0700 for a folder,
	 * 0600 for a file. Does nothing on a file system without POSIX permissions.
	 */
	public static void restrict(Path path) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		if (view == null) {
			return;
		}
		BasicFileAttributes attributes = view.readAttributes();
		if (attributes.isSymbolicLink()) {
			return;
		}
		Set<PosixFilePermission> wanted = attributes.isDirectory() ? FOLDER : FILE;
		if (!view.readAttributes().permissions().equals(wanted)) {
			view.setPermissions(wanted);
		}
	}

	/**
	 * Has {@code path} (a file or a folder, and what it will hold) deleted if the process ends
	 * before {@link #release}: stopped in order (Ctrl-C, {@code kill}, the application closed),
	 * it leaves no partial output or temporary copy of candidates' data behind. Returns it.
	 */
	public static Path temporary(Path path) {
		TEMPORARY.add(path.toAbsolutePath().normalize());
		return path;
	}

	/**
	 * The name of a temporary file or folder of this process in a folder that several processes
	 * share: {@code kind-<process number>}, then {@code rest} after a dash when not empty.
	 */
	public static String ofThisProcess(String kind, String rest) {
		return kind + '-' + ProcessHandle.current().pid() + (rest.isEmpty() ? "" : '-' + rest); //$NON-NLS-1$
	}

	/**
	 * Deletes in {@code folder} the files and folders of the processes that ended, named by
	 * {@link #ofThisProcess}: a process killed outright leaves its own behind. A failure goes to the log.
	 */
	public static void deleteEnded(Path folder) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (Path entry : entries) {
				Matcher name = OF_PROCESS.matcher(entry.getFileName().toString());
				if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
					deleteTree(entry);
				}
			}
		} catch (IOException | RuntimeException e) {
			LOG.log(Level.WARNING, "The temporary files that ended processes left in " + folder //$NON-NLS-1$
					+ " cannot all be deleted", e); //$NON-NLS-1$
		}
	}

	/** Forgets {@code path}: its owner deleted it, or keeps it. */
	public static void release(Path path) {
		TEMPORARY.remove(path.toAbsolutePath().normalize());
	}

	/** Whether {@code path} is one of this process's {@link #temporary} files or folders. */
	public static boolean isTemporary(Path path) {
		return TEMPORARY.contains(path.toAbsolutePath().normalize());
	}

	private static void deleteTemporary() {
		for (Path path : TEMPORARY) {
			try {
				deleteTree(path);
			} catch (IOException | RuntimeException e) {
				// the process is ending: nothing more can be done about it
			}
		}
	}

	/** Removes {@code root} and everything under it; nothing when it does not exist. Links are not followed. */
	public static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (java.util.stream.Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		} catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/**
	 * Makes {@code root} and everything under it its owner's alone (a database written by an
	 * older release, or under a permissive umask). Symbolic links are not followed.
	 */
	public static void restrictTree(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) || !posix(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				restrict(dir);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				restrict(file);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix"); //$NON-NLS-1$
	}
}
