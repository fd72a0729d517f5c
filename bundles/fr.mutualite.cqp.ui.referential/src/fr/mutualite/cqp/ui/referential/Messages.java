package fr.mutualite.cqp.ui.referential;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the referential editor (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.referential.messages"; //$NON-NLS-1$

	public static String Page_overview;
	public static String Page_structure;
	public static String Page_structureHint;
	public static String Page_booklets;
	public static String Page_bookletsHint;
	public static String Page_rules;
	public static String Page_rulesHint;
	public static String Page_details;
	public static String Page_detailsHint;
	public static String Overview_certification;
	public static String Overview_certificationHint;
	public static String Overview_version;
	public static String Editor_badInput;
	public static String Editor_unknown;
	public static String Editor_shipped;
	public static String Editor_file;
	public static String Editor_saveFailedTitle;
	public static String Editor_saveFailed;
	public static String Label_domainUse;
	public static String Label_coded;
	public static String Command_failed;
	public static String Attach_title;
	public static String Compare_title;
	public static String Compare_none;
	public static String Compare_choose;
	public static String Compare_version;
	public static String NewVersion_title;
	public static String NewVersion_heading;
	public static String NewVersion_message;
	public static String NewVersion_number;
	public static String NewVersion_start;
	public static String NewVersion_noNumber;
	public static String NewVersion_create;
	public static String Diff_kind;
	public static String Diff_element;
	public static String Diff_feature;
	public static String Diff_words;
	public static String Diff_added;
	public static String Diff_removed;
	public static String Diff_changed;
	public static String Diff_none;
	public static String Diff_header;
	public static String Wordings_kind;
	public static String Wordings_booklet;
	public static String Wordings_element;
	public static String Wordings_referential;
	public static String Wordings_other;
	public static String Wordings_certification;
	public static String Wordings_different;
	public static String Wordings_added;
	public static String Wordings_omitted;
	public static String Wordings_moved;
	public static String Wordings_noEditor;
	public static String Wordings_summary;

	public static String AttachCompetence_title;
	public static String AttachCompetence_noDomain;
	public static String Label_shared;
	public static String Case_exportTitle;
	public static String Case_importTitle;
	public static String Case_dirty;
	public static String Case_unchanged;
	public static String Case_preview;
	public static String Case_apply;
	public static String Case_nothing;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
