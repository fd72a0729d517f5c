package fr.mutualite.cqp.store.routines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.apache.derby.vti.VTITemplate;

/**
 * The body of the database table functions {@code CQP.STAGED_CANDIDATES} and
 * {@code CQP.STAGED_REGISTRATIONS} (migrations 011 and 013): the rows an import of this process has
 * staged for the statement its thread runs, offered by {@link #offer}, each column a value of its
 * JDBC type ({@link String}, {@link Integer}, {@link Boolean}); days and times are text, which the
 * {@code INSERT} stores in its {@code DATE} and {@code TIMESTAMP} columns (Derby reads a
 * {@code DATE} a function gives through three calendars, text through one).
 * An {@code INSERT} fed by such a function into an empty table is loaded by Derby in bulk, as
 * its own import procedure is. Called from another process (the network server's), or when no
 * import offers rows, a function gives no row: the import checks how many rows it loaded.
 * Derby loads this class by name: the package is exported for that alone.
 */
public final class StagedRows extends VTITemplate {

	/** The candidates' function's name in {@link #offer}. */
	public static final String CANDIDATES = "CANDIDATES"; //$NON-NLS-1$
	/** The registrations' function's name in {@link #offer}. */
	public static final String REGISTRATIONS = "REGISTRATIONS"; //$NON-NLS-1$

	private static final ThreadLocal<Map<String, List<Object[]>>> OFFERED = new ThreadLocal<>();

	private final List<Object[]> rows;
	private int next;
	private Object last;

	private StagedRows(List<Object[]> rows) {
		this.rows = rows == null ? List.of() : rows;
	}

	/**
	 * Offers {@code rows}, by function ({@link #CANDIDATES}, {@link #REGISTRATIONS}), to the
	 * statements this thread runs until the returned offer is closed.
	 */
	public static Offer offer(Map<String, List<Object[]>> rows) {
		OFFERED.set(rows);
		return OFFERED::remove;
	}

	/** Rows offered, until closed. */
	public interface Offer extends AutoCloseable {
		@Override
		void close();
	}

	/** The candidates offered. */
	public static ResultSet candidates() {
		return of(CANDIDATES);
	}

	/** The registrations offered. */
	public static ResultSet registrations() {
		return of(REGISTRATIONS);
	}

	private static ResultSet of(String function) {
		Map<String, List<Object[]>> offered = OFFERED.get();
		return new StagedRows(offered == null ? null : offered.get(function));
	}

	@Override
	public boolean next() {
		return next++ < rows.size();
	}

	@Override
	public void close() {
		next = rows.size();
	}

	@Override
	public boolean wasNull() {
		return last == null;
	}

	private Object value(int column) throws SQLException {
		if (next < 1 || next > rows.size()) {
			throw new SQLException("No current row"); //$NON-NLS-1$
		}
		last = rows.get(next - 1)[column - 1];
		return last;
	}

	@Override
	public String getString(int column) throws SQLException {
		return (String) value(column);
	}

	@Override
	public int getInt(int column) throws SQLException {
		Object value = value(column);
		return value == null ? 0 : ((Integer) value).intValue();
	}

	@Override
	public boolean getBoolean(int column) throws SQLException {
		Object value = value(column);
		return value != null && ((Boolean) value).booleanValue();
	}
}
