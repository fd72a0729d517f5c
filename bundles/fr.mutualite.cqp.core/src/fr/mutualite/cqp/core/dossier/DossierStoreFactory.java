package fr.mutualite.cqp.core.dossier;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Opens databases of dossiers (an OSGi service). Opening creates the database if needed, brings
 * its schema up to date, and refuses a database written by a newer version of the product.
 */
public interface DossierStoreFactory {

	/** Opens the database {@code settings} name, whose dossiers refer to {@code library}. */
	DossierStore open(StoreSettings settings, ReferentialLibrary library) throws CqpException;
}
