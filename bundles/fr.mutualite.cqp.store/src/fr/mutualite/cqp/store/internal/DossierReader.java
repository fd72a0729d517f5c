package fr.mutualite.cqp.store.internal;

import static fr.mutualite.cqp.store.internal.Jdbc.day;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.model.dossier.Answer;
import fr.mutualite.cqp.model.dossier.Assessment;
import fr.mutualite.cqp.model.dossier.BookletStatus;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.DomainPlan;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.EvaluationCondition;
import fr.mutualite.cqp.model.dossier.Evaluator;
import fr.mutualite.cqp.model.dossier.ExperiencePeriod;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.FinalEvaluation;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.JurySide;
import fr.mutualite.cqp.model.dossier.OrientationInterview;
import fr.mutualite.cqp.model.dossier.PlannedModule;
import fr.mutualite.cqp.model.dossier.ProgressReview;
import fr.mutualite.cqp.model.dossier.Proof;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.TrainingPath;
import fr.mutualite.cqp.model.dossier.TutorAssessment;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Approval;
import fr.mutualite.cqp.model.referential.Contact;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.TrainingBody;

/**
 * Reads dossiers back from their rows into model objects, for one use: the objects it returns
 * live in one resource of their own, with the companies and training bodies they refer to.
 */
final class DossierReader {

	private static final DossierFactory F = DossierFactory.eINSTANCE;
	private static final DossierPackage P = DossierPackage.eINSTANCE;

	private final Connection connection;
	private final ReferentialIndex index;
	private final Dossiers dossiers;
	private final Referential bodies;
	private final Map<String, Company> companies = new HashMap<>();
	private final Map<String, TrainingBody> trainingBodies = new HashMap<>();
	private final Map<String, Candidate> candidates = new HashMap<>();

	DossierReader(Connection connection, ReferentialIndex index) {
		this.connection = connection;
		this.index = index;
		Resource resource = new ResourceImpl(URI.createURI("cqp-store:/dossiers")); //$NON-NLS-1$
		dossiers = F.createDossiers();
		bodies = ReferentialFactory.eINSTANCE.createReferential();
		bodies.setId("organismes-base"); //$NON-NLS-1$
		resource.getContents().add(dossiers);
		resource.getContents().add(bodies);
	}

