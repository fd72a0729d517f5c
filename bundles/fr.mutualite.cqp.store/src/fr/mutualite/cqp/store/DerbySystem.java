package fr.mutualite.cqp.store;

/**
 * Derby's system-wide settings, set once before its engine boots in this process (embedded or
 * as the network server): the files Derby creates (databases, their logs, derby.log) are its
 * owner's alone, whatever the umask.
 */
final class DerbySystem {

	private static final String PRIVATE_FILES = "derby.storage.useDefaultFilePermissions"; //$NON-NLS-1$

	private DerbySystem() {
	}

	static synchronized void prepare() {
		System.setProperty(PRIVATE_FILES, "false"); //$NON-NLS-1$
	}
}
