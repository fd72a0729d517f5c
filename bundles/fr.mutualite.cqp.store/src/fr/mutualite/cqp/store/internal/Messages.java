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

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
