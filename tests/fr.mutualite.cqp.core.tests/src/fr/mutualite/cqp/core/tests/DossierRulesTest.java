package fr.mutualite.cqp.core.tests;

import static fr.mutualite.cqp.core.tests.DossierFixture.F;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.core.dossier.Deadlines;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.model.dossier.BookletState;
import fr.mutualite.cqp.model.dossier.BookletStatus;
import fr.mutualite.cqp.model.dossier.ExperiencePeriod;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.JurySide;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Route;

/** Each rule of the guide on dossiers: broken, it is reported with its severity; kept, it is silent. */
class DossierRulesTest {

	private DossierFixture fx;

	@BeforeEach
	void fixture() throws Exception {
		fx = new DossierFixture();
	}

	private List<Problem> problems() {
		return Validation.validate(fx.dossiers, DossierFixture.TODAY);
	}

	private List<Problem> of(String rule) {
		return problems().stream().filter(p -> p.rule().equals(rule)).toList();
	}

	private void assertReported(String rule, Severity severity, String fragment) {
		List<Problem> found = of(rule);
		assertTrue(found.stream().anyMatch(p -> p.severity() == severity && p.message().contains(fragment)
				&& p.message().endsWith("[" + rule + "]")), rule + " " + severity + " '" + fragment + "' in " + problems());
	}

	private void assertSilent(String rule) {
		assertEquals(List.of(), of(rule), rule);
	}

	@Test
	void aCompleteDossierBreaksNoRule() {
		assertEquals(List.of(), problems());
	}

	@Test
	void theOrientationInterviewIsMandatory() {
		fx.registration.setOrientation(null);
		assertReported("DOS-01", Severity.ERROR, "l'entretien d'accueil et d'orientation, obligatoire");
		Registration fresh = F.createRegistration();
		fresh.setId("INS-2");
		fresh.setCertification(fx.cmi);
		fresh.setReferentialVersion("1.0");
		fresh.setDate(LocalDate.of(2019, 12, 1));
		fresh.setRoute(Route.TRAINING);
		fx.dossiers.getCandidates().get(0).getRegistrations().add(fresh);
		assertTrue(of("DOS-01").stream().anyMatch(p -> p.element() == fresh && p.severity() == Severity.WARNING),
				"a new registration only gets a warning");
	}

	@Test
	void theFirstJuryComesWithinThreeYears() {
		assertSilent("DOS-02");
		fx.session.setDate(DossierFixture.REGISTERED.plusYears(3).plusDays(1));
		assertReported("DOS-02", Severity.WARNING, "au plus tard le 2021-09-01");
	}

	@Test
	void aRegistrationWithoutJuryPastItsDeadlineIsFlagged() {
		fx.session.getDecisions().clear();
		fx.registration.setCertificate(null);
		assertSilent("DOS-02");
		assertTrue(Validation.validate(fx.dossiers, LocalDate.of(2021, 9, 2)).stream().anyMatch(p -> p.rule().equals("DOS-02")));
	}

	@Test
	void theTrainingBodyIsApprovedForTheRoute() {
		fx.registration.setRoute(Route.VAE);
		fx.registration.setTrainingPath(null);
		assertReported("DOS-03", Severity.ERROR, "ARKOS n'est pas agréé pour CMI par la voie « VAE »");
		fx.registration.setTrainingBody(fx.body("ADYLIS CONSEIL"));
		assertSilent("DOS-03");
	}

	@Test
	void anExpiredApprovalIsAWarning() {
		fx.registration.setDate(LocalDate.of(2020, 10, 1));
		assertReported("DOS-03", Severity.WARNING, "avait pris fin le 2020-09-30");
	}

