package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import fr.mutualite.cqp.core.dossier.Identity;
import fr.mutualite.cqp.core.dossier.ImportReport;
import fr.mutualite.cqp.core.dossier.RegistrationRow;
import fr.mutualite.cqp.store.routines.StagedRows;

/**
 * Registrations imported in one transaction, a batch of rows at a time: the candidates, ids and
 * registrations a batch refers to are looked up in the database in a few queries (what earlier
 * batches wrote included), then its new rows are written together. Memory holds one batch and
 * the companies, whatever the size of the file.
 * <p>
 * Into a database without candidates nor registrations (a branch's first import, by the
 * database's owner, in this process), the first {@value #STAGED_AT_MOST} rows are matched in
 * memory instead, their new candidates and registrations staged in memory, then loaded into the
 * empty tables in one statement each, fed by the table functions of migration 011: Derby loads
 * them in bulk, as its own import procedure does (rows unlogged, indexes built by sorting),
 * several times faster than row by row. The rows beyond are looked up and written as above.
 */
final class RegistrationImport {

	/** Rows looked up and written together. */
	static final int BATCH = 1000;
	/**
	 * Rows matched and staged in memory at most, when the tables are empty: 150,000 (a branch's
	 * registrations of several years), fewer when a quarter of the heap does not hold them (about
	 * 1 KiB a row, its keys included).
	 */
	static final int STAGED_AT_MOST = (int) Math.min(150_000, Runtime.getRuntime().maxMemory() / 4 / 1024);

	private final Connection connection;
	private final DossierWriter writer;
	private final Map<String, String> versions;
	/**
	 * The registrations written, to be counted for the statistics; {@code null} once more than
	 * {@value #COUNTED_ONE_BY_ONE}: the import then has everything counted again at its end.
	 */
	private List<String> added = new ArrayList<>();
	private static final int COUNTED_ONE_BY_ONE = 5_000;
	private final Map<String, String> companyIds = new HashMap<>();
	/** The companies' ids by their spelling in the file (name, city): each spelling's key made once. */
	private final Map<List<String>, String> companiesAsWritten = new HashMap<>();
	private final List<RegistrationRow> batch = new ArrayList<>(BATCH);
	private final PreparedStatement candidatesByKey, takenCandidateIds, takenRegistrationIds, registrationsOf;
	private int rows, candidatesAdded, matched, registrationsAdded, duplicates, companiesAdded;
	/**
	 * While rows are staged: what the import has written, by the keys the lookups would find
	 * (candidates by match key, the candidates' and registrations' ids, the registrations by
	 * candidate, certification and day), and the new rows, by table function.
	 */
	private record Staging(Map<String, String> candidates, Set<String> candidateIds, Set<String> registrationIds,
			Set<String> registrations, Map<String, List<Object[]>> rows) {
	}

	/** The rows staged, or {@code null} once loaded (or when the tables were not empty). */
	private Staging staged;

