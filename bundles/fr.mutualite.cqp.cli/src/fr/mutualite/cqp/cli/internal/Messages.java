package fr.mutualite.cqp.cli.internal;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the commands (French by default, English in messages_en). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.cli.internal.messages"; //$NON-NLS-1$

	public static String Cli_unknownCommand;
	public static String Cli_unknownOption;
	public static String Cli_missing;
	public static String Cli_badArguments;
	public static String Cli_unexpected;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
