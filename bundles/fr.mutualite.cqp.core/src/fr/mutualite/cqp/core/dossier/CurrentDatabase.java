package fr.mutualite.cqp.core.dossier;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * The application's database and referentials (an OSGi service): the database the user chose in
 * the preferences, opened once and shared by every view, editor and job, and the referentials
 * (shipped and of the user's data folder) its dossiers refer to. Changing the choice, or saving a
 * referential, reopens both for all through {@link #reopen()}.
 */
public interface CurrentDatabase {

	/** Asks the user what opening the database needs; {@code null} when they decline. */
	interface Credentials {
		/** The password of the user of a server database. */
		char[] password(StoreSettings settings);

		/**
		 * The boot password of an encrypted embedded database; {@code retry} when the previous
		 * one was wrong.
		 */
		char[] bootPassword(StoreSettings settings, boolean retry);
	}

	/** Told, on any thread, that the database or the referentials were reopened. */
	@FunctionalInterface
	interface Listener {
		void reopened();

		/** Told, on any thread, that the database was opened: {@link CurrentDatabase#role()} is known. */
		default void opened() {
			// most listeners only care about a reopening
		}
	}

	/** The database the user's preferences name now (without password). */
	StoreSettings settings();

	/**
	 * The open database, opened on first use; {@code credentials} is asked for a password when
	 * the database is on a server. Refuses in one sentence a database that does not exist.
	 */
	DossierStore store(Credentials credentials) throws CqpException;

	/** What the user of the open database may do; empty while it is not open. */
	java.util.Optional<Role> role();

	/** The referentials, read on first use; files left out are in their notices. */
	ReferentialLibrary referentials() throws CqpException;

	/** Closes the database and forgets the referentials: the next use opens them again. */
	void reopen();

	void addListener(Listener listener);

	void removeListener(Listener listener);
}
