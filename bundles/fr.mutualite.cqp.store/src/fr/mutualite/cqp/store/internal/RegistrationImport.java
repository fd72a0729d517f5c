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
import java.util.Set;
import java.util.function.Function;

import fr.mutualite.cqp.core.dossier.Identity;
import fr.mutualite.cqp.core.dossier.ImportReport;
import fr.mutualite.cqp.core.dossier.RegistrationRow;

/**
 * Registrations imported in one transaction, a batch of rows at a time: the candidates, ids and
 * registrations a batch refers to are looked up in the database in a few queries (what earlier
 * batches wrote included), then its new rows are written together. Memory holds one batch and
 * the companies, whatever the size of the file.
 */
final class RegistrationImport {

	/** Rows looked up and written together. */
	static final int BATCH = 1000;

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
	private final List<RegistrationRow> batch = new ArrayList<>(BATCH);
	private final PreparedStatement candidatesByKey, takenCandidateIds, takenRegistrationIds, registrationsOf;
	private int rows, candidatesAdded, matched, registrationsAdded, duplicates, companiesAdded;

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

	private void flush() throws SQLException {
		if (batch.isEmpty()) {
			return;
		}
		Map<String, String> candidates = new HashMap<>();
		for (List<String> r : lookup(candidatesByKey, keys(batch, RegistrationRow::candidateKey))) {
			candidates.put(r.get(0), r.get(1));
		}
		Set<String> candidateIds = firsts(lookup(takenCandidateIds, keys(batch, RegistrationRow::candidateId)));
		Set<String> registrationIds = firsts(lookup(takenRegistrationIds, keys(batch, RegistrationRow::registrationId)));
		Set<String> present = firsts(lookup(registrationsOf, new LinkedHashSet<>(candidates.values())));
		for (RegistrationRow row : batch) {
			rows++;
			String companyId = null;
			if (row.companyName() != null && !row.companyName().isBlank()) {
				String key = Identity.companyKey(row.companyName(), row.companyCity());
				companyId = companyIds.get(key);
				if (companyId == null) {
					companyId = Identity.newId("E"); //$NON-NLS-1$
					writer.company(companyId, row.companyName(), row.companyCity(), 1);
					companyIds.put(key, companyId);
					companiesAdded++;
				}
			}
			String candidateId = candidates.get(row.candidateKey());
			if (candidateId == null) {
				candidateId = row.candidateId() != null && candidateIds.add(row.candidateId()) ? row.candidateId()
						: Identity.newId("C"); //$NON-NLS-1$
				writer.candidate(candidateId, row.lastName(), row.firstName(), row.birthDate(), row.email(), companyId, 1);
				candidates.put(row.candidateKey(), candidateId);
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
