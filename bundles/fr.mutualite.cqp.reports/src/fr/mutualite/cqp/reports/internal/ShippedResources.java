package fr.mutualite.cqp.reports.internal;

import java.net.URL;
import java.util.Map;

import org.eclipse.birt.report.model.api.DefaultResourceLocator;
import org.eclipse.birt.report.model.api.ModuleHandle;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Finds what a design includes next to it first, then among the pack's own files: a design of
 * the data folder may so include the pack's library ({@code cqp.rptlibrary}: the data source, the
 * common parameters and their lists, the theme) and its texts ({@code rapports.properties}) by
 * their bare names, as the shipped designs do.
 */
final class ShippedResources extends DefaultResourceLocator {

	private final String folder;

	/** @param folder the bundle's folder of the shipped designs */
	ShippedResources(String folder) {
		this.folder = folder;
	}

	@Override
	public URL findResource(ModuleHandle module, String fileName, int type) {
		return shipped(super.findResource(module, fileName, type), fileName);
	}

	@Override
	public URL findResource(ModuleHandle module, String fileName, int type, @SuppressWarnings("rawtypes") Map context) {
		return shipped(super.findResource(module, fileName, type, context), fileName);
	}

	private URL shipped(URL found, String fileName) {
		if (found != null || fileName == null || fileName.contains("/") || fileName.contains("\\")) { //$NON-NLS-1$ //$NON-NLS-2$
			return found;
		}
		Bundle bundle = FrameworkUtil.getBundle(ShippedResources.class);
		return bundle == null ? null : bundle.getEntry(folder + '/' + fileName);
	}
}
