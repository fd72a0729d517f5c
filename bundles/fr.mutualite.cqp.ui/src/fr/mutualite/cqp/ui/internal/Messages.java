package fr.mutualite.cqp.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the application (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.internal.messages"; //$NON-NLS-1$

	public static String Navigator_empty;
	public static String Menu_file;
	public static String Menu_help;
	public static String Action_quit;
	public static String Action_about;
	public static String About_text;
	public static String Action_preferences;
	public static String Database_title;
	public static String Database_description;
	public static String Database_mode;
	public static String Database_embedded;
	public static String Database_server;
	public static String Database_folder;
	public static String Database_host;
	public static String Database_port;
	public static String Database_badPort;
	public static String Database_name;
	public static String Database_user;
	public static String Menu_window;
	public static String Action_dossiers;
	public static String Action_statistics;
	public static String Statistics_reports;
	public static String Statistics_parameters;
	public static String Statistics_run;
	public static String Statistics_savePdf;
	public static String Statistics_saveXlsx;
	public static String Statistics_empty;
	public static String Statistics_loading;
	public static String Statistics_all;
	public static String Statistics_dateHint;
	public static String Statistics_choices;
	public static String Statistics_running;
	public static String Statistics_opening;
	public static String Statistics_rendering;
	public static String Statistics_shown;
	public static String Statistics_saved;
	public static String Statistics_noBrowser;
	public static String Statistics_noPassword;
	public static String Statistics_passwordTitle;
	public static String Statistics_password;
	public static String Statistics_failed;

	public static String Database_badFolder;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
