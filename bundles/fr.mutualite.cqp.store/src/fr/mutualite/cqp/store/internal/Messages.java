package fr.mutualite.cqp.store.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the store bundle (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.store.internal.messages"; //$NON-NLS-1$

	public static String Store_cannotCreateFolder;
	public static String Store_cannotOpen;
	public static String Store_inUse;
	public static String Store_closed;
	public static String Store_cannotClose;
	public static String Store_badCredentials;
	public static String Store_noServer;
	public static String Store_tooLong;
	public static String Store_busy;
	public static String Store_lost;
	public static String Store_failed;
	public static String Store_newerSchema;
	public static String Store_migrationFailed;
	public static String Store_ownerMustUpgrade;
	public static String Store_unknownCode;
	public static String Store_foreignModule;
	public static String Store_notFound;
	public static String Store_someone;
	public static String Store_noVisibleChange;
	public static String Store_stale;
	public static String Store_duplicateCandidate;
	public static String Store_duplicateRegistration;
	public static String Store_duplicateSession;
	public static String Store_duplicateTrainingBody;
	public static String Store_duplicateCompany;
	public static String Store_registrationLabel;
	public static String Store_sessionLabel;
	public static String Store_candidateLabel;
	public static String Store_companyLabel;
	public static String Store_trainingBodyLabel;
	public static String Bench_generating;
	public static String Bench_exporting;
	public static String Bench_listing;
	public static String Bench_importing;
	public static String Bench_derbyImport;
	public static String Bench_refusedRows;
	public static String Server_cannotSecure;
	public static String Server_alreadyRunning;
	public static String Server_cannotStart;
	public static String Server_noAnswer;
	public static String Server_notRunning;
	public static String Server_cannotStop;

	public static String Store_upgrading;
	public static String Store_upgraded;
	public static String Store_halfMigrated;
	public static String Store_unrepairable;
	public static String Store_seeLog;
	public static String Store_sqlState;
	public static String Store_missing;
	public static String Store_notADatabase;
	public static String Store_badFolderName;
	public static String Store_cannotCreate;
	public static String Store_cannotProtect;
	public static String Store_created;
	public static String Server_shortPassword;
	public static String Store_badPort;
	public static String Store_badHost;
	public static String Store_badDatabaseName;
	public static String Current_noPassword;
	public static String Store_noSession;
	public static String Store_noRulesForAward;
	public static String Backup_inside;
	public static String Backup_notFolder;
	public static String Backup_notEmpty;
	public static String Backup_failed;
	public static String Access_noRole;
	public static String Access_refused;
	public static String Users_notARole;
	public static String Users_bodyNeeded;
	public static String Users_bodyUnexpected;
	public static String Users_exists;
	public static String Users_unknownBody;
	public static String Users_unknown;
	public static String Users_notEvaluator;
	public static String Users_ownerOnly;
	public static String Users_badName;
	public static String Users_isOwner;
	public static String Server_creationRefused;
	public static String Server_creationLeft;
	public static String Store_unknownCandidate;
	public static String Store_unknownRegistration;
	public static String Encryption_shortPassword;
	public static String Encryption_badPassword;
	public static String Encryption_already;
	public static String Encryption_badBootPassword;
	public static String Store_alreadyErased;
	public static String Current_noBootPassword;
	public static String Current_wrongBootPassword;
		public static String Store_counting;

		public static String Bench_derbyTables;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
