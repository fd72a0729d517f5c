package fr.mutualite.cqp.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Keeps the database's copy of the referentials (certifications, domains, which domains make
 * each certification, and the dated rules of each version) the same as the loaded referential files, so that SQL reports read
 * titles and domain numbers; and gives a new database the training bodies of the referential.
 * Rows are only added or updated: dossiers may name a domain a newer referential dropped.
 */
final class ReferentialMirror {

	private ReferentialMirror() {
	}

	/** Brings the mirror up to date; returns how many rows changed. */
	static int refresh(Connection c, ReferentialLibrary library, DossierWriter writer) throws SQLException {
		int changed = 0;
		Map<String, String[]> certifications = rows(c, "SELECT CODE, TITLE, REFERENTIAL_VERSION FROM CERTIFICATION"); //$NON-NLS-1$
		Map<String, String[]> domains = rows(c, "SELECT CODE, WORDING FROM COMPETENCE_DOMAIN"); //$NON-NLS-1$
		Map<String, String[]> uses = rows(c,
				"SELECT CERTIFICATION_CODE || '/' || DOMAIN_CODE, CAST(DOMAIN_NUMBER AS CHAR(4)) FROM CERTIFICATION_DOMAIN"); //$NON-NLS-1$
		for (Referential referential : library.referentials()) {
			for (CompetenceDomain domain : referential.getDomains()) {
				changed += upsert(c, domains, domain.getCode(), new String[] { text(domain.getWording(), 1000) },
						"INSERT INTO CQP.COMPETENCE_DOMAIN (WORDING, CODE) VALUES (?, ?)", //$NON-NLS-1$
						"UPDATE CQP.COMPETENCE_DOMAIN SET WORDING = ? WHERE CODE = ?"); //$NON-NLS-1$
			}
		}
		for (Certification certification : library.certifications()) {
			String version = ReferentialLibrary.referentialOf(certification).getVersion();
			changed += upsert(c, certifications, certification.getCode(),
					new String[] { text(certification.getTitle(), 200), version == null ? "" : version }, //$NON-NLS-1$
					"INSERT INTO CQP.CERTIFICATION (TITLE, REFERENTIAL_VERSION, CODE) VALUES (?, ?, ?)", //$NON-NLS-1$
					"UPDATE CQP.CERTIFICATION SET TITLE = ?, REFERENTIAL_VERSION = ? WHERE CODE = ?"); //$NON-NLS-1$
			for (DomainUse use : certification.getDomains()) {
				if (use.getDomain() == null) {
					continue;
				}
				String key = certification.getCode() + '/' + use.getDomain().getCode();
				String[] known = uses.get(key);
				if (known == null || Integer.parseInt(known[0].trim()) != use.getNumber()) {
					String sql = known == null
							? "INSERT INTO CQP.CERTIFICATION_DOMAIN (DOMAIN_NUMBER, CERTIFICATION_CODE, DOMAIN_CODE) VALUES (?, ?, ?)" //$NON-NLS-1$
							: "UPDATE CQP.CERTIFICATION_DOMAIN SET DOMAIN_NUMBER = ? WHERE CERTIFICATION_CODE = ? AND DOMAIN_CODE = ?"; //$NON-NLS-1$
					try (PreparedStatement s = c.prepareStatement(sql)) {
						s.setInt(1, use.getNumber());
						s.setString(2, certification.getCode());
						s.setString(3, use.getDomain().getCode());
						s.executeUpdate();
					}
					changed++;
				}
			}
		}
		changed += rules(c, library);
		if (rows(c, "SELECT CODE FROM TRAINING_BODY FETCH FIRST 1 ROWS ONLY").isEmpty()) { //$NON-NLS-1$
			Set<String> added = new HashSet<>();
			for (Referential referential : library.referentials()) {
				for (TrainingBody body : referential.getTrainingBodies()) {
					if (added.add(body.getCode())) {
						writer.trainingBody(body, 1);
						changed++;
					}
				}
			}
			writer.flush();
		}
		return changed;
	}

	/** The columns of a rule period after its certification and version, as {@link #rules} writes them. */
	private static final String RULE_COLUMNS = "VALID_FROM, VALID_TO, REGISTRATION_DEADLINE_YEARS, PARTIAL_VALIDITY_YEARS, " //$NON-NLS-1$
			+ "TRAINING_HOURS_MIN, TRAINING_HOURS_MAX, VAE_MIN_EXPERIENCE_YEARS, VAE_WINDOW_YEARS, JURY_MEMBERS, " //$NON-NLS-1$
			+ "JURY_EMPLOYER_MEMBERS, JURY_EMPLOYEE_MEMBERS, ALTERNATING_PRESIDENCY"; //$NON-NLS-1$

