package fr.mutualite.cqp.core.dossier;

import java.util.List;
import java.util.Optional;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.model.referential.TrainingBody;

/**
 * Training bodies and their approvals. A new database starts with the bodies of the shipped
 * referential; the branch then keeps them here.
 */
public interface TrainingBodyRepository {

	/** Every training body, by name. */
	List<TrainingBody> list() throws CqpException;

	/** The training body {@code code}. */
	Optional<Versioned<TrainingBody>> find(String code) throws CqpException;

	/** Adds a training body. */
	Versioned<TrainingBody> create(TrainingBody body) throws CqpException;

	/** Saves an edited training body; refused if it was saved since it was read. */
	Versioned<TrainingBody> save(Versioned<TrainingBody> edited) throws CqpException;
}
