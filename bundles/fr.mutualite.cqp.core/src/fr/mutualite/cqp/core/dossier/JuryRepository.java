package fr.mutualite.cqp.core.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;

/** Jury sessions: their members and president, and their decisions domain by domain. */
public interface JuryRepository {

	/**
	 * The session {@code id} with its members and decisions. Each decision refers to its
	 * registration, read without booklets inside its candidate.
	 */
	Optional<Versioned<JurySession>> find(String id) throws CqpException;

	/** The ids of the sessions held between two days (both included), by date. */
	List<String> between(LocalDate from, LocalDate to) throws CqpException;

	/** The ids of the sessions that decided on the registration {@code registrationId}, by date. */
	List<String> deciding(String registrationId) throws CqpException;

	/**
	 * The decisions on the registration {@code registrationId}, each in its session (read with
	 * it), by date: what the jury's decision sheet and the certificate print.
	 */
	default List<JuryDecision> decisionsOn(String registrationId) throws CqpException {
		List<JuryDecision> decisions = new java.util.ArrayList<>();
		for (String session : deciding(registrationId)) {
			Optional<Versioned<JurySession>> read = find(session);
			if (read.isPresent()) {
				read.get().value().getDecisions().stream()
						.filter(d -> registrationId.equals(d.getRegistration().getId())).forEach(decisions::add);
			}
		}
		return decisions;
	}

	/**
	 * Issues, in one transaction, the certificate each decision of session {@code id} gives: a
	 * certificate of full award when every domain of the certification is then acquired (within
	 * the validity the registration's rules give, counted from the first jury that acquired it),
	 * a statement of partial award when some are; nothing for a refusal (no domain acquired).
	 * Numbers follow a sequence per certification and year ({@code CODE-YEAR-00001},
	 * {@code CODE-YEAR-P00002} for a partial award) that never goes back nor gives a number twice.
	 * The certificate a registration held before goes to its history. A registration whose
	 * current certificate is of this session's day keeps it: issuing twice changes nothing.
	 * Returns the certificates of the session by registration id, in the order of its decisions.
	 */
	Map<String, Certificate> issueCertificates(String id) throws CqpException;

	/** Adds a session with its members and decisions (their registrations must be stored). */
	Versioned<JurySession> create(JurySession session) throws CqpException;

	/** Saves an edited session; refused if it was saved since it was read. */
	Versioned<JurySession> save(Versioned<JurySession> edited) throws CqpException;
}
