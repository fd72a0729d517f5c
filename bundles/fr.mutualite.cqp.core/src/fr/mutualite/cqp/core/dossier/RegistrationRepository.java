package fr.mutualite.cqp.core.dossier;

import java.util.List;
import java.util.Optional;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.model.dossier.Registration;

/**
 * Registrations and the content of their booklets (orientation guide, training path, formative
 * evaluations, tutor grids and reviews, final evaluation, VAE dossier, certificate), read and
 * saved together, in one transaction, under one version.
 */
public interface RegistrationRepository {

	/**
	 * The registration {@code id} with all its booklets. It is contained in its candidate (identity
	 * only), and refers to the loaded referentials.
	 */
	Optional<Versioned<Registration>> find(String id) throws CqpException;

	/**
	 * The registration {@code id} with all its booklets, inside its candidate, both with their
	 * versions: what an editor of the dossier opens.
	 */
	Optional<CandidateDossier> dossier(String id) throws CqpException;

	/**
	 * Saves the candidate's identity and the registration with its booklets, in one transaction.
	 * Refused with a {@link StaleVersionException}, nothing written, if either was saved since it
	 * was read. Returns both with their new versions.
	 */
	CandidateDossier save(CandidateDossier edited) throws CqpException;

	/** Adds {@code registration} (with whatever booklets it has) to the candidate {@code candidateId}. */
	Versioned<Registration> create(String candidateId, Registration registration) throws CqpException;

	/**
	 * Saves an edited registration and its booklets in one transaction. Refused with a
	 * {@link StaleVersionException}, nothing written, if it was saved since it was read.
	 */
	Versioned<Registration> save(Versioned<Registration> edited) throws CqpException;

	/** The registrations of a candidate. */
	List<RegistrationSummary> ofCandidate(String candidateId) throws CqpException;

	/** The registrations followed by a training body, by candidate name. */
	List<RegistrationSummary> ofTrainingBody(String trainingBodyCode) throws CqpException;

	/**
	 * The registrations counted by training body (by name, those without one last) and
	 * certification, of the candidates whose name or first name starts with {@code name}
	 * (case does not matter; every candidate when it is empty). One query, whatever the size.
	 */
	List<RegistrationGroup> groups(String name) throws CqpException;

	/**
	 * The registrations of one group ({@code trainingBodyCode} null for those without a training
	 * body), of the candidates whose name or first name starts with {@code name}, by candidate
	 * name: at most {@code limit} of them, from the {@code offset}-th.
	 */
	List<RegistrationSummary> page(String trainingBodyCode, String certificationCode, String name, int offset, int limit)
			throws CqpException;

	/** How many registrations the store holds. */
	int count() throws CqpException;
}
