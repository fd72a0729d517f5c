package fr.mutualite.cqp.ui.jury;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** What the jury session editor opens: a session, by its id. */
public final class JuryInput implements IEditorInput {

	/** The id of the jury session editor. */
	public static final String EDITOR_ID = "fr.mutualite.cqp.ui.jury.editor"; //$NON-NLS-1$

	private final String sessionId;
	private final String name;

	public JuryInput(String sessionId, String name) {
		this.sessionId = Objects.requireNonNull(sessionId);
		this.name = name;
	}

	public String sessionId() {
		return sessionId;
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
		return name;
	}

	@Override
	public IPersistableElement getPersistable() {
		return null;
	}

	@Override
	public String getToolTipText() {
		return name;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof JuryInput input && input.sessionId.equals(sessionId);
	}

	@Override
	public int hashCode() {
		return sessionId.hashCode();
	}
}
