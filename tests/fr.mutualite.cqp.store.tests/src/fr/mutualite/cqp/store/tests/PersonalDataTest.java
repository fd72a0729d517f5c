package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.Awards;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.dossier.Retention;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.core.dossier.StoreSettings;

/** A candidate's personal data erased at their request: the statistics' figures unchanged. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataTest {

	/** The columns an erasure may change; every other column of every table stays as it was. */
	private static final Set<String> ERASABLE = Set.of("CANDIDATE.LAST_NAME", "CANDIDATE.FIRST_NAME", "CANDIDATE.BIRTH_DATE",
			"CANDIDATE.EMAIL", "CANDIDATE.MATCH_KEY", "ASSESSMENT.COMMENT_TEXT", "RATING.COMMENT_TEXT", "ANSWER.ANSWER_TEXT",
			"PROGRESS_REVIEW.WITH_WHOM", "PROGRESS_REVIEW.STRENGTHS", "PROGRESS_REVIEW.OBJECTIVES", "EXPERIENCE_PERIOD.EMPLOYER",
			"EXPERIENCE_PERIOD.POSITION", "PROOF.DESCRIPTION", "VAE_DOSSIER.ADMISSIBILITY_REASON", "JURY_DECISION.ADVICE",
			"CANDIDATE.VERSION", "CANDIDATE.UPDATED_BY", "CANDIDATE.UPDATED_AT", "REGISTRATION.VERSION",
			"REGISTRATION.UPDATED_BY", "REGISTRATION.UPDATED_AT");

	@TempDir
	static Path tmp;
	private static DossierStore store;

	@BeforeAll
	static void fill() throws Exception {
		store = Stores.open(tmp.resolve("base"));
		Stores.fill(store, 31, 40);
	}

	@AfterAll
	static void close() throws Exception {
		store.close();
	}

	/** Every row of every table of the owner's schema, but the erasable columns and the audit trail. */
	private static Map<String, List<String>> figures() throws Exception {
		Map<String, List<String>> tables = new LinkedHashMap<>();
		try (Connection c = store.data().connect(); Statement s = c.createStatement()) {
			DatabaseMetaData meta = c.getMetaData();
			List<String> names = new ArrayList<>();
			try (ResultSet r = meta.getTables(null, StoreSettings.OWNER, null, new String[] { "TABLE" })) {
				while (r.next()) {
					names.add(r.getString("TABLE_NAME"));
				}
			}
			names.remove("AUDIT_TRAIL");
			for (String table : names) {
				List<String> columns = new ArrayList<>();
				try (ResultSet r = meta.getColumns(null, StoreSettings.OWNER, table, null)) {
					while (r.next()) {
						if (!ERASABLE.contains(table + '.' + r.getString("COLUMN_NAME"))) {
							columns.add(r.getString("COLUMN_NAME"));
						}
					}
				}
				List<String> rows = new ArrayList<>();
				try (ResultSet r = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
					while (r.next()) {
						StringBuilder row = new StringBuilder();
						for (int i = 1; i <= columns.size(); i++) {
							row.append(r.getString(i)).append('|');
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				tables.put(table, rows);
			}
		}
		return tables;
	}

	private static List<String> column(String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection c = store.data().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			while (r.next()) {
				values.add(String.valueOf(r.getString(1)));
			}
		}
		return values;
	}

	@Test
	@Order(1)
	void aCandidateErasedKeepsEveryFigureAndLosesTheirNameAndTheirTexts() throws Exception {
		// the candidate with the most free text in their booklets
		String id = column("SELECT R.CANDIDATE_ID FROM REGISTRATION R JOIN ANSWER A ON A.REGISTRATION_ID = R.ID "
				+ "GROUP BY R.CANDIDATE_ID ORDER BY COUNT(*) DESC, R.CANDIDATE_ID FETCH FIRST 1 ROWS ONLY").get(0);
		String texts = "SELECT (SELECT COUNT(*) FROM ANSWER A JOIN REGISTRATION R ON R.ID = A.REGISTRATION_ID WHERE R.CANDIDATE_ID = '" + id
				+ "' AND A.ANSWER_TEXT IS NOT NULL) + (SELECT COUNT(*) FROM ASSESSMENT A JOIN REGISTRATION R ON R.ID = A.REGISTRATION_ID "
				+ "WHERE R.CANDIDATE_ID = '" + id + "' AND A.COMMENT_TEXT IS NOT NULL) FROM SYSIBM.SYSDUMMY1";
		assertNotEquals(List.of("0"), column(texts), "the candidate has texts to erase");
		List<String> others = column("SELECT ID || LAST_NAME || FIRST_NAME || COALESCE(CAST(BIRTH_DATE AS CHAR(10)), '') "
				+ "|| COALESCE(EMAIL, '') FROM CANDIDATE WHERE ID <> '" + id + "' ORDER BY ID");
		Map<String, List<String>> before = figures();
		store.candidates().erase(id);
		assertEquals(before, figures(), "every figure the statistics read is unchanged");
		assertEquals(others, column("SELECT ID || LAST_NAME || FIRST_NAME || COALESCE(CAST(BIRTH_DATE AS CHAR(10)), '') "
				+ "|| COALESCE(EMAIL, '') FROM CANDIDATE WHERE ID <> '" + id + "' ORDER BY ID"), "the other candidates untouched");
		assertEquals(List.of("ANONYME|" + id + "|null|null|ANONYME:" + id), column("SELECT LAST_NAME || '|' || FIRST_NAME || '|' || "
				+ "CASE WHEN BIRTH_DATE IS NULL THEN 'null' ELSE 'date' END || '|' || COALESCE(EMAIL, 'null') || '|' || MATCH_KEY FROM CANDIDATE WHERE ID = '" + id + "'"));
		assertEquals(List.of("0"), column(texts));
		assertEquals(List.of("PERSONAL_DATA|ERASED|null|erased"), column("SELECT SUBJECT || '|' || ITEM || '|' || "
				+ "COALESCE(BEFORE_VALUE, 'null') || '|' || AFTER_VALUE FROM AUDIT_TRAIL WHERE CANDIDATE_ID = '" + id + "' AND SUBJECT = 'PERSONAL_DATA'"));
		assertEquals("Les données personnelles du candidat " + id + " sont déjà effacées.",
				assertThrows(CqpException.class, () -> store.candidates().erase(id)).getMessage());
		assertEquals("Aucun candidat « C-9999999 » dans la base de données " + store.data().location() + " que vous puissiez voir.",
				assertThrows(CqpException.class, () -> store.candidates().erase("C-9999999")).getMessage());
		assertEquals("ANONYME", store.candidates().find(id).orElseThrow().value().getLastName());
	}

	/** The retention paths of every candidate not erased yet, read through the repositories. */
	private static List<Retention.Path> paths() throws Exception {
		List<Retention.Path> paths = new ArrayList<>();
		for (String id : column("SELECT ID FROM CANDIDATE WHERE MATCH_KEY <> 'ANONYME:' || ID ORDER BY ID")) {
			List<RegistrationSummary> summaries = new ArrayList<>(store.registrations().ofCandidate(id));
			summaries.sort(java.util.Comparator.comparing(RegistrationSummary::registrationId));
			for (RegistrationSummary summary : summaries) {
				Registration registration = store.registrations().find(summary.registrationId()).orElseThrow().value();
				LocalDate last = null;
				for (JuryDecision decision : store.juries().decisionsOn(registration.getId())) {
					LocalDate day = Awards.day(decision);
					last = last == null || day != null && day.isAfter(last) ? day : last;
				}
				paths.add(new Retention.Path(id, summary.certificationCode(), registration.getReferentialVersion(),
						summary.registrationDate(), last));
			}
		}
		return paths;
	}

	@Test
	@Order(2)
	void theRetentionRuleErasesTheCandidatesPastTheirPeriodOnlyAndTellsFirstWithoutYes() throws Exception {
		List<Retention.Path> paths = paths();
		List<LocalDate> ends = Retention.keptUntil(paths, store.library()).values().stream().flatMap(Optional::stream).sorted().toList();
		assertEquals(40 - 1, Retention.keptUntil(paths, store.library()).size(), "every candidate but the one erased");
		// a day when about half of them are past their period
		LocalDate asOf = ends.get(ends.size() / 2);
		List<String> due = Retention.due(paths, store.library(), asOf);
		assertNotEquals(List.of(), due);
		List<String> names = column("SELECT ID || LAST_NAME FROM CANDIDATE ORDER BY ID");
		Retention.Report told = store.candidates().applyRetention(asOf, false);
		assertEquals(new Retention.Report(asOf, due, 39 - due.size()), told);
		assertEquals(names, column("SELECT ID || LAST_NAME FROM CANDIDATE ORDER BY ID"), "nothing erased without --yes");
		Map<String, List<String>> before = figures();
		assertEquals(told, store.candidates().applyRetention(asOf, true));
		assertEquals(before, figures(), "every figure the statistics read is unchanged");
		assertEquals(due, column("SELECT ID FROM CANDIDATE WHERE LAST_NAME = 'ANONYME' AND ID IN (SELECT CANDIDATE_ID FROM AUDIT_TRAIL "
				+ "WHERE SUBJECT = 'PERSONAL_DATA' AND ITEM = 'ERASED' AND AFTER_VALUE = 'retention') ORDER BY ID"));
		assertEquals(List.of(String.valueOf(due.size())), column("SELECT COUNT(*) FROM AUDIT_TRAIL WHERE AFTER_VALUE = 'retention'"));
		assertEquals(new Retention.Report(asOf, List.of(), 39 - due.size()), store.candidates().applyRetention(asOf, true),
				"applied twice: nothing more");
	}
}
