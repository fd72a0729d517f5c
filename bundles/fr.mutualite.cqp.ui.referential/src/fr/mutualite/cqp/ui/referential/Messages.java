package fr.mutualite.cqp.ui.referential;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the referential editor (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.referential.messages"; //$NON-NLS-1$

	public static String Page_overview;
	public static String Page_structure;
	public static String Page_structureHint;
	public static String Page_booklets;
	public static String Page_bookletsHint;
	public static String Page_rules;
	public static String Page_rulesHint;
	public static String Page_details;
	public static String Page_detailsHint;
	public static String Overview_certification;
	public static String Overview_certificationHint;
	public static String Overview_version;
	public static String Editor_badInput;
	public static String Editor_unknown;
	public static String Editor_shipped;
	public static String Editor_file;
	public static String Editor_saveFailedTitle;
	public static String Editor_saveFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
