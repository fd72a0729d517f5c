package fr.mutualite.cqp.cli.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;

/** The user's data folder (the {@code -data} of the launcher): databases, added referentials. */
final class DataFolder {

	private DataFolder() {
	}

	/** The data folder, or the working folder when the platform has none. */
	static Path get() {
		Location location = Platform.getInstanceLocation();
		if (location != null && location.getURL() != null) {
			try {
				return Path.of(location.getURL().toURI());
			} catch (URISyntaxException | IllegalArgumentException e) {
				return Path.of(location.getURL().getPath());
			}
		}
		return Path.of("").toAbsolutePath(); //$NON-NLS-1$
	}

	/** Where the branch drops added referential files (a seventh certification...). */
	static Path referentials() {
		return get().resolve("referentiels"); //$NON-NLS-1$
	}
}
