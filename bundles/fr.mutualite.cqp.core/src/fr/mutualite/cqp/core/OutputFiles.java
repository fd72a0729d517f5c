package fr.mutualite.cqp.core;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.internal.Messages;

/**
 * Files the product writes (exports, reports): complete or absent. A file is written under a
 * temporary name beside its target, forced to the disk, and renamed onto the target only when
 * every byte was written; a failure leaves no partial file and an older file as it was. A write
 * error is noticed even when the code producing the content swallows it (BIRT's emitters do).
 * The file is its owner's alone ({@link PrivateFiles}). A target that is a symbolic link is
 * followed; one that is a folder, a device or a pipe is refused.
 * <p>
 * A write interrupted by the end of the process leaves no partial file either: stopped in order
 * (Ctrl-C, {@code kill}, the application closed), the process deletes the partial files it was
 * writing ({@link PrivateFiles#temporary}); killed outright ({@code kill -9}, a crash), it leaves
 * them, and the next write of the same file deletes them. A partial file is locked while it is
 * written: one that no process holds any more was abandoned.
 */
public final class OutputFiles {

	/** Writes the content of a file. */
	@FunctionalInterface
	public interface Content {
		void write(OutputStream out) throws IOException, CqpException;
	}

	private static final int MAX_LINKS = 40;
	private static final int BUFFER = 1 << 16;
	private static final String PARTIAL = ".part"; //$NON-NLS-1$
	/** A partial file's name between the target's name and {@link #PARTIAL}. */
	private static final Pattern RANDOM = Pattern
			.compile("\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"); //$NON-NLS-1$
	/**
	 * How old an unlocked partial file must be to be taken for abandoned: a writer creates its
	 * partial file and locks it at once, never this long after.
	 */
	private static final Duration ABANDONED = Duration.ofSeconds(10);

	private OutputFiles() {
	}

	/**
	 * Writes {@code file} (creating its missing folders), all or nothing; returns the path of the
	 * file written (the target of {@code file} when it is a symbolic link). Every failure is a
	 * {@link CqpException} whose message names the file and the problem.
	 */
	public static Path write(Path file, Content content) throws CqpException {
		Path target = target(file);
		Path partial = null;
		Path written = null;
		try {
			PrivateFiles.createFolders(target.getParent());
			deleteAbandoned(target);
			partial = target.resolveSibling("." + target.getFileName() + '.' + UUID.randomUUID() + PARTIAL); //$NON-NLS-1$
			written = PrivateFiles.temporary(partial);
			Watched out;
			try (FileChannel channel = FileChannel.open(partial,
					Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
					PrivateFiles.attribute(PrivateFiles.FILE, partial))) {
				lock(channel);
				PrivateFiles.restrict(partial);
				out = new Watched(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
				try {
					content.write(out);
					out.flush();
				} catch (IOException | CqpException | RuntimeException e) {
					out.rethrowFailure();
					throw e;
				}
				out.rethrowFailure();
				channel.force(true);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			partial = null;
			return target;
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Output_cannotWrite, file.toAbsolutePath(), IoErrors.reason(e)), e);
		} finally {
			if (partial != null) {
				try {
					Files.deleteIfExists(partial);
				} catch (IOException e) {
					// the failure being reported matters more than a leftover temporary file
				}
			}
			if (written != null) {
				PrivateFiles.release(written);
			}
		}
	}

	/**
	 * Locks a partial file for as long as it is written: released when the channel closes, or by
	 * the system when the process dies. On a file system without locks the file is written
	 * unlocked, and never taken for abandoned.
	 */
	private static void lock(FileChannel channel) {
		try {
			channel.lock();
		} catch (IOException e) {
			// no locks here: the partial file of a killed process stays
		}
	}

	/**
	 * Deletes the partial files of {@code target} that a process killed while writing it left:
	 * those no process holds (locked, a partial file is being written) and older than
	 * {@link #ABANDONED}. What cannot be read or locked is left: the write goes on.
	 */
	private static void deleteAbandoned(Path target) {
		String prefix = "." + target.getFileName(); //$NON-NLS-1$
		Instant old = Instant.now().minus(ABANDONED);
		try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), p -> {
			String name = p.getFileName().toString();
			return name.startsWith(prefix) && name.endsWith(PARTIAL)
					&& RANDOM.matcher(name.substring(prefix.length(), name.length() - PARTIAL.length())).matches();
		})) {
			for (Path sibling : siblings) {
				// this process's own are never opened: closing a channel would release its lock
				if (PrivateFiles.isTemporary(sibling) || !Files.isRegularFile(sibling, LinkOption.NOFOLLOW_LINKS)
						|| Files.getLastModifiedTime(sibling, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(old)) {
					continue;
				}
				try (FileChannel channel = FileChannel.open(sibling, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
						FileLock lock = channel.tryLock()) {
					if (lock != null) {
						Files.delete(sibling);
					}
				} catch (OverlappingFileLockException | IOException e) {
					// being written by this process, deleted meanwhile, or a file system without locks
				}
			}
		} catch (IOException e) {
			// the folder cannot be read: the write that follows says so
		}
	}

	/**
	 * The file that writing {@code file} replaces: {@code file} itself, or the end of the chain of
	 * symbolic links it starts. Refused when it exists and is not a regular file.
	 */
	static Path target(Path file) throws CqpException {
		Path path = file.toAbsolutePath().normalize();
		try {
			for (int links = 0; Files.isSymbolicLink(path); links++) {
				if (links == MAX_LINKS) {
					throw new CqpException(NLS.bind(Messages.Output_linkLoop, file.toAbsolutePath()));
				}
				path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
			}
			if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
				BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (!attributes.isRegularFile()) {
					throw new CqpException(NLS.bind(attributes.isDirectory() ? Messages.Output_isFolder
							: Messages.Output_notRegular, file.toAbsolutePath()));
				}
			}
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Output_cannotWrite, file.toAbsolutePath(), IoErrors.reason(e)), e);
		}
		if (path.getParent() == null) {
			throw new CqpException(NLS.bind(Messages.Output_isFolder, file.toAbsolutePath()));
		}
		return path;
	}

	/**
	 * Checks that {@code folder} may receive output files: it is a folder (or a symbolic link to
	 * one), or does not exist yet. Returns it as an absolute path.
	 */
	public static Path folder(Path folder) throws CqpException {
		Path absolute = folder.toAbsolutePath().normalize();
		if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
			throw new CqpException(NLS.bind(Messages.Output_notFolder, absolute));
		}
		return absolute;
	}

	/** Passes the bytes on, keeping the first write error even when the writer swallows it. */
	private static final class Watched extends FilterOutputStream {
		private IOException failure;

		Watched(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			try {
				out.write(b);
			} catch (IOException e) {
				throw keep(e);
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			try {
				out.write(b, off, len);
			} catch (IOException e) {
				throw keep(e);
			}
		}

		@Override
		public void flush() throws IOException {
			try {
				out.flush();
			} catch (IOException e) {
				throw keep(e);
			}
		}

		@Override
		public void close() throws IOException {
			// The channel is closed by its owner, after the bytes are forced to the disk.
			flush();
		}

		private IOException keep(IOException e) {
			if (failure == null) {
				failure = e;
			}
			return e;
		}

		void rethrowFailure() throws IOException {
			if (failure != null) {
				throw failure;
			}
		}
	}
}
