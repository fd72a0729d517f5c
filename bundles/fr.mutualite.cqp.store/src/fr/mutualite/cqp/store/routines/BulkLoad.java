package fr.mutualite.cqp.store.routines;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The body of the database table function {@code CQP.LOAD_IN_BULK} (migration 009): one row of
 * one column. Read by the query of an {@code INSERT}, it has Derby load the rows in bulk when the
 * table is empty (rows written unlogged, indexes built by sorting), within the transaction.
 * Derby loads this class by name (its bundle imports packages dynamically): the package is
 * exported for that alone.
 */
public final class BulkLoad {

	private BulkLoad() {
	}

	/** One row; Derby closes it with the statement that reads it. */
	public static ResultSet row() throws SQLException {
		return Nested.connection().createStatement().executeQuery("VALUES 1"); //$NON-NLS-1$
	}
}
