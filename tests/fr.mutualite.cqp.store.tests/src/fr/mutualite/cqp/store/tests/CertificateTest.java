package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.JurySide;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Route;

/**
 * Certificates issued from the juries' decisions in a real database: numbered per certification
 * and year, never twice, a partial award then a full one kept in the history, the validity of a
 * domain counted from the first jury that acquired it.
 */
class CertificateTest {

	private static final DossierFactory F = DossierFactory.eINSTANCE;

	@TempDir
	static Path tmp;
	private static DossierStore store;
	private static Certification cmi;
	private static int candidates;

	@BeforeAll
	static void open() throws Exception {
		store = Stores.open(tmp.resolve("base"));
		cmi = Stores.library().certification("CMI").orElseThrow();
	}

	@AfterAll
	static void close() throws Exception {
		store.close();
	}

	/** A new candidate registered to CMI on {@code day}; returns the registration as stored. */
	private static Registration registered(LocalDate day) throws CqpException {
		Candidate candidate = F.createCandidate();
		candidate.setLastName("Candidat" + ++candidates);
		candidate.setFirstName("Certifié");
		candidate.setBirthDate(LocalDate.of(1990, 1, candidates));
		String id = store.candidates().create(candidate).value().getId();
		Registration registration = F.createRegistration();
		registration.setCertification(cmi);
		registration.setReferentialVersion("1.0");
		registration.setDate(day);
		registration.setRoute(Route.TRAINING);
		return store.registrations().create(id, registration).value();
	}

	/** A session on {@code day} deciding on each registration: the domains numbered in {@code ruled}, those in {@code acquired} acquired. */
	private static String session(LocalDate day, List<Registration> registrations, List<Integer> ruled, List<Integer> acquired)
			throws CqpException {
		JurySession session = F.createJurySession();
		session.setDate(day);
		session.setPlace("Paris");
		for (JurySide side : List.of(JurySide.EMPLOYER, JurySide.EMPLOYER, JurySide.EMPLOYEE, JurySide.EMPLOYEE)) {
			JuryMember member = F.createJuryMember();
			member.setName(side + " " + session.getMembers().size());
			member.setSide(side);
			session.getMembers().add(member);
		}
		session.setPresident(session.getMembers().get(0));
		for (Registration registration : registrations) {
			JuryDecision decision = F.createJuryDecision();
			decision.setRegistration(registration);
			cmi.getDomains().stream().filter(u -> ruled.contains(u.getNumber())).forEach(u -> {
				var d = F.createDomainDecision();
				d.setDomain(u.getDomain());
				d.setAcquired(acquired.contains(u.getNumber()));
				decision.getDomains().add(d);
			});
			session.getDecisions().add(decision);
		}
		return store.juries().create(session).value().getId();
	}

	private static String describe(Certificate c) {
		return c.getNumber() + " " + c.getDate() + (c.isFull() ? " full " : " partial ") + c.getBonusPoints();
	}