	@Test
	void aModuleBelongsToExactlyOneDomainOfTheCertification() {
		TrainingModule module = fx.registration.getTrainingPath().getModules().get(0);
		module.getDomains().add(fx.cmi.getDomains().get(1).getDomain());
		assertReported("DOS-04", Severity.ERROR, "il l'est à 2");
		module.getDomains().clear();
		assertReported("DOS-04", Severity.ERROR, "il l'est à 0");
		module.getDomains().add(fx.library.certification("CMC").orElseThrow().getDomains().get(0).getDomain());
		assertReported("DOS-04", Severity.ERROR, "n'est pas un domaine de la certification CMI");
	}

	@Test
	void trainingHoursStayWithinTheRange() {
		fx.registration.getTrainingPath().getModules().forEach(m -> m.setHours(50));
		assertReported("DOS-05", Severity.ERROR, "350 heures de formation, au-delà du maximum de 320");
		fx.registration.getTrainingPath().getModules().forEach(m -> m.setHours(30));
		assertReported("DOS-05", Severity.WARNING, "210 heures, hors de la fourchette de 280 à 320");
		fx.registration.getTrainingPath().getModules().subList(3, 7).clear();
		assertSilent("DOS-05");
	}

	@Test
	void everyDomainIsEvaluatedByTheTrainingBody() {
		fx.registration.getFormativeEvaluations().remove(6);
		assertReported("DOS-06", Severity.ERROR, "CMI-D7 n'a pas été évalué par l'organisme de formation");
	}

	@Test
	void trainerCommentsAreMandatory() {
		fx.registration.getFormativeEvaluations().get(0).setComment(" ");
		assertReported("DOS-07", Severity.ERROR, "les commentaires du formateur sont obligatoires");
	}

	@Test
	void aFailedDomainGetsANewEvaluation() {
		FormativeEvaluation failed = fx.registration.getFormativeEvaluations().get(2);
		failed.setObjectiveAchieved(false);
		assertReported("DOS-08", Severity.WARNING, "aucune nouvelle évaluation datée");
		FormativeEvaluation resit = F.createFormativeEvaluation();
		resit.setDomain(failed.getDomain());
		resit.setPrevious(failed);
		resit.setDate(failed.getDate().plusDays(20));
		resit.setObjectiveAchieved(true);
		resit.setComment("Reprise réussie.");
		fx.registration.getFormativeEvaluations().add(resit);
		assertSilent("DOS-08");
		assertSilent("DOS-09");
		resit.setDate(failed.getDate().minusDays(1));
		assertReported("DOS-09", Severity.ERROR, "qui n'est pas antérieure");
	}

	@Test
	void theFinalEvaluationHasTwoAgreeingEvaluatorsWhoComment() {
		FinalDomainEvaluation first = fx.registration.getFinalEvaluation().getDomains().get(0);
		first.setComment(null);
		assertReported("DOS-10", Severity.ERROR, "les commentaires des évaluateurs sont obligatoires");
		first.setComment("ok");
		first.setEvaluatorsAgree(false);
		assertReported("DOS-10", Severity.ERROR, "doivent être d'accord");
		first.setEvaluatorsAgree(true);
		first.setSignedByEvaluator2(false);
		assertReported("DOS-10", Severity.ERROR, "n'est pas signée par les deux évaluateurs");
		first.setSignedByEvaluator2(true);
		first.setActivitiesExercised(false);
		assertReported("DOS-10", Severity.ERROR, "n'a pas exercé les activités");
		first.setActivitiesExercised(true);
		fx.registration.getFinalEvaluation().setEvaluator2(null);
		assertReported("DOS-10", Severity.ERROR, "deux évaluateurs");
	}

	private VaeDossier vae(String... periods) {
		fx.registration.setRoute(Route.VAE);
		fx.registration.setTrainingBody(fx.body("ADYLIS CONSEIL"));
		fx.registration.setTrainingPath(null);
		fx.registration.getFormativeEvaluations().clear();
		VaeDossier dossier = F.createVaeDossier();
		for (String p : periods) {
			String[] ends = p.split("/");
			ExperiencePeriod period = F.createExperiencePeriod();
			period.setStart(LocalDate.parse(ends[0]));
			period.setEnd(LocalDate.parse(ends[1]));
			period.setRelevant(true);
			dossier.getExperiences().add(period);
		}
		fx.registration.setVaeDossier(dossier);
		return dossier;
	}

