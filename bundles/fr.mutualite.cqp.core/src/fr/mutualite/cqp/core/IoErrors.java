package fr.mutualite.cqp.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import fr.mutualite.cqp.core.internal.Messages;

/**
 * An input or output error as one phrase in the user's language (the disk is full, access is
 * refused...), for a message that names the file; the system's own text stays in the exception,
 * for the log.
 */
public final class IoErrors {

	private IoErrors() {
	}

	/** What went wrong with a file. */
	public static String reason(IOException e) {
		String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
				: String.valueOf(e.getMessage());
		if (text.contains("No space left") || text.contains("Disk quota")) { //$NON-NLS-1$ //$NON-NLS-2$
			return Messages.Io_diskFull;
		}
		if (text.contains("File too large")) { //$NON-NLS-1$
			return Messages.Io_tooLarge;
		}
		if (text.contains("Read-only file system")) { //$NON-NLS-1$
			return Messages.Io_readOnly;
		}
		if (e instanceof AccessDeniedException || text.contains("Permission denied")) { //$NON-NLS-1$
			return Messages.Io_denied;
		}
		if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
				|| text.contains("Not a directory")) { //$NON-NLS-1$
			return Messages.Io_notFolder;
		}
		if (e instanceof NoSuchFileException) {
			return Messages.Io_noSuchFile;
		}
		if (text.contains("Is a directory")) { //$NON-NLS-1$
			return Messages.Io_isFolder;
		}
		return Messages.Io_other;
	}
}
