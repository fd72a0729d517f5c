package fr.mutualite.cqp.store.routines;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;

/**
 * The body of the database table function {@code CQP.LOAD_IN_BULK} (migration 009): one row of
 * one column. Joined to the query of an {@code INSERT}, it has Derby load the rows in bulk when
 * the table is empty (rows written unlogged, indexes built by sorting), within the transaction.
 * Derby loads this class by name (its bundle imports packages dynamically): the package is
 * exported for that alone.
 */
public final class BulkLoad {

	private static final String NESTED = "jdbc:default:connection"; //$NON-NLS-1$

	private BulkLoad() {
	}

	/** One row; Derby closes it with the statement that reads it. */
	public static ResultSet row() throws SQLException {
		Connection c = new EmbeddedDriver().connect(NESTED, new Properties());
		return c.createStatement().executeQuery("VALUES 1"); //$NON-NLS-1$
	}
}
