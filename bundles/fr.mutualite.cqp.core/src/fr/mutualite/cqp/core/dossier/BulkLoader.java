package fr.mutualite.cqp.core.dossier;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.referential.TrainingBody;

/**
 * Adds many new dossiers in one transaction, in batches: nothing is visible to others, and
 * nothing stays, unless {@link #commit()} is called; closing without it rolls everything back.
 * Each object is written when it is given and may be dropped by the caller afterwards.
 */
public interface BulkLoader extends AutoCloseable {

	/** Adds a training body, or replaces its approvals if it exists. */
	void trainingBody(TrainingBody body) throws CqpException;

	/** Adds a company. */
	void company(Company company) throws CqpException;

	/** Adds a jury session with its members (its decisions are given with {@link #decision}). */
	void session(JurySession session) throws CqpException;

	/** Adds a candidate with all its registrations and their booklets. */
	void candidate(Candidate candidate) throws CqpException;

	/** Adds a decision of a session already given, on a registration already given. */
	void decision(JuryDecision decision) throws CqpException;

	/** How many rows were written so far. */
	long rows();

	/** Makes everything given visible, at once. */
	void commit() throws CqpException;

	/** Rolls back what was not committed and releases the connection. */
	@Override
	void close() throws CqpException;
}
