package fr.mutualite.cqp.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.PrivateFiles;

/**
 * The Eclipse application behind {@code cqp <command> ...}: runs one command, returns its exit
 * code. The command writes to the process's output and error streams; what libraries print
 * there on their own (a stack trace from a report emitter, a warning) goes to a log of the data
 * folder instead, so that the user reads the command's sentences only and the output stays
 * what the command writes (a CSV export, for instance).
 */
public final class CliApplication implements IApplication {

	/** The file of what libraries printed, in the data folder's metadata. */
	static final String LIBRARIES_LOG = ".metadata/bibliotheques.log"; //$NON-NLS-1$

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		// The log goes to the data folder's metadata (not to the installation's configuration),
		// once the platform has prepared that area.
		Platform.getLogFileLocation();
		PrintStream out = System.out;
		PrintStream err = System.err;
		try (PrintStream libraries = new PrintStream(new LazyLog(DataFolder.get().resolve(LIBRARIES_LOG)), true,
				StandardCharsets.UTF_8)) {
			System.setOut(libraries);
			System.setErr(libraries);
			return Integer.valueOf(Cli.run(args == null ? new String[0] : args, out, err));
		} finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	@Override
	public void stop() {
		// A command runs to its end; there is nothing to interrupt.
	}

	/** Appends to a private file, created on the first byte written. */
	private static final class LazyLog extends OutputStream {
		private final Path file;
		private OutputStream out;
		private boolean failed;

		LazyLog(Path file) {
			this.file = file;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			if (failed) {
				return;
			}
			try {
				if (out == null) {
					PrivateFiles.createFolders(file.getParent());
					if (!Files.exists(file)) {
						PrivateFiles.createFile(file);
					}
					out = Files.newOutputStream(file, StandardOpenOption.APPEND);
				}
				out.write(b, off, len);
			} catch (IOException e) {
				failed = true; // what a library prints is not worth failing a command for
			}
		}

		@Override
		public synchronized void flush() throws IOException {
			if (out != null) {
				out.flush();
			}
		}

		@Override
		public synchronized void close() throws IOException {
			if (out != null) {
				out.close();
			}
		}
	}
}
