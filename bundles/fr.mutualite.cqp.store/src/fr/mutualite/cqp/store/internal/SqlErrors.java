package fr.mutualite.cqp.store.internal;

import java.sql.SQLException;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.StoreSettings;

/** Turns Derby's errors into one sentence a user can act on. */
public final class SqlErrors {

	/** Another JVM has booted the database. */
	private static final String ALREADY_BOOTED = "XSDB6"; //$NON-NLS-1$
	/** Authentication refused. */
	private static final String BAD_CREDENTIALS = "08004"; //$NON-NLS-1$
	/** An encrypted database booted without its boot password, or with a wrong one. */
	private static final String BAD_BOOT_PASSWORD = "XBM06"; //$NON-NLS-1$
	/** No server at that address. */
	private static final String NO_SERVER = "08001"; //$NON-NLS-1$
	/** A value too long for its column. */
	private static final String TOO_LONG = "22001"; //$NON-NLS-1$
	/** A check constraint violated; a privilege missing (on a table, a column, a routine). */
	private static final String CHECK = "23513", NO_TABLE_PRIVILEGE = "42500", NO_COLUMN_PRIVILEGE = "42502", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			NO_ROUTINE_PRIVILEGE = "42504"; //$NON-NLS-1$
	/** The constraint the access rules' guards violate. */
	private static final String ACCESS_REFUSED = "ACCESS_REFUSED"; //$NON-NLS-1$
	/** A lock not obtained in time, or a deadlock. */
	private static final String LOCK_TIMEOUT = "40XL1", DEADLOCK = "40001"; //$NON-NLS-1$ //$NON-NLS-2$

	private SqlErrors() {
	}

	/** Why the embedded database {@code location} could not be opened. */
	public static String openFailure(String location, SQLException e) {
		if (has(e, ALREADY_BOOTED)) {
			return NLS.bind(Messages.Store_inUse, location);
		}
		if (has(e, BAD_CREDENTIALS)) {
			return NLS.bind(Messages.Store_badCredentials, location);
		}
		if (has(e, BAD_BOOT_PASSWORD)) {
			return NLS.bind(Messages.Encryption_badBootPassword, location);
		}
		return NLS.bind(Messages.Store_cannotOpen, location, detail(e));
	}

	/** Why the server of {@code settings} could not be reached. */
	public static String serverFailure(StoreSettings settings, SQLException e) {
		if (has(e, NO_SERVER)) {
			return NLS.bind(Messages.Store_noServer, settings.host() + ':' + settings.port());
		}
		if (has(e, BAD_CREDENTIALS)) {
			return NLS.bind(Messages.Store_badCredentials, settings.location());
		}
		return NLS.bind(Messages.Store_cannotOpen, settings.location(), detail(e));
	}

	/** Whether {@code e} is an encrypted database refusing its boot password (missing or wrong). */
	public static boolean wrongBootPassword(Throwable e) {
		return has(e, BAD_BOOT_PASSWORD);
	}

	/** Why a read or a write on {@code location} failed; nothing was written. */
	public static CqpException failure(String location, SQLException e) {
		String message;
		if (refused(e)) {
			message = NLS.bind(Messages.Access_refused, location);
		} else if (has(e, TOO_LONG)) {
			message = NLS.bind(Messages.Store_tooLong, location);
		} else if (has(e, LOCK_TIMEOUT) || has(e, DEADLOCK)) {
			message = NLS.bind(Messages.Store_busy, location);
		} else if (has(e, NO_SERVER) || "08006".equals(e.getSQLState())) { //$NON-NLS-1$
			message = NLS.bind(Messages.Store_lost, location);
		} else {
			message = NLS.bind(Messages.Store_failed, location, detail(e));
		}
		return new CqpException(message, e);
	}

	/** Whether {@code e} is the database refusing what the user's role may not do. */
	public static boolean refused(Throwable e) {
		if (has(e, NO_TABLE_PRIVILEGE) || has(e, NO_COLUMN_PRIVILEGE) || has(e, NO_ROUTINE_PRIVILEGE)) {
			return true;
		}
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException s) {
				for (SQLException next = s; next != null; next = next.getNextException()) {
					if (CHECK.equals(next.getSQLState()) && next.getMessage() != null
							&& next.getMessage().contains(ACCESS_REFUSED)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * What Derby said, as a phrase in the user's language: its state code (Derby's own text is
	 * English, and goes to the log with the exception).
	 */
	public static String detail(SQLException e) {
		SQLException deepest = e;
		for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
			deepest = next;
		}
		return NLS.bind(Messages.Store_sqlState, deepest.getSQLState());
	}

	/** The first SQL exception in the causes of {@code e}, or {@code null}. */
	static SQLException find(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException s) {
				return s;
			}
		}
		return null;
	}

	/** Whether {@code e} or one of its causes has the SQL state {@code state}. */
	static boolean has(Throwable e, String state) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException s) {
				if (state.equals(s.getSQLState())) {
					return true;
				}
				for (SQLException next = s.getNextException(); next != null; next = next.getNextException()) {
					if (state.equals(next.getSQLState())) {
						return true;
					}
				}
			}
		}
		return false;
	}
}
