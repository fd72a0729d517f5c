package fr.mutualite.cqp.core.dossier;

import java.time.Instant;

import org.eclipse.emf.ecore.EObject;

/**
 * A dossier as read from the store, with the version it had then. Saving it back succeeds only if
 * nobody saved the same dossier in between; otherwise a {@link StaleVersionException} says who did.
 *
 * @param value     the dossier, to read and edit
 * @param version   its version in the store when it was read (1 when created)
 * @param updatedBy who saved that version
 * @param updatedAt when
 */
public record Versioned<T extends EObject>(T value, int version, String updatedBy, Instant updatedAt) {
}
