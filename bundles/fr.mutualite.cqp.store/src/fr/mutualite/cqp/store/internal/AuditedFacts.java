package fr.mutualite.cqp.store.internal;

import static fr.mutualite.cqp.store.internal.Jdbc.setTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the audit trail of what a save changes in registrations: the facts it watches
 * (evaluations, booklets' states, jury decisions, certificates) read before and after the save
 * in its transaction, and a line for each one that differs. A booklet rewritten as it was
 * writes nothing.
 */
final class AuditedFacts {

	/** What the trail watches: subject, the query of one registration's facts (key, value). */
	private static final String[][] FACTS = {
			{ "EVALUATION", "SELECT 'FINAL ' || COALESCE(D.DOMAIN_CODE, '-'), 'mastered=' || TRIM(CAST(D.MASTERED AS CHAR(5))) " //$NON-NLS-1$ //$NON-NLS-2$
					+ "|| ';agreed=' || TRIM(CAST(D.EVALUATORS_AGREE AS CHAR(5))) || ';exercised=' || TRIM(CAST(D.ACTIVITIES_EXERCISED AS CHAR(5))) " //$NON-NLS-1$
					+ "FROM FINAL_DOMAIN D WHERE D.REGISTRATION_ID = ? ORDER BY D.ASSESSMENT_SEQ" }, //$NON-NLS-1$
			{ "EVALUATION", "SELECT 'FORMATIVE ' || COALESCE(F.DOMAIN_CODE, '-'), 'achieved=' || TRIM(CAST(F.OBJECTIVE_ACHIEVED AS CHAR(5))) " //$NON-NLS-1$ //$NON-NLS-2$
					+ "FROM FORMATIVE_EVALUATION F WHERE F.REGISTRATION_ID = ? ORDER BY F.ASSESSMENT_SEQ" }, //$NON-NLS-1$
			{ "EVALUATION", "SELECT 'RATING ' || COALESCE(R.BOOKLET_CODE, '-') || '/' || COALESCE(R.SECTION_CODE, '-') || '/' " //$NON-NLS-1$ //$NON-NLS-2$
					+ "|| COALESCE(R.ITEM_CODE, '-'), COALESCE(R.LEVEL_CODE, '-') FROM RATING R WHERE R.REGISTRATION_ID = ? " //$NON-NLS-1$
					+ "ORDER BY R.ASSESSMENT_SEQ, R.SEQ" }, //$NON-NLS-1$
			{ "BOOKLET", "SELECT B.BOOKLET_CODE, B.STATE || ' ' || COALESCE(B.DECLARED_BY, '-') || ' ' || COALESCE(CAST(B.DECLARED_ON AS CHAR(10)), '-') " //$NON-NLS-1$ //$NON-NLS-2$
					+ "FROM BOOKLET_STATUS B WHERE B.REGISTRATION_ID = ? ORDER BY B.BOOKLET_CODE" }, //$NON-NLS-1$
			{ "DECISION", "SELECT D.SESSION_ID || ' ' || D.DOMAIN_CODE, 'acquired=' || TRIM(CAST(D.ACQUIRED AS CHAR(5))) " //$NON-NLS-1$ //$NON-NLS-2$
					+ "FROM DOMAIN_DECISION D WHERE D.REGISTRATION_ID = ? ORDER BY D.SESSION_ID, D.DOMAIN_CODE" }, //$NON-NLS-1$
			{ "CERTIFICATE", "SELECT 'CERTIFICATE', COALESCE(C.CERTIFICATE_NUMBER, '-') || ' ' || COALESCE(CAST(C.ISSUE_DATE AS CHAR(10)), '-') " //$NON-NLS-1$ //$NON-NLS-2$
					+ "|| CASE WHEN C.FULL_AWARD THEN ' full' ELSE ' partial' END FROM CERTIFICATE C WHERE C.REGISTRATION_ID = ?" } }; //$NON-NLS-1$
	private static final int VALUE_LENGTH = 1000, ITEM_LENGTH = 300;

	/** The watched facts of one registration: its candidate, and subject|item|n → value. */
	record Facts(String candidateId, Map<String, String> values) {
	}

	private AuditedFacts() {
	}

	/** The watched facts of the registrations {@code ids}, as the transaction of {@code c} sees them. */
	static Map<String, Facts> read(Connection c, Collection<String> ids) throws SQLException {
		Map<String, Facts> facts = new LinkedHashMap<>();
		for (String id : new LinkedHashSet<>(ids)) {
			String candidate = null;
			try (PreparedStatement s = c.prepareStatement("SELECT CANDIDATE_ID FROM REGISTRATION WHERE ID = ?")) { //$NON-NLS-1$
				s.setString(1, id);
				try (ResultSet r = s.executeQuery()) {
					if (r.next()) {
						candidate = r.getString(1);
					}
				}
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (String[] fact : FACTS) {
				Map<String, Integer> seen = new HashMap<>();
				try (PreparedStatement s = c.prepareStatement(fact[1])) {
					s.setString(1, id);
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							String item = r.getString(1);
							int n = seen.merge(item, 1, Integer::sum);
							values.put(fact[0] + '|' + item + (n > 1 ? " #" + n : ""), r.getString(2)); //$NON-NLS-1$ //$NON-NLS-2$
						}
					}
				}
			}
			facts.put(id, new Facts(candidate, values));
		}
		return facts;
	}

	/** The registrations a jury session decides on. */
	static Set<String> ofSession(Connection c, String sessionId) throws SQLException {
		Set<String> ids = new LinkedHashSet<>();
		try (PreparedStatement s = c.prepareStatement("SELECT REGISTRATION_ID FROM JURY_DECISION WHERE SESSION_ID = ?")) { //$NON-NLS-1$
			s.setString(1, sessionId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					ids.add(r.getString(1));
				}
			}
		}
		return ids;
	}

	/** Writes a line for each watched fact that differs between {@code before} and {@code after}. */
	static int record(Connection c, String user, Instant now, Map<String, Facts> before, Map<String, Facts> after)
			throws SQLException {
		int lines = 0;
		try (PreparedStatement s = c.prepareStatement("INSERT INTO CQP.AUDIT_TRAIL (CHANGED_AT, CHANGED_BY, CANDIDATE_ID, " //$NON-NLS-1$
				+ "REGISTRATION_ID, SUBJECT, ITEM, BEFORE_VALUE, AFTER_VALUE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) { //$NON-NLS-1$
			Set<String> registrations = new LinkedHashSet<>(before.keySet());
			registrations.addAll(after.keySet());
			for (String id : registrations) {
				Facts was = before.getOrDefault(id, new Facts(null, Map.of()));
				Facts is = after.getOrDefault(id, new Facts(null, Map.of()));
				Set<String> keys = new LinkedHashSet<>(was.values().keySet());
				keys.addAll(is.values().keySet());
				for (String key : keys) {
					String old = was.values().get(key), now2 = is.values().get(key);
					if (Objects.equals(old, now2)) {
						continue;
					}
					int bar = key.indexOf('|');
					setTime(s, 1, now);
					s.setString(2, user);
					s.setString(3, is.candidateId() != null ? is.candidateId() : was.candidateId());
					s.setString(4, id);
					s.setString(5, key.substring(0, bar));
					s.setString(6, cut(key.substring(bar + 1), ITEM_LENGTH));
					s.setString(7, cut(old, VALUE_LENGTH));
					s.setString(8, cut(now2, VALUE_LENGTH));
					s.addBatch();
					lines++;
				}
			}
			if (lines > 0) {
				s.executeBatch();
			}
		}
		return lines;
	}

	private static String cut(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}
}
