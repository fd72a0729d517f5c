package fr.mutualite.cqp.ui;

import java.util.Locale;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

import fr.mutualite.cqp.model.referential.BookletKind;

/**
 * What the dossier editor and the booklet editors open: a candidate's registration, by its id,
 * and the booklet (none: the dossier itself). Each booklet has its editor plug-in, whose editor id
 * is {@value #BOOKLET_EDITOR_PREFIX} followed by the booklet's kind in lower case
 * ({@code fr.mutualite.cqp.ui.booklet.orientation_guide}).
 */
public final class RegistrationInput implements IEditorInput {

	/** The id of the dossier editor. */
	public static final String DOSSIER_EDITOR_ID = "fr.mutualite.cqp.ui.dossier.editor"; //$NON-NLS-1$
	/** The start of the id of each booklet's editor. */
	public static final String BOOKLET_EDITOR_PREFIX = "fr.mutualite.cqp.ui.booklet."; //$NON-NLS-1$

	private final String registrationId;
	private final BookletKind booklet;
	private final String name;

	/**
	 * @param registrationId the registration
	 * @param booklet        the booklet edited, or {@code null} for the dossier
	 * @param name           the tab's text (the candidate, and the booklet)
	 */
	public RegistrationInput(String registrationId, BookletKind booklet, String name) {
		this.registrationId = Objects.requireNonNull(registrationId);
		this.booklet = booklet;
		this.name = name;
	}

	public String registrationId() {
		return registrationId;
	}

	/** The booklet edited, or {@code null} for the dossier. */
	public BookletKind booklet() {
		return booklet;
	}

	/** The id of the editor that opens this input. */
	public String editorId() {
		return booklet == null ? DOSSIER_EDITOR_ID : editorId(booklet);
	}

	/** The id of the editor of booklets of {@code kind}. */
	public static String editorId(BookletKind kind) {
		return BOOKLET_EDITOR_PREFIX + kind.getName().toLowerCase(Locale.ROOT);
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
		return other instanceof RegistrationInput input && input.registrationId.equals(registrationId)
				&& input.booklet == booklet;
	}

	@Override
	public int hashCode() {
		return Objects.hash(registrationId, booklet);
	}
}
