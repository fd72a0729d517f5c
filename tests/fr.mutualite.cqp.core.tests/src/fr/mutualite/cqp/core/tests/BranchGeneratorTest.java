package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.dossier.Admissibility;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.RuleSet;
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

	/**
	 * No error but those the branch's users have to settle: a final evaluation on which the two
	 * evaluators do not agree yet (DOS-10), in a dossier no jury has decided on.
	 */
	@Test
	void theBranchBreaksNoRuleOfTheGuide() {
		List<Problem> problems = Validation.validate(branch, AS_OF);
		List<Problem> errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
		List<Problem> toSettle = errors.stream().filter(p -> p.element() instanceof FinalDomainEvaluation e
				&& !e.isEvaluatorsAgree() && registrationOf(e).getCertificate() == null).toList();
		assertFalse(toSettle.isEmpty(), "evaluators who disagree");
		List<Problem> others = new ArrayList<>(errors);
		others.removeAll(toSettle);
		assertEquals(List.of(), others.stream().limit(5).map(Problem::message).toList(), others.size() + " errors");
		Set<String> warned = problems.stream().map(Problem::rule).collect(Collectors.toCollection(TreeSet::new));
		assertTrue(warned.contains("DOS-02"), "some candidates are past their deadline: " + warned);
		assertFalse(warned.contains("DOS-21"), "the conditions of every final evaluation follow the domain's modality");
	}

	private static Registration registrationOf(EObject object) {
		for (EObject e = object; e != null; e = e.eContainer()) {
			if (e instanceof Registration r) {
				return r;
			}
		}
		throw new AssertionError(object + " is not in a registration");
	}

	/** The rules a registration follows on a day. */
	private static RuleSet rules(Registration r, LocalDate day) {
		return RuleBook.of(r).at(day).orElseThrow();
	}

	private static List<JuryDecision> decisions(Registration r) {
		return branch.getJurySessions().stream().sorted(java.util.Comparator.comparing(JurySession::getDate))
				.flatMap(s -> s.getDecisions().stream()).filter(d -> d.getRegistration() == r).toList();
	}

	private static LocalDate day(JuryDecision d) {
		return ((JurySession) d.eContainer()).getDate();
	}

	@Test
	void theBranchLooksLikeRealLife() {
		List<Registration> registrations = registrations();
		assertEquals(CANDIDATES, branch.getCandidates().size());
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
		long failedTwice = registrations.stream().flatMap(r -> r.getFormativeEvaluations().stream())
				.filter(e -> e.getPrevious() != null && !e.getPrevious().isObjectiveAchieved() && !e.isObjectiveAchieved())
				.count();
		assertTrue(failedTwice > 0, "formative evaluations failed more than once " + failedTwice);
		long secondJuries = registrations.stream().filter(r -> decisions(r).size() > 1).count();
		assertTrue(secondJuries > 5, "second juries after a partial award " + secondJuries);
		long pastDeadlineWithoutJury = registrations.stream().filter(r -> r.getCertificate() == null
				&& r.getDate().plusYears(rules(r, r.getDate()).getRegistrationDeadlineYears()).isBefore(AS_OF)).count();
		assertTrue(pastDeadlineWithoutJury > 5, "past their deadline without jury " + pastDeadlineWithoutJury);
		long partialNearExpiry = registrations.stream()
				.filter(r -> r.getCertificate() != null && !r.getCertificate().isFull()
						&& r.getCertificate().getDate().plusYears(rules(r, r.getCertificate().getDate()).getPartialValidityYears())
								.isBefore(AS_OF.plusYears(1)))
				.count();
		assertTrue(partialNearExpiry > 0, "partial validations expiring within a year " + partialNearExpiry);
		assertFalse(registrations.stream().anyMatch(r -> r.getDate().isAfter(AS_OF)), "nothing after the day");
	}

	/** Refusals (no domain acquired) rare on the training path and more frequent in VAE; requests not admissible. */
	@Test
	void refusalsAndInadmissibleRequests() {
		long[] training = new long[2], vae = new long[2];
		for (Registration r : registrations()) {
			for (JuryDecision d : decisions(r)) {
				long[] f = r.getRoute() == Route.VAE ? vae : training;
				f[0]++;
				f[1] += d.getDomains().stream().noneMatch(x -> x.isAcquired()) ? 1 : 0;
			}
		}
		assertTrue(training[1] > 0 && vae[1] > 0, "refusals on both routes: " + training[1] + " / " + vae[1]);
		assertTrue(vae[1] * training[0] > 2 * training[1] * vae[0],
				"refusals more frequent in VAE: " + vae[1] + "/" + vae[0] + " vs " + training[1] + "/" + training[0]);
		long requests = registrations().stream().filter(r -> r.getVaeDossier() != null).count();
		long inadmissible = registrations().stream().filter(r -> r.getVaeDossier() != null
				&& r.getVaeDossier().getAdmissibility() == Admissibility.INADMISSIBLE).count();
		assertTrue(inadmissible > 0 && inadmissible < requests / 4, inadmissible + " inadmissible of " + requests);
		assertTrue(registrations().stream().filter(r -> r.getVaeDossier() != null
				&& r.getVaeDossier().getAdmissibility() == Admissibility.INADMISSIBLE).allMatch(r -> decisions(r).isEmpty()),
				"no jury for a request not admissible");
	}

	/** A second jury after the validity of the first one's acquisitions rules on every domain again. */
	@Test
	void secondJuriesAfterTheValidityExpired() {
		long expired = 0;
		for (Registration r : registrations()) {
			List<JuryDecision> decisions = decisions(r);
			if (decisions.size() > 1) {
				LocalDate first = day(decisions.get(0)), second = day(decisions.get(1));
				if (first.plusYears(rules(r, first).getPartialValidityYears()).isBefore(second)) {
					expired++;
					assertEquals(r.getCertification().getDomains().size(), decisions.get(1).getDomains().size(),
							"every domain decided again for " + r.getId());
				}
			}
		}
		assertTrue(expired > 0, "second juries after the validity expired");
	}

	/** Holders registered for a second certification sharing domains with the first; the shared ones evaluated directly. */
	@Test
	void candidatesRegisteredForTwoCertificationsSharingDomains() {
		List<Candidate> twice = branch.getCandidates().stream().filter(c -> c.getRegistrations().size() == 2).toList();
		assertFalse(twice.isEmpty(), "holders registered again");
		for (Candidate c : twice) {
			Registration first = c.getRegistrations().get(0), second = c.getRegistrations().get(1);
			assertTrue(first.getCertificate().isFull() && second.getDate().isAfter(first.getCertificate().getDate()), c.getId());
			Set<Object> shared = new HashSet<>();
			first.getCertification().getDomains().forEach(u -> shared.add(u.getDomain()));
			assertTrue(second.getCertification().getDomains().stream().anyMatch(u -> shared.contains(u.getDomain())),
					c.getId() + " shares a domain");
			assertTrue(second.getOrientation().getPlans().stream().filter(p -> shared.contains(p.getDomain()))
					.allMatch(p -> p.isDirectEvaluation()), "shared domains evaluated directly for " + c.getId());
		}
	}

	/** Bodies approved for some certifications only, some approvals ended; every registration with an approved body. */
	@Test
	void trainingBodiesApprovedForSomeCertificationsAndPeriods() {
		List<TrainingBody> bodies = ((fr.mutualite.cqp.model.referential.Referential) branch.eResource().getContents().get(1))
				.getTrainingBodies();
		long certifications = library.certifications().size();
		assertTrue(bodies.stream().anyMatch(b -> b.getApprovals().size() < certifications), "some bodies approved for some only");
		assertTrue(bodies.stream().flatMap(b -> b.getApprovals().stream()).anyMatch(a -> a.getValidUntil().isBefore(AS_OF)),
				"some approvals ended");
		for (Registration r : registrations()) {
			assertTrue(r.getTrainingBody().getApprovals().stream().anyMatch(a -> a.getCertification() == r.getCertification()
					&& a.getRoutes().contains(r.getRoute())), r.getId() + " with an approved body");
		}
	}

	/** A seventh certification, a file in the data folder, is generated as the six are. */
	@Test
	void aSeventhCertificationIsGeneratedWithoutCode(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("gp.referentiel"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<ref:Referential xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0"
				    id="gp" title="Référentiel du CQP Gestionnaire de prévoyance" version="1.0" validFrom="2018-01-01">
				  <certifications code="GP" title="Gestionnaire de prévoyance">
				    <domains number="1" domain="platform:/plugin/fr.mutualite.cqp.referential/referentiels/commun.referentiel#IMAGE-MUTUELLE"/>
				    <domains number="2" domain="GP-D2"/>
				  </certifications>
				  <domains code="GP-D2" wording="Gérer les dossiers de prévoyance">
				    <competences code="GP-D2.C1" wording="Instruire un dossier d'arrêt de travail"/>
				  </domains>
				</ref:Referential>
				""");
		ReferentialLibrary seven = ReferentialLibrary.withFolder(folder);
		BranchGenerator generator = new BranchGenerator(seven, 5, AS_OF).keep();
		generator.generate(400, sink());
		List<Registration> gp = generator.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getCertification().getCode().equals("GP")).toList();
		assertTrue(gp.size() > 10, gp.size() + " GP registrations");
		assertTrue(gp.stream().anyMatch(r -> r.getCertificate() != null && r.getCertificate().isFull()), "GP holders");
		assertTrue(generator.dossiers().getJurySessions().stream().anyMatch(s -> s.getId().startsWith("JURY-GP-")),
				"GP jury sessions");
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
