package fr.mutualite.cqp.store.routines;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;

/** The connection a database routine runs in: its caller's, in the caller's transaction. */
final class Nested {

	private Nested() {
	}

	static Connection connection() throws SQLException {
		return new EmbeddedDriver().connect("jdbc:default:connection", new Properties()); //$NON-NLS-1$
	}
}
