package fr.mutualite.cqp.core;

/**
 * A failure the user can act on. Its message is one sentence, already translated, that names
 * the problem (a file, a value, a database); the cause keeps the technical detail for the log.
 */
public class CqpException extends Exception {

	private static final long serialVersionUID = 1L;

	public CqpException(String message) {
		super(message);
	}

	public CqpException(String message, Throwable cause) {
		super(message, cause);
	}
}
