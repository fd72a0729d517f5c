package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The synthetic branch follows the guide's rules, looks like real life, and is reproducible. */
class BranchGeneratorTest {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
	private static final int CANDIDATES = 600;

	private static ReferentialLibrary library;
	private static Dossiers branch;

	@BeforeAll
	static void generate() throws Exception {
		library = ReferentialLibrary.shipped();
		BranchGenerator generator = new BranchGenerator(library, 42, AS_OF).keep();
		generator.generate(CANDIDATES, sink());
		branch = generator.dossiers();
		Resource resource = library.resourceSet().createResource(URI.createURI("memory:/branche.dossiers"));
		resource.getContents().add(branch);
		resource.getContents().add(generator.trainingBodies());
	}

	private static BranchGenerator.Sink sink() {
		return new BranchGenerator.Sink() {
			@Override
			public void trainingBody(TrainingBody body) {
				// kept by the generator
			}

			@Override
			public void company(Company company) {
				// kept by the generator
			}

			@Override
			public void session(JurySession session) {
				// kept by the generator
			}

			@Override
			public void candidate(Candidate candidate, List<JuryDecision> decisions) {
				// kept by the generator
			}
		};
	}

	private static List<Registration> registrations() {
		return branch.getCandidates().stream().flatMap(c -> c.getRegistrations().stream()).toList();
	}

	@Test
	void theBranchBreaksNoRuleOfTheGuide() {
		List<Problem> problems = Validation.validate(branch, AS_OF);
		List<Problem> errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
		assertEquals(List.of(), errors.stream().limit(5).map(Problem::message).toList(), errors.size() + " errors");
		Set<String> warned = problems.stream().map(Problem::rule).collect(Collectors.toCollection(TreeSet::new));
		assertTrue(warned.contains("DOS-02"), "some candidates are past their deadline: " + warned);
	}

	@Test
	void theBranchLooksLikeRealLife() {
		List<Registration> registrations = registrations();
		assertEquals(CANDIDATES, registrations.size());
		Map<String, Long> perCertification = registrations.stream()
				.collect(Collectors.groupingBy(r -> r.getCertification().getCode(), TreeMap::new, Collectors.counting()));
		assertEquals(Set.of("AC", "CARC", "CMC", "CMI", "CRD", "SPSP"), perCertification.keySet());
		long vae = registrations.stream().filter(r -> r.getRoute() == Route.VAE).count();
		assertTrue(vae > CANDIDATES / 10 && vae < CANDIDATES / 3, "VAE share " + vae);
		long full = registrations.stream().filter(r -> r.getCertificate() != null && r.getCertificate().isFull()).count();
		long partial = registrations.stream().filter(r -> r.getCertificate() != null && !r.getCertificate().isFull())
				.count();
		long undecided = registrations.stream().filter(r -> r.getCertificate() == null).count();
		assertTrue(full > CANDIDATES / 3, "full awards " + full);
		assertTrue(partial > 10, "partial awards " + partial);
		assertTrue(undecided > 20, "candidates still on their way " + undecided);
		long resits = registrations.stream().flatMap(r -> r.getFormativeEvaluations().stream())
				.filter(e -> e.getPrevious() != null).count();
		assertTrue(resits > 10, "formative resits " + resits);
		long secondJuries = registrations.stream()
				.filter(r -> branch.getJurySessions().stream().flatMap(s -> s.getDecisions().stream())
						.filter(d -> d.getRegistration() == r).count() > 1)
				.count();
		assertTrue(secondJuries > 5, "second juries after a partial award " + secondJuries);
		long pastDeadlineWithoutJury = registrations.stream()
				.filter(r -> r.getCertificate() == null && r.getDate().plusYears(3).isBefore(AS_OF)).count();
		assertTrue(pastDeadlineWithoutJury > 5, "past their deadline without jury " + pastDeadlineWithoutJury);
		long partialNearExpiry = registrations.stream()
				.filter(r -> r.getCertificate() != null && !r.getCertificate().isFull()
						&& r.getCertificate().getDate().plusYears(5).isBefore(AS_OF.plusYears(1)))
				.count();
		assertTrue(partialNearExpiry > 0, "partial validations expiring within a year " + partialNearExpiry);
		assertFalse(registrations.stream().anyMatch(r -> r.getDate().isAfter(AS_OF)), "nothing after the day");
	}

	@Test
	void theSameSeedGivesTheSameBranchAndAnotherSeedAnotherOne() throws CqpException {
		BranchGenerator again = new BranchGenerator(library, 42, AS_OF).keep();
		again.generate(CANDIDATES, sink());
		assertTrue(EcoreUtil.equals(new ArrayList<>(branch.getCandidates()), new ArrayList<>(again.dossiers().getCandidates())),
				"same seed, same candidates");
		BranchGenerator other = new BranchGenerator(library, 43, AS_OF).keep();
		other.generate(CANDIDATES, sink());
		Set<String> names = new HashSet<>();
		branch.getCandidates().forEach(c -> names.add(c.getLastName() + c.getFirstName()));
		long same = other.dossiers().getCandidates().stream().filter(c -> names.contains(c.getLastName() + c.getFirstName()))
				.count();
		assertTrue(same < CANDIDATES / 2, "another seed draws other candidates: " + same + " in common");
	}
}
