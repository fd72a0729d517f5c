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

	public static String Output_cannotWrite;
	public static String Output_linkLoop;
	public static String Output_isFolder;
	public static String Output_notRegular;
	public static String Output_notFolder;
	public static String Io_diskFull;
	public static String Io_tooLarge;
	public static String Io_readOnly;
	public static String Io_denied;
	public static String Io_notFolder;
	public static String Io_noSuchFile;
	public static String Io_isFolder;
	public static String Io_other;
	public static String Csv_isFolder;
	public static String Csv_tooBig;
	public static String Csv_tooOld;
	public static String Csv_tooLong;
	public static String Csv_badEncoding;
	public static String Csv_control;
	public static String Csv_noRules;
	public static String Csv_beforeRules;
	public static String Csv_openQuote;
	public static String Csv_badQuote;
	public static String Csv_notRegular;
	public static String Choice_cannotSave;
	public static String Referential_savedElsewhere;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
