package fr.mutualite.cqp.core.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the core bundle (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.core.internal.messages"; //$NON-NLS-1$

	public static String Services_missing;
	public static String Product_name;
	public static String Product_versionLine;
	public static String Generator_noCertification;
	public static String Generator_noRules;
	public static String Csv_line;
	public static String Csv_cannotRead;
	public static String Csv_noFile;
	public static String Csv_missingColumns;
	public static String Csv_columnCount;
	public static String Csv_empty;
	public static String Csv_future;
	public static String Csv_tooYoung;
	public static String Csv_unknownCertification;
	public static String Csv_badRoute;
	public static String Csv_unknownTrainingBody;
	public static String Csv_badEmail;
	public static String Csv_repeated;
	public static String Csv_malformed;
	public static String Csv_cannotEncode;
	public static String Csv_cannotWrite;
	public static String Csv_badDate;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
