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
	public static String Case_refused;
	public static String Case_noDocument;
	public static String Case_version;
	public static String Case_unknownDocument;
	public static String Case_versionMismatch;
	public static String Case_datesReversed;
	public static String Case_notObject;
	public static String Case_badCode;
	public static String Case_unknownType;
	public static String Case_duplicate;
	public static String Case_unknownNode;
	public static String Case_wrongParent;
	public static String Case_twoParents;
	public static String Case_sameNumber;
	public static String Case_wrongPart;
	public static String Case_unknownAssociation;
	public static String Case_orphan;
	public static String Case_missing;
	public static String Case_notText;
	public static String Case_tooLong;
	public static String Case_notNumber;
	public static String Case_badDate;
	public static String Case_notAFile;
	public static String Case_tooLarge;
	public static String Case_notUtf8;
	public static String Case_unreadable;
	public static String Case_malformed;
	public static String Case_malformedAt;
	public static String Case_idTaken;
	public static String Case_otherKind;
	public static String Case_sharedTree;
	public static String Case_sharedWording;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
