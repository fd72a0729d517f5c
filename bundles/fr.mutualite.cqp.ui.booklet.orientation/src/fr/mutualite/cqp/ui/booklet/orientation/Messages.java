package fr.mutualite.cqp.ui.booklet.orientation;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the orientation guide's editor (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.booklet.orientation.messages"; //$NON-NLS-1$

	public static String Orientation_interview;
	public static String Orientation_notStarted;
	public static String Orientation_start;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
