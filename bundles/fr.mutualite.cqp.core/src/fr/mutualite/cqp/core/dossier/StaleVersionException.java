package fr.mutualite.cqp.core.dossier;

import java.time.Instant;
import java.util.List;

import fr.mutualite.cqp.core.CqpException;

/**
 * A save refused because the dossier was saved by someone else after it was read. Nothing was
 * written; the message says who saved, when, and which parts of the dossier they changed.
 */
public final class StaleVersionException extends CqpException {

	private static final long serialVersionUID = 1L;

	private final int expectedVersion;
	private final int currentVersion;
	private final String changedBy;
	private final transient Instant changedAt;
	private final List<String> changedParts;

	public StaleVersionException(String message, int expectedVersion, int currentVersion, String changedBy,
			Instant changedAt, List<String> changedParts) {
		super(message);
		this.expectedVersion = expectedVersion;
		this.currentVersion = currentVersion;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
		this.changedParts = List.copyOf(changedParts);
	}

	/** The version the refused save was based on. */
	public int expectedVersion() {
		return expectedVersion;
	}

	/** The version in the store. */
	public int currentVersion() {
		return currentVersion;
	}

	/** Who saved the current version. */
	public String changedBy() {
		return changedBy;
	}

	/** When the current version was saved. */
	public Instant changedAt() {
		return changedAt;
	}

	/** The parts of the dossier changed since the expected version, translated. */
	public List<String> changedParts() {
		return changedParts;
	}
}
