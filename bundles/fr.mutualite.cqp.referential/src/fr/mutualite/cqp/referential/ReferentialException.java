package fr.mutualite.cqp.referential;

/** A referential file that cannot be used; the message, translated, names the file and the problem. */
public class ReferentialException extends Exception {

	private static final long serialVersionUID = 1L;

	public ReferentialException(String message) {
		super(message);
	}

	public ReferentialException(String message, Throwable cause) {
		super(message, cause);
	}
}
