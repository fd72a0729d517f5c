package fr.mutualite.cqp.core.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.model.dossier.Candidate;

/**
 * Candidates' identities. A candidate is matched on a stable key (see {@link Identity}): the
 * store never holds two candidates with the same name, first name and birth date.
 */
public interface CandidateRepository {

	/** The candidate {@code id}, without registrations. */
	Optional<Versioned<Candidate>> find(String id) throws CqpException;

	/**
	 * The id of the person with this identity (their stable key), whether or not the user may read
	 * their dossier: a training body registering a person another body follows learns the id, and
	 * the registration it adds then brings the person into its scope. Empty for a new person.
	 */
	Optional<String> knownId(String lastName, String firstName, LocalDate birthDate) throws CqpException;

	/** The candidate with this identity, without registrations. */
	Optional<Versioned<Candidate>> findByIdentity(String lastName, String firstName, LocalDate birthDate)
			throws CqpException;

	/**
	 * Adds a candidate (its identity and company; its registrations are added with
	 * {@link RegistrationRepository#create}). An id is given when it has none.
	 */
	Versioned<Candidate> create(Candidate candidate) throws CqpException;

	/** Saves an edited identity; refused if the candidate was saved since it was read. */
	Versioned<Candidate> save(Versioned<Candidate> edited) throws CqpException;

	/** Candidates whose name or first name starts with {@code text}, at most {@code limit}. */
	List<Versioned<Candidate>> search(String text, int limit) throws CqpException;

	/** How many candidates the store holds. */
	int count() throws CqpException;

	/**
	 * Erases the candidate {@code id}'s personal data at their request (GDPR): name, birth date,
	 * e-mail, and the free texts of their booklets (answers, comments, reviews, experience,
	 * proofs, the jury's advice) are removed, the evaluations, decisions and certificates kept,
	 * so that every statistic stays as it was; recorded in the audit trail. The branch's
	 * administrators only; refused for a candidate already erased.
	 */
	void erase(String id) throws CqpException;

	/**
	 * Everything the database holds about the candidate {@code id} (GDPR right of access), read in
	 * one transaction. The branch's administrators only; refused for an unknown candidate.
	 */
	PersonalData personalData(String id) throws CqpException;

	/** Records in the candidate's audit trail that their personal data were handed to them. */
	void recordPersonalDataExport(String id) throws CqpException;

	/**
	 * The retention rule applied on {@code asOf} (see {@link Retention}): the personal data of
	 * every candidate whose data are no longer to be kept are erased as {@link #erase} does, in one
	 * transaction, each recorded in the audit trail; with {@code apply} false, only told. The
	 * branch's administrators only.
	 */
	Retention.Report applyRetention(java.time.LocalDate asOf, boolean apply) throws CqpException;
}
