package fr.mutualite.cqp.core.dossier;

import java.util.function.Consumer;

import fr.mutualite.cqp.core.CqpException;

/**
 * Registrations given one by one, as a file is read: an import writes each as it comes, so a file
 * is never held whole in memory.
 */
@FunctionalInterface
public interface RegistrationSource {

	/** Gives every row to {@code rows}, in order; a failure stops the giving. */
	void forEach(Consumer<RegistrationRow> rows) throws CqpException;
}