	@Test
	void vaeNeedsThreeYearsOfExperienceWithinTwelve() {
		vae("2015-01-01/2017-01-01");
		assertReported("DOS-11", Severity.ERROR, "2 an(s)");
	}

	@Test
	void vaeCountsOverlappingPeriodsOnceAndSequencesTogether() {
		vae("2010-01-01/2012-01-01", "2011-06-01/2012-06-01", "2016-01-01/2017-06-01");
		assertSilent("DOS-11");
		VaeDossier dossier = fx.registration.getVaeDossier();
		dossier.getExperiences().get(2).setRelevant(false);
		assertReported("DOS-11", Severity.ERROR, "d'expérience pertinente dans les 12 années");
	}

	@Test
	void experienceOlderThanTheWindowDoesNotCount() {
		vae("2000-01-01/2006-01-01");
		assertReported("DOS-11", Severity.ERROR, "0 an(s) et 0 jour(s)");
	}

	@Test
	void anInadmissibleRequestIsRecordedWithItsReasonAndGoesToNoJury() {
		VaeDossier dossier = vae("2015-01-01/2017-01-01");
		var experience = fr.mutualite.cqp.core.dossier.VaeExperience.of(fx.registration).orElseThrow();
		assertEquals(List.of(731L, false, 3, 12), List.of(experience.days(), experience.enough(), experience.minimumYears(),
				experience.windowYears()));
		dossier.setAdmissibility(fr.mutualite.cqp.model.dossier.Admissibility.INADMISSIBLE);
		assertReported("DOS-11", Severity.ERROR, "indiquez-en le motif");
		assertReported("DOS-11", Severity.ERROR, "une demande de VAE non recevable ne passe pas devant le jury");
		dossier.setAdmissibilityReason("2 ans d'expérience dans les métiers de la branche, il en faut 3.");
		fx.session.getDecisions().remove(fx.decision);
		assertSilent("DOS-11");
		// declared admissible, the experience is checked again
		dossier.setAdmissibility(fr.mutualite.cqp.model.dossier.Admissibility.ADMISSIBLE);
		assertReported("DOS-11", Severity.ERROR, "2 an(s)");
	}

	@Test
	void theEvaluationConditionsFollowTheModalityOfTheBooklet() {
		var sheet = fx.registration.getFinalEvaluation().getDomains().get(4);
		assertSilent("DOS-21");
		sheet.getConditions().clear();
		assertReported("DOS-21", Severity.WARNING, "la modalité d'évaluation du livret demande : Entretien ; la fiche indique : aucune condition.");
		sheet.getConditions().add(fr.mutualite.cqp.model.dossier.EvaluationCondition.OBSERVATION);
		assertReported("DOS-21", Severity.WARNING, "demande : Entretien ; la fiche indique : Observation.");
	}

	@Test
	void theJurysSheetIsCompleteOnceTheCertificateIsAwardedInFull() {
		Booklet jury = fx.library.booklets(fx.cmi).stream().filter(b -> b.getKind() == BookletKind.JURY_DECISION).findFirst()
				.orElseThrow();
		assertEquals(BookletState.COMPLETE, Booklets.state(fx.registration, jury));
		fx.registration.getCertificate().setFull(false);
		assertEquals(BookletState.IN_PROGRESS, Booklets.state(fx.registration, jury));
		fx.registration.setCertificate(null);
		assertEquals(BookletState.EMPTY, Booklets.state(fx.registration, jury));
	}

	@Test
	void theJuryRulesOnACandidateWhoseFinalEvaluationIsComplete() {
		assertSilent("DOS-20");
		fx.registration.getBookletStatuses().clear();
		assertReported("DOS-20", Severity.WARNING, "n'est pas déclaré complet");
		fx.registration.setFinalEvaluation(null);
		assertReported("DOS-20", Severity.ERROR, "le jury se prononce sur un candidat sans Livret d'évaluation finale");
	}

