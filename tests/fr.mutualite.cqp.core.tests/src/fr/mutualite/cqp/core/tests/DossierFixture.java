package fr.mutualite.cqp.core.tests;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.Evaluator;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.FinalEvaluation;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.JurySide;
import fr.mutualite.cqp.model.dossier.OrientationInterview;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.TrainingPath;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * A complete, valid training-path dossier of the individuals CQP, in a resource beside the
 * shipped referentials: registered in 2018, trained 7 x 42 hours, evaluated, awarded in full.
 * Tests break one thing at a time.
 */
final class DossierFixture {

	static final DossierFactory F = DossierFactory.eINSTANCE;
	static final LocalDate REGISTERED = LocalDate.of(2018, 9, 1);
	static final LocalDate JURY = LocalDate.of(2019, 11, 15);
	static final LocalDate TODAY = LocalDate.of(2020, 1, 15);

	final ReferentialLibrary library;
	final Certification cmi;
	final Dossiers dossiers;
	final Registration registration;
	final JurySession session;
	final JuryDecision decision;

	DossierFixture() throws Exception {
		library = ReferentialLibrary.shipped();
		cmi = library.certification("CMI").orElseThrow();
		Resource resource = library.resourceSet().createResource(URI.createURI("memory:/essai.dossiers"));
		dossiers = F.createDossiers();
		resource.getContents().add(dossiers);

		Company company = F.createCompany();
		company.setId("MUT-1");
		company.setName("Mutuelle d'essai");
		dossiers.getCompanies().add(company);
		Candidate candidate = F.createCandidate();
		candidate.setId("CAND-1");
		candidate.setLastName("Bérard");
		candidate.setFirstName("Éloïse");
		candidate.setCompany(company);
		dossiers.getCandidates().add(candidate);

		registration = F.createRegistration();
		registration.setId("INS-1");
		registration.setCertification(cmi);
		registration.setReferentialVersion("1.0");
		registration.setDate(REGISTERED);
		registration.setRoute(Route.TRAINING);
		registration.setCompany(company);
		registration.setTrainingBody(body("ARKOS"));
		candidate.getRegistrations().add(registration);

		OrientationInterview orientation = F.createOrientationInterview();
		orientation.setDate(REGISTERED.minusDays(10));
		orientation.setRecommendedRoute(Route.TRAINING);
		registration.setOrientation(orientation);

		TrainingPath path = F.createTrainingPath();
		registration.setTrainingPath(path);
		int day = 0;
		for (DomainUse use : cmi.getDomains()) {
			TrainingModule module = F.createTrainingModule();
			module.setTitle("Module " + use.getNumber());
			module.getDomains().add(use.getDomain());
			module.setHours(42);
			module.setStartDate(REGISTERED.plusDays(30 + 20 * day));
			module.setEndDate(REGISTERED.plusDays(35 + 20 * day));
			path.getModules().add(module);
			FormativeEvaluation evaluation = F.createFormativeEvaluation();
			evaluation.setDomain(use.getDomain());
			evaluation.setDate(REGISTERED.plusDays(36 + 20 * day++));
			evaluation.setTrainer("Formateur ARKOS");
			evaluation.setObjectiveAchieved(true);
			evaluation.setComment("Objectifs atteints, mises en situation réussies.");
			evaluation.getModules().add(module);
			registration.getFormativeEvaluations().add(evaluation);
		}

		FinalEvaluation finalEvaluation = F.createFinalEvaluation();
		finalEvaluation.setEvaluator1(evaluator("Responsable d'agence"));
		finalEvaluation.setEvaluator2(evaluator("Tuteur"));
		for (DomainUse use : cmi.getDomains()) {
			FinalDomainEvaluation d = F.createFinalDomainEvaluation();
			d.setDomain(use.getDomain());
			d.setActivitiesExercised(true);
			d.setMastered(true);
			d.setEvaluatorsAgree(true);
			d.setSignedByEvaluator1(true);
			d.setSignedByEvaluator2(true);
			d.setComment("Compétence observée à plusieurs reprises.");
			// the conditions the booklet's modality asks: observation for domains 1 to 4, an interview after
			d.getConditions().add(use.getNumber() <= 4 ? fr.mutualite.cqp.model.dossier.EvaluationCondition.OBSERVATION
					: fr.mutualite.cqp.model.dossier.EvaluationCondition.INTERVIEW);
			d.setDate(JURY.minusMonths(2));
			finalEvaluation.getDomains().add(d);
		}
		registration.setFinalEvaluation(finalEvaluation);
		var complete = F.createBookletStatus();
		complete.setBooklet(library.booklets(cmi).stream()
				.filter(b -> b.getKind() == fr.mutualite.cqp.model.referential.BookletKind.FINAL_EVALUATION).findFirst().orElseThrow());
		complete.setState(fr.mutualite.cqp.model.dossier.BookletState.SIGNED);
		registration.getBookletStatuses().add(complete);

		session = session("JURY-2019-11", JURY, JurySide.EMPLOYER);
		decision = F.createJuryDecision();
		decision.setRegistration(registration);
		for (DomainUse use : cmi.getDomains()) {
			DomainDecision d = F.createDomainDecision();
			d.setDomain(use.getDomain());
			d.setAcquired(true);
			decision.getDomains().add(d);
		}
		session.getDecisions().add(decision);

		Certificate certificate = F.createCertificate();
		certificate.setNumber("CMI-2019-0001");
		certificate.setDate(JURY);
		certificate.setFull(true);
		certificate.setBonusPoints(120);
		registration.setCertificate(certificate);
	}

	/** A jury session of 2 employer and 2 employee representatives, presided by {@code president}. */
	JurySession session(String id, LocalDate day, JurySide president) {
		JurySession s = F.createJurySession();
		s.setId(id);
		s.setDate(day);
		for (JurySide side : List.of(JurySide.EMPLOYER, JurySide.EMPLOYER, JurySide.EMPLOYEE, JurySide.EMPLOYEE)) {
			JuryMember member = F.createJuryMember();
			member.setName(side + " " + s.getMembers().size());
			member.setSide(side);
			s.getMembers().add(member);
		}
		s.setPresident(s.getMembers().stream().filter(m -> m.getSide() == president).findFirst().orElseThrow());
		dossiers.getJurySessions().add(s);
		return s;
	}

	TrainingBody body(String name) {
		return library.referentials().stream().flatMap(r -> r.getTrainingBodies().stream())
				.filter(b -> b.getName().equals(name)).findFirst().orElseThrow();
	}

	private static Evaluator evaluator(String function) {
		Evaluator evaluator = F.createEvaluator();
		evaluator.setName("Évaluateur " + function);
		evaluator.setFunction(function);
		return evaluator;
	}
}
