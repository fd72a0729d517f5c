package fr.mutualite.cqp.cli.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the commands (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.cli.internal.messages"; //$NON-NLS-1$

	public static String Cli_unknownCommand;
	public static String Cli_unknownOption;
	public static String Cli_missing;
	public static String Cli_badArguments;
	public static String Cli_unexpected;
	public static String Referential_unknown;
	public static String List_code;
	public static String List_version;
	public static String List_validFrom;
	public static String List_domains;
	public static String List_competences;
	public static String List_groups;
	public static String List_criteria;
	public static String List_booklets;
	public static String List_title;
	public static String Export_badFormat;
	public static String Export_cannotWrite;
	public static String Export_written;
	public static String Check_unknown;
	public static String Check_title;
	public static String Check_summary;
	public static String Check_error;
	public static String Check_warning;
	public static String Check_wordings;
	public static String Check_certificationWording;
	public static String Check_referentialSays;
	public static String Check_bookletSays;
	public static String Check_kindDifferent;
	public static String Check_kindAdded;
	public static String Check_kindOmitted;
	public static String Check_kindMoved;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
