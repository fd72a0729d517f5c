package fr.mutualite.cqp.ui.booklet.vae;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the VAE dossier editor (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.booklet.vae.messages"; //$NON-NLS-1$

	public static String Vae_dossier;
	public static String Vae_notStarted;
	public static String Vae_start;
	public static String Vae_admissibility;
	public static String Vae_admissibilityHint;
	public static String Vae_enough;
	public static String Vae_notEnough;
	public static String Vae_noRules;
	public static String Vae_positions;
	public static String Vae_positionsHint;
	public static String Vae_position;
	public static String Vae_addPosition;
	public static String Vae_removePosition;
	public static String Vae_addProof;
	public static String Vae_removeProof;
	public static String Vae_answersHint;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