	@Test
	void theJuryHasFourMembersTwoOfEachSide() {
		fx.session.getMembers().remove(3);
		assertReported("DOS-13", Severity.ERROR, "3 membres (2 employeurs, 1 salariés) ; il en faut 4");
	}

	@Test
	void thePresidentIsAMember() {
		fx.session.setPresident(F.createJuryMember());
		assertReported("DOS-14", Severity.ERROR, "le président doit être désigné parmi les membres");
		fx.session.setPresident(null);
		assertReported("DOS-14", Severity.ERROR, "le président");
	}

	@Test
	void thePresidencyAlternates() {
		fx.session(DossierFixture.JURY.plusMonths(3).toString(), DossierFixture.JURY.plusMonths(3), JurySide.EMPLOYEE);
		assertSilent("DOS-15");
		fx.session("dernière", DossierFixture.JURY.plusMonths(6), JurySide.EMPLOYEE);
		assertReported("DOS-15", Severity.WARNING, "déjà présidée par un représentant des salariés");
	}

	@Test
	void theDecisionRulesOnceOnEveryDomain() {
		fx.decision.getDomains().remove(4);
		assertReported("DOS-16", Severity.ERROR, "domaines sans décision : 5");
		fx.decision.getDomains().add(org.eclipse.emf.ecore.util.EcoreUtil.copy(fx.decision.getDomains().get(0)));
		assertReported("DOS-16", Severity.ERROR, "domaines décidés plusieurs fois : ANALYSE-SITUATION");
	}

	@Test
	void theCqpIsAwardedOnlyWhenEveryDomainIsAcquired() {
		fx.decision.getDomains().get(6).setAcquired(false);
		assertReported("DOS-17", Severity.ERROR, "CMI-D7 n'est pas acquis");
	}

	@Test
	void aPartiallyAcquiredDomainStaysValidFiveYears() {
		// a first jury acquires domain 7 only; three years later a second jury acquires the others
		var early = fx.session("JURY-2016", LocalDate.of(2016, 11, 15), JurySide.EMPLOYEE);
		var partial = F.createJuryDecision();
		partial.setRegistration(fx.registration);
		fx.cmi.getDomains().forEach(u -> {
			var d = F.createDomainDecision();
			d.setDomain(u.getDomain());
			d.setAcquired(u.getNumber() == 7);
			partial.getDomains().add(d);
		});
		early.getDecisions().add(partial);
		fx.registration.setDate(LocalDate.of(2016, 1, 10));
		fx.decision.getDomains().get(6).setAcquired(false);
		assertSilent("DOS-17");
		early.setDate(LocalDate.of(2014, 11, 14));
		fx.registration.setDate(LocalDate.of(2014, 1, 10));
		assertReported("DOS-17", Severity.ERROR, "il y a plus de 5 ans");
	}

	/** A decision at {@code session} on the fixture's registration, acquiring the domains numbered {@code acquired}. */
	private fr.mutualite.cqp.model.dossier.JuryDecision decide(fr.mutualite.cqp.model.dossier.JurySession session,
			List<Integer> ruled, List<Integer> acquired) {
		var decision = F.createJuryDecision();
		decision.setRegistration(fx.registration);
		fx.cmi.getDomains().stream().filter(u -> ruled.contains(u.getNumber())).forEach(u -> {
			var d = F.createDomainDecision();
			d.setDomain(u.getDomain());
			d.setAcquired(acquired.contains(u.getNumber()));
			decision.getDomains().add(d);
		});
		session.getDecisions().add(decision);
		return decision;
	}