	/** The company {@code id}, read once per reader. */
	Versioned<Company> company(String id) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement(
				"SELECT NAME, CITY, VERSION, UPDATED_BY, UPDATED_AT FROM COMPANY WHERE ID = ?")) { //$NON-NLS-1$
			s.setString(1, id);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					return null;
				}
				Company company = companies.get(id);
				if (company == null) {
					company = F.createCompany();
					company.setId(id);
					company.setName(r.getString(1));
					company.setCity(r.getString(2));
					companies.put(id, company);
					dossiers.getCompanies().add(company);
				}
				return new Versioned<>(company, r.getInt(3), r.getString(4), Jdbc.time(r, 5));
			}
		}
	}

	private Company companyOrNull(String id) throws SQLException {
		if (id == null) {
			return null;
		}
		Company known = companies.get(id);
		if (known != null) {
			return known;
		}
		Versioned<Company> read = company(id);
		return read == null ? null : read.value();
	}

	/** The training body {@code code}, with its approvals and contacts. */
	Versioned<TrainingBody> trainingBody(String code) throws SQLException, CqpException {
		try (PreparedStatement s = connection.prepareStatement(
				"SELECT NAME, NOTE, VERSION, UPDATED_BY, UPDATED_AT FROM TRAINING_BODY WHERE CODE = ?")) { //$NON-NLS-1$
			s.setString(1, code);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					return null;
				}
				TrainingBody body = ReferentialFactory.eINSTANCE.createTrainingBody();
				body.setCode(code);
				body.setName(r.getString(1));
				body.setNote(r.getString(2));
				approvalsAndContacts(body);
				trainingBodies.put(code, body);
				bodies.getTrainingBodies().add(body);
				return new Versioned<>(body, r.getInt(3), r.getString(4), Jdbc.time(r, 5));
			}
		}
	}

	private void approvalsAndContacts(TrainingBody body) throws SQLException, CqpException {
		try (PreparedStatement s = connection.prepareStatement(
				"SELECT CERTIFICATION_CODE, TRAINING_ROUTE, VAE_ROUTE, VALID_UNTIL FROM TRAINING_BODY_APPROVAL WHERE BODY_CODE = ? ORDER BY CERTIFICATION_CODE")) { //$NON-NLS-1$
			s.setString(1, body.getCode());
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					Approval approval = ReferentialFactory.eINSTANCE.createApproval();
					approval.setCertification(index.certification(r.getString(1)));
					if (r.getBoolean(2)) {
						approval.getRoutes().add(Route.TRAINING);
					}
					if (r.getBoolean(3)) {
						approval.getRoutes().add(Route.VAE);
					}
					approval.setValidUntil(day(r, 4));
					body.getApprovals().add(approval);
				}
			}
		}
		try (PreparedStatement s = connection.prepareStatement(
				"SELECT NAME, PHONE, EMAIL FROM TRAINING_BODY_CONTACT WHERE BODY_CODE = ? ORDER BY SEQ")) { //$NON-NLS-1$
			s.setString(1, body.getCode());
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					Contact contact = ReferentialFactory.eINSTANCE.createContact();
					contact.setName(r.getString(1));
					contact.setPhone(r.getString(2));
					contact.setEmail(r.getString(3));
					body.getContacts().add(contact);
				}
			}
		}
	}

	private TrainingBody trainingBodyOrNull(String code) throws SQLException, CqpException {
		if (code == null) {
			return null;
		}
		TrainingBody known = trainingBodies.get(code);
		if (known != null) {
			return known;
		}
		Versioned<TrainingBody> read = trainingBody(code);
		return read == null ? null : read.value();
	}

	/** The candidate {@code id}, identity only. */
	Versioned<Candidate> candidate(String id) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement(
				"SELECT LAST_NAME, FIRST_NAME, BIRTH_DATE, EMAIL, COMPANY_ID, VERSION, UPDATED_BY, UPDATED_AT FROM CANDIDATE WHERE ID = ?")) { //$NON-NLS-1$
			s.setString(1, id);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					return null;
				}
				Candidate candidate = candidates.get(id);
				if (candidate == null) {
					candidate = F.createCandidate();
					candidate.setId(id);
					candidate.setLastName(r.getString(1));
					candidate.setFirstName(r.getString(2));
					candidate.setBirthDate(day(r, 3));
					candidate.setEmail(r.getString(4));
					candidate.setCompany(companyOrNull(r.getString(5)));
					candidates.put(id, candidate);
					dossiers.getCandidates().add(candidate);
				}
				return new Versioned<>(candidate, r.getInt(6), r.getString(7), Jdbc.time(r, 8));
			}
		}
	}

	/**
	 * The registration {@code id} inside its candidate; with its booklets if {@code content}.
	 */
	Versioned<Registration> registration(String id, boolean content) throws SQLException, CqpException {
		String candidateId;
		Versioned<Registration> result;
		Registration registration = F.createRegistration();
		try (PreparedStatement s = connection.prepareStatement(
				"SELECT CANDIDATE_ID, CERTIFICATION_CODE, REFERENTIAL_VERSION, REGISTRATION_DATE, ROUTE, COMPANY_ID, TRAINING_BODY_CODE, HAS_TRAINING_PATH, VERSION, UPDATED_BY, UPDATED_AT FROM REGISTRATION WHERE ID = ?")) { //$NON-NLS-1$
			s.setString(1, id);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					return null;
				}
				candidateId = r.getString(1);
				registration.setId(id);
				registration.setCertification(index.certification(r.getString(2), r.getString(3)));
				registration.setReferentialVersion(r.getString(3));
				registration.setDate(day(r, 4));
				registration.setRoute(Route.get(r.getString(5)));
				registration.setCompany(companyOrNull(r.getString(6)));
				registration.setTrainingBody(trainingBodyOrNull(r.getString(7)));
				if (r.getBoolean(8)) {
					registration.setTrainingPath(F.createTrainingPath());
				}
				result = new Versioned<>(registration, r.getInt(9), r.getString(10), Jdbc.time(r, 11));
			}
		}
		candidate(candidateId).value().getRegistrations().add(registration);
		if (content) {
			content(registration);
		}
		return result;
	}

	private void content(Registration registration) throws SQLException, CqpException {
		String id = registration.getId();
		Map<Integer, TrainingModule> modules = new HashMap<>();
		TrainingPath path = registration.getTrainingPath();
		if (path != null) {
			try (ResultSet r = query(content("TRAINING_MODULE", P.getTrainingModule(), "SEQ", "SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				while (r.next()) {
					TrainingModule module = F.createTrainingModule();
					Columns.of(P.getTrainingModule()).get(r, 2, module);
					path.getModules().add(module);
					modules.put(r.getInt(1), module);
				}
			}
			try (ResultSet r = query("SELECT MODULE_SEQ, DOMAIN_CODE FROM TRAINING_MODULE_DOMAIN WHERE REGISTRATION_ID = ? ORDER BY MODULE_SEQ, DOMAIN_CODE", id)) { //$NON-NLS-1$
				while (r.next()) {
					modules.get(r.getInt(1)).getDomains().add(index.domain(r.getString(2)));
				}
			}
		}
		Map<Integer, Assessment> assessments = new HashMap<>();
		try (ResultSet r = query(content("ASSESSMENT", P.getAssessment(), "SEQ", "SEQ", "KIND", "BOOKLET_CODE"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			while (r.next()) {
				Assessment assessment = switch (r.getString(2)) {
				case "ORIENTATION" -> F.createOrientationInterview(); //$NON-NLS-1$
				case "FORMATIVE" -> F.createFormativeEvaluation(); //$NON-NLS-1$
				case "TUTOR" -> F.createTutorAssessment(); //$NON-NLS-1$
				default -> F.createFinalDomainEvaluation();
				};
				assessment.setBooklet(index.booklet(r.getString(3)));
				Columns.of(P.getAssessment()).get(r, 4, assessment);
				assessments.put(r.getInt(1), assessment);
			}
		}
		try (ResultSet r = query(content("RATING", P.getRating(), "ASSESSMENT_SEQ, SEQ", "ASSESSMENT_SEQ", "BOOKLET_CODE", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"SECTION_CODE", "ITEM_CODE", "SCALE_CODE", "LEVEL_CODE"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			while (r.next()) {
				Rating rating = F.createRating();
				String booklet = r.getString(2);
				rating.setSection(index.section(booklet, r.getString(3)));
				rating.setItem(index.item(booklet, r.getString(4)));
				rating.setLevel(index.level(booklet, r.getString(5), r.getString(6)));
				Columns.of(P.getRating()).get(r, 7, rating);
				assessments.get(r.getInt(1)).getRatings().add(rating);
			}
		}
		try (ResultSet r = query(content("ORIENTATION", P.getOrientationInterview(), null, "ASSESSMENT_SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$
			if (r.next()) {
				OrientationInterview orientation = (OrientationInterview) assessments.get(r.getInt(1));
				Columns.of(P.getOrientationInterview()).get(r, 2, orientation);
				registration.setOrientation(orientation);
			}
		}
		if (registration.getOrientation() != null) {
			Map<Integer, DomainPlan> plans = new HashMap<>();
			try (ResultSet r = query(content("DOMAIN_PLAN", P.getDomainPlan(), "SEQ", "SEQ", "DOMAIN_CODE"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				while (r.next()) {
					DomainPlan plan = F.createDomainPlan();
					plan.setDomain(index.domain(r.getString(2)));
					Columns.of(P.getDomainPlan()).get(r, 3, plan);
					registration.getOrientation().getPlans().add(plan);
					plans.put(r.getInt(1), plan);
				}
			}
			try (ResultSet r = query(content("PLANNED_MODULE", P.getPlannedModule(), "PLAN_SEQ, SEQ", "PLAN_SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				while (r.next()) {
					PlannedModule module = F.createPlannedModule();
					Columns.of(P.getPlannedModule()).get(r, 2, module);
					plans.get(r.getInt(1)).getModules().add(module);
				}
			}
			answers(id, "ORIENT", registration.getOrientation().getAnswers()); //$NON-NLS-1$
		}
		Map<Integer, Integer> previous = new HashMap<>();
		try (ResultSet r = query(content("FORMATIVE_EVALUATION", P.getFormativeEvaluation(), "ASSESSMENT_SEQ", //$NON-NLS-1$ //$NON-NLS-2$
				"ASSESSMENT_SEQ", "DOMAIN_CODE", "PREVIOUS_SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			while (r.next()) {
				FormativeEvaluation evaluation = (FormativeEvaluation) assessments.get(r.getInt(1));
				evaluation.setDomain(index.domain(r.getString(2)));
				Columns.of(P.getFormativeEvaluation()).get(r, 4, evaluation);
				Integer before = Jdbc.integer(r, 3);
				if (before != null) {
					previous.put(r.getInt(1), before);
				}
				registration.getFormativeEvaluations().add(evaluation);
			}
		}
		for (Map.Entry<Integer, Integer> e : previous.entrySet()) {
			((FormativeEvaluation) assessments.get(e.getKey()))
					.setPrevious((FormativeEvaluation) assessments.get(e.getValue()));
		}
		try (ResultSet r = query("SELECT ASSESSMENT_SEQ, MODULE_SEQ FROM FORMATIVE_MODULE WHERE REGISTRATION_ID = ? ORDER BY ASSESSMENT_SEQ, MODULE_SEQ", id)) { //$NON-NLS-1$
			while (r.next()) {
				((FormativeEvaluation) assessments.get(r.getInt(1))).getModules().add(modules.get(r.getInt(2)));
			}
		}
		try (ResultSet r = query(content("TUTOR_ASSESSMENT", P.getTutorAssessment(), "ASSESSMENT_SEQ", "ASSESSMENT_SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			while (r.next()) {
				TutorAssessment tutor = (TutorAssessment) assessments.get(r.getInt(1));
				Columns.of(P.getTutorAssessment()).get(r, 2, tutor);
				registration.getTutorAssessments().add(tutor);
			}
		}
		try (ResultSet r = query(content("PROGRESS_REVIEW", P.getProgressReview(), "SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$
			while (r.next()) {
				ProgressReview review = F.createProgressReview();
				Columns.of(P.getProgressReview()).get(r, 1, review);
				registration.getProgressReviews().add(review);
			}
		}
		finalEvaluation(registration, assessments);
		vaeDossier(registration);
		registration.setCertificate(certificate(id));
		try (ResultSet r = query(content("CERTIFICATE_HISTORY", P.getCertificate(), "SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$
			while (r.next()) {
				Certificate earlier = F.createCertificate();
				Columns.of(P.getCertificate()).get(r, 1, earlier);
				registration.getCertificateHistory().add(earlier);
			}
		}
		try (ResultSet r = query(content("BOOKLET_STATUS", P.getBookletStatus(), "BOOKLET_CODE", "BOOKLET_CODE"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			while (r.next()) {
				BookletStatus status = F.createBookletStatus();
				status.setBooklet(index.booklet(r.getString(1)));
				Columns.of(P.getBookletStatus()).get(r, 2, status);
				registration.getBookletStatuses().add(status);
			}
		}
	}

	/** The current certificate of the registration {@code id}, if it has one. */
	Certificate certificate(String id) throws SQLException {
		try (ResultSet r = query(content("CERTIFICATE", P.getCertificate(), null), id)) { //$NON-NLS-1$
			if (!r.next()) {
				return null;
			}
			Certificate certificate = F.createCertificate();
			Columns.of(P.getCertificate()).get(r, 1, certificate);
			return certificate;
		}
	}

	private void finalEvaluation(Registration registration, Map<Integer, Assessment> assessments)
			throws SQLException, CqpException {
		String id = registration.getId();
		try (ResultSet r = query("SELECT BOOKLET_CODE, EVALUATOR1_NAME, EVALUATOR1_FUNCTION, EVALUATOR2_NAME, EVALUATOR2_FUNCTION FROM FINAL_EVALUATION WHERE REGISTRATION_ID = ?", id)) { //$NON-NLS-1$
			if (!r.next()) {
				return;
			}
			FinalEvaluation fin = F.createFinalEvaluation();
			fin.setBooklet(index.booklet(r.getString(1)));
			fin.setEvaluator1(evaluator(r.getString(2), r.getString(3)));
			fin.setEvaluator2(evaluator(r.getString(4), r.getString(5)));
			registration.setFinalEvaluation(fin);
		}
		FinalEvaluation fin = registration.getFinalEvaluation();
		try (ResultSet r = query(content("FINAL_DOMAIN", P.getFinalDomainEvaluation(), "ASSESSMENT_SEQ", "ASSESSMENT_SEQ", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"DOMAIN_CODE"), id)) { //$NON-NLS-1$
			while (r.next()) {
				FinalDomainEvaluation domain = (FinalDomainEvaluation) assessments.get(r.getInt(1));
				domain.setDomain(index.domain(r.getString(2)));
				Columns.of(P.getFinalDomainEvaluation()).get(r, 3, domain);
				fin.getDomains().add(domain);
			}
		}
		try (ResultSet r = query("SELECT ASSESSMENT_SEQ, EVALUATION_DATE FROM FINAL_DOMAIN_DATE WHERE REGISTRATION_ID = ? ORDER BY ASSESSMENT_SEQ, EVALUATION_DATE", id)) { //$NON-NLS-1$
			while (r.next()) {
				((FinalDomainEvaluation) assessments.get(r.getInt(1))).getEvaluationDates().add(day(r, 2));
			}
		}
		try (ResultSet r = query("SELECT ASSESSMENT_SEQ, CONDITION_KIND FROM FINAL_DOMAIN_CONDITION WHERE REGISTRATION_ID = ?", id)) { //$NON-NLS-1$
			Map<Integer, List<EvaluationCondition>> conditions = new HashMap<>();
			while (r.next()) {
				conditions.computeIfAbsent(r.getInt(1), k -> new java.util.ArrayList<>())
						.add(EvaluationCondition.get(r.getString(2)));
			}
			for (Map.Entry<Integer, List<EvaluationCondition>> e : conditions.entrySet()) {
				List<EvaluationCondition> sorted = e.getValue();
				sorted.sort(null);
				((FinalDomainEvaluation) assessments.get(e.getKey())).getConditions().addAll(sorted);
			}
		}
		answers(id, "FINAL", fin.getAnswers()); //$NON-NLS-1$
	}

	private void vaeDossier(Registration registration) throws SQLException, CqpException {
		String id = registration.getId();
		try (ResultSet r = query(content("VAE_DOSSIER", P.getVaeDossier(), null), id)) { //$NON-NLS-1$
			if (!r.next()) {
				return;
			}
			VaeDossier vae = F.createVaeDossier();
			Columns.of(P.getVaeDossier()).get(r, 1, vae);
			registration.setVaeDossier(vae);
		}
		VaeDossier vae = registration.getVaeDossier();
		Map<Integer, ExperiencePeriod> periods = new HashMap<>();
		try (ResultSet r = query(content("EXPERIENCE_PERIOD", P.getExperiencePeriod(), "SEQ", "SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			while (r.next()) {
				ExperiencePeriod period = F.createExperiencePeriod();
				Columns.of(P.getExperiencePeriod()).get(r, 2, period);
				vae.getExperiences().add(period);
				periods.put(r.getInt(1), period);
			}
		}
		try (ResultSet r = query(content("PROOF", P.getProof(), "EXPERIENCE_SEQ, SEQ", "EXPERIENCE_SEQ"), id)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			while (r.next()) {
				Proof proof = F.createProof();
				Columns.of(P.getProof()).get(r, 2, proof);
				periods.get(r.getInt(1)).getProofs().add(proof);
			}
		}
		answers(id, "VAE", vae.getAnswers()); //$NON-NLS-1$
	}

	private void answers(String id, String part, List<Answer> answers) throws SQLException, CqpException {
		try (PreparedStatement s = connection.prepareStatement(Columns.select("ANSWER", P.getAnswer(), //$NON-NLS-1$
				"REGISTRATION_ID = ? AND PART = ?", "SEQ", "BOOKLET_CODE", "SECTION_CODE"))) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			s.setString(1, id);
			s.setString(2, part);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					Answer answer = F.createAnswer();
					answer.setSection(index.section(r.getString(1), r.getString(2)));
					Columns.of(P.getAnswer()).get(r, 3, answer);
					answers.add(answer);
				}
			}
		}
	}

	/** The session {@code id}, its members, and its decisions on registrations read without booklets. */
	Versioned<JurySession> session(String id) throws SQLException, CqpException {
		JurySession session = F.createJurySession();
		Versioned<JurySession> result;
		try (ResultSet r = query("SELECT SESSION_DATE, PLACE, VERSION, UPDATED_BY, UPDATED_AT FROM JURY_SESSION WHERE ID = ?", id)) { //$NON-NLS-1$
			if (!r.next()) {
				return null;
			}
			session.setId(id);
			session.setDate(day(r, 1));
			session.setPlace(r.getString(2));
			result = new Versioned<>(session, r.getInt(3), r.getString(4), Jdbc.time(r, 5));
		}
		dossiers.getJurySessions().add(session);
		try (ResultSet r = query("SELECT NAME, SIDE, ORGANISATION, PRESIDENT FROM JURY_MEMBER WHERE SESSION_ID = ? ORDER BY SEQ", id)) { //$NON-NLS-1$
			while (r.next()) {
				JuryMember member = F.createJuryMember();
				member.setName(r.getString(1));
				member.setSide(r.getString(2) == null ? null : JurySide.get(r.getString(2)));
				member.setOrganisation(r.getString(3));
				session.getMembers().add(member);
				if (r.getBoolean(4)) {
					session.setPresident(member);
				}
			}
		}
		Map<String, JuryDecision> decisions = new HashMap<>();
		try (ResultSet r = query(Columns.select("JURY_DECISION", P.getJuryDecision(), "SESSION_ID = ?", "REGISTRATION_ID", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"REGISTRATION_ID"), id)) { //$NON-NLS-1$
			while (r.next()) {
				JuryDecision decision = F.createJuryDecision();
				Columns.of(P.getJuryDecision()).get(r, 2, decision);
				decisions.put(r.getString(1), decision);
				session.getDecisions().add(decision);
			}
		}
		for (Map.Entry<String, JuryDecision> e : decisions.entrySet()) {
			e.getValue().setRegistration(registration(e.getKey(), false).value());
		}
		try (ResultSet r = query("SELECT D.REGISTRATION_ID, D.DOMAIN_CODE, D.ACQUIRED FROM DOMAIN_DECISION D JOIN REGISTRATION R ON R.ID = D.REGISTRATION_ID LEFT JOIN CERTIFICATION_DOMAIN C ON C.CERTIFICATION_CODE = R.CERTIFICATION_CODE AND C.DOMAIN_CODE = D.DOMAIN_CODE WHERE D.SESSION_ID = ? ORDER BY D.REGISTRATION_ID, C.DOMAIN_NUMBER, D.DOMAIN_CODE", id)) { //$NON-NLS-1$
			while (r.next()) {
				DomainDecision domain = F.createDomainDecision();
				domain.setDomain(index.domain(r.getString(2)));
				domain.setAcquired(r.getBoolean(3));
				decisions.get(r.getString(1)).getDomains().add(domain);
			}
		}
		return result;
	}

	private static Evaluator evaluator(String name, String function) {
		if (name == null && function == null) {
			return null;
		}
		Evaluator evaluator = F.createEvaluator();
		evaluator.setName(name);
		evaluator.setFunction(function);
		return evaluator;
	}

	/** The rows of a booklet's table for one registration, keys first. */
	private static String content(String table, EClass eClass, String order, String... keys) {
		return Columns.select(table, eClass, "REGISTRATION_ID = ?", order, keys); //$NON-NLS-1$
	}

	private ResultSet query(String sql, String id) throws SQLException {
		PreparedStatement s = connection.prepareStatement(sql);
		s.setString(1, id);
		s.closeOnCompletion();
		return s.executeQuery();
	}
}
