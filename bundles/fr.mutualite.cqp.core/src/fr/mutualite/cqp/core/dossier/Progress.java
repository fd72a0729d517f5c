package fr.mutualite.cqp.core.dossier;

/** Told how far a long task went: {@code done} units of {@code total} (0 when unknown). */
@FunctionalInterface
public interface Progress {

	/** Progress that nobody watches. */
	Progress NONE = (done, total) -> {
		// nobody watches
	};

	void worked(long done, long total);
}
