package fr.mutualite.cqp.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;

import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Writing referential files into the user's folder of referentials: each file all or nothing,
 * private to its owner; a shipped file is never written where the product is installed but
 * under its own name in the folder, where it is read in its place from then on.
 */
public final class ReferentialFiles {

	private ReferentialFiles() {
	}

	/** Writes {@code resource} into {@code folder}; returns the file written. */
	public static Path save(Resource resource, Path folder) throws CqpException {
		OutputFiles.folder(folder);
		Path target = ReferentialLibrary.savedPath(resource.getURI(), folder);
		OutputFiles.write(target, out -> resource.save(out, null));
		resource.setModified(false);
		return target;
	}

	/**
	 * Writes every changed resource of {@code library} into {@code folder}, each all or nothing,
	 * stopping at the first that cannot be written (those before it are written, the others stay
	 * changed); returns the files written.
	 */
	public static List<Path> saveChanged(ReferentialLibrary library, Path folder) throws CqpException {
		List<Path> written = new ArrayList<>();
		for (Resource resource : library.resourceSet().getResources()) {
			if (resource.isModified()) {
				written.add(save(resource, folder));
			}
		}
		return written;
	}
}
