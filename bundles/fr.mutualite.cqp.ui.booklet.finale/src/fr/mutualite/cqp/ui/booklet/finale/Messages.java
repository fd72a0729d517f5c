package fr.mutualite.cqp.ui.booklet.finale;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the final evaluation editor (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.booklet.finale.messages"; //$NON-NLS-1$

	public static String Final_evaluation;
	public static String Final_notStarted;
	public static String Final_start;
	public static String Final_evaluators;
	public static String Final_evaluator1;
	public static String Final_evaluator2;
	public static String Final_declaration;
	public static String Final_candidateAnswers;
	public static String Final_sheet;
	public static String Final_evaluate;
	public static String Final_evaluateAgain;
	public static String Final_datesHint;
	public static String Final_conditionsAsked;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