	/**
	 * Starts an import over {@code connection}: the three tables it adds to are locked until the
	 * transaction ends (one import at a time, and no lock per row).
	 *
	 * @param versions the current referential version of each certification, by code
	 */
	RegistrationImport(Connection connection, DossierWriter writer, Map<String, String> versions) throws SQLException {
		this.connection = connection;
		this.writer = writer;
		this.versions = versions;
		try (Statement s = connection.createStatement()) {
			for (String table : List.of("COMPANY", "CANDIDATE", "REGISTRATION")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				s.execute("LOCK TABLE CQP." + table + " IN EXCLUSIVE MODE"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			try (ResultSet r = s.executeQuery("SELECT MATCH_KEY, ID FROM CQP.COMPANY")) { //$NON-NLS-1$
				while (r.next()) {
					companyIds.put(r.getString(1), r.getString(2));
				}
			}
		}
		if (!connection.getMetaData().getURL().startsWith("jdbc:derby://") && Statistics.owner(connection) //$NON-NLS-1$
				&& !Jdbc.exists(connection, "SELECT 1 FROM CQP.CANDIDATE FETCH FIRST 1 ROWS ONLY") //$NON-NLS-1$
				&& !Jdbc.exists(connection, "SELECT 1 FROM CQP.REGISTRATION FETCH FIRST 1 ROWS ONLY")) { //$NON-NLS-1$
			staged = new Staging(new HashMap<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(),
					Map.of(StagedRows.CANDIDATES, new ArrayList<>(), StagedRows.REGISTRATIONS, new ArrayList<>()));
			writer.staging(staged.rows().get(StagedRows.CANDIDATES), staged.rows().get(StagedRows.REGISTRATIONS));
		}
		candidatesByKey = through("MATCH_KEY, ID", "CANDIDATE", constraint("CANDIDATE", "U"), "MATCH_KEY"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		takenCandidateIds = through("ID", "CANDIDATE", constraint("CANDIDATE", "P"), "ID"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		takenRegistrationIds = through("ID", "REGISTRATION", constraint("REGISTRATION", "P"), "ID"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		registrationsOf = through("CANDIDATE_ID || '|' || CERTIFICATION_CODE || '|' || CHAR(REGISTRATION_DATE)", //$NON-NLS-1$
				"REGISTRATION", "REGISTRATION_ONCE", "CANDIDATE_ID"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	void add(RegistrationRow row) throws SQLException {
		batch.add(row);
		if (batch.size() == BATCH) {
			flush();
		}
	}

	/** The registrations written, or {@code null} when more than {@value #COUNTED_ONE_BY_ONE}. */
	List<String> added() {
		return added;
	}

	/** Writes the rows waiting; returns what the whole import did. */
	ImportReport finish() throws SQLException {
		flush();
		load();
		for (PreparedStatement s : List.of(candidatesByKey, takenCandidateIds, takenRegistrationIds, registrationsOf)) {
			s.close();
		}
		return new ImportReport(rows, candidatesAdded, matched, registrationsAdded, duplicates, companiesAdded);
	}

	/**
	 * The name of the constraint of {@code type} ({@code P} primary key, {@code U} unique) of a
	 * table that has one: Derby names them itself.
	 */
	private String constraint(String table, String type) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("SELECT C.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS C " //$NON-NLS-1$
				+ "JOIN SYS.SYSTABLES T ON T.TABLEID = C.TABLEID JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID " //$NON-NLS-1$
				+ "WHERE S.SCHEMANAME = 'CQP' AND T.TABLENAME = ? AND C.TYPE = ?")) { //$NON-NLS-1$
			s.setString(1, table);
			s.setString(2, type);
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getString(1);
			}
		}
	}

	/**
	 * A query of {@code table} through the index of {@code constraint}, whose {@code IN} list takes
	 * {@link #BATCH} values: the lookups are compiled once, often while the tables are still empty,
	 * and Derby would then scan the whole table for each batch; through the index it probes each
	 * value of the list.
	 */
	private PreparedStatement through(String columns, String table, String constraint, String where)
			throws SQLException {
		return connection.prepareStatement("SELECT " + columns + " FROM CQP." + table //$NON-NLS-1$ //$NON-NLS-2$
				+ " --DERBY-PROPERTIES constraint=\"" + constraint + "\"\n WHERE " + where + " IN (" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ String.join(", ", Collections.nCopies(BATCH, "?")) + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/**
	 * Loads the rows staged into their tables, empty until then, in bulk; the rows that follow
	 * are looked up in the tables.
	 */
	private void load() throws SQLException {
		if (staged == null) {
			return;
		}
		writer.flush(); // the companies the candidates refer to
		try (StagedRows.Offer offer = StagedRows.offer(staged.rows()); Statement s = connection.createStatement()) {
			load(s, DossierWriter.CANDIDATE, StagedRows.CANDIDATES);
			load(s, DossierWriter.REGISTRATION, StagedRows.REGISTRATIONS);
		}
		staged = null;
		writer.staging(null, null);
	}

	/**
	 * Loads the rows staged for {@code function} ({@link StagedRows#CANDIDATES} or
	 * {@link StagedRows#REGISTRATIONS}) into the table and columns of {@code insert}, through the
	 * table function {@code CQP.STAGED_<function>}.
	 */
	private void load(Statement s, String insert, String function) throws SQLException {
		List<Object[]> rows = staged.rows().get(function);
		int loaded = s.executeUpdate(insert.substring(0, insert.indexOf(')') + 1) + " SELECT * FROM TABLE(CQP.STAGED_" //$NON-NLS-1$
				+ function + "()) S"); //$NON-NLS-1$
		if (loaded != rows.size()) {
			// the function reads the rows of this thread: never fewer, unless Derby ran it elsewhere
			throw new SQLException(function + ": " + loaded + " rows loaded of " + rows.size() + " staged"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	private void flush() throws SQLException {
		if (batch.isEmpty()) {
			return;
		}
		if (staged != null && rows + batch.size() > STAGED_AT_MOST) {
			load();
		}
		Map<String, String> candidates;
		Set<String> candidateIds, registrationIds, present;
		if (staged != null) {
			candidates = staged.candidates();
			candidateIds = staged.candidateIds();
			registrationIds = staged.registrationIds();
			present = staged.registrations();
		} else {
			candidates = new HashMap<>();
			for (List<String> r : lookup(candidatesByKey, keys(batch, RegistrationRow::candidateKey))) {
				candidates.put(r.get(0), r.get(1));
			}
			candidateIds = firsts(lookup(takenCandidateIds, keys(batch, RegistrationRow::candidateId)));
			registrationIds = firsts(lookup(takenRegistrationIds, keys(batch, RegistrationRow::registrationId)));
			present = firsts(lookup(registrationsOf, new LinkedHashSet<>(candidates.values())));
		}
		for (RegistrationRow row : batch) {
			rows++;
			String companyId = null;
			if (row.companyName() != null && !row.companyName().isBlank()) {
				List<String> spelling = List.of(row.companyName(), Objects.toString(row.companyCity(), "")); //$NON-NLS-1$
				companyId = companiesAsWritten.get(spelling);
				if (companyId == null) {
					String companyKey = Identity.companyKey(row.companyName(), row.companyCity());
					companyId = companyIds.get(companyKey);
					if (companyId == null) {
						companyId = Identity.newId("E"); //$NON-NLS-1$
						writer.company(companyId, row.companyName(), row.companyCity(), 1);
						companyIds.put(companyKey, companyId);
						companiesAdded++;
					}
					companiesAsWritten.put(spelling, companyId);
				}
			}
			String key = row.candidateKey();
			String candidateId = candidates.get(key);
			if (candidateId == null) {
				candidateId = row.candidateId() != null && candidateIds.add(row.candidateId()) ? row.candidateId()
						: Identity.newId("C"); //$NON-NLS-1$
				writer.candidate(candidateId, row.lastName(), row.firstName(), row.birthDate(), row.email(), companyId, key, 1);
				candidates.put(key, candidateId);
				candidatesAdded++;
			} else {
				matched++;
			}
			if (!present.add(candidateId + '|' + row.certificationCode() + '|' + row.registrationDate())) {
				duplicates++;
				continue;
			}
			String registrationId = row.registrationId() != null && registrationIds.add(row.registrationId())
					? row.registrationId()
					: Identity.newId("R"); //$NON-NLS-1$
			writer.registration(registrationId, candidateId, row.certificationCode(), versions.get(row.certificationCode()),
					row.registrationDate(), row.route(), companyId, row.trainingBodyCode(), false, 1);
			if (added != null) {
				added.add(registrationId);
				if (added.size() > COUNTED_ONE_BY_ONE) {
					added = null;
				}
			}
			registrationsAdded++;
		}
		batch.clear();
		writer.flush();
	}

	private static Set<String> keys(List<RegistrationRow> rows, Function<RegistrationRow, String> key) {
		Set<String> keys = new LinkedHashSet<>();
		for (RegistrationRow row : rows) {
			String k = key.apply(row);
			if (k != null) {
				keys.add(k);
			}
		}
		return keys;
	}

	private static Set<String> firsts(List<List<String>> rows) {
		Set<String> firsts = new HashSet<>();
		rows.forEach(r -> firsts.add(r.get(0)));
		return firsts;
	}

	/**
	 * The rows {@code lookup} finds for {@code values} (at most a batch of them; the list is
	 * padded with the first value, so each query is compiled once).
	 */
	private static List<List<String>> lookup(PreparedStatement lookup, Collection<String> values) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		if (values.isEmpty()) {
			return rows;
		}
		List<String> list = new ArrayList<>(values);
		for (int i = 0; i < BATCH; i++) {
			lookup.setString(i + 1, list.get(i < list.size() ? i : 0));
		}
		try (ResultSet r = lookup.executeQuery()) {
			int columns = r.getMetaData().getColumnCount();
			while (r.next()) {
				List<String> row = new ArrayList<>(columns);
				for (int c = 1; c <= columns; c++) {
					row.add(r.getString(c));
				}
				rows.add(row);
			}
		}
		return rows;
	}
}
