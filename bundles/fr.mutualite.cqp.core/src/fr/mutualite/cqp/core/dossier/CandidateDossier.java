package fr.mutualite.cqp.core.dossier;

import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Registration;

/**
 * What the dossier and booklet editors open: a candidate's identity and one of their
 * registrations with all its booklets, read together (the registration is contained in the
 * candidate) and saved together, in one transaction.
 *
 * @param candidate    the candidate, as read, with its version
 * @param registration the registration, inside {@code candidate}, with its version
 */
public record CandidateDossier(Versioned<Candidate> candidate, Versioned<Registration> registration) {
}
