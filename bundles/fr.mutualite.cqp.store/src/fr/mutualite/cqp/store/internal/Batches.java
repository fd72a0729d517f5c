package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Insert statements of one connection, batched, flushed in the order they were first declared
 * (parents before children) once enough rows wait.
 */
final class Batches implements AutoCloseable {

	private static final int FLUSH_AT = 2000;

	private final Connection connection;
	private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
	private final Map<PreparedStatement, int[]> pending = new LinkedHashMap<>();
	private int waiting;
	private long written;

	Batches(Connection connection) {
		this.connection = connection;
	}

	/** Declares the statements in the order their rows must reach the database. */
	void declare(String... sqls) throws SQLException {
		for (String sql : sqls) {
			if (!statements.containsKey(sql)) {
				PreparedStatement statement = connection.prepareStatement(sql);
				statements.put(sql, statement);
				pending.put(statement, new int[1]);
			}
		}
	}

	/** The statement of {@code sql}, to fill and then {@link #add}. */
	PreparedStatement get(String sql) throws SQLException {
		PreparedStatement statement = statements.get(sql);
		if (statement == null) {
			declare(sql);
			statement = statements.get(sql);
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
		for (Map.Entry<PreparedStatement, int[]> e : pending.entrySet()) {
			if (e.getValue()[0] > 0) {
				e.getKey().executeBatch();
				written += e.getValue()[0];
				e.getValue()[0] = 0;
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
				statement.close();
			} catch (SQLException e) {
				failure = e;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}
