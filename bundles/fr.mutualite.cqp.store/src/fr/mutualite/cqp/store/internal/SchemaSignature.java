package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.mutualite.cqp.core.dossier.StoreSettings;

/**
 * The structure of the owner's schema as sorted lines (tables, columns, keys, indexes, views,
 * checks, functions and procedures), to tell whether two databases have the same structure
 * whatever the names Derby gave to the objects it created itself. Its outline leaves the keys and
 * indexes out: a few queries, where the keys and indexes take three for each table.
 */
final class SchemaSignature {

	private SchemaSignature() {
	}

	/** The structure of the tables, views and routines of the owner's schema, but those {@code ignored}. */
	static List<String> of(Connection c, Set<String> ignored) throws SQLException {
		return lines(c, ignored, true);
	}

	/** The structure without its keys and indexes. */
	static List<String> outline(Connection c, Set<String> ignored) throws SQLException {
		return lines(c, ignored, false);
	}

	/** The SHA-256 of {@code lines}, each ended by a new line, in hexadecimal. */
	static String digest(List<String> lines) {
		StringBuilder text = new StringBuilder();
		lines.forEach(line -> text.append(line).append('\n'));
		return Sha256.of(text.toString());
	}

	private static List<String> lines(Connection c, Set<String> ignored, boolean keys) throws SQLException {
		DatabaseMetaData meta = c.getMetaData();
		String schema = StoreSettings.OWNER;
		List<String> lines = new ArrayList<>();
		List<String> tables = new ArrayList<>();
		try (ResultSet r = meta.getTables(null, schema, "%", new String[] { "TABLE", "VIEW" })) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			while (r.next()) {
				String name = r.getString("TABLE_NAME"); //$NON-NLS-1$
				if (!ignored.contains(name)) {
					lines.add(r.getString("TABLE_TYPE") + ' ' + name); //$NON-NLS-1$
					if ("TABLE".equals(r.getString("TABLE_TYPE"))) { //$NON-NLS-1$ //$NON-NLS-2$
						tables.add(name);
					}
				}
			}
		}
		try (ResultSet r = meta.getColumns(null, schema, "%", "%")) { //$NON-NLS-1$ //$NON-NLS-2$
			while (r.next()) {
				if (!ignored.contains(r.getString("TABLE_NAME"))) { //$NON-NLS-1$
					lines.add("COLUMN " + r.getString("TABLE_NAME") + '.' + r.getString("COLUMN_NAME") + ' ' //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ r.getString("TYPE_NAME") + '(' + r.getInt("COLUMN_SIZE") + ',' + r.getInt("DECIMAL_DIGITS") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ ") " + r.getString("IS_NULLABLE") + " DEFAULT " + r.getString("COLUMN_DEF")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				}
			}
		}
		if (keys) {
			keysAndIndexes(meta, tables, lines);
		}
		text(c, "SELECT T.TABLENAME, V.VIEWDEFINITION FROM SYS.SYSVIEWS V JOIN SYS.SYSTABLES T ON T.TABLEID = V.TABLEID " //$NON-NLS-1$
				+ "JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID WHERE S.SCHEMANAME = ?", "VIEW DEFINITION ", ignored, lines); //$NON-NLS-1$ //$NON-NLS-2$
		text(c, "SELECT T.TABLENAME, K.CHECKDEFINITION FROM SYS.SYSCHECKS K JOIN SYS.SYSCONSTRAINTS N " //$NON-NLS-1$
				+ "ON N.CONSTRAINTID = K.CONSTRAINTID JOIN SYS.SYSTABLES T ON T.TABLEID = N.TABLEID " //$NON-NLS-1$
				+ "JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID WHERE S.SCHEMANAME = ?", "CHECK ", ignored, lines); //$NON-NLS-1$ //$NON-NLS-2$
		text(c, "SELECT A.ALIAS, A.ALIASTYPE, A.JAVACLASSNAME, A.ALIASINFO " //$NON-NLS-1$
				+ "FROM SYS.SYSALIASES A JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = A.SCHEMAID WHERE S.SCHEMANAME = ?", "ROUTINE ", //$NON-NLS-1$ //$NON-NLS-2$
				ignored, lines);
		lines.sort(null);
		return lines;
	}

	/** The primary key, foreign keys and indexes of each of {@code tables}: three queries for each. */
	private static void keysAndIndexes(DatabaseMetaData meta, List<String> tables, List<String> lines) throws SQLException {
		String schema = StoreSettings.OWNER;
		for (String table : tables) {
			Map<Integer, String> key = new TreeMap<>();
			try (ResultSet r = meta.getPrimaryKeys(null, schema, table)) {
				while (r.next()) {
					key.put(Integer.valueOf(r.getInt("KEY_SEQ")), r.getString("COLUMN_NAME")); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			lines.add("PRIMARY KEY " + table + ' ' + key.values()); //$NON-NLS-1$
			Map<String, String> foreign = new TreeMap<>();
			try (ResultSet r = meta.getImportedKeys(null, schema, table)) {
				while (r.next()) {
					foreign.merge(r.getString("FK_NAME"), r.getString("PKTABLE_NAME") + " delete " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ r.getShort("DELETE_RULE") + ' ' + r.getString("FKCOLUMN_NAME") + '>' //$NON-NLS-1$ //$NON-NLS-2$
							+ r.getString("PKCOLUMN_NAME"), (a, b) -> a + ',' + b.substring(b.lastIndexOf(' ') + 1)); //$NON-NLS-1$
				}
			}
			foreign.forEach((name, target) -> lines.add("FOREIGN KEY " + table //$NON-NLS-1$
					+ (name.startsWith("SQL") ? "" : ' ' + name) + " -> " + target)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Map<String, String> indexes = new TreeMap<>();
			try (ResultSet r = meta.getIndexInfo(null, schema, table, false, false)) {
				while (r.next()) {
					if (r.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) { //$NON-NLS-1$
						continue;
					}
					String name = r.getString("INDEX_NAME"); //$NON-NLS-1$
					String shown = name.startsWith("SQL") ? "(constraint)" : name; //$NON-NLS-1$ //$NON-NLS-2$
					indexes.merge(name, shown + (r.getBoolean("NON_UNIQUE") ? "" : " unique") + ' ' //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ r.getString("COLUMN_NAME"), (a, b) -> a + ',' + b.substring(b.lastIndexOf(' ') + 1)); //$NON-NLS-1$
				}
			}
			indexes.values().forEach(index -> lines.add("INDEX " + table + ' ' + index)); //$NON-NLS-1$
		}
	}

	/**
	 * Adds a line for each row {@code sql} gives for the owner's schema (its one parameter): the
	 * prefix, the first column (a name; rows of {@code ignored} names left out), then the others,
	 * their spaces collapsed.
	 */
	private static void text(Connection c, String sql, String prefix, Set<String> ignored, List<String> lines)
			throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			s.setString(1, StoreSettings.OWNER);
			try (ResultSet r = s.executeQuery()) {
				int columns = r.getMetaData().getColumnCount();
				while (r.next()) {
					if (ignored.contains(r.getString(1))) {
						continue;
					}
					StringBuilder rest = new StringBuilder();
					for (int i = 2; i <= columns; i++) {
						rest.append(' ').append(r.getObject(i));
					}
					lines.add(prefix + r.getString(1) + ' ' + rest.toString().replaceAll("\\s+", " ").strip()); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}
	}
}
