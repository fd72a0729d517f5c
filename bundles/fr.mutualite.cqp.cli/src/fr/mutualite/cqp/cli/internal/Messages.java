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
	public static String Password_needed;
	public static String Password_prompt;
	public static String Password_confirm;
	public static String Password_mismatch;
	public static String Store_dbOrServer;
	public static String Store_badAddress;
	public static String Generate_badCount;
	public static String Generate_notEmpty;
	public static String Generate_progress;
	public static String Generate_committing;
	public static String Generate_done;
	public static String Import_read;
	public static String Import_progress;
	public static String Import_done;
	public static String Import_refused;
	public static String DataExport_badFormat;
	public static String DataExport_written;
	public static String DataExport_needsFile;
	public static String Server_alreadyRunning;
	public static String Server_secured;
	public static String Server_didNotStart;
	public static String Server_started;
	public static String Server_noCommandLine;
	public static String Server_noDatabase;
	public static String Server_listening;
	public static String Server_stopped;
	public static String Server_stoppedOn;
	public static String Server_answers;
	public static String Server_silent;
	public static String Server_badUserName;
	public static String Server_userAdded;
	public static String Database_embedded;
	public static String Database_server;
	public static String Database_badMode;
	public static String Bench_workNotEmpty;
	public static String Bench_noWork;
	public static String Bench_title;
	public static String Bench_generation;
	public static String Bench_export;
	public static String Bench_import;
	public static String Bench_derby;
	public static String Bench_ratio;
	public static String Bench_list;
	public static String Bench_kept;
	public static String Report_line;
	public static String Report_parameter;
	public static String Report_noDefault;
	public static String Report_default;
	public static String Report_kindInteger;
	public static String Report_kindDecimal;
	public static String Report_kindDate;
	public static String Report_kindBoolean;
	public static String Report_kindText;
	public static String Report_kindListed;
	public static String Report_badFormat;
	public static String Report_parameterNowhere;
	public static String Demo_generating;
	public static String Demo_generated;
	public static String Demo_reusing;
	public static String Demo_rendering;
	public static String Demo_done;
	public static String BenchReports_generated;
	public static String BenchReports_cold;
	public static String BenchReports_warm;
	public static String BenchReports_sql;
	public static String BenchReports_title;
	public static String BenchReports_report;
	public static String BenchReports_pack;
	public static String BenchReports_sqlAlone;
	public static String BenchReports_ratio;
	public static String BenchReports_heap;

	public static String Server_noLog;
	public static String Repair_embeddedOnly;
	public static String Repair_nothing;
	public static String Repair_recorded;
	public static String Repair_done;
	public static String Cli_twice;
	public static String Cli_tooMany;
	public static String Cli_badValue;
	public static String Cli_expectInteger;
	public static String Cli_expectDate;
	public static String Cli_expectPath;
	public static String Cli_expectPair;
	public static String Cli_expectLabel;
	public static String Check_reading;
	public static String Check_checking;
	public static String BenchCheck_title;
	public static String BenchCheck_running;
	public static String BenchCheck_size;
	public static String BenchCheck_ratio;
	public static String BenchCheck_unexpected;
	public static String BenchCheck_badCount;
	public static String Report_kindRange;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
