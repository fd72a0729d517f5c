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
 * The statistics' tables of counts ({@code STAT_*}) equal a full recount of the dossiers after a
 * bulk load and after each kind of change, made one after the other on one database: a session
 * saved with a domain turned over, a decision taken away and its date moved to another year;
 * certificates issued; a registration moved to another training body and route with its training
 * hours changed; a registration and a session created; an import; a session emptied.
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
			for (var table : Statistics.TABLES) {
				List<List<Object>> kept = Statistics.kept(c, table), recount = Statistics.recount(c, table);
				if (!kept.equals(recount)) {
					List<List<Object>> extra = new ArrayList<>(kept), missing = new ArrayList<>(recount);
					extra.removeAll(recount);
					missing.removeAll(kept);
					drift.put(table.name(), "kept only " + extra + ", recounted only " + missing);
				}
			}
		}
		return drift;
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
	}

	@Test
	@Order(2)
	void aSessionSavedWithADomainTurnedADecisionTakenAwayAndAnotherYear() throws Exception {
		JurySession generated = branch.dossiers().getJurySessions().stream().filter(j -> j.getDecisions().size() >= 2)
				.findFirst().orElseThrow();
		Versioned<JurySession> read = store.juries().find(generated.getId()).orElseThrow();
		DomainDecision turned = read.value().getDecisions().get(0).getDomains().get(0);
		turned.setAcquired(!turned.isAcquired());
		read.value().getDecisions().remove(1);
		read.value().setDate(read.value().getDate().minusYears(1));
		long before = sum("SELECT SUM(CANDIDATES) FROM STAT_SESSION");
		store.juries().save(read);
		assertEquals(Map.of(), drift());
		assertEquals(before - 1, sum("SELECT SUM(CANDIDATES) FROM STAT_SESSION"));
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

		JurySession session = DossierFactory.eINSTANCE.createJurySession();
		session.setDate(LocalDate.of(2026, 5, 12));
		JuryDecision decision = DossierFactory.eINSTANCE.createJuryDecision();
		decision.setRegistration(added);
		DomainDecision domain = DossierFactory.eINSTANCE.createDomainDecision();
		domain.setDomain(generated.getCertification().getDomains().get(0).getDomain());
		domain.setAcquired(true);
		decision.getDomains().add(domain);
		session.getDecisions().add(decision);
		long before = sum("SELECT SUM(DECISIONS) FROM STAT_DOMAIN");
		store.juries().create(session);
		assertEquals(Map.of(), drift());
		assertEquals(before + 1, sum("SELECT SUM(DECISIONS) FROM STAT_DOMAIN"));
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
}
