package fr.mutualite.cqp.ui.booklet;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the dossier and booklet editors (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.booklet.messages"; //$NON-NLS-1$

	public static String Editor_badInput;
	public static String Editor_openFailedTitle;
	public static String Dossier_gone;
	public static String Dossier_title;
	public static String Dossier_identity;
	public static String Dossier_registration;
	public static String Dossier_registrationHint;
	public static String Dossier_booklets;
	public static String Dossier_bookletsHint;
	public static String Dossier_noEditor;
	public static String Dossier_noDate;
	public static String Dossier_noRules;
	public static String Dossier_deadline;
	public static String Booklet_title;
	public static String Booklet_missing;
	public static String Booklet_complete;
	public static String Booklet_sign;
	public static String Booklet_state;
	public static String Booklet_stateBy;
	public static String Booklet_blocked;
	public static String Booklet_refusedTitle;
	public static String Booklet_refused;
	public static String Save_failedTitle;
	public static String Save_staleTitle;
	public static String Save_stale;
	public static String Save_reload;
	public static String Save_keepEditing;
	public static String NewCandidate_title;
	public static String NewCandidate_message;
	public static String NewCandidate_day;
	public static String NewCandidate_noBody;
	public static String NewCandidate_required;
	public static String NewCandidate_create;
	public static String NewCandidate_cancel;

	public static String Dossier_noBooklets;
	public static String NewCandidate_invalid;
	public static String Print_job;
	public static String Print_failed;
	public static String Print_button;
	public static String Print_done;
	public static String Print_certificate;
	public static String Dossier_award;
	public static String Dossier_awardHint;
	public static String Dossier_noCertificate;
	public static String Dossier_certificate;
	public static String Dossier_partial;
	public static String Dossier_earlierCertificate;
	public static String Dossier_earlierPartial;
	public static String Dossier_printDecisions;
	public static String Dossier_decisionsFile;
	public static String Dossier_inSession;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
