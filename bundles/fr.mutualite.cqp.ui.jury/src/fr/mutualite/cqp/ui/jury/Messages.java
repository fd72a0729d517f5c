package fr.mutualite.cqp.ui.jury;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the jury's sessions (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.jury.messages"; //$NON-NLS-1$

	public static String Jury_badInput;
	public static String Jury_notFound;
	public static String Jury_title;
	public static String Jury_tab;
	public static String Jury_session;
	public static String Jury_sessionHint;
	public static String Jury_members;
	public static String Jury_membersHint;
	public static String Jury_president;
	public static String Jury_removeMember;
	public static String Jury_addMember;
	public static String Jury_decisions;
	public static String Jury_decisionsHint;
	public static String Jury_candidate;
	public static String Jury_domain;
	public static String Jury_acquiredEarlier;
	public static String Jury_acquired;
	public static String Jury_notAcquired;
	public static String Jury_fullAward;
	public static String Jury_partialAward;
	public static String Jury_refused;
	public static String Jury_removeCandidate;
	public static String Jury_addCandidate;
	public static String Jury_searchPrompt;
	public static String Jury_searchShort;
	public static String Jury_nobody;
	public static String Jury_registration;
	public static String Jury_chooseRegistration;
	public static String Jury_already;
	public static String Jury_notAdmissible;
	public static String Jury_notReady;
	public static String Jury_nothingLeft;
	public static String Jury_certificates;
	public static String Jury_certificatesHint;
	public static String Jury_issue;
	public static String Jury_issuedFull;
	public static String Jury_issuedPartial;
	public static String Jury_saveFirst;
	public static String Jury_errorsFirst;
	public static String Jury_saveFailed;
	public static String Jury_newSession;
	public static String Jury_sessions;
	public static String Jury_noSession;
	public static String Jury_chooseSession;
	public static String Jury_sessionLine;
	public static String Jury_issuedNothing;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
