package fr.mutualite.cqp.core.dossier;

import java.util.List;
import java.util.function.Consumer;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Opens databases of dossiers (an OSGi service). Opening brings the schema up to date and
 * refuses a database written by a newer version of the product; only an opening that asks for it
 * creates a missing database.
 */
public interface DossierStoreFactory {

	/** Whether a missing database is an error or is created. */
	enum Opening {
		/** The database must exist: commands that read, the application. */
		EXISTING,
		/** A missing embedded database is created: commands whose purpose is to fill one. */
		CREATE_IF_MISSING
	}

	/**
	 * Opens the database {@code settings} name, whose dossiers refer to {@code library};
	 * {@code notices} is told, in one sentence each, when the database is created or upgraded.
	 */
	DossierStore open(StoreSettings settings, ReferentialLibrary library, Opening opening, Consumer<String> notices)
			throws CqpException;

	/**
	 * Refuses, in one sentence, settings that name no database: an embedded folder that holds
	 * none, a server address no client could reach (a port outside 1-65535, connection options
	 * hidden in a name). Nothing is opened or created.
	 */
	void check(StoreSettings settings) throws CqpException;

	/**
	 * Repairs the embedded database {@code settings} name when an older release, stopped during an
	 * upgrade, left steps applied but not recorded: records them once the database's structure is
	 * checked to be exactly theirs; refuses a structure that matches no version. Returns the ids
	 * of the steps recorded (none when there was nothing to repair).
	 */
	List<String> repair(StoreSettings settings) throws CqpException;

	/** Opens the existing database {@code settings} name. */
	default DossierStore open(StoreSettings settings, ReferentialLibrary library) throws CqpException {
		return open(settings, library, Opening.EXISTING, notice -> {
			// nobody to tell
		});
	}
}
