package fr.mutualite.cqp.ui.booklet.tuteur;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the tutor's guide editor (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.booklet.tuteur.messages"; //$NON-NLS-1$

	public static String Tutor_grid;
	public static String Tutor_addGrid;
	public static String Tutor_reviews;
	public static String Tutor_reviewsHint;
	public static String Tutor_addReview;
	public static String Tutor_removeReview;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
