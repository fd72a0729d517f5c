package fr.mutualite.cqp.core.exchange;

import java.util.List;

import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.Registration;

/**
 * What a package brings to a database, decided before anything is written, and written by the
 * store in one transaction: companies and candidates it does not know (the candidates with their
 * registrations), registrations of candidates it knows, and registrations whose booklets the
 * package updates (at the version read when deciding: a save in between refuses the whole).
 *
 * @param companies     new companies
 * @param candidates    new candidates, each with its registrations and their booklets
 * @param registrations new registrations of known candidates
 * @param updates       registrations of the database, with the package's booklets
 */
public record ExchangePlan(List<Company> companies, List<Candidate> candidates, List<Added> registrations,
		List<Versioned<Registration>> updates) {

	/** A new registration of the known candidate {@code candidateId}. */
	public record Added(String candidateId, Registration registration) {
	}

	/** Whether the plan writes nothing. */
	public boolean isEmpty() {
		return companies.isEmpty() && candidates.isEmpty() && registrations.isEmpty() && updates.isEmpty();
	}
}
