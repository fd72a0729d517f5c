package fr.mutualite.cqp.ui;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * What the referential editor opens: a certification, by its code and the version of its
 * referential (none: the version in force today), in the referentials of the user's data folder
 * and of the product.
 */
public final class CertificationInput implements IEditorInput {

	/** The id of the referential editor. */
	public static final String EDITOR_ID = "fr.mutualite.cqp.ui.referential.editor"; //$NON-NLS-1$

	private final String code;
	private final String version;
	private final String title;

	public CertificationInput(String code, String version, String title) {
		this.code = code;
		this.version = version;
		this.title = title;
	}

	/** The version of the certification's referential, or {@code null} for the one in force. */
	public String version() {
		return version;
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
		return version == null ? code : code + ' ' + version;
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
		return other instanceof CertificationInput input && input.code.equalsIgnoreCase(code)
				&& Objects.equals(input.version, version);
	}

	@Override
	public int hashCode() {
		return Objects.hash(code.toUpperCase(java.util.Locale.ROOT), version);
	}
}
