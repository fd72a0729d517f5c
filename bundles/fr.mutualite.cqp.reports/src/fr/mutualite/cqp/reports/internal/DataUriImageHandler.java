package fr.mutualite.cqp.reports.internal;

import java.util.Base64;

import org.eclipse.birt.report.engine.api.HTMLImageHandler;
import org.eclipse.birt.report.engine.api.IImage;

/**
 * Writes the images of an HTML report (charts, pictures of the design) into the page itself as
 * {@code data:} URIs, so that one HTML file is the whole report: nothing to copy beside it,
 * nothing left behind when a rendering fails. BIRT only offers handlers that write image files.
 */
final class DataUriImageHandler extends HTMLImageHandler {

	@Override
	public String onDesignImage(IImage image, Object context) {
		return dataUri(image);
	}

	@Override
	public String onDocImage(IImage image, Object context) {
		return dataUri(image);
	}

	@Override
	public String onCustomImage(IImage image, Object context) {
		return dataUri(image);
	}

	@Override
	public String onFileImage(IImage image, Object context) {
		return dataUri(image);
	}

	@Override
	public String onURLImage(IImage image, Object context) {
		return image.getID();
	}

	private static String dataUri(IImage image) {
		byte[] data = image.getImageData();
		if (data == null) {
			return image.getID();
		}
		String mime = image.getMimeType() == null ? "image/png" : image.getMimeType(); //$NON-NLS-1$
		return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(data); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
