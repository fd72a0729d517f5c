package fr.mutualite.cqp.reports.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the reports bundle (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.reports.internal.messages"; //$NON-NLS-1$

	public static String Engine_cannotStart;
	public static String Render_designMissing;
	public static String Render_designInvalid;
	public static String Render_badParameters;
	public static String Render_failed;
	public static String Render_database;
	public static String Report_unknown;
	public static String Parameter_unknown;
	public static String Parameter_none;
	public static String Parameter_missing;
	public static String Parameter_notInList;
	public static String Parameter_badValue;
	public static String Kind_integer;
	public static String Kind_decimal;
	public static String Kind_boolean;
	public static String Kind_date;
	public static String Kind_text;

	public static String Parameter_outOfRange;
	public static String Parameter_order;
	public static String Render_seeLog;
	public static String Render_sqlState;
	public static String Print_filled;
	public static String Print_blank;
	public static String Print_footer;
	public static String Render_line;
	public static String User_shipped;
	public static String User_dataSource;
	public static String User_noData;
	public static String User_notAQuery;
	public static String User_unknownName;
	public static String User_badQuery;
	public static String Rows_noDataSet;
	public static String Render_cancelled;
	public static String Render_sqlStateSaid;
	public static String Render_divisionByZero;
	public static String Render_outOfRange;
	public static String Render_badConversion;
	public static String Render_badDate;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
