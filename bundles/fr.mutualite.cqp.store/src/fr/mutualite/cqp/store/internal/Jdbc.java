package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;

/** Small JDBC helpers: transactions, and the conversions between the model's values and SQL. */
public final class Jdbc {

	/** Work done with a connection. */
	@FunctionalInterface
	public interface Work<T> {
		T run(Connection connection) throws SQLException, CqpException;
	}

	private Jdbc() {
	}

	/** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
	public static <T> T transaction(DataStore store, Work<T> work) throws CqpException {
		try (Connection connection = store.connect()) {
			connection.setAutoCommit(false);
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			} catch (SQLException | CqpException | RuntimeException | Error e) {
				rollback(connection);
				throw e;
			}
		} catch (SQLException e) {
			throw SqlErrors.failure(store.location(), e);
		}
	}

	/** Runs {@code work} reading committed data. */
	public static <T> T read(DataStore store, Work<T> work) throws CqpException {
		try (Connection connection = store.connect()) {
			return work.run(connection);
		} catch (SQLException e) {
			throw SqlErrors.failure(store.location(), e);
		}
	}

	/** Whether {@code sql}, given {@code values} for its parameters, finds a row. */
	public static boolean exists(Connection c, String sql, String... values) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				s.setString(i + 1, values[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				return r.next();
			}
		}
	}

	/** Rolls back, keeping the failure that led here as the one reported. */
	public static void rollback(Connection connection) {
		try {
			connection.rollback();
		} catch (SQLException ignored) {
			// the connection is gone: Derby rolls back on its own
		}
	}

	public static void setString(PreparedStatement s, int index, String value) throws SQLException {
		if (value == null) {
			s.setNull(index, Types.VARCHAR);
		} else {
			s.setString(index, value);
		}
	}

	public static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
		if (value == null) {
			s.setNull(index, Types.INTEGER);
		} else {
			s.setInt(index, value.intValue());
		}
	}

	public static void setDay(PreparedStatement s, int index, LocalDate value) throws SQLException {
		if (value == null) {
			s.setNull(index, Types.DATE);
		} else {
			s.setDate(index, java.sql.Date.valueOf(value));
		}
	}

	public static void setTime(PreparedStatement s, int index, Instant value) throws SQLException {
		s.setTimestamp(index, Timestamp.from(value));
	}

	/** The calendar day of a DATE column, or {@code null}. */
	public static LocalDate day(ResultSet r, int column) throws SQLException {
		java.sql.Date value = r.getDate(column);
		return value == null ? null : value.toLocalDate();
	}

	public static Integer integer(ResultSet r, int column) throws SQLException {
		int value = r.getInt(column);
		return r.wasNull() ? null : Integer.valueOf(value);
	}

	public static Instant time(ResultSet r, int column) throws SQLException {
		Timestamp value = r.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
