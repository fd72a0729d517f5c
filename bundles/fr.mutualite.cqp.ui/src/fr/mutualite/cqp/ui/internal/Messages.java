package fr.mutualite.cqp.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the application (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.internal.messages"; //$NON-NLS-1$

	public static String Navigator_empty;
	public static String Menu_file;
	public static String Menu_help;
	public static String Action_quit;
	public static String Action_about;
	public static String About_text;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
