package fr.mutualite.cqp.core;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The user's data folder (the {@code -data} of the launcher): databases, added referentials,
 * preferences, logs. The commands and the application find it here. It holds candidates'
 * personal data, so it is its owner's alone (0700), whatever the umask.
 */
public final class DataFolder {

	private static Path secured;

	private DataFolder() {
	}

	/** The data folder (made its owner's alone), or the working folder when the platform has none. */
	public static Path get() {
		Path folder = instanceLocation();
		if (folder == null) {
			return Path.of("").toAbsolutePath(); //$NON-NLS-1$
		}
		synchronized (DataFolder.class) {
			if (!folder.equals(secured)) {
				try {
					PrivateFiles.createFolders(folder);
					PrivateFiles.restrict(folder);
					secured = folder;
				} catch (IOException e) {
					// Not the user's folder: what is written there fails later with its own message.
				}
			}
		}
		return folder;
	}

	private static Path instanceLocation() {
		Bundle bundle = FrameworkUtil.getBundle(DataFolder.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context != null) {
			try {
				for (ServiceReference<Location> reference : context.getServiceReferences(Location.class,
						Location.INSTANCE_FILTER)) {
					Location location = context.getService(reference);
					try {
						if (location != null && location.getURL() != null) {
							return path(location.getURL());
						}
					} finally {
						context.ungetService(reference);
					}
				}
			} catch (InvalidSyntaxException e) {
				// the filter is the framework's own
			}
		}
		return null;
	}

	/** Where the branch drops added referential files (a seventh certification...). */
	public static Path referentials() {
		return get().resolve("referentiels"); //$NON-NLS-1$
	}

	/** Where the observatory drops the report designs it makes itself (BIRT Report Designer). */
	public static Path reports() {
		return get().resolve("rapports"); //$NON-NLS-1$
	}

	/**
	 * Where the libraries write their temporary files (the reports'), each process in a folder
	 * of its own: inside the data folder, its owner's alone.
	 */
	public static Path temporary() {
		return get().resolve("temporaire"); //$NON-NLS-1$
	}

	private static Path path(URL url) {
		try {
			return Path.of(url.toURI());
		} catch (URISyntaxException | IllegalArgumentException e) {
			return Path.of(url.getPath());
		}
	}
}
