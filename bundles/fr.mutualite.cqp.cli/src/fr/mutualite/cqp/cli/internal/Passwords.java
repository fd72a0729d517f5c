package fr.mutualite.cqp.cli.internal;

import java.io.Console;
import java.util.Arrays;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;

/**
 * Passwords of databases: read from the environment (for scripts) or asked on the terminal,
 * never taken from the command line, where other users of the machine would see them.
 */
final class Passwords {

	/** The password of the database's user. */
	static final String DATABASE = "CQP_DB_PASSWORD"; //$NON-NLS-1$
	/** The boot password of an encrypted embedded database. */
	static final String BOOT = "CQP_BOOT_PASSWORD"; //$NON-NLS-1$
	/** The password of a user being added. */
	static final String NEW_USER = "CQP_NEW_PASSWORD"; //$NON-NLS-1$

	private Passwords() {
	}

	/** The password in {@code variable}, or {@code null}. */
	static char[] fromEnvironment(String variable) {
		String value = System.getenv(variable);
		return value == null || value.isEmpty() ? null : value.toCharArray();
	}

	/** The password in {@code variable}, else asked on the terminal for {@code who}. */
	static char[] get(String variable, String who, boolean confirm) throws CqpException {
		char[] password = fromEnvironment(variable);
		if (password != null) {
			return password;
		}
		Console console = System.console();
		if (console == null) {
			throw new CqpException(NLS.bind(Messages.Password_needed, who, variable));
		}
		char[] typed = console.readPassword(NLS.bind(Messages.Password_prompt, who));
		if (typed == null || typed.length == 0) {
			throw new CqpException(NLS.bind(Messages.Password_needed, who, variable));
		}
		if (confirm) {
			char[] again = console.readPassword(Messages.Password_confirm);
			if (!Arrays.equals(typed, again)) {
				throw new CqpException(Messages.Password_mismatch);
			}
		}
		return typed;
	}
}
