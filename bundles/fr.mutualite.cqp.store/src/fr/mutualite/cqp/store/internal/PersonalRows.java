package fr.mutualite.cqp.store.internal;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import fr.mutualite.cqp.core.dossier.StoreSettings;

/**
 * The rows of every table of the owner's schema that belong to one candidate, found from the
 * tables themselves as the access rules find them: their own row, the rows naming them
 * ({@code CANDIDATE_ID}), and the rows of their registrations ({@code REGISTRATION_ID}); a table
 * added later is covered without change here.
 */
final class PersonalRows {

	private static final String CANDIDATE_ID = "CANDIDATE_ID"; //$NON-NLS-1$
	private static final String REGISTRATION_ID = "REGISTRATION_ID"; //$NON-NLS-1$

	private PersonalRows() {
	}

	/** The candidate's rows, by table (tables without any left out), each in its key's order. */
	static SortedMap<String, List<Map<String, Object>>> read(Connection c, String candidateId) throws SQLException {
		SortedMap<String, List<Map<String, Object>>> tables = new TreeMap<>();
		for (AccessRules.Table table : AccessRules.tables(c).values()) {
			String filter = filter(table);
			if (filter == null) {
				continue;
			}
			String order = table.key().isEmpty() ? "" : " ORDER BY " + String.join(", ", table.key()); //$NON-NLS-1$ //$NON-NLS-2$
			try (PreparedStatement s = c.prepareStatement(
					"SELECT * FROM " + StoreSettings.OWNER + '.' + table.name() + " WHERE " + filter + order)) { //$NON-NLS-1$ //$NON-NLS-2$
				s.setString(1, candidateId);
				List<Map<String, Object>> rows = rows(s);
				if (!rows.isEmpty()) {
					tables.put(table.name(), rows);
				}
			}
		}
		return tables;
	}

	/** The condition on the candidate's identifier that selects their rows of {@code table}, if any. */
	private static String filter(AccessRules.Table table) {
		if ("CANDIDATE".equals(table.name())) { //$NON-NLS-1$
			return "ID = ?"; //$NON-NLS-1$
		}
		if (table.columns().contains(CANDIDATE_ID)) {
			return CANDIDATE_ID + " = ?"; //$NON-NLS-1$
		}
		if (table.columns().contains(REGISTRATION_ID)) {
			return REGISTRATION_ID + " IN (SELECT ID FROM " + StoreSettings.OWNER + ".REGISTRATION WHERE CANDIDATE_ID = ?)"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return null;
	}

	private static List<Map<String, Object>> rows(PreparedStatement s) throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (ResultSet r = s.executeQuery()) {
			ResultSetMetaData meta = r.getMetaData();
			while (r.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.put(meta.getColumnName(i), value(r.getObject(i)));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/** A column's value as text, number or boolean: days as ISO days, times as ISO instants. */
	private static Object value(Object value) throws SQLException {
		return switch (value) {
		case null -> null;
		case java.sql.Date day -> day.toLocalDate().toString();
		case Timestamp time -> time.toInstant().toString();
		case Clob text -> text.getSubString(1, (int) text.length());
		case Boolean b -> b;
		case BigDecimal n -> n;
		case Number n -> n;
		default -> value.toString();
		};
	}
}
