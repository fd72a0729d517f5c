package fr.mutualite.cqp.ui.emf;

import java.net.URL;
import java.util.List;
import java.util.Objects;

import org.eclipse.emf.edit.provider.ComposedImage;
import org.eclipse.jface.resource.CompositeImageDescriptor;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import fr.mutualite.cqp.core.validation.Validation.Severity;

/**
 * The SWT images of item providers' icons (URLs, and EMF's composed images of stacked icons),
 * created once and disposed with their owner; an icon can carry the overlay of a validation
 * problem (the role of EMF's {@code ExtendedImageRegistry}).
 */
public final class Images {

	private final LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources());

	/** The descriptor of an item provider's image, or {@code null}. */
	public static ImageDescriptor descriptor(Object image) {
		if (image instanceof ImageDescriptor descriptor) {
			return descriptor;
		}
		if (image instanceof URL url) {
			return ImageDescriptor.createFromURL(url);
		}
		if (image instanceof ComposedImage composed) {
			List<ImageDescriptor> layers = composed.getImages().stream().map(Images::descriptor).filter(Objects::nonNull).toList();
			return layers.isEmpty() ? null : layers.size() == 1 ? layers.get(0) : new Stacked(layers);
		}
		return null;
	}

	/** The image of {@code image} (an item provider's), with the overlay of {@code severity} when not null. */
	public Image get(Object image, Severity severity) {
		ImageDescriptor descriptor = descriptor(image);
		if (descriptor == null) {
			return null;
		}
		if (severity == Severity.ERROR || severity == Severity.WARNING) {
			ImageDescriptor overlay = PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(
					severity == Severity.ERROR ? ISharedImages.IMG_DEC_FIELD_ERROR : ISharedImages.IMG_DEC_FIELD_WARNING);
			descriptor = new DecorationOverlayIcon(descriptor, overlay, IDecoration.BOTTOM_LEFT);
		}
		return resources.create(descriptor);
	}

	public void dispose() {
		resources.dispose();
	}

	/** Icons drawn one over the other, the first at the bottom. */
	private static final class Stacked extends CompositeImageDescriptor {
		private final List<ImageDescriptor> layers;

		Stacked(List<ImageDescriptor> layers) {
			this.layers = layers;
		}

		@Override
		protected void drawCompositeImage(int width, int height) {
			for (ImageDescriptor layer : layers) {
				drawImage(createCachedImageDataProvider(layer), 0, 0);
			}
		}

		@Override
		protected Point getSize() {
			return new Point(16, 16);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Stacked stacked && stacked.layers.equals(layers);
		}

		@Override
		public int hashCode() {
			return layers.hashCode();
		}
	}
}
