package fr.mutualite.cqp.reports.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.eclipse.birt.report.engine.api.EngineConfig;

import fr.mutualite.cqp.core.PrivateFiles;

/**
 * The temporary files of the reports (the report engine's, and POI's rows of a workbook written
 * as it goes: candidates' names) in a folder of this process inside the data folder, its owner's
 * alone, instead of the machine's shared temporary folder, deleted when the process ends in order
 * ({@link PrivateFiles#temporary}). A process killed outright leaves its folder behind: the
 * folders of the processes that ended are deleted before each rendering.
 */
final class TemporaryFolder {

	private static final Logger LOG = Logger.getLogger(TemporaryFolder.class.getName());
	/** The folders of the processes: this kind and the process number. */
	private static final String KIND = "rapports"; //$NON-NLS-1$

	private final Path parent;
	private final Path own;

	private TemporaryFolder(Path parent, Path own) {
		this.parent = parent;
		this.own = own;
	}

	/**
	 * Makes the folder of this process under {@code parent} and sends the engine of
	 * {@code config} and POI there. When it cannot be made, the libraries keep their own
	 * temporary folder (the files still their owner's: the launcher sets the umask) and the cause
	 * goes to the log; {@code null} then.
	 */
	static TemporaryFolder use(Path parent, EngineConfig config) {
		try {
			PrivateFiles.createFolders(parent);
			Path own = PrivateFiles.temporary(PrivateFiles.createFolders(parent.resolve(PrivateFiles.ofThisProcess(KIND, ""))));
			config.setTempDir(own.toString());
			TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(own.toFile()));
			return new TemporaryFolder(parent, own);
		} catch (IOException | RuntimeException e) {
			LOG.log(Level.WARNING, "The reports' temporary folder under " + parent //$NON-NLS-1$
					+ " cannot be made; the libraries' own temporary folder is used", e); //$NON-NLS-1$
			return null;
		}
	}

	/**
	 * Deletes what the processes that ended left in the parent folder: their reports' folders, and
	 * the application's previews of reports ({@link PrivateFiles#deleteEnded}).
	 */
	void sweep() {
		PrivateFiles.deleteEnded(parent);
	}

	/** Deletes the folder of this process, when it stops rendering. */
	void close() {
		delete(own);
		PrivateFiles.release(own);
	}

	private static void delete(Path folder) {
		try {
			PrivateFiles.deleteTree(folder);
		} catch (IOException e) {
			LOG.log(Level.WARNING, "A temporary folder of the reports cannot be deleted: " + folder, e); //$NON-NLS-1$
		}
	}
}