	@Test
	void aRestatedDomainStaysValidFiveYearsFromTheFirstJury() {
		// domain 7 acquired in November 2013, restated in 2016, the rest acquired in November 2019:
		// the validity of domain 7 runs from 2013 and has ended (2018), the 2016 restatement does not restart it
		fx.registration.setDate(LocalDate.of(2013, 1, 10));
		decide(fx.session("JURY-2013", LocalDate.of(2013, 11, 15), JurySide.EMPLOYEE), List.of(1, 2, 3, 4, 5, 6, 7),
				List.of(7));
		decide(fx.session("JURY-2016", LocalDate.of(2016, 11, 15), JurySide.EMPLOYER), List.of(1, 2, 3, 4, 5, 6, 7),
				List.of(7));
		fx.decision.getDomains().get(6).setAcquired(false);
		assertEquals(java.util.Map.of(fx.cmi.getDomains().get(6).getDomain(), LocalDate.of(2013, 11, 15)),
				fr.mutualite.cqp.core.dossier.Awards.acquired(fx.registration, LocalDate.of(2017, 1, 1), 5, false));
		assertEquals(java.util.Map.of(), fr.mutualite.cqp.core.dossier.Awards.acquired(fx.registration,
				DossierFixture.JURY, 5, true));
		assertReported("DOS-17", Severity.ERROR, "CMI-D7 n'est pas acquis (ou l'a été il y a plus de 5 ans)");
		// acquired again once expired, a new validity starts
		fx.decision.getDomains().get(6).setAcquired(true);
		assertSilent("DOS-17");
		assertEquals(LocalDate.of(2019, 11, 15), fr.mutualite.cqp.core.dossier.Awards
				.acquired(fx.registration, DossierFixture.TODAY, 5, false).get(fx.cmi.getDomains().get(6).getDomain()));
	}

	@Test
	void aLaterJuryRulesOnlyOnTheDomainsStillMissing() {
		fx.registration.setDate(LocalDate.of(2018, 1, 10));
		decide(fx.session("JURY-2018", LocalDate.of(2018, 11, 15), JurySide.EMPLOYEE), List.of(1, 2, 3, 4, 5, 6, 7),
				List.of(1, 2, 3, 4, 5));
		// the 2019 jury rules on 6 and 7 only: nothing missing, and the award is full
		fx.decision.getDomains().subList(0, 5).clear();
		assertSilent("DOS-16");
		assertSilent("DOS-17");
		fx.decision.getDomains().remove(1);
		assertReported("DOS-16", Severity.ERROR, "domaines sans décision : 7");
		// a later jury cannot take back a domain still valid
		decide(fx.session("JURY-2020", LocalDate.of(2020, 1, 10), JurySide.EMPLOYER), List.of(1, 7), List.of(7));
		assertReported("DOS-16", Severity.ERROR,
				"domaines acquis à un jury précédent, valables 5 ans, déclarés non acquis : ANALYSE-SITUATION");
	}

	@Test
	void holdersGetTheBonusOfTheRules() {
		fx.registration.getCertificate().setBonusPoints(100);
		assertReported("DOS-18", Severity.WARNING, "100 points de gratification au lieu des 120");
	}

	@Test
	void aRatingUsesALevelOfTheItemsScale() {
		Booklet tutor = fx.library.booklets(fx.cmi).get(2);
		var item = tutor.getSections().get(0).getItems().get(2);
		var grid = F.createTutorAssessment();
		grid.setBooklet(tutor);
		Rating rating = F.createRating();
		rating.setItem(item);
		rating.setLevel(item.getScale().getLevels().get(2));
		grid.getRatings().add(rating);
		fx.registration.getTutorAssessments().add(grid);
		assertSilent("DOS-19");
		rating.setLevel(fx.library.booklets(fx.cmi).get(3).getScales().get(0).getLevels().get(0));
		assertReported("DOS-19", Severity.ERROR, "le niveau « OUI » n'appartient pas à l'échelle");
	}

	@Test
	void withoutRulesInForceTheDossierSaysSo() {
		fx.registration.setDate(LocalDate.of(2005, 3, 1));
		assertReported("DOS-00", Severity.WARNING, "aucune règle de certification n'est en vigueur le 2005-03-01");
	}

	@TempDir
	Path tmp;

