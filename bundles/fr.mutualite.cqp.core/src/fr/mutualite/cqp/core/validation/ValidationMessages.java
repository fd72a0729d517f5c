package fr.mutualite.cqp.core.validation;

import org.eclipse.osgi.util.NLS;

/** Messages of the validation rules (French by default, English in messages_en). */
public final class ValidationMessages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.core.validation.messages"; //$NON-NLS-1$

	public static String REF_01_incomplete;
	public static String REF_01_noBooklets;
	public static String REF_02_noCompetences;
	public static String REF_02_noCriteria;
	public static String REF_03_numbers;
	public static String REF_04_sectionDomain;
	public static String REF_05_itemElement;
	public static String REF_06_scaleTarget;
	public static String REF_07_hours;
	public static String REF_07_jury;
	public static String REF_07_positive;
	public static String REF_08_overlap;
	public static String REF_09_approvalExpired;
	public static String REF_10_sharedContact;
	public static String REF_12_foreignWording;
	public static String REF_11_validity;
	public static String DOS_00_noRules;
	public static String DOS_01_noOrientation;
	public static String DOS_02_deadline;
	public static String DOS_03_notApproved;
	public static String DOS_03_approvalExpired;
	public static String DOS_04_moduleDomains;
	public static String DOS_04_foreignDomain;
	public static String DOS_05_tooManyHours;
	public static String DOS_05_fullPathHours;
	public static String DOS_06_missingFormative;
	public static String DOS_07_trainerComment;
	public static String DOS_08_noResit;
	public static String DOS_09_resit;
	public static String DOS_10_evaluators;
	public static String DOS_10_comment;
	public static String DOS_10_disagree;
	public static String DOS_10_signature;
	public static String DOS_10_notExercised;
	public static String DOS_11_vae;
	public static String DOS_13_composition;
	public static String DOS_14_president;
	public static String DOS_15_alternation;
	public static String DOS_16_decisionDomains;
	public static String DOS_16_missing;
	public static String DOS_16_repeated;
	public static String DOS_16_foreign;
	public static String DOS_16_withdrawn;
	public static String DOS_17_fullAward;
	public static String DOS_18_bonus;
	public static String DOS_19_ratingLevel;
	public static String Duration_yearsDays;
	public static String Side_EMPLOYER;
	public static String Side_EMPLOYEE;

	public static String REF_13_ownCompetence;
	public static String REF_13_noDomain;
	public static String DOS_11_noReason;
	public static String DOS_11_juryInadmissible;
	public static String DOS_20_noBooklet;
	public static String DOS_20_notComplete;
	public static String DOS_21_conditions;
	public static String DOS_21_none;
	public static String REF_07_retention;
	static {
		NLS.initializeMessages(BUNDLE_NAME, ValidationMessages.class);
	}

	private ValidationMessages() {
	}
}
