package fr.mutualite.cqp.ui.emf.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the editing glue (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.emf.internal.messages"; //$NON-NLS-1$

	public static String Values_datePattern;
	public static String Values_required;
	public static String Values_notADate;
	public static String Values_notANumber;
	public static String Values_notAWholeNumber;
	public static String Values_invalid;
	public static String Dialogs_noDate;
	public static String Dialogs_search;
	public static String Dialogs_choose;
	public static String Dialogs_yes;
	public static String Dialogs_no;
	public static String Form_calendar;
	public static String Problems_severity;
	public static String Problems_message;
	public static String Problems_element;
	public static String Problems_error;
	public static String Problems_warning;
	public static String Problems_info;
	public static String Problems_summary;

	public static String ReadOnly_role;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
