package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.TrainingBody;

/** A synthetic branch written to a real Derby database reads back exactly, through every repository. */
class DossierStoreTest {

	private static final int CANDIDATES = 150;

	@TempDir
	static Path tmp;
	private static DossierStore store;
	private static BranchGenerator branch;

	@BeforeAll
	static void fill() throws Exception {
		store = Stores.open(tmp.resolve("base"));
		branch = Stores.fill(store, 11, CANDIDATES);
	}

	@AfterAll
	static void close() throws Exception {
		store.close();
	}

	private static List<Registration> registrations() {
		return branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream()).toList();
	}

	@Test
	void everyRegistrationReadsBackWithAllItsBooklets() throws Exception {
		for (Registration written : registrations()) {
			Versioned<Registration> read = store.registrations().find(written.getId()).orElseThrow();
			assertEquals(Dump.of(written), Dump.of(read.value()), written.getId());
			assertEquals(1, read.version());
			Candidate candidate = (Candidate) read.value().eContainer();
			assertEquals(Dump.of(written.eContainer(), DossierPackage.Literals.CANDIDATE__REGISTRATIONS),
					Dump.of(candidate, DossierPackage.Literals.CANDIDATE__REGISTRATIONS));
		}
	}

	@Test
	void everyJurySessionReadsBackWithMembersPresidentAndDecisions() throws Exception {
		int decisions = 0;
		for (JurySession written : branch.dossiers().getJurySessions()) {
			JurySession read = store.juries().find(written.getId()).orElseThrow().value();
			assertEquals(Dump.of(written), Dump.of(read), written.getId());
			decisions += read.getDecisions().size();
		}
		assertTrue(decisions > CANDIDATES / 3, "decisions read " + decisions);
		assertEquals(branch.dossiers().getJurySessions().size(),
				store.juries().between(Stores.AS_OF.minusYears(20), Stores.AS_OF).size());
	}

	@Test
	void trainingBodiesAndCompaniesReadBack() throws Exception {
		List<TrainingBody> read = store.trainingBodies().list();
		List<TrainingBody> written = branch.trainingBodies().getTrainingBodies().stream()
				.sorted(Comparator.comparing(TrainingBody::getName)).toList();
		assertEquals(written.stream().map(Dump::of).toList(), read.stream().map(Dump::of).toList());
		assertEquals(branch.dossiers().getCompanies().size(), store.companies().list().size());
	}

	@Test
	void aTrainingBodyListsItsCandidatesByName() throws Exception {
		Map<String, Long> perBody = registrations().stream()
				.collect(Collectors.groupingBy(r -> r.getTrainingBody().getCode(), Collectors.counting()));
		for (Map.Entry<String, Long> e : perBody.entrySet()) {
			List<RegistrationSummary> list = store.registrations().ofTrainingBody(e.getKey());
			assertEquals(e.getValue().intValue(), list.size(), e.getKey());
			List<String> names = list.stream().map(s -> s.lastName() + " " + s.firstName()).toList();
			assertEquals(names.stream().sorted().toList(), names, "sorted by name");
			assertTrue(list.stream().allMatch(s -> e.getKey().equals(s.trainingBodyCode())));
		}
		assertEquals(CANDIDATES, store.candidates().count());
		assertEquals(registrations().size(), store.registrations().count());
	}

	@Test
	void candidatesAreFoundByTheirStableKeyWhateverTheSpelling() throws Exception {
		Candidate written = branch.dossiers().getCandidates().get(3);
		var found = store.candidates().findByIdentity(written.getLastName().toUpperCase(),
				" " + written.getFirstName().toLowerCase() + " ",
				written.getBirthDate());
		assertEquals(written.getId(), found.orElseThrow().value().getId());
		assertTrue(store.candidates().search(written.getLastName().substring(0, 3), 200).stream()
				.anyMatch(c -> c.value().getId().equals(written.getId())));
	}

	@Test
	void theStatisticsTablesAnswerSql() throws Exception {
		try (Connection c = store.data().connect(); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN ACQUIRED = DOMAINS THEN 1 ELSE 0 END) FROM DECISION_SUMMARY")) {
			r.next();
			long decisions = branch.dossiers().getJurySessions().stream().mapToLong(j -> j.getDecisions().size()).sum();
			assertEquals(decisions, r.getLong(1));
			long full = branch.dossiers().getJurySessions().stream().flatMap(j -> j.getDecisions().stream())
					.filter(d -> d.getDomains().stream().allMatch(x -> x.isAcquired())).count();
			assertEquals(full, r.getLong(2));
		}
	}
}
