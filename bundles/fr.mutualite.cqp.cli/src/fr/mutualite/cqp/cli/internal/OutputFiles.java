package fr.mutualite.cqp.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;

/**
 * Files the commands write: under a temporary name beside the target, renamed when complete, so
 * that a failure leaves no partial file and an older file stays as it was.
 */
final class OutputFiles {

	/** Writes the content of a file. */
	@FunctionalInterface
	interface Content {
		void write(OutputStream out) throws IOException, CqpException;
	}

	private OutputFiles() {
	}

	/** Writes {@code file} (creating its folder), all or nothing; returns its absolute path. */
	static Path write(Path file, Content content) throws CqpException {
		Path target = file.toAbsolutePath();
		Path partial = null;
		try {
			Files.createDirectories(target.getParent());
			partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part"); //$NON-NLS-1$ //$NON-NLS-2$
			try (OutputStream out = Files.newOutputStream(partial)) {
				content.write(out);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			partial = null;
			return target;
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Export_cannotWrite, target, e.getMessage()), e);
		} finally {
			if (partial != null) {
				try {
					Files.deleteIfExists(partial);
				} catch (IOException e) {
					// the write error is the one to report
				}
			}
		}
	}
}
