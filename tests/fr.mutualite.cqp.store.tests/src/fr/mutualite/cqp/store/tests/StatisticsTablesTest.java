package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.RegistrationRow;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.store.internal.Statistics;

/**
 * The counts kept for the statistics, the tables {@code STAT_*} and each jury decision's counts of
 * domains ruled on and acquired, equal a full recount of the dossiers after a bulk load and after
 * each kind of change, made one after the other on one database: a session
 * saved with a domain turned over, a decision taken away and its date moved to another year;
 * certificates issued; a registration moved to another training body and route with its training
 * hours changed; a registration and a session created; a small import and a large one; a session emptied.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsTablesTest {

	@TempDir
	static Path tmp;
	private static DossierStore store;
	private static BranchGenerator branch;

	@BeforeAll
	static void fill() throws Exception {
		store = Stores.open(tmp.resolve("base"));
		branch = Stores.fill(store, 17, 150);
	}

	@AfterAll
	static void close() throws Exception {
		store.close();
	}

	/** Each table whose kept rows differ from a recount, with both. */
	private static Map<String, String> drift() throws Exception {
		Map<String, String> drift = new LinkedHashMap<>();
		try (Connection c = store.data().connect()) {
			try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
					"SELECT J.SESSION_ID, J.REGISTRATION_ID, J.DOMAINS, J.ACQUIRED, COUNT(D.DOMAIN_CODE), "
							+ "SUM(CASE WHEN D.ACQUIRED THEN 1 ELSE 0 END) FROM JURY_DECISION J LEFT JOIN DOMAIN_DECISION D "
							+ "ON D.SESSION_ID = J.SESSION_ID AND D.REGISTRATION_ID = J.REGISTRATION_ID "
							+ "GROUP BY J.SESSION_ID, J.REGISTRATION_ID, J.DOMAINS, J.ACQUIRED")) {
				while (r.next()) {
					if (r.getInt(3) != r.getInt(5) || r.getInt(4) != r.getInt(6)) {
						drift.merge("JURY_DECISION", r.getString(1) + "/" + r.getString(2) + " " + r.getInt(3) + "/"
								+ r.getInt(4) + " vs " + r.getInt(5) + "/" + r.getInt(6), (a, b) -> a + ", " + b);
					}
				}
			}
			drift.putAll(Stores.drift(c));
		}
		return drift;
	}

	/** The kept counts of one decision, read through the statistics' view {@code DECISION_SUMMARY}. */
	private static String summary(String session, String registration) throws Exception {
		try (Connection c = store.data().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
				"SELECT DOMAINS, ACQUIRED FROM DECISION_SUMMARY WHERE SESSION_ID = '" + session + "' AND REGISTRATION_ID = '"
						+ registration + "'")) {
			return r.next() ? r.getInt(1) + "/" + r.getInt(2) : "none";
		}
	}

	private static long sum(String sql) throws Exception {
		try (Connection c = store.data().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			r.next();
			return r.getLong(1);
		}
	}

	@Test
	@Order(1)
	void theBulkLoadIsCountedOnce() throws Exception {
		assertEquals(Map.of(), drift());
		long registrations = branch.dossiers().getCandidates().stream().mapToLong(c -> c.getRegistrations().size()).sum();
		assertEquals(registrations, sum("SELECT SUM(REGISTRATIONS) FROM STAT_REGISTRATION"));
		long decisions = branch.dossiers().getJurySessions().stream().flatMap(j -> j.getDecisions().stream())
				.filter(d -> !d.getDomains().isEmpty()).count();
		assertEquals(decisions, sum("SELECT SUM(DECISIONS) FROM STAT_DECISION"));
		assertEquals(decisions, sum("SELECT COUNT(*) FROM DECISION_SUMMARY"));
		long domains = branch.dossiers().getJurySessions().stream().flatMap(j -> j.getDecisions().stream())
				.mapToLong(d -> d.getDomains().size()).sum();
		assertEquals(domains, sum("SELECT SUM(DECISIONS) FROM STAT_DOMAIN"));
		long candidates = branch.dossiers().getJurySessions().stream().mapToLong(j -> j.getDecisions().size()).sum();
		assertEquals(candidates, sum("SELECT SUM(CANDIDATES) FROM STAT_SESSION"));
		long full = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getCertificate() != null && r.getCertificate().isFull()
						&& r.getCertificate().getDate() != null)
				.count();
		assertTrue(full > 0);
		assertEquals(full, sum("SELECT SUM(CERTIFIED) FROM STAT_AWARD"));
		java.util.Set<Registration> decided = new java.util.HashSet<>();
		branch.dossiers().getJurySessions().forEach(j -> j.getDecisions().forEach(d -> decided.add(d.getRegistration())));
		long waiting = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> !decided.contains(r)).count();
		assertTrue(waiting > 0);
		// every registration is kept, those decided on with the day of their first decision
		assertEquals(registrations, sum("SELECT SUM(REGISTRATIONS) FROM STAT_WAITING"));
		assertEquals(waiting, sum("SELECT SUM(REGISTRATIONS) FROM STAT_WAITING WHERE DECIDED = '9999-12-31'"));
		long partial = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getCertificate() != null && !r.getCertificate().isFull())
				.filter(r -> firstAcquired(r) != null)
				.count();
		assertTrue(partial > 0);
		assertEquals(partial, sum("SELECT SUM(PARTIAL_AWARDS) FROM STAT_PARTIAL WHERE FULL_AWARD = '9999-12-31'"));
		// and the awards completed later, partial from their first acquired domain to their certificate in full
		long completed = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getCertificate() != null && r.getCertificate().isFull() && firstAcquired(r) != null
						&& firstAcquired(r).isBefore(r.getCertificate().getDate()))
				.count();
		assertTrue(completed > 0, "the branch has awards completed by a later jury");
		assertEquals(partial + completed, sum("SELECT SUM(PARTIAL_AWARDS) FROM STAT_PARTIAL"));
	}

	/** The day of the first jury that acquired a domain of {@code r}, or {@code null}. */
	private static LocalDate firstAcquired(Registration r) {
		return branch.dossiers().getJurySessions().stream()
				.filter(j -> j.getDecisions().stream().anyMatch(
						d -> d.getRegistration() == r && d.getDomains().stream().anyMatch(DomainDecision::isAcquired)))
				.map(JurySession::getDate).min(LocalDate::compareTo).orElse(null);
	}

	@Test
	@Order(2)
	void aSessionSavedWithADomainTurnedADecisionTakenAwayAndAnotherYear() throws Exception {
		JurySession generated = branch.dossiers().getJurySessions().stream().filter(j -> j.getDecisions().size() >= 2)
				.findFirst().orElseThrow();
		Versioned<JurySession> read = store.juries().find(generated.getId()).orElseThrow();
		JuryDecision changed = read.value().getDecisions().get(0);
		DomainDecision turned = changed.getDomains().get(0);
		turned.setAcquired(!turned.isAcquired());
		long acquired = changed.getDomains().stream().filter(DomainDecision::isAcquired).count();
		String removed = read.value().getDecisions().remove(1).getRegistration().getId();
		read.value().setDate(read.value().getDate().minusYears(1));
		long before = sum("SELECT SUM(CANDIDATES) FROM STAT_SESSION");
		store.juries().save(read);
		assertEquals(Map.of(), drift());
		assertEquals(before - 1, sum("SELECT SUM(CANDIDATES) FROM STAT_SESSION"));
		assertEquals(changed.getDomains().size() + "/" + acquired, summary(generated.getId(), changed.getRegistration().getId()));
		assertEquals("none", summary(generated.getId(), removed));
	}

	@Test
	@Order(3)
	void certificatesIssued() throws Exception {
		JurySession session = branch.dossiers().getJurySessions().stream()
				.filter(j -> j.getDecisions().stream().anyMatch(d -> d.getDomains().stream().allMatch(DomainDecision::isAcquired)))
				.reduce((a, b) -> b).orElseThrow();
		store.juries().issueCertificates(session.getId());
		assertEquals(Map.of(), drift());
	}

	@Test
	@Order(4)
	void aRegistrationMovedToAnotherBodyAndRouteWithOtherHours() throws Exception {
		Registration generated = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getTrainingPath() != null && !r.getTrainingPath().getModules().isEmpty()
						&& r.getTrainingBody() != null && r.getCertificate() != null)
				.findFirst().orElseThrow();
		Versioned<Registration> read = store.registrations().find(generated.getId()).orElseThrow();
		TrainingBody other = store.trainingBodies().list().stream()
				.filter(b -> !b.getCode().equals(generated.getTrainingBody().getCode())).findFirst().orElseThrow();
		long hoursBefore = sum("SELECT SUM(TRAINING_HOURS) FROM STAT_REGISTRATION");
		read.value().setTrainingBody(other);
		read.value().setRoute(read.value().getRoute() == Route.VAE ? Route.TRAINING : Route.VAE);
		var module = read.value().getTrainingPath().getModules().get(0);
		module.setHours(module.getHours() + 7);
		store.registrations().save(read);
		assertEquals(Map.of(), drift());
		assertEquals(hoursBefore + 7, sum("SELECT SUM(TRAINING_HOURS) FROM STAT_REGISTRATION"));
	}

	@Test
	@Order(5)
	void aRegistrationAndASessionCreated() throws Exception {
		Registration generated = branch.dossiers().getCandidates().get(0).getRegistrations().get(0);
		Registration added = DossierFactory.eINSTANCE.createRegistration();
		added.setCertification(generated.getCertification());
		added.setDate(LocalDate.of(2026, 3, 2));
		added.setRoute(Route.VAE);
		store.registrations().create(branch.dossiers().getCandidates().get(0).getId(), added);
		assertEquals(Map.of(), drift());

		// a registration on a day no rule was in force yet has no limit of its own: kept waiting,
		// its limit never (a limit given to the report applies to it)
		Registration early = DossierFactory.eINSTANCE.createRegistration();
		early.setCertification(generated.getCertification());
		LocalDate before = RuleBook.of(generated).first().orElseThrow().getValidFrom().minusYears(1);
		early.setDate(before);
		early.setRoute(Route.TRAINING);
		assertTrue(RuleBook.of(generated).at(before).isEmpty(), "no rule in force on " + before);
		String id = store.registrations().create(branch.dossiers().getCandidates().get(1).getId(), early).value().getId();
		assertEquals(Map.of(), drift());
		assertEquals(1, sum("SELECT COUNT(*) FROM STAT_WAITING_SHARE WHERE REGISTRATION_ID = '" + id
				+ "' AND REGISTRATION_DATE = '" + before + "' AND DEADLINE = '9999-12-31' AND DECIDED = '9999-12-31'"));

		JurySession session = DossierFactory.eINSTANCE.createJurySession();
		session.setDate(LocalDate.of(2026, 5, 12));
		JuryDecision decision = DossierFactory.eINSTANCE.createJuryDecision();
		decision.setRegistration(added);
		DomainDecision domain = DossierFactory.eINSTANCE.createDomainDecision();
		domain.setDomain(generated.getCertification().getDomains().get(0).getDomain());
		domain.setAcquired(true);
		decision.getDomains().add(domain);
		session.getDecisions().add(decision);
		long decisions = sum("SELECT SUM(DECISIONS) FROM STAT_DOMAIN");
		store.juries().create(session);
		assertEquals(Map.of(), drift());
		assertEquals(decisions + 1, sum("SELECT SUM(DECISIONS) FROM STAT_DOMAIN"));
	}

	@Test
	@Order(6)
	void anImport() throws Exception {
		List<RegistrationRow> rows = new ArrayList<>();
		String body = store.trainingBodies().list().get(0).getCode();
		for (int i = 0; i < 1_200; i++) {
			rows.add(new RegistrationRow(null, "IMPORTE" + i, "Camille", LocalDate.of(1980, 1, 1).plusDays(i), null, null,
					null, i % 2 == 0 ? "CMI" : "CMC", LocalDate.of(2025, 1, 1).plusDays(i % 300),
					i % 3 == 0 ? Route.VAE : Route.TRAINING, i % 5 == 0 ? null : body, null));
		}
		long before = sum("SELECT SUM(REGISTRATIONS) FROM STAT_REGISTRATION");
		store.importRegistrations(rows::forEach);
		assertEquals(Map.of(), drift());
		assertEquals(before + 1_200, sum("SELECT SUM(REGISTRATIONS) FROM STAT_REGISTRATION"));

		// a large one has everything counted again at its end
		List<RegistrationRow> many = new ArrayList<>();
		for (int i = 0; i < 5_100; i++) {
			many.add(new RegistrationRow(null, "NOMBREUX" + i, "Dominique", LocalDate.of(1970, 1, 1).plusDays(i), null, null,
					null, i % 2 == 0 ? "CRD" : "SPSP", LocalDate.of(2024, 1, 1).plusDays(i % 700),
					i % 4 == 0 ? Route.VAE : Route.TRAINING, i % 7 == 0 ? null : body, null));
		}
		store.importRegistrations(many::forEach);
		assertEquals(Map.of(), drift());
		assertEquals(before + 6_300, sum("SELECT SUM(REGISTRATIONS) FROM STAT_REGISTRATION"));
	}

	@Test
	@Order(7)
	void aSessionEmptied() throws Exception {
		JurySession generated = branch.dossiers().getJurySessions().stream().filter(j -> j.getDecisions().size() >= 3)
				.reduce((a, b) -> b).orElseThrow();
		Versioned<JurySession> read = store.juries().find(generated.getId()).orElseThrow();
		long before = sum("SELECT SUM(DECISIONS) FROM STAT_DOMAIN");
		read.value().getDecisions().clear();
		store.juries().save(read);
		assertEquals(Map.of(), drift());
		assertNotEquals(before, sum("SELECT SUM(DECISIONS) FROM STAT_DOMAIN"));
		assertEquals(0, sum("SELECT COUNT(*) FROM STAT_SESSION WHERE SESSION_ID = '" + generated.getId() + "'"));
	}

	@Test
	@Order(8)
	void aRecountUndoneLeavesTheCountsAsTheyWere() throws Exception {
		Map<String, List<List<Object>>> before = kept();
		long registrations = sum("SELECT SUM(REGISTRATIONS) FROM STAT_REGISTRATION");
		try (Connection c = store.data().connect()) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				String imported;
				try (ResultSet r = s.executeQuery("SELECT MIN(R.ID) FROM CQP.REGISTRATION R "
						+ "JOIN CQP.CANDIDATE C ON C.ID = R.CANDIDATE_ID WHERE UPPER(C.LAST_NAME) LIKE 'NOMBREUX%'")) {
					r.next();
					imported = r.getString(1);
				}
				assertEquals(1, s.executeUpdate("DELETE FROM CQP.REGISTRATION WHERE ID = '" + imported + "'"));
				// the tables emptied and loaded in bulk within the transaction
				Statistics.rebuild(c);
				try (ResultSet r = s.executeQuery("SELECT SUM(REGISTRATIONS) FROM CQP.STAT_REGISTRATION")) {
					r.next();
					assertEquals(registrations - 1, r.getLong(1));
				}
			}
			c.rollback();
		}
		assertEquals(before, kept());
		assertEquals(Map.of(), drift());
	}

	/** The rows every table of counts holds, by table. */
	private static Map<String, List<List<Object>>> kept() throws Exception {
		Map<String, List<List<Object>>> kept = new LinkedHashMap<>();
		try (Connection c = store.data().connect()) {
			for (Statistics.Table table : Statistics.TABLES) {
				kept.put(table.name(), Statistics.kept(c, table));
			}
		}
		return kept;
	}
}
