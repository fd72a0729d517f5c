package fr.mutualite.cqp.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files the product writes (exports, reports): under a temporary name beside the target, renamed
 * when complete, so that a failure leaves no partial file and an older file stays as it was. The
 * file gets the permissions the user's umask gives new files.
 */
public final class OutputFiles {

	/** Writes the content of a file. */
	@FunctionalInterface
	public interface Content {
		void write(OutputStream out) throws IOException, CqpException;
	}

	private OutputFiles() {
	}

	/** Writes {@code file} (creating its folder), all or nothing; returns its absolute path. */
	public static Path write(Path file, Content content) throws IOException, CqpException {
		Path target = file.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling("." + target.getFileName() + '.' + UUID.randomUUID() + ".part"); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				content.write(out);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			partial = null;
			return target;
		} finally {
			if (partial != null) {
				try {
					Files.deleteIfExists(partial);
				} catch (IOException e) {
					// the failure being reported matters more than a leftover temporary file
				}
			}
		}
	}
}
