package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.mutualite.cqp.core.dossier.StoreSettings;

/**
 * Keeps the reports' tables of counts ({@code STAT_*}, migration 008) equal to what the dossiers
 * give, in the transaction of each save: the registrations a save changed are counted again
 * ({@link #refresh}), their shares ({@code STAT_*_SHARE}) replaced and the tables' counts changed
 * by the difference, so that counting a registration again is always right, whoever asks for it
 * and however often. Everything is counted again ({@link #rebuild}) after a bulk load, when the
 * rules the counts depend on change, or when the way of counting is not the one the tables were
 * filled with ({@link #keep}). In a shared database, a user who is not the owner has no right on
 * these tables: the registrations go to {@code STAT_PENDING} and the procedure
 * {@code STAT_REFRESH} counts them with the owner's rights
 * ({@link fr.mutualite.cqp.store.routines.StatisticsRefresh}).
 */
public final class Statistics {

	private static final Logger LOG = Logger.getLogger(Statistics.class.getName());

	/** Where a query of shares names the registrations it counts. */
	private static final String REGISTRATIONS = "{registrations}"; //$NON-NLS-1$
	/** Registrations beyond which counting everything again is said first. */
	private static final int SAID = 10_000;
	/** Registrations counted by one query. */
	private static final int CHUNK = 500;
	private static final String BODY = "COALESCE(R.TRAINING_BODY_CODE, '')"; //$NON-NLS-1$
	/** The day a registration still waiting, or an award still partial, stops being so: none yet. */
	private static final String NEVER = "DATE('9999-12-31')"; //$NON-NLS-1$
	/** The day of a decision or certificate whose day is unknown: taken as always past. */
	private static final String UNKNOWN_DAY = "DATE('0001-01-01')"; //$NON-NLS-1$
	/** The rules {@code K} of the registration {@code R} on its day, {@code null} when none is in force. */
	private static final String RULE_OF_REGISTRATION = rules("R", "R.REGISTRATION_DATE", "LEFT JOIN"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/**
	 * A table of counts: its key columns, its count columns (the first counts its rows: a key
	 * whose first count falls to zero is removed), and the query of the shares of the
	 * registrations {@value #REGISTRATIONS}: the registration, then the key and the counts in the
	 * columns' order, one row per registration and key.
	 */
	public record Table(String name, List<String> keys, List<String> counts, String shares) {

		String shares(String registrations) {
			return shares.replace(REGISTRATIONS, registrations);
		}

		String shareTable() {
			return "CQP." + name + "_SHARE"; //$NON-NLS-1$ //$NON-NLS-2$
		}

		List<String> columns() {
			List<String> columns = new ArrayList<>(keys);
			columns.addAll(counts);
			return columns;
		}

		/** The counts of the shares {@code where} selects, by key. */
		String summed(String where) {
			return summed(shareTable(), where);
		}

		/** The counts of the shares {@code where} selects in {@code source} (columns as a share table's), by key. */
		String summed(String source, String where) {
			List<String> sums = new ArrayList<>(keys);
			for (String count : counts) {
				sums.add("SUM(" + count + ')'); //$NON-NLS-1$
			}
			return "SELECT " + String.join(", ", sums) + " FROM " + source + " WHERE " + where + " GROUP BY " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
					+ String.join(", ", keys); //$NON-NLS-1$
		}
	}

	/**
	 * The tables, in the order of migration 008. Their queries name the owner's tables: counted
	 * by {@code STAT_REFRESH} for a training body, a registration is counted from all its rows,
	 * not from what the body's views let it see.
	 */
	public static final List<Table> TABLES = List.of(
			new Table("STAT_REGISTRATION", List.of("CERTIFICATION_CODE", "REGISTRATION_YEAR", "ROUTE", "TRAINING_BODY_CODE"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
					List.of("REGISTRATIONS", "INADMISSIBLE", "TRAINING_HOURS", "OUTSIDE_RULES", "PRESENTED", "CERTIFIED"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
					"SELECT X.ID, X.CERTIFICATION_CODE, X.REGISTRATION_YEAR, X.ROUTE, X.TRAINING_BODY_CODE, 1, X.INADMISSIBLE, " //$NON-NLS-1$
							+ "COALESCE(X.HOURS, 0), CASE WHEN X.HOURS > X.MOST OR (X.COVERED = X.DOMAINS AND X.HOURS < X.LEAST) " //$NON-NLS-1$
							+ "THEN 1 ELSE 0 END, X.PRESENTED, X.CERTIFIED " //$NON-NLS-1$
							+ "FROM (SELECT R.ID, R.CERTIFICATION_CODE, YEAR(R.REGISTRATION_DATE) AS REGISTRATION_YEAR, R.ROUTE, " + BODY //$NON-NLS-1$
							+ " AS TRAINING_BODY_CODE, CASE WHEN V.ADMISSIBILITY = 'INADMISSIBLE' THEN 1 ELSE 0 END AS INADMISSIBLE, " //$NON-NLS-1$
							+ "(SELECT SUM(M.HOURS) FROM CQP.TRAINING_MODULE M WHERE M.REGISTRATION_ID = R.ID) AS HOURS, " //$NON-NLS-1$
							// each domain covered counted once, by the first module covering it (Derby
							// refuses COUNT(DISTINCT) here)
							+ "(SELECT NULLIF(COUNT(*), 0) FROM CQP.TRAINING_MODULE_DOMAIN M WHERE M.REGISTRATION_ID = R.ID " //$NON-NLS-1$
							+ "AND M.MODULE_SEQ = (SELECT MIN(F.MODULE_SEQ) FROM CQP.TRAINING_MODULE_DOMAIN F " //$NON-NLS-1$
							+ "WHERE F.REGISTRATION_ID = M.REGISTRATION_ID AND F.DOMAIN_CODE = M.DOMAIN_CODE)) AS COVERED, " //$NON-NLS-1$
							+ "(SELECT NULLIF(COUNT(*), 0) FROM CQP.CERTIFICATION_DOMAIN D WHERE D.CERTIFICATION_CODE = R.CERTIFICATION_CODE) AS DOMAINS, " //$NON-NLS-1$
							+ "K.TRAINING_HOURS_MIN AS LEAST, K.TRAINING_HOURS_MAX AS MOST, " //$NON-NLS-1$
							+ "CASE WHEN EXISTS (SELECT 1 FROM CQP.JURY_DECISION J WHERE J.REGISTRATION_ID = R.ID) THEN 1 ELSE 0 END AS PRESENTED, " //$NON-NLS-1$
							+ "CASE WHEN CE.FULL_AWARD THEN 1 ELSE 0 END AS CERTIFIED " //$NON-NLS-1$
							+ "FROM CQP.REGISTRATION R LEFT JOIN CQP.VAE_DOSSIER V ON V.REGISTRATION_ID = R.ID " //$NON-NLS-1$
							+ "LEFT JOIN CQP.CERTIFICATE CE ON CE.REGISTRATION_ID = R.ID " //$NON-NLS-1$
							+ RULE_OF_REGISTRATION + "WHERE " + REGISTRATIONS + ") X"), //$NON-NLS-1$ //$NON-NLS-2$
			new Table("STAT_DECISION", List.of("CERTIFICATION_CODE", "SESSION_YEAR", "ROUTE", "TRAINING_BODY_CODE"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
					List.of("DECISIONS", "FULL_AWARDS", "PARTIAL_AWARDS", "REFUSALS"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"SELECT R.ID, R.CERTIFICATION_CODE, YEAR(S.SESSION_DATE), R.ROUTE, " + BODY + ", COUNT(*), " //$NON-NLS-1$ //$NON-NLS-2$
							+ "SUM(CASE WHEN J.ACQUIRED = J.DOMAINS THEN 1 ELSE 0 END), " //$NON-NLS-1$
							+ "SUM(CASE WHEN J.ACQUIRED > 0 AND J.ACQUIRED < J.DOMAINS THEN 1 ELSE 0 END), " //$NON-NLS-1$
							+ "SUM(CASE WHEN J.ACQUIRED = 0 THEN 1 ELSE 0 END) " //$NON-NLS-1$
							+ "FROM CQP.REGISTRATION R JOIN CQP.JURY_DECISION J ON J.REGISTRATION_ID = R.ID JOIN CQP.JURY_SESSION S ON S.ID = J.SESSION_ID " //$NON-NLS-1$
							+ "WHERE J.DOMAINS > 0 AND S.SESSION_DATE IS NOT NULL AND " + REGISTRATIONS //$NON-NLS-1$
							+ " GROUP BY R.ID, R.CERTIFICATION_CODE, YEAR(S.SESSION_DATE), R.ROUTE, " + BODY), //$NON-NLS-1$
			new Table("STAT_DOMAIN", List.of("CERTIFICATION_CODE", "DOMAIN_CODE", "SESSION_YEAR", "ROUTE", "TRAINING_BODY_CODE"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
					List.of("DECISIONS", "ACQUIRED"), //$NON-NLS-1$ //$NON-NLS-2$
					"SELECT R.ID, R.CERTIFICATION_CODE, D.DOMAIN_CODE, YEAR(S.SESSION_DATE), R.ROUTE, " + BODY + ", COUNT(*), " //$NON-NLS-1$ //$NON-NLS-2$
							+ "SUM(CASE WHEN D.ACQUIRED THEN 1 ELSE 0 END) " //$NON-NLS-1$
							+ "FROM CQP.REGISTRATION R JOIN CQP.JURY_DECISION J ON J.REGISTRATION_ID = R.ID " //$NON-NLS-1$
							+ "JOIN CQP.DOMAIN_DECISION D ON D.SESSION_ID = J.SESSION_ID AND D.REGISTRATION_ID = J.REGISTRATION_ID " //$NON-NLS-1$
							+ "JOIN CQP.JURY_SESSION S ON S.ID = J.SESSION_ID " //$NON-NLS-1$
							+ "WHERE S.SESSION_DATE IS NOT NULL AND " + REGISTRATIONS //$NON-NLS-1$
							+ " GROUP BY R.ID, R.CERTIFICATION_CODE, D.DOMAIN_CODE, YEAR(S.SESSION_DATE), R.ROUTE, " + BODY), //$NON-NLS-1$
			new Table("STAT_AWARD", List.of("CERTIFICATION_CODE", "AWARD_YEAR", "ROUTE", "TRAINING_BODY_CODE", "MONTHS"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
					List.of("CERTIFIED"), //$NON-NLS-1$
					"SELECT X.ID, X.CERTIFICATION_CODE, X.AWARD_YEAR, X.ROUTE, X.TRAINING_BODY_CODE, X.MONTHS, 1 " //$NON-NLS-1$
							+ "FROM (SELECT R.ID, R.CERTIFICATION_CODE, YEAR(CE.ISSUE_DATE) AS AWARD_YEAR, R.ROUTE, " + BODY //$NON-NLS-1$
							+ " AS TRAINING_BODY_CODE, {fn TIMESTAMPDIFF(SQL_TSI_MONTH, CAST(R.REGISTRATION_DATE AS TIMESTAMP), " //$NON-NLS-1$
							+ "CAST(CE.ISSUE_DATE AS TIMESTAMP))} AS MONTHS " //$NON-NLS-1$
							+ "FROM CQP.REGISTRATION R JOIN CQP.CERTIFICATE CE ON CE.REGISTRATION_ID = R.ID " //$NON-NLS-1$
							+ "WHERE CE.FULL_AWARD AND CE.ISSUE_DATE IS NOT NULL AND " + REGISTRATIONS + ") X"), //$NON-NLS-1$ //$NON-NLS-2$
			new Table("STAT_SESSION", List.of("SESSION_ID", "CERTIFICATION_CODE", "REFERENTIAL_VERSION", "TRAINING_BODY_CODE"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
					List.of("CANDIDATES"), //$NON-NLS-1$
					"SELECT R.ID, J.SESSION_ID, R.CERTIFICATION_CODE, COALESCE(R.REFERENTIAL_VERSION, ''), " + BODY + ", 1 " //$NON-NLS-1$ //$NON-NLS-2$
							+ "FROM CQP.REGISTRATION R JOIN CQP.JURY_DECISION J ON J.REGISTRATION_ID = R.ID WHERE " + REGISTRATIONS), //$NON-NLS-1$
			// every registration, with the day of its first jury decision (a decision of a session of
			// unknown day counts as always taken): waiting on the days before it; its limit is
			// never when no rule is in force on its day (the report's limit parameter gives one)
			new Table("STAT_WAITING", List.of("CERTIFICATION_CODE", "TRAINING_BODY_CODE", "REGISTRATION_DATE", "DEADLINE", "DECIDED"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
					List.of("REGISTRATIONS"), //$NON-NLS-1$
					"SELECT R.ID, R.CERTIFICATION_CODE, " + BODY + ", R.REGISTRATION_DATE, " //$NON-NLS-1$ //$NON-NLS-2$
							+ "COALESCE(DATE({fn TIMESTAMPADD(SQL_TSI_YEAR, K.REGISTRATION_DEADLINE_YEARS, CAST(R.REGISTRATION_DATE AS TIMESTAMP))}), " //$NON-NLS-1$
							+ NEVER + "), " //$NON-NLS-1$
							// the session's day read for each decision (joined, Derby read every session for
							// every registration)
							+ "COALESCE((SELECT MIN(COALESCE((SELECT S.SESSION_DATE FROM CQP.JURY_SESSION S WHERE S.ID = J.SESSION_ID), " //$NON-NLS-1$
							+ UNKNOWN_DAY + ")) FROM CQP.JURY_DECISION J WHERE J.REGISTRATION_ID = R.ID), " + NEVER + "), 1 " //$NON-NLS-1$ //$NON-NLS-2$
							+ "FROM CQP.REGISTRATION R " + RULE_OF_REGISTRATION + "WHERE " + REGISTRATIONS), //$NON-NLS-1$ //$NON-NLS-2$
			// every award that acquired a domain before it was complete, with the day of its
			// certificate in full (a full certificate of unknown day counts as never partial):
			// partial from the first jury acquiring a domain to the day before that certificate;
			// the domains are the most one decision ruled on and acquired before it
			new Table("STAT_PARTIAL", List.of("CERTIFICATION_CODE", "TRAINING_BODY_CODE", "FIRST_JURY", "EXPIRY", "ACQUIRED", "DOMAINS", "FULL_AWARD"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
					List.of("PARTIAL_AWARDS"), //$NON-NLS-1$
					"SELECT Y.ID, Y.CERTIFICATION_CODE, Y.TRAINING_BODY_CODE, Y.FIRST_JURY, " //$NON-NLS-1$
							+ "DATE({fn TIMESTAMPADD(SQL_TSI_YEAR, K.PARTIAL_VALIDITY_YEARS, CAST(Y.FIRST_JURY AS TIMESTAMP))}), Y.ACQUIRED, Y.DOMAINS, Y.FULL_AWARD, 1 " //$NON-NLS-1$
							// the certificate read for each award (left joined, Derby took 20 s over 100,000
							// candidates instead of one)
							+ "FROM (SELECT X.*, COALESCE((SELECT CASE WHEN CE.FULL_AWARD THEN COALESCE(CE.ISSUE_DATE, " + UNKNOWN_DAY + ") END " //$NON-NLS-1$ //$NON-NLS-2$
							+ "FROM CQP.CERTIFICATE CE WHERE CE.REGISTRATION_ID = X.ID), " + NEVER + ") AS FULL_AWARD " //$NON-NLS-1$ //$NON-NLS-2$
							+ "FROM (SELECT R.ID, R.CERTIFICATION_CODE, R.REFERENTIAL_VERSION, " + BODY + " AS TRAINING_BODY_CODE, " //$NON-NLS-1$ //$NON-NLS-2$
							// no null in these aggregates: with a null for each decision left out, Derby
							// took a minute over 100,000 candidates instead of a second
							+ "MIN(S.SESSION_DATE) AS FIRST_JURY, " //$NON-NLS-1$
							+ "MAX(CASE WHEN J.ACQUIRED < J.DOMAINS THEN J.ACQUIRED ELSE 0 END) AS ACQUIRED, " //$NON-NLS-1$
							+ "MAX(CASE WHEN J.ACQUIRED < J.DOMAINS THEN J.DOMAINS ELSE 0 END) AS DOMAINS " //$NON-NLS-1$
							+ "FROM CQP.REGISTRATION R JOIN CQP.JURY_DECISION J ON J.REGISTRATION_ID = R.ID " //$NON-NLS-1$
							+ "JOIN CQP.JURY_SESSION S ON S.ID = J.SESSION_ID " //$NON-NLS-1$
							+ "WHERE J.ACQUIRED > 0 AND S.SESSION_DATE IS NOT NULL AND " + REGISTRATIONS //$NON-NLS-1$
							+ " GROUP BY R.ID, R.CERTIFICATION_CODE, R.REFERENTIAL_VERSION, " + BODY + ") X) Y " //$NON-NLS-1$ //$NON-NLS-2$
							+ rules("Y", "Y.FIRST_JURY", "JOIN") + "WHERE Y.FIRST_JURY < Y.FULL_AWARD")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private Statistics() {
	}

	/**
	 * Joins the certification {@code C} and the rules {@code K} of the version the registration
	 * {@code r} is pinned to (its certification's current one when it names none) in force on
	 * {@code day}, by {@code join} ({@code JOIN} leaves out what has no rule then).
	 */
	private static String rules(String r, String day, String join) {
		return "LEFT JOIN CQP.CERTIFICATION C ON C.CODE = " + r + ".CERTIFICATION_CODE " + join //$NON-NLS-1$ //$NON-NLS-2$
				+ " CQP.CERTIFICATION_RULE K ON K.CERTIFICATION_CODE = " + r + ".CERTIFICATION_CODE " //$NON-NLS-1$ //$NON-NLS-2$
				+ "AND K.REFERENTIAL_VERSION = COALESCE(" + r + ".REFERENTIAL_VERSION, C.REFERENTIAL_VERSION) " //$NON-NLS-1$ //$NON-NLS-2$
				+ "AND K.VALID_FROM <= " + day + " AND (K.VALID_TO IS NULL OR K.VALID_TO >= " + day + ") "; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/**
	 * Counts again the registrations {@code ids} after a save changed them, in the transaction of
	 * {@code c}: directly for the database's owner, through {@code STAT_REFRESH} for the others.
	 */
	public static void refresh(Connection c, Collection<String> ids) throws SQLException {
		if (ids.isEmpty()) {
			return;
		}
		if (owner(c)) {
			countAgain(c, ids);
			return;
		}
		try (PreparedStatement s = c.prepareStatement("INSERT INTO CQP.STAT_PENDING (REGISTRATION_ID) VALUES (?)")) { //$NON-NLS-1$
			for (String id : new LinkedHashSet<>(ids)) {
				s.setString(1, id);
				s.addBatch();
			}
			s.executeBatch();
		}
		try (Statement s = c.createStatement()) {
			s.execute("CALL CQP.STAT_REFRESH()"); //$NON-NLS-1$
		} catch (SQLException e) {
			// Derby has been seen (once in a while, under load) to check the procedure's statements
			// against the caller's rights: the save goes on, its registrations stay waiting and are
			// counted by the next recount that succeeds (any save, or an administrator's opening)
			LOG.log(Level.WARNING, "STAT_REFRESH failed; the registrations wait in STAT_PENDING", e); //$NON-NLS-1$
		}
	}

	/** Counts again the registrations waiting in {@code STAT_PENDING}; {@code c} has the owner's rights. */
	public static void refreshPending(Connection c) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (Statement s = c.createStatement()) {
			try (ResultSet r = s.executeQuery("SELECT DISTINCT REGISTRATION_ID FROM CQP.STAT_PENDING")) { //$NON-NLS-1$
				while (r.next()) {
					ids.add(r.getString(1));
				}
			}
			s.executeUpdate("DELETE FROM CQP.STAT_PENDING"); //$NON-NLS-1$
		}
		countAgain(c, ids);
	}

	/**
	 * Counts every table again from the dossiers, in the transaction of {@code c}: the tables are
	 * emptied and their shares loaded in bulk ({@code CQP.LOAD_IN_BULK}, migration 009).
	 */
	public static void rebuild(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.executeUpdate("DELETE FROM CQP.STAT_PENDING"); //$NON-NLS-1$
			// emptied (within the transaction), then loaded in bulk, shares and counts: a branch's
			// shares are hundreds of thousands of rows, its counts tens of thousands; only the owner
			// may truncate, an administrator deletes
			String empty = owner(c) ? "TRUNCATE TABLE " : "DELETE FROM "; //$NON-NLS-1$ //$NON-NLS-2$
			for (Table table : TABLES) {
				s.executeUpdate(empty + table.shareTable());
				s.executeUpdate(empty + "CQP." + table.name()); //$NON-NLS-1$
				s.executeUpdate("INSERT INTO " + table.shareTable() + " (REGISTRATION_ID, " + String.join(", ", table.columns()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ ") " + inBulk(table.shares("1 = 1"))); //$NON-NLS-1$
				s.executeUpdate("INSERT INTO CQP." + table.name() + " (" + String.join(", ", table.columns()) + ") " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						+ inBulk(table.summed("1 = 1"))); //$NON-NLS-1$
			}
			try (PreparedStatement u = c.prepareStatement("UPDATE CQP.STAT_STATE SET SIGNATURE = ?")) { //$NON-NLS-1$
				u.setString(1, signature());
				u.executeUpdate();
			}
		}
	}

	/**
	 * The rows of {@code query}, read through {@code CQP.LOAD_IN_BULK} so that Derby loads them in
	 * bulk: as a subquery that names no column of the query, the function is called once (joined,
	 * it would be called again for each row).
	 */
	private static String inBulk(String query) {
		return "SELECT Q.* FROM (" + query + ") Q WHERE (SELECT B.N FROM TABLE(CQP.LOAD_IN_BULK()) B) = 1"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * Counts every table again when {@code rulesChanged} (the copy of the referentials the counts
	 * read changed) or when the tables were filled another way, running {@code counting} first
	 * when the branch is large enough for it to take a while; returns whether it did. Otherwise
	 * counts the registrations still waiting in {@code STAT_PENDING}.
	 */
	public static boolean keep(Connection c, boolean rulesChanged, Runnable counting) throws SQLException {
		String filled;
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT SIGNATURE FROM CQP.STAT_STATE")) { //$NON-NLS-1$
			filled = r.next() ? r.getString(1) : ""; //$NON-NLS-1$
		}
		if (!rulesChanged && signature().equals(filled)) {
			refreshPending(c);
			return false;
		}
		// said when it takes a while: a branch of some thousands of registrations counts within a second
		if (Jdbc.exists(c, "SELECT 1 FROM CQP.REGISTRATION OFFSET " + SAID + " ROWS FETCH FIRST 1 ROWS ONLY")) { //$NON-NLS-1$ //$NON-NLS-2$
			counting.run();
		}
		rebuild(c);
		return true;
	}

	/** The counts of {@code table} as a full recount of the dossiers gives them, ordered by key. */
	public static List<List<Object>> recount(Connection c, Table table) throws SQLException {
		List<String> names = new ArrayList<>(List.of("REGISTRATION_ID")); //$NON-NLS-1$
		names.addAll(table.columns());
		return rows(c, table.summed("(" + table.shares("1 = 1") + ") T (" + String.join(", ", names) + ')', "1 = 1") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				+ " ORDER BY " + String.join(", ", table.keys())); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The counts {@code table} holds, ordered by key. */
	public static List<List<Object>> kept(Connection c, Table table) throws SQLException {
		return rows(c, "SELECT " + String.join(", ", table.columns()) + " FROM CQP." + table.name() + " ORDER BY " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ String.join(", ", table.keys())); //$NON-NLS-1$
	}

	private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
		List<List<Object>> rows = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			int n = r.getMetaData().getColumnCount();
			while (r.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= n; i++) {
					Object value = r.getObject(i);
					row.add(value instanceof Number number ? Long.valueOf(number.longValue()) : value);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/** Whether {@code c} is the owner's: the only user who writes these tables (and may truncate them). */
	static boolean owner(Connection c) throws SQLException {
		return StoreSettings.OWNER.equalsIgnoreCase(c.getMetaData().getUserName());
	}

	/** Counts the registrations {@code ids} again; {@code c} has the owner's rights. */
	private static void countAgain(Connection c, Collection<String> ids) throws SQLException {
		List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			String marks = String.join(", ", Collections.nCopies(chunk.size(), "?")); //$NON-NLS-1$ //$NON-NLS-2$
			String theirs = "REGISTRATION_ID IN (" + marks + ')'; //$NON-NLS-1$
			for (Table table : TABLES) {
				Map<List<Object>, long[]> difference = new LinkedHashMap<>();
				sum(c, table, table.summed(theirs), chunk, difference, -1);
				execute(c, "DELETE FROM " + table.shareTable() + " WHERE " + theirs, chunk); //$NON-NLS-1$ //$NON-NLS-2$
				execute(c, "INSERT INTO " + table.shareTable() + " (REGISTRATION_ID, " + String.join(", ", table.columns()) + ") " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						+ table.shares("R.ID IN (" + marks + ')'), chunk); //$NON-NLS-1$
				sum(c, table, table.summed(theirs), chunk, difference, 1);
				change(c, table, difference);
			}
		}
	}

	/** Adds {@code sign} times the counts {@code sql} gives for the registrations {@code ids} to {@code into}, by key. */
	private static void sum(Connection c, Table table, String sql, List<String> ids, Map<List<Object>, long[]> into,
			int sign) throws SQLException {
		int keys = table.keys().size(), counts = table.counts().size();
		try (PreparedStatement s = c.prepareStatement(sql)) {
			bind(s, ids);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					List<Object> key = new ArrayList<>();
					for (int i = 1; i <= keys; i++) {
						key.add(r.getObject(i));
					}
					long[] total = into.computeIfAbsent(key, k -> new long[counts]);
					for (int i = 0; i < counts; i++) {
						total[i] += sign * r.getLong(keys + i + 1);
					}
				}
			}
		}
	}

	/** Changes the counts of {@code table} by {@code difference}: keys it lacks are added, keys left empty removed. */
	private static void change(Connection c, Table table, Map<List<Object>, long[]> difference) throws SQLException {
		List<String> set = new ArrayList<>(), where = new ArrayList<>();
		for (String count : table.counts()) {
			set.add(count + " = " + count + " + ?"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (String key : table.keys()) {
			where.add(key + " = ?"); //$NON-NLS-1$
		}
		String keyed = " WHERE " + String.join(" AND ", where); //$NON-NLS-1$ //$NON-NLS-2$
		int keys = table.keys().size(), counts = table.counts().size();
		try (PreparedStatement update = c.prepareStatement("UPDATE CQP." + table.name() + " SET " + String.join(", ", set) + keyed); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				PreparedStatement insert = c.prepareStatement("INSERT INTO CQP." + table.name() + " (" //$NON-NLS-1$ //$NON-NLS-2$
						+ String.join(", ", table.columns()) + ") VALUES (" //$NON-NLS-1$ //$NON-NLS-2$
						+ String.join(", ", Collections.nCopies(keys + counts, "?")) + ')'); //$NON-NLS-1$ //$NON-NLS-2$
				PreparedStatement empty = c.prepareStatement("DELETE FROM CQP." + table.name() + keyed + " AND " //$NON-NLS-1$ //$NON-NLS-2$
						+ table.counts().get(0) + " = 0")) { //$NON-NLS-1$
			for (Map.Entry<List<Object>, long[]> entry : difference.entrySet()) {
				long[] delta = entry.getValue();
				if (Arrays.stream(delta).allMatch(d -> d == 0)) {
					continue;
				}
				for (int i = 0; i < counts; i++) {
					update.setLong(i + 1, delta[i]);
				}
				for (int i = 0; i < keys; i++) {
					update.setObject(counts + i + 1, entry.getKey().get(i));
					empty.setObject(i + 1, entry.getKey().get(i));
				}
				if (update.executeUpdate() == 0) {
					for (int i = 0; i < keys; i++) {
						insert.setObject(i + 1, entry.getKey().get(i));
					}
					for (int i = 0; i < counts; i++) {
						insert.setLong(keys + i + 1, delta[i]);
					}
					insert.executeUpdate();
				} else if (delta[0] < 0) {
					empty.executeUpdate();
				}
			}
		}
	}

	private static void execute(Connection c, String sql, List<String> ids) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			bind(s, ids);
			s.executeUpdate();
		}
	}

	private static void bind(PreparedStatement s, List<String> ids) throws SQLException {
		for (int i = 0; i < ids.size(); i++) {
			s.setString(i + 1, ids.get(i));
		}
	}

	/** The way of counting: the tables and their queries. */
	private static String signature() {
		StringBuilder tables = new StringBuilder();
		TABLES.forEach(tables::append);
		return Sha256.of(tables.toString());
	}
}
