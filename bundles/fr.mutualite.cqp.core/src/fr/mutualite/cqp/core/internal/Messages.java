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
	public static String Print_filledBy;
	public static String Print_missingBooklet;
	public static String Print_version;
	public static String Print_candidate;
	public static String Print_birthDate;
	public static String Print_registration;
	public static String Print_registrationValue;
	public static String Print_company;
	public static String Print_trainingBody;
	public static String Print_evaluator1;
	public static String Print_evaluator2;
	public static String Print_tutor;
	public static String Print_modality;
	public static String Print_domain;
	public static String Print_directEvaluation;
	public static String Print_plannedModule;
	public static String Print_module;
	public static String Print_certificateAttached;
	public static String Print_formative;
	public static String Print_achieved;
	public static String Print_notAchieved;
	public static String Print_trainerComment;
	public static String Print_activities;
	public static String Print_dates;
	public static String Print_conditions;
	public static String Print_mastered;
	public static String Print_agree;
	public static String Print_evaluatorsComment;
	public static String Print_signedBy;
	public static String Print_juryOf;
	public static String Print_acquired;
	public static String Print_notAcquired;
	public static String Print_experienceSection;
	public static String Print_cv;
	public static String Print_accompaniment;
	public static String Print_blankPeriod;
	public static String Print_period;
	public static String Print_ongoing;
	public static String Print_relevant;
	public static String Print_notRelevant;
	public static String Print_proof;
	public static String Print_reviewsSection;
	public static String Print_blankReview;
	public static String Print_strengths;
	public static String Print_objectives;
	public static String Print_review;
	public static String Print_strengthsValue;
	public static String Print_objectivesValue;
	public static String Print_declarationSection;
	public static String Print_declaration;
	public static String Print_signature;
	public static String Print_signed;
	public static String Print_jurySection;
	public static String Print_blankSession;
	public static String Print_blankMembers;
	public static String Print_blankPresident;
	public static String Print_award;
	public static String Print_session;
	public static String Print_president;
	public static String Print_member;
	public static String Print_fullAward;
	public static String Print_partialAward;
	public static String Print_yes;
	public static String Print_no;
	public static String Print_blankModules;
	public static String Print_blankModule;
	public static String Print_blankFormative;
	public static String Print_vaeExamples;
	public static String Print_answer;
	public static String Print_emptyDomain;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