	@Test
	void aCertificationWhoseFileHasRulesOfItsOwnIsHeldToThemAndTheOthersToTheBranchs() throws Exception {
		Path file = tmp.resolve("sept.referentiel");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<ref:Referential xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ref="http://www.mutualite.fr/cqp/referential/1.0"
				    id="sept" title="Septième CQP" version="1.0" validFrom="2015-01-01">
				  <certifications code="SEPT" title="Septième certification">
				    <domains number="1" domain="SEPT-D1"/>
				  </certifications>
				  <domains code="SEPT-D1" wording="Un domaine"/>
				  <ruleSets validFrom="2015-01-01" registrationDeadlineYears="2" trainingHoursMin="100" trainingHoursMax="150" partialValidityYears="4" vaeMinExperienceYears="3" vaeWindowYears="12" juryMembers="4" juryEmployerMembers="2" juryEmployeeMembers="2" alternatingPresidency="true"/>
				</ref:Referential>
				""");
		Certification sept = fx.library.add(file).getCertifications().get(0);
		assertEquals(List.of(3, 320), List.of(RuleBook.of(fx.registration).at(DossierFixture.REGISTERED).orElseThrow()
				.getRegistrationDeadlineYears(), RuleBook.of(fx.registration).at(DossierFixture.REGISTERED).orElseThrow()
						.getTrainingHoursMax()), "the individuals CQP keeps the branch's rules");
		assertEquals(DossierFixture.REGISTERED.plusYears(3), Deadlines.firstJury(fx.registration).orElseThrow());
		assertSilent("DOS-05");

		Registration other = DossierFixture.F.createRegistration();
		other.setId("INS-7");
		other.setCertification(sept);
		other.setReferentialVersion("1.0");
		other.setDate(LocalDate.of(2017, 6, 1));
		other.setRoute(Route.TRAINING);
		other.setOrientation(DossierFixture.F.createOrientationInterview());
		other.setTrainingPath(DossierFixture.F.createTrainingPath());
		TrainingModule module = DossierFixture.F.createTrainingModule();
		module.setTitle("Module unique");
		module.setHours(200);
		module.getDomains().add(sept.getDomains().get(0).getDomain());
		other.getTrainingPath().getModules().add(module);
		fx.dossiers.getCandidates().get(0).getRegistrations().add(other);
		assertEquals(LocalDate.of(2019, 6, 1), Deadlines.firstJury(other).orElseThrow());
		assertEquals(List.of("Parcours de formation : 200 heures de formation, au-delà du maximum de 150 heures. [DOS-05]"),
				of("DOS-05").stream().map(Problem::message).toList());
		assertEquals(List.of("Inscription INS-7 : le premier passage devant le jury devait avoir lieu au plus tard le 2019-06-01 (inscription du 2017-06-01, délai de 2 ans). [DOS-02]"),
				of("DOS-02").stream().map(Problem::message).toList());
	}

	@Test
	void aBookletIsEmptyInProgressCompleteOrSigned() {
		Booklet guide = Booklets.of(fx.registration, BookletKind.ORIENTATION_GUIDE).orElseThrow();
		Booklet vae = Booklets.of(fx.registration, BookletKind.VAE_DOSSIER).orElseThrow();
		assertEquals(List.of(BookletState.IN_PROGRESS, BookletState.EMPTY),
				List.of(Booklets.state(fx.registration, guide), Booklets.state(fx.registration, vae)));
		BookletStatus signed = DossierFixture.F.createBookletStatus();
		signed.setBooklet(guide);
		signed.setState(BookletState.SIGNED);
		fx.registration.getBookletStatuses().add(signed);
		assertEquals(BookletState.SIGNED, Booklets.state(fx.registration, guide));
		assertEquals(List.of("CMI-ORI", "CMI-TRA", "CMI-TUT", "CMI-FIN", "CMI-VAE", "CMI-JURY"),
				Booklets.of(fx.cmi).stream().map(Booklet::getCode).toList());
	}
}
