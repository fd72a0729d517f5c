package fr.mutualite.cqp.core.dossier;

/**
 * What an import of registrations did.
 *
 * @param rows                 the rows imported (valid rows of the file)
 * @param candidatesAdded      new candidates
 * @param candidatesMatched    rows whose candidate was already in the store
 * @param registrationsAdded   new registrations
 * @param duplicates           rows whose registration was already in the store, left as it was
 * @param companiesAdded       new companies
 */
public record ImportReport(int rows, int candidatesAdded, int candidatesMatched, int registrationsAdded,
		int duplicates, int companiesAdded) {
}
