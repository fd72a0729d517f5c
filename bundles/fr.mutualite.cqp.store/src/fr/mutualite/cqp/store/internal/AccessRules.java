package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.StoreSettings;

/**
 * Who may do what in a shared database, enforced by Derby itself so that it holds against a user
 * who connects with {@code ij}: one Derby role per {@link Role} (but the owner) with its
 * privileges; the schema {@value #SCOPE} where the roles that see their own candidates only read
 * every table as a view of their rows; triggers that refuse a row written outside them. Derived
 * from the tables themselves (a table with a {@code REGISTRATION_ID} column holds a candidate's
 * data), so that a table a migration adds is covered; applied by the owner after the migrations,
 * again only when the rules or the tables changed.
 */
public final class AccessRules {

	/** A routine the user may not call. */
	private static final String NO_ROUTINE_PRIVILEGE = "42504"; //$NON-NLS-1$
	/** The schema of the views the training bodies and evaluators read. */
	static final String SCOPE = "CQP_SCOPE"; //$NON-NLS-1$
	private static final String OWNER = StoreSettings.OWNER;
	private static final String SIGNATURE = "cqp.access.rules"; //$NON-NLS-1$
	private static final String GUARD_PREFIX = "ACCESS_"; //$NON-NLS-1$
	private static final String REGISTRATION_ID = "REGISTRATION_ID"; //$NON-NLS-1$
	/** Tables the jury writes: sessions, decisions, certificates. */
	private static final Set<String> JURY_TABLES = Set.of("JURY_SESSION", "JURY_MEMBER", "JURY_DECISION", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"DOMAIN_DECISION", "CERTIFICATE", "CERTIFICATE_HISTORY", "CERTIFICATE_SEQUENCE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	/**
	 * The statistics' tables: every save has the registrations it changes counted again, whoever
	 * saves, by the procedure {@value #STAT_REFRESH} with the owner's rights (see {@link Statistics}).
	 */
	private static final String STATISTICS = "STAT_"; //$NON-NLS-1$
	/** Where a save leaves the registrations to count again: the only statistics' table others write. */
	private static final String STAT_PENDING = "STAT_PENDING"; //$NON-NLS-1$
	static final String STAT_REFRESH = "STAT_REFRESH"; //$NON-NLS-1$
	/** The table function of migration 009 through which the statistics are counted again in bulk. */
	private static final String LOAD_IN_BULK = "LOAD_IN_BULK"; //$NON-NLS-1$
	/** Tables every role appends to when it saves, and nobody changes. */
	private static final Set<String> APPEND_ONLY = Set.of("CHANGE_LOG", "AUDIT_TRAIL"); //$NON-NLS-1$ //$NON-NLS-2$
	/** The registrations and the candidates: never deleted by a training body. */
	private static final Set<String> PEOPLE = Set.of("REGISTRATION", "CANDIDATE"); //$NON-NLS-1$ //$NON-NLS-2$
	/** Tables of the access rules themselves, and Liquibase's. */
	private static final Set<String> ACCOUNTS = Set.of("USER_ACCOUNT", "EVALUATOR_ASSIGNMENT"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final Set<String> INTERNAL = Set.of("ACCESS_GUARD", "DATABASECHANGELOG", "DATABASECHANGELOGLOCK"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	/** The registrations the session's user may see, when their role sees their own only. */
	private static final String IN_SCOPE = "SELECT R.ID FROM " + OWNER + ".REGISTRATION R, " + OWNER + ".USER_ACCOUNT U " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			+ "WHERE U.NAME = SESSION_USER AND (U.ROLE = 'TRAINING_BODY' AND R.TRAINING_BODY_CODE = U.TRAINING_BODY_CODE " //$NON-NLS-1$
			+ "OR U.ROLE = 'EVALUATOR' AND EXISTS (SELECT 1 FROM " + OWNER + ".EVALUATOR_ASSIGNMENT A " //$NON-NLS-1$ //$NON-NLS-2$
			+ "WHERE A.USER_NAME = U.NAME AND A.REGISTRATION_ID = R.ID))"; //$NON-NLS-1$

	/** The function that tells a training body the id of a person another body follows. */
	static final String KNOWN_CANDIDATE = "KNOWN_CANDIDATE"; //$NON-NLS-1$

	private AccessRules() {
	}

	/** The Derby role of {@code role}; the owner has none. */
	static String derbyRole(Role role) {
		return "CQP_" + role.name(); //$NON-NLS-1$
	}

	/**
	 * Makes {@code c}, a new connection of {@code user}, work as their role: the role set, the
	 * schema where they read (the owner's, or the scope's views for those who see their own
	 * candidates only). Refused, the connection closed, for a user the database gave no role.
	 */
	public static Connection begin(Connection c, String user, String location) throws SQLException, CqpException {
		if (OWNER.equalsIgnoreCase(user)) {
			return c;
		}
		try {
			Role role = null;
			try (PreparedStatement s = c.prepareStatement("SELECT ROLEID FROM SYS.SYSROLES WHERE GRANTEE = CURRENT_USER AND ISDEF = 'N'")) { //$NON-NLS-1$
				try (ResultSet r = s.executeQuery()) {
					while (r.next() && role == null) {
						role = role(r.getString(1));
					}
				}
			}
			if (role == null) {
				if (enforced(c)) {
					throw new CqpException(NLS.bind(Messages.Access_noRole, user, location));
				}
				return c;
			}
			try (Statement s = c.createStatement()) {
				s.execute("SET ROLE " + derbyRole(role)); //$NON-NLS-1$
			}
			c.setSchema(role.seesAll() ? OWNER : SCOPE);
			return c;
		} catch (SQLException | CqpException | RuntimeException e) {
			c.close();
			throw e;
		}
	}

	/** The role the connection {@code c} works as ({@link #begin}). */
	public static Role role(Connection c) throws SQLException {
		if (!enforced(c)) {
			return Role.OWNER;
		}
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("VALUES CURRENT_ROLE")) { //$NON-NLS-1$
			Role role = r.next() ? role(r.getString(1)) : null;
			return role == null ? Role.OWNER : role;
		}
	}

	/** The role of a Derby role name (delimited or not), or {@code null}. */
	private static Role role(String derbyRole) {
		if (derbyRole == null) {
			return null;
		}
		String name = derbyRole.replace("\"", ""); //$NON-NLS-1$ //$NON-NLS-2$
		for (Role role : Role.values()) {
			if (role != Role.OWNER && derbyRole(role).equals(name)) {
				return role;
			}
		}
		return null;
	}

	/** Whether the database behind {@code c} asks for credentials (and so enforces privileges). */
	public static boolean enforced(Connection c) throws SQLException {
		try {
			return property(c, "derby.authentication.provider") != null; //$NON-NLS-1$
		} catch (SQLException e) {
			if (NO_ROUTINE_PRIVILEGE.equals(e.getSQLState())) {
				return true; // only privileges keep a user from reading it
			}
			throw e;
		}
	}

	/**
	 * Brings the roles, views, privileges and guards of the database up to date, on the owner's
	 * connection {@code c}, in its transaction. Does nothing in a database without credentials
	 * (its only user is its owner).
	 */
	static void apply(Connection c) throws SQLException {
		if (!enforced(c)) {
			return;
		}
		Map<String, Table> tables = tables(c);
		List<String> plan = plan(c, tables);
		String signature = Sha256.of(String.join(";\n", plan)); //$NON-NLS-1$
		if (signature.equals(property(c, SIGNATURE))) {
			return;
		}
		try (Statement s = c.createStatement()) {
			for (Role role : Role.values()) {
				if (role != Role.OWNER && !Jdbc.exists(c, "SELECT 1 FROM SYS.SYSROLES WHERE ROLEID = ? AND ISDEF = 'Y'", derbyRole(role))) { //$NON-NLS-1$
					s.executeUpdate("CREATE ROLE " + derbyRole(role)); //$NON-NLS-1$
				}
			}
			if (!Jdbc.exists(c, "SELECT 1 FROM SYS.SYSSCHEMAS WHERE SCHEMANAME = ?", SCOPE)) { //$NON-NLS-1$
				s.executeUpdate("CREATE SCHEMA " + SCOPE); //$NON-NLS-1$
			}
			for (String statement : undo(c, tables)) {
				s.executeUpdate(statement);
			}
			for (String statement : plan) {
				if (statement.startsWith("SET SCHEMA")) { //$NON-NLS-1$
					c.setSchema(statement.substring("SET SCHEMA ".length())); //$NON-NLS-1$
				} else {
					s.executeUpdate(statement);
				}
			}
			c.setSchema(OWNER);
		}
		try (PreparedStatement s = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) { //$NON-NLS-1$
			s.setString(1, SIGNATURE);
			s.setString(2, signature);
			s.execute();
		}
	}

	/** A table of the owner's schema: its columns and primary key. */
	record Table(String name, List<String> columns, List<String> key) {
		boolean personal() {
			return columns.contains(REGISTRATION_ID) || "REGISTRATION".equals(name) || "CANDIDATE".equals(name); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	static Map<String, Table> tables(Connection c) throws SQLException {
		Map<String, Table> tables = new LinkedHashMap<>();
		DatabaseMetaData meta = c.getMetaData();
		try (ResultSet r = meta.getTables(null, OWNER, null, new String[] { "TABLE" })) { //$NON-NLS-1$
			while (r.next()) {
				String name = r.getString("TABLE_NAME"); //$NON-NLS-1$
				if (!INTERNAL.contains(name)) {
					tables.put(name, new Table(name, new ArrayList<>(), new ArrayList<>()));
				}
			}
		}
		for (Table table : tables.values()) {
			try (ResultSet r = meta.getColumns(null, OWNER, table.name(), null)) {
				while (r.next()) {
					table.columns().add(r.getString("COLUMN_NAME")); //$NON-NLS-1$
				}
			}
			try (ResultSet r = meta.getPrimaryKeys(null, OWNER, table.name())) {
				while (r.next()) {
					table.key().add(r.getString("COLUMN_NAME")); //$NON-NLS-1$
				}
			}
		}
		return tables;
	}

	/** The statements that give the rules to a database whose tables are {@code tables}. */
	private static List<String> plan(Connection c, Map<String, Table> tables) throws SQLException {
		List<String> plan = new ArrayList<>();
		String admin = derbyRole(Role.ADMIN), analyst = derbyRole(Role.ANALYST), body = derbyRole(Role.TRAINING_BODY),
				evaluator = derbyRole(Role.EVALUATOR), jury = derbyRole(Role.JURY);
		// Everyone checks the schema's version before anything else.
		plan.add("GRANT SELECT ON " + OWNER + ".DATABASECHANGELOG TO PUBLIC"); //$NON-NLS-1$ //$NON-NLS-2$
		for (Table table : tables.values()) {
			String name = OWNER + '.' + table.name();
			boolean appendOnly = APPEND_ONLY.contains(table.name());
			// the administrator: everything but changing the trails; the analyst and the jury read it all
			plan.add("GRANT " + (appendOnly ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE") + " ON " + name + " TO " + admin); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			plan.add("GRANT SELECT ON " + name + " TO " + analyst + ", " + jury); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (appendOnly) {
				plan.add("GRANT INSERT ON " + name + " TO " + jury + ", " + body + ", " + evaluator); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			} else if (JURY_TABLES.contains(table.name())) {
				plan.add("GRANT INSERT, UPDATE, DELETE ON " + name + " TO " + jury); //$NON-NLS-1$ //$NON-NLS-2$
			}
			boolean statistics = table.name().startsWith(STATISTICS);
			if (STAT_PENDING.equals(table.name())) {
				plan.add("GRANT INSERT ON " + name + " TO " + jury + ", " + body + ", " + evaluator); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			}
			// what the training bodies and evaluators write, with the keys their statements name
			Set<String> writers = new LinkedHashSet<>();
			if (table.personal() && !appendOnly && !JURY_TABLES.contains(table.name()) && !statistics) {
				writers.add(body);
				if (!Set.of("REGISTRATION", "CANDIDATE", "EVALUATOR_ASSIGNMENT").contains(table.name())) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					writers.add(evaluator);
				}
			}
			if ("COMPANY".equals(table.name())) { //$NON-NLS-1$
				plan.add("GRANT INSERT ON " + name + " TO " + body); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (!writers.isEmpty()) {
				// registrations and candidates are never deleted but by the administrator (their
				// booklets would go with them)
				plan.add("GRANT INSERT, UPDATE" + (PEOPLE.contains(table.name()) ? "" : ", DELETE") + " ON " + name + " TO " + String.join(", ", writers)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			if ("REGISTRATION".equals(table.name())) { //$NON-NLS-1$
				// saving booklets or decisions takes the registration's next version
				plan.add("GRANT UPDATE (VERSION, UPDATED_BY, UPDATED_AT) ON " + name + " TO " + evaluator + ", " + jury); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				writers.add(evaluator);
			}
			if (!writers.isEmpty()) {
				Set<String> keys = new LinkedHashSet<>(table.key());
				for (String column : List.of(REGISTRATION_ID, "VERSION")) { //$NON-NLS-1$
					if (table.columns().contains(column)) {
						keys.add(column);
					}
				}
				plan.add("GRANT SELECT (" + String.join(", ", keys) + ") ON " + name + " TO " + String.join(", ", writers)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				plan.addAll(guards(table));
			}
		}
		// a training body registering a person another body follows learns their id, nothing else:
		// a function with its owner's rights (which only a database with SQL authorization has)
		plan.add("CREATE FUNCTION " + OWNER + '.' + KNOWN_CANDIDATE + "(MATCH_KEY VARCHAR(310)) RETURNS VARCHAR(40) " //$NON-NLS-1$ //$NON-NLS-2$
				+ "LANGUAGE JAVA PARAMETER STYLE JAVA READS SQL DATA RETURNS NULL ON NULL INPUT EXTERNAL NAME '" //$NON-NLS-1$
				+ fr.mutualite.cqp.store.routines.KnownCandidate.class.getName() + ".id' EXTERNAL SECURITY DEFINER"); //$NON-NLS-1$
		plan.add("GRANT EXECUTE ON FUNCTION " + OWNER + '.' + KNOWN_CANDIDATE + " TO " + body); //$NON-NLS-1$ //$NON-NLS-2$
		// whoever saves has the registrations they changed counted again, with the owner's rights
		plan.add("CREATE PROCEDURE " + OWNER + '.' + STAT_REFRESH + "() LANGUAGE JAVA PARAMETER STYLE JAVA MODIFIES SQL DATA " //$NON-NLS-1$ //$NON-NLS-2$
				+ "EXTERNAL NAME '" + fr.mutualite.cqp.store.routines.StatisticsRefresh.class.getName() //$NON-NLS-1$
				+ ".refresh' EXTERNAL SECURITY DEFINER"); //$NON-NLS-1$
		plan.add("GRANT EXECUTE ON PROCEDURE " + OWNER + '.' + STAT_REFRESH + " TO " + admin + ", " + jury + ", " + body + ", " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				+ evaluator);
		// an administrator counts everything again as the owner does (migration 009)
		plan.add("GRANT EXECUTE ON FUNCTION " + OWNER + '.' + LOAD_IN_BULK + " TO " + admin); //$NON-NLS-1$
		// the views the training bodies and evaluators read, in the scope schema, named as the tables
		for (Table table : tables.values()) {
			plan.add("CREATE VIEW " + SCOPE + '.' + table.name() + " AS SELECT * FROM " + OWNER + '.' + table.name() //$NON-NLS-1$ //$NON-NLS-2$
					+ scopeFilter(table));
			plan.add("GRANT SELECT ON " + SCOPE + '.' + table.name() + " TO " + body + ", " + evaluator); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		// the owner's views, defined again over the scope's
		Map<String, String> views = new LinkedHashMap<>();
		try (PreparedStatement s = c.prepareStatement("SELECT T.TABLENAME, V.VIEWDEFINITION FROM SYS.SYSVIEWS V " //$NON-NLS-1$
				+ "JOIN SYS.SYSTABLES T ON T.TABLEID = V.TABLEID JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID " //$NON-NLS-1$
				+ "WHERE S.SCHEMANAME = ? ORDER BY T.TABLENAME")) { //$NON-NLS-1$
			s.setString(1, OWNER);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					views.put(r.getString(1), r.getString(2));
				}
			}
		}
		if (!views.isEmpty()) {
			plan.add("SET SCHEMA " + SCOPE); //$NON-NLS-1$
			for (Map.Entry<String, String> view : views.entrySet()) {
				plan.add(view.getValue().strip());
				plan.add("GRANT SELECT ON " + SCOPE + '.' + view.getKey() + " TO " + body + ", " + evaluator); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				plan.add("GRANT SELECT ON " + OWNER + '.' + view.getKey() + " TO " + admin + ", " + analyst + ", " + jury); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			}
			plan.add("SET SCHEMA " + OWNER); //$NON-NLS-1$
		}
		return plan;
	}

	/** Whether {@code table} holds counts of the statistics by training body (and not a registration's share). */
	private static boolean counted(Table table) {
		return table.name().startsWith(STATISTICS) && table.columns().contains("TRAINING_BODY_CODE") //$NON-NLS-1$
				&& !table.columns().contains(REGISTRATION_ID);
	}

	/** The rows of {@code table} a training body or an evaluator sees. */
	private static String scopeFilter(Table table) {
		String candidates = "SELECT CANDIDATE_ID FROM " + OWNER + ".REGISTRATION WHERE ID IN (" + IN_SCOPE + ')'; //$NON-NLS-1$ //$NON-NLS-2$
		return switch (table.name()) {
		case "REGISTRATION" -> " WHERE ID IN (" + IN_SCOPE + ')'; //$NON-NLS-1$ //$NON-NLS-2$
		case "CANDIDATE" -> " WHERE ID IN (" + candidates + ')'; //$NON-NLS-1$ //$NON-NLS-2$
		case "CHANGE_LOG" -> " WHERE ENTITY NOT IN ('REGISTRATION', 'CANDIDATE') OR ENTITY_ID IN (" + IN_SCOPE //$NON-NLS-1$ //$NON-NLS-2$
				+ ") OR ENTITY_ID IN (" + candidates + ')'; //$NON-NLS-1$
		case "USER_ACCOUNT" -> " WHERE NAME = SESSION_USER"; //$NON-NLS-1$ //$NON-NLS-2$
		// a training body counts its own registrations; an evaluator's cannot be told apart in the counts
		default -> counted(table) ? " WHERE TRAINING_BODY_CODE IN (SELECT U.TRAINING_BODY_CODE FROM " + OWNER //$NON-NLS-1$
				+ ".USER_ACCOUNT U WHERE U.NAME = SESSION_USER AND U.ROLE = 'TRAINING_BODY')" //$NON-NLS-1$
				: table.columns().contains(REGISTRATION_ID) ? " WHERE REGISTRATION_ID IN (" + IN_SCOPE + ')' : ""; //$NON-NLS-1$ //$NON-NLS-2$
		};
	}

	/**
	 * Triggers that refuse a row a training body or an evaluator writes outside their
	 * registrations: the statement fails on {@code ACCESS_REFUSED} and is undone.
	 */
	private static List<String> guards(Table table) {
		List<String> guards = new ArrayList<>();
		String when = " FOR EACH ROW WHEN (CURRENT_ROLE IN ('\"" + derbyRole(Role.TRAINING_BODY) + "\"', '\"" //$NON-NLS-1$ //$NON-NLS-2$
				+ derbyRole(Role.EVALUATOR) + "\"')) INSERT INTO " + OWNER + ".ACCESS_GUARD SELECT '" + table.name() //$NON-NLS-1$ //$NON-NLS-2$
				+ "' FROM SYSIBM.SYSDUMMY1 WHERE "; //$NON-NLS-1$
		for (String event : List.of("INSERT", "UPDATE", "DELETE")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			List<String> rows = switch (event) {
			case "INSERT" -> List.of("N"); //$NON-NLS-1$ //$NON-NLS-2$
			case "UPDATE" -> List.of("O", "N"); //$NON-NLS-1$ //$NON-NLS-2$
			default -> List.of("O"); //$NON-NLS-1$
			};
			if ("CANDIDATE".equals(table.name()) && "INSERT".equals(event)) { //$NON-NLS-1$ //$NON-NLS-2$
				continue; // a new person belongs to no one until registered
			}
			if (PEOPLE.contains(table.name()) && "DELETE".equals(event)) { //$NON-NLS-1$
				continue; // no privilege to
			}
			List<String> outside = new ArrayList<>();
			for (String row : rows) {
				outside.add(switch (table.name()) {
				case "REGISTRATION" -> "NOT EXISTS (SELECT 1 FROM " + OWNER + ".USER_ACCOUNT U WHERE U.NAME = SESSION_USER " //$NON-NLS-1$ //$NON-NLS-2$
						+ "AND (U.ROLE = 'TRAINING_BODY' AND U.TRAINING_BODY_CODE = " + row + ".TRAINING_BODY_CODE " //$NON-NLS-1$ //$NON-NLS-2$
						+ "OR U.ROLE = 'EVALUATOR' AND EXISTS (SELECT 1 FROM " + OWNER + ".EVALUATOR_ASSIGNMENT A " //$NON-NLS-1$ //$NON-NLS-2$
						+ "WHERE A.USER_NAME = U.NAME AND A.REGISTRATION_ID = " + row + ".ID)))"; //$NON-NLS-1$ //$NON-NLS-2$
				case "CANDIDATE" -> row + ".ID NOT IN (SELECT CANDIDATE_ID FROM " + OWNER + ".REGISTRATION WHERE ID IN (" //$NON-NLS-1$ //$NON-NLS-2$
						+ IN_SCOPE + "))"; //$NON-NLS-1$
				default -> row + '.' + REGISTRATION_ID + " NOT IN (" + IN_SCOPE + ')'; //$NON-NLS-1$
				});
			}
			String referencing = String.join(" ", rows.stream().map(r -> ("O".equals(r) ? "OLD AS " : "NEW AS ") + r).toList()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			guards.add("CREATE TRIGGER " + OWNER + '.' + guardName(table.name(), event) + " AFTER " + event + " ON " + OWNER //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ '.' + table.name() + " REFERENCING " + referencing + when + '(' + String.join(") OR (", outside) + ')'); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return guards;
	}

	private static String guardName(String table, String event) {
		String name = GUARD_PREFIX + table + '_' + event.charAt(0);
		return name.length() <= 128 ? name : name.substring(0, 128);
	}

	/** What undoes the rules a former {@link #apply} gave: guards, views, privileges. */
	private static List<String> undo(Connection c, Map<String, Table> tables) throws SQLException {
		List<String> undo = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement("SELECT T.TRIGGERNAME FROM SYS.SYSTRIGGERS T JOIN SYS.SYSSCHEMAS S " //$NON-NLS-1$
				+ "ON S.SCHEMAID = T.SCHEMAID WHERE S.SCHEMANAME = ? AND T.TRIGGERNAME LIKE '" + GUARD_PREFIX + "%'")) { //$NON-NLS-1$ //$NON-NLS-2$
			s.setString(1, OWNER);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					undo.add("DROP TRIGGER " + OWNER + ".\"" + r.getString(1) + '"'); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}
		if (Jdbc.exists(c, "SELECT 1 FROM SYS.SYSALIASES A JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = A.SCHEMAID " //$NON-NLS-1$
				+ "WHERE S.SCHEMANAME = ? AND A.ALIAS = '" + KNOWN_CANDIDATE + "'", OWNER)) { //$NON-NLS-1$ //$NON-NLS-2$
			undo.add("DROP FUNCTION " + OWNER + '.' + KNOWN_CANDIDATE); //$NON-NLS-1$
		}
		if (Jdbc.exists(c, "SELECT 1 FROM SYS.SYSALIASES A JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = A.SCHEMAID " //$NON-NLS-1$
				+ "WHERE S.SCHEMANAME = ? AND A.ALIAS = '" + STAT_REFRESH + "'", OWNER)) { //$NON-NLS-1$ //$NON-NLS-2$
			undo.add("DROP PROCEDURE " + OWNER + '.' + STAT_REFRESH); //$NON-NLS-1$
		}
		try (PreparedStatement s = c.prepareStatement("SELECT P.GRANTEE FROM SYS.SYSROUTINEPERMS P " //$NON-NLS-1$
				+ "JOIN SYS.SYSALIASES A ON A.ALIASID = P.ALIASID JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = A.SCHEMAID " //$NON-NLS-1$
				+ "WHERE S.SCHEMANAME = ? AND A.ALIAS = '" + LOAD_IN_BULK + "'")) { //$NON-NLS-1$ //$NON-NLS-2$
			s.setString(1, OWNER);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					undo.add("REVOKE EXECUTE ON FUNCTION " + OWNER + '.' + LOAD_IN_BULK + " FROM " + r.getString(1) + " RESTRICT"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
			}
		}
		// views over views first: the owner's views, defined last, depend on the tables' views
		List<String> views = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement("SELECT T.TABLENAME FROM SYS.SYSTABLES T JOIN SYS.SYSSCHEMAS S " //$NON-NLS-1$
				+ "ON S.SCHEMAID = T.SCHEMAID WHERE S.SCHEMANAME = ? AND T.TABLETYPE = 'V'")) { //$NON-NLS-1$
			s.setString(1, SCOPE);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					String view = r.getString(1);
					if (tables.containsKey(view)) {
						views.add("DROP VIEW " + SCOPE + ".\"" + view + '"'); //$NON-NLS-1$ //$NON-NLS-2$
					} else {
						views.add(0, "DROP VIEW " + SCOPE + ".\"" + view + '"'); //$NON-NLS-1$ //$NON-NLS-2$
					}
				}
			}
		}
		undo.addAll(views);
		// the privileges on the owner's tables and views, to PUBLIC and to the roles
		Set<String> grantees = new LinkedHashSet<>();
		grantees.add("PUBLIC"); //$NON-NLS-1$
		for (Role role : Role.values()) {
			if (role != Role.OWNER) {
				grantees.add(derbyRole(role));
			}
		}
		try (PreparedStatement s = c.prepareStatement("SELECT T.TABLENAME, P.GRANTEE FROM SYS.SYSTABLEPERMS P " //$NON-NLS-1$
				+ "JOIN SYS.SYSTABLES T ON T.TABLEID = P.TABLEID JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID " //$NON-NLS-1$
				+ "WHERE S.SCHEMANAME = ?")) { //$NON-NLS-1$
			s.setString(1, OWNER);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					if (grantees.contains(r.getString(2))) {
						undo.add("REVOKE ALL PRIVILEGES ON " + OWNER + ".\"" + r.getString(1) + "\" FROM " + r.getString(2)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					}
				}
			}
		}
		try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT T.TABLENAME, P.GRANTEE, P.\"TYPE\" FROM SYS.SYSCOLPERMS P " //$NON-NLS-1$
				+ "JOIN SYS.SYSTABLES T ON T.TABLEID = P.TABLEID JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID " //$NON-NLS-1$
				+ "WHERE S.SCHEMANAME = ?")) { //$NON-NLS-1$
			s.setString(1, OWNER);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					Table table = tables.get(r.getString(1));
					if (table != null && grantees.contains(r.getString(2))) {
						String kind = r.getString(3).toLowerCase(Locale.ROOT).equals("u") ? "UPDATE" : "SELECT"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						undo.add("REVOKE " + kind + " (" + String.join(", ", table.columns()) + ") ON " + OWNER + '.' //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
								+ table.name() + " FROM " + r.getString(2)); //$NON-NLS-1$
					}
				}
			}
		}
		return undo;
	}

	private static String property(Connection c, String name) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) { //$NON-NLS-1$
			s.setString(1, name);
			try (ResultSet r = s.executeQuery()) {
				return r.next() ? r.getString(1) : null;
			}
		}
	}

}
