package fr.mutualite.cqp.store;

/**
 * Derby's system-wide settings, set once before its engine boots in this process (embedded or
 * as the network server): the files Derby creates (databases, their logs, derby.log) are its
 * owner's alone, whatever the umask; the page cache holds the indexes of a branch.
 */
final class DerbySystem {

	private static final String PRIVATE_FILES = "derby.storage.useDefaultFilePermissions"; //$NON-NLS-1$
	/** Pages of 4 KiB Derby keeps in memory (1,000 by default): the indexes of a branch fit. */
	private static final String PAGE_CACHE = "derby.storage.pageCacheSize"; //$NON-NLS-1$

	private DerbySystem() {
	}

	static synchronized void prepare() {
		System.setProperty(PRIVATE_FILES, "false"); //$NON-NLS-1$
		if (System.getProperty(PAGE_CACHE) == null) {
			System.setProperty(PAGE_CACHE, "8000"); //$NON-NLS-1$
		}
	}
}
