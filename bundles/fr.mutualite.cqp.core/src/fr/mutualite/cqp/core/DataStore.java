package fr.mutualite.cqp.core;

import java.sql.Connection;

/**
 * A database of the product (an embedded Derby folder, or a Derby network server). Reports and
 * services obtain their JDBC connections here; user interfaces never do.
 */
public interface DataStore extends AutoCloseable {

	/** A new connection to the database; the caller closes it. */
	Connection connect() throws CqpException;

	/** Where the data lives, for messages (a folder, or host and port). */
	String location();

	/** Releases the database; connections obtained before stop working. */
	@Override
	void close() throws CqpException;
}
