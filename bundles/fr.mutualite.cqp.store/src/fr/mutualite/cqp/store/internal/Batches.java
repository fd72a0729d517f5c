package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Insert statements of one connection, batched, flushed in the order they were first declared
 * (parents before children) once enough rows wait. A statement is prepared when it is first
 * used: opening a database declares the writes of every table, and most openings write none.
 */
final class Batches implements AutoCloseable {

	private static final int FLUSH_AT = 2000;

	private final Connection connection;
	/** The statements in the order they were declared, {@code null} until first used. */
	private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
	private final Map<PreparedStatement, int[]> pending = new HashMap<>();
	private int waiting;
	private long written;

	Batches(Connection connection) {
		this.connection = connection;
	}

	/** Declares the statements in the order their rows must reach the database. */
	void declare(String... sqls) {
		for (String sql : sqls) {
			statements.putIfAbsent(sql, null);
		}
	}

	/** The statement of {@code sql} (after those declared when it was not), to fill and then {@link #add}. */
	PreparedStatement get(String sql) throws SQLException {
		PreparedStatement statement = statements.get(sql);
		if (statement == null) {
			statement = connection.prepareStatement(sql);
			statements.put(sql, statement); // in its declared place
			pending.put(statement, new int[1]);
		}
		return statement;
	}

	/** Adds the row filled in {@code statement} to its batch. */
	void add(PreparedStatement statement) throws SQLException {
		statement.addBatch();
		pending.get(statement)[0]++;
		if (++waiting >= FLUSH_AT) {
			flush();
		}
	}

	/** Sends every waiting row, parents first. */
	void flush() throws SQLException {
		for (PreparedStatement statement : statements.values()) {
			int[] rows = statement == null ? null : pending.get(statement);
			if (rows != null && rows[0] > 0) {
				statement.executeBatch();
				written += rows[0];
				rows[0] = 0;
			}
		}
		waiting = 0;
	}

	/** Rows sent so far. */
	long written() {
		return written + waiting;
	}

	@Override
	public void close() throws SQLException {
		SQLException failure = null;
		for (PreparedStatement statement : statements.values()) {
			try {
				if (statement != null) {
					statement.close();
				}
			} catch (SQLException e) {
				failure = e;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}
