package fr.mutualite.cqp.ui.booklet.formation;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the training booklet's editor (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.booklet.formation.messages"; //$NON-NLS-1$

	public static String Training_modules;
	public static String Training_modulesHint;
	public static String Training_module;
	public static String Training_newModule;
	public static String Training_addModule;
	public static String Training_removeModule;
	public static String Training_hours;
	public static String Training_hoursNoRules;
	public static String Training_sheet;
	public static String Training_resit;
	public static String Training_earlierResit;
	public static String Training_evaluate;
	public static String Training_newSheet;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
