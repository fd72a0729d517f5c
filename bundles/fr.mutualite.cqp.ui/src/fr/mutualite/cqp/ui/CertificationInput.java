package fr.mutualite.cqp.ui;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * What the referential editor opens: a certification, by its code, in the referentials of the
 * user's data folder and of the product.
 */
public final class CertificationInput implements IEditorInput {

	/** The id of the referential editor. */
	public static final String EDITOR_ID = "fr.mutualite.cqp.ui.referential.editor"; //$NON-NLS-1$

	private final String code;
	private final String title;

	public CertificationInput(String code, String title) {
		this.code = code;
		this.title = title;
	}

	/** The certification's code, e.g. {@code CMI}. */
	public String code() {
		return code;
	}

	@Override
	public boolean exists() {
		return false;
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return ImageDescriptor.getMissingImageDescriptor();
	}

	@Override
	public String getName() {
		return code;
	}

	@Override
	public IPersistableElement getPersistable() {
		return null;
	}

	@Override
	public String getToolTipText() {
		return title;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CertificationInput input && input.code.equalsIgnoreCase(code);
	}

	@Override
	public int hashCode() {
		return Objects.hash(code.toUpperCase(java.util.Locale.ROOT));
	}
}
