package fr.mutualite.cqp.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the application (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.internal.messages"; //$NON-NLS-1$

	public static String About_text;
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
	public static String Statistics_passwordTitle;
	public static String Statistics_password;
	public static String Statistics_failed;

	public static String Database_badFolder;
	public static String Navigator_filter;
	public static String Navigator_loading;
	public static String Navigator_noService;
	public static String Navigator_notices;
	public static String Navigator_certification;
	public static String Navigator_errors;
	public static String Navigator_warnings;
	public static String Navigator_valid;
	public static String Language_title;
	public static String Language_description;
	public static String Language_choice;
	public static String Language_restart;
	public static String About_title;
	public static String About_component;
	public static String About_java;
	public static String Database_noService;
	public static String Statistics_noService;
	public static String Navigator_inForce;
	public static String Navigator_notInForce;
	public static String Navigator_certifications;
	public static String Navigator_candidates;
	public static String Navigator_noCandidates;
	public static String Navigator_noMatch;
	public static String Navigator_failed;
	public static String Navigator_body;
	public static String Navigator_noBody;
	public static String Navigator_group;
	public static String Navigator_candidate;
	public static String Navigator_more;
	public static String Boot_title;
	public static String Boot_password;
	public static String Boot_retry;
	public static String Database_opening;
	public static String Audit_none;
	public static String Audit_reading;
	public static String Audit_heading;
	public static String Audit_when;
	public static String Audit_by;
	public static String Audit_registration;
	public static String Audit_subject;
	public static String Audit_item;
	public static String Audit_before;
	public static String Audit_after;
	public static String Audit_evaluation;
	public static String Audit_booklet;
	public static String Audit_decision;
	public static String Audit_certificate;
	public static String Audit_role;
	public static String Audit_personalData;
	public static String Audit_exportTitle;
	public static String Audit_fileName;
	public static String Audit_exported;
	public static String Data_personalTitle;
	public static String Data_selectCandidate;
	public static String Data_personalFile;
	public static String Data_personalDone;
	public static String Data_exportTitle;
	public static String Data_chooseBody;
	public static String Data_exchangeFile;
	public static String Data_exportDone;
	public static String Data_importTitle;
	public static String Data_importDone;
	public static String Data_importConflicts;
	public static String Data_retentionTitle;
	public static String Data_retentionNone;
	public static String Data_retentionDue;
	public static String Data_retentionDone;
	public static String Data_eraseTitle;
	public static String Data_eraseConfirm;
	public static String Data_eraseDone;
	public static String Dashboard_year;
	public static String Dashboard_loading;
	public static String Dashboard_loaded;
	public static String Dashboard_loadedToDate;
	public static String Dashboard_failed;
	public static String Dashboard_registrations;
	public static String Dashboard_decisions;
	public static String Dashboard_fullAwardRate;
	public static String Dashboard_nearLimit;
	public static String Dashboard_expiring;
	public static String Dashboard_open;
	public static String Dashboard_point;
	public static String Dashboard_percent;
	public static String Dashboard_noComparison;
	public static String Dashboard_change;
	public static String Dashboard_changePercent;
	public static String Dashboard_changePoints;
	public static String Dashboard_versusYear;
	public static String Dashboard_sameDay;
	public static String Dashboard_versusDay;

	public static String Statistics_cancelled;

	public static String Statistics_stop;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
