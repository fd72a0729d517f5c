package fr.mutualite.cqp.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.osgi.util.NLS;

import org.eclipse.emf.ecore.resource.Resource;

import fr.mutualite.cqp.core.internal.Messages;
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
	 * When the files {@code library}'s resources are saved to were last written, as read now
	 * ({@code null} for a file that does not exist yet): what {@link #saveChanged} compares with.
	 */
	public static Map<Resource, FileTime> states(ReferentialLibrary library, Path folder) {
		Map<Resource, FileTime> states = new HashMap<>();
		for (Resource resource : library.resourceSet().getResources()) {
			states.put(resource, lastWritten(ReferentialLibrary.savedPath(resource.getURI(), folder)));
		}
		return states;
	}

	/**
	 * Writes every changed resource of {@code library} into {@code folder}, each all or nothing,
	 * stopping at the first that cannot be written (those before it are written, the others stay
	 * changed); returns the files written. Nothing is written, and the refusal names the file,
	 * when one of them was written by someone else since {@code states} were read (another editor
	 * of the same file): saving would lose their changes. {@code states} is brought up to date.
	 */
	public static List<Path> saveChanged(ReferentialLibrary library, Path folder, Map<Resource, FileTime> states)
			throws CqpException {
		List<Resource> changed = library.resourceSet().getResources().stream().filter(Resource::isModified).toList();
		for (Resource resource : changed) {
			Path target = ReferentialLibrary.savedPath(resource.getURI(), folder);
			if (!Objects.equals(states.get(resource), lastWritten(target))) {
				throw new CqpException(NLS.bind(Messages.Referential_savedElsewhere, target));
			}
		}
		List<Path> written = new ArrayList<>();
		for (Resource resource : changed) {
			Path target = save(resource, folder);
			states.put(resource, lastWritten(target));
			written.add(target);
		}
		return written;
	}

	private static FileTime lastWritten(Path file) {
		try {
			return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
		} catch (IOException e) {
			return null;
		}
	}
}
