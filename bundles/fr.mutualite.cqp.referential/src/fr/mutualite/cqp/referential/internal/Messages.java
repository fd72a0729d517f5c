package fr.mutualite.cqp.referential.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the referential bundle (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.referential.internal.messages"; //$NON-NLS-1$

	public static String Load_unreadable;
	public static String Load_notReferential;
	public static String Load_missing;
	public static String Load_noSuchFile;
	public static String Load_unknownNamespace;
	public static String Load_atLine;

	public static String Load_folderUnreadable;
	public static String Load_notAFile;
	public static String Load_leftOut;
	public static String Load_replaces;
	public static String Load_ignored;
	public static String Load_denied;
	public static String Load_malformedXml;
	public static String Load_illegalValue;
	public static String Load_unresolved;
	public static String Load_unknownFeature;
	public static String Load_unknownElement;
	public static String Load_invalidContent;
	public static String Load_replacesFile;
	public static String Diff_header;
	public static String Diff_added;
	public static String Diff_removed;
	public static String Diff_changed;
	public static String Diff_fromTo;
	public static String Diff_none;
	public static String Version_invalid;
	public static String Version_exists;
	public static String Version_noStart;
	public static String Version_fileExists;
	public static String Load_dangling;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
