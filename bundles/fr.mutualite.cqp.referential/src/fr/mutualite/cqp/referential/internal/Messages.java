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
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
