package fr.mutualite.cqp.core.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the core bundle (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.core.internal.messages"; //$NON-NLS-1$

	public static String Product_name;
	public static String Product_versionLine;
	public static String Generator_noCertification;
	public static String Generator_noRules;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