	private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6, 7);

	@Test
	void aPartialThenAFullAwardAreNumberedPerYearAndTheFirstIsKeptInTheHistory() throws Exception {
		Registration r = registered(LocalDate.of(2023, 1, 9));
		String first = session(LocalDate.of(2024, 11, 14), List.of(r), ALL, List.of(1, 2, 3, 4, 5));
		assertEquals(List.of("CMI-2024-P00001 2024-11-14 partial 0"),
				store.juries().issueCertificates(first).values().stream().map(CertificateTest::describe).toList());
		// the later jury rules only on the domains still missing
		String second = session(LocalDate.of(2025, 6, 12), List.of(r), List.of(6, 7), List.of(6, 7));
		assertEquals(List.of("CMI-2025-00001 2025-06-12 full 120"),
				store.juries().issueCertificates(second).values().stream().map(CertificateTest::describe).toList());
		Registration read = store.registrations().find(r.getId()).orElseThrow().value();
		assertEquals("CMI-2025-00001 2025-06-12 full 120", describe(read.getCertificate()));
		assertEquals(List.of("CMI-2024-P00001 2024-11-14 partial 0"),
				read.getCertificateHistory().stream().map(CertificateTest::describe).toList());
		// issuing again changes nothing: no number taken, nothing added to the history
		int version = store.registrations().find(r.getId()).orElseThrow().version();
		assertEquals(List.of("CMI-2025-00001 2025-06-12 full 120"),
				store.juries().issueCertificates(second).values().stream().map(CertificateTest::describe).toList());
		assertEquals(version, store.registrations().find(r.getId()).orElseThrow().version());
		assertEquals(1, store.registrations().find(r.getId()).orElseThrow().value().getCertificateHistory().size());
		// the next certificate of 2025 takes the next number, even after one was deleted
		Registration other = registered(LocalDate.of(2024, 2, 1));
		String third = session(LocalDate.of(2025, 11, 20), List.of(other), ALL, ALL);
		assertEquals(List.of("CMI-2025-00002 2025-11-20 full 120"),
				store.juries().issueCertificates(third).values().stream().map(CertificateTest::describe).toList());
		try (Connection c = store.data().connect(); Statement s = c.createStatement()) {
			s.executeUpdate("DELETE FROM CERTIFICATE WHERE CERTIFICATE_NUMBER = 'CMI-2025-00002'");
		}
		Registration late = registered(LocalDate.of(2024, 3, 1));
		String fourth = session(LocalDate.of(2025, 12, 4), List.of(late), ALL, ALL);
		assertEquals("CMI-2025-00003", store.juries().issueCertificates(fourth).get(late.getId()).getNumber());
	}

	@Test
	void aDomainRestatedByALaterJuryIsValidFromTheFirstOneOnly() throws Exception {
		Registration r = registered(LocalDate.of(2012, 3, 5));
		String early = session(LocalDate.of(2013, 11, 14), List.of(r), ALL, List.of(7));
		session(LocalDate.of(2016, 11, 17), List.of(r), List.of(1, 2, 3, 4, 5, 6, 7), List.of(7));
		// 2019: domains 1 to 6 acquired, domain 7 restated in 2016 but acquired in 2013: expired in 2018
		String last = session(LocalDate.of(2019, 11, 21), List.of(r), List.of(1, 2, 3, 4, 5, 6), List.of(1, 2, 3, 4, 5, 6));
		store.juries().issueCertificates(early);
		Certificate certificate = store.juries().issueCertificates(last).get(r.getId());
		assertEquals("CMI-2019-P00001 2019-11-21 partial 0", describe(certificate));
	}

	@Test
	void aRefusalIssuesNothingAndTakesNoNumberAndTheJurysAdviceIsKept() throws Exception {
		Registration refused = registered(LocalDate.of(2021, 4, 6));
		Registration awarded = registered(LocalDate.of(2021, 4, 7));
		String id = session(LocalDate.of(2022, 11, 17), List.of(refused, awarded), ALL, List.of());
		JurySession read = store.juries().find(id).orElseThrow().value();
		read.getDecisions().stream().filter(d -> d.getRegistration().getId().equals(refused.getId())).findFirst().orElseThrow()
				.setAdvice("Reprendre la formation des domaines 1 à 7 et se représenter.");
		read.getDecisions().stream().filter(d -> d.getRegistration().getId().equals(awarded.getId())).findFirst().orElseThrow()
				.getDomains().forEach(d -> d.setAcquired(true));
		store.juries().save(store.juries().find(id).map(v -> new fr.mutualite.cqp.core.dossier.Versioned<>(read, v.version(),
				v.updatedBy(), v.updatedAt())).orElseThrow());
		var issued = store.juries().issueCertificates(id);
		assertEquals(List.of(awarded.getId()), List.copyOf(issued.keySet()));
		assertEquals("CMI-2022-00001 2022-11-17 full 120", describe(issued.get(awarded.getId())));
		assertEquals(null, store.registrations().find(refused.getId()).orElseThrow().value().getCertificate());
		assertEquals("Reprendre la formation des domaines 1 à 7 et se représenter.", store.juries().find(id).orElseThrow().value()
				.getDecisions().stream().filter(d -> d.getRegistration().getId().equals(refused.getId())).findFirst().orElseThrow()
				.getAdvice());
	}

	@Test
	void aSequenceStartsAfterTheNumbersAlreadyGivenAndAnUnknownSessionIsRefused() throws Exception {
		Registration imported = registered(LocalDate.of(2019, 5, 6));
		try (Connection c = store.data().connect(); Statement s = c.createStatement()) {
			s.executeUpdate("INSERT INTO CERTIFICATE (REGISTRATION_ID, CERTIFICATE_NUMBER, ISSUE_DATE, FULL_AWARD, BONUS_POINTS) "
					+ "VALUES ('" + imported.getId() + "', 'CMI-2021-P00041', '2021-06-01', FALSE, 0)");
		}
		Registration r = registered(LocalDate.of(2020, 1, 6));
		String session = session(LocalDate.of(2021, 11, 18), List.of(r), ALL, ALL);
		assertEquals("CMI-2021-00042", store.juries().issueCertificates(session).get(r.getId()).getNumber());
		CqpException refused = assertThrows(CqpException.class, () -> store.juries().issueCertificates("J-absente"));
		assertEquals("Aucune session de jury d'identifiant J-absente dans la base.", refused.getMessage());
		assertTrue(store.registrations().find(r.getId()).orElseThrow().value().getCertificateHistory().isEmpty());
	}
}
