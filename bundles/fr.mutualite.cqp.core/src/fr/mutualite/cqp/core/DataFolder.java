package fr.mutualite.cqp.core;

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
 * The user's data folder (the {@code -data} of the launcher): databases, added referentials. The
 * commands and the application find it here.
 */
public final class DataFolder {

	private DataFolder() {
	}

	/** The data folder, or the working folder when the platform has none. */
	public static Path get() {
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
		return Path.of("").toAbsolutePath(); //$NON-NLS-1$
	}

	/** Where the branch drops added referential files (a seventh certification...). */
	public static Path referentials() {
		return get().resolve("referentiels"); //$NON-NLS-1$
	}

	private static Path path(URL url) {
		try {
			return Path.of(url.toURI());
		} catch (URISyntaxException | IllegalArgumentException e) {
			return Path.of(url.getPath());
		}
	}
}