	/**
	 * The rule periods of every version of every certification (see {@link RuleBook#periods}): a
	 * version whose periods changed has them all written again; versions no longer loaded keep
	 * theirs, for the dossiers pinned to them.
	 */
	private static int rules(Connection c, ReferentialLibrary library) throws SQLException {
		Map<String, List<String>> known = new LinkedHashMap<>();
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT CERTIFICATION_CODE, REFERENTIAL_VERSION, " //$NON-NLS-1$
				+ RULE_COLUMNS + " FROM CERTIFICATION_RULE ORDER BY CERTIFICATION_CODE, REFERENTIAL_VERSION, VALID_FROM")) { //$NON-NLS-1$
			while (r.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 3; i <= 14; i++) {
					values.add(Objects.toString(r.getObject(i), "")); //$NON-NLS-1$
				}
				known.computeIfAbsent(r.getString(1) + '/' + r.getString(2), k -> new ArrayList<>()).add(String.join("|", values)); //$NON-NLS-1$
			}
		}
		int changed = 0;
		for (Certification current : library.certifications()) {
			for (Certification certification : library.versions(current.getCode())) {
				String version = Objects.toString(ReferentialLibrary.versionOf(certification), ""); //$NON-NLS-1$
				List<RuleBook.Period> periods = RuleBook.of(certification).periods();
				List<String> wanted = new ArrayList<>();
				for (RuleBook.Period p : periods) {
					RuleSet k = p.rules();
					wanted.add(String.join("|", p.from().toString(), Objects.toString(p.to(), ""), //$NON-NLS-1$ //$NON-NLS-2$
							Integer.toString(k.getRegistrationDeadlineYears()), Integer.toString(k.getPartialValidityYears()),
							Integer.toString(k.getTrainingHoursMin()), Integer.toString(k.getTrainingHoursMax()),
							Integer.toString(k.getVaeMinExperienceYears()), Integer.toString(k.getVaeWindowYears()),
							Integer.toString(k.getJuryMembers()), Integer.toString(k.getJuryEmployerMembers()),
							Integer.toString(k.getJuryEmployeeMembers()), Boolean.toString(k.isAlternatingPresidency())));
				}
				String key = current.getCode() + '/' + version;
				if (wanted.equals(known.getOrDefault(key, List.of()))) {
					continue;
				}
				try (PreparedStatement d = c.prepareStatement(
						"DELETE FROM CQP.CERTIFICATION_RULE WHERE CERTIFICATION_CODE = ? AND REFERENTIAL_VERSION = ?")) { //$NON-NLS-1$
					d.setString(1, current.getCode());
					d.setString(2, version);
					d.executeUpdate();
				}
				try (PreparedStatement i = c.prepareStatement("INSERT INTO CQP.CERTIFICATION_RULE (CERTIFICATION_CODE, " //$NON-NLS-1$
						+ "REFERENTIAL_VERSION, " + RULE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) { //$NON-NLS-1$ //$NON-NLS-2$
					for (RuleBook.Period p : periods) {
						RuleSet k = p.rules();
						i.setString(1, current.getCode());
						i.setString(2, version);
						i.setDate(3, java.sql.Date.valueOf(p.from()));
						i.setDate(4, p.to() == null ? null : java.sql.Date.valueOf(p.to()));
						int[] numbers = { k.getRegistrationDeadlineYears(), k.getPartialValidityYears(), k.getTrainingHoursMin(),
								k.getTrainingHoursMax(), k.getVaeMinExperienceYears(), k.getVaeWindowYears(), k.getJuryMembers(),
								k.getJuryEmployerMembers(), k.getJuryEmployeeMembers() };
						for (int n = 0; n < numbers.length; n++) {
							i.setInt(5 + n, numbers[n]);
						}
						i.setBoolean(14, k.isAlternatingPresidency());
						i.addBatch();
					}
					i.executeBatch();
				}
				changed += Math.max(1, periods.size());
			}
		}
		return changed;
	}

	private static int upsert(Connection c, Map<String, String[]> known, String code, String[] values, String insert,
			String update) throws SQLException {
		String[] row = known.get(code);
		if (row != null && Arrays.equals(row, values)) {
			return 0;
		}
		try (PreparedStatement s = c.prepareStatement(row == null ? insert : update)) {
			for (int i = 0; i < values.length; i++) {
				s.setString(i + 1, values[i]);
			}
			s.setString(values.length + 1, code);
			s.executeUpdate();
		}
		known.put(code, values);
		return 1;
	}

	/** Rows of {@code sql}: first column to the others. */
	private static Map<String, String[]> rows(Connection c, String sql) throws SQLException {
		Map<String, String[]> rows = new LinkedHashMap<>();
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			int columns = r.getMetaData().getColumnCount();
			while (r.next()) {
				String[] values = new String[columns - 1];
				for (int i = 2; i <= columns; i++) {
					values[i - 2] = Objects.toString(r.getString(i), ""); //$NON-NLS-1$
				}
				rows.put(r.getString(1), values);
			}
		}
		return rows;
	}

	private static String text(String text, int max) {
		String value = text == null ? "" : text; //$NON-NLS-1$
		return value.length() <= max ? value : value.substring(0, max);
	}
}
