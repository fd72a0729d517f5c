package fr.mutualite.cqp.store.internal;

import static fr.mutualite.cqp.store.internal.Jdbc.setDay;
import static fr.mutualite.cqp.store.internal.Jdbc.setInt;
import static fr.mutualite.cqp.store.internal.Jdbc.setString;
import static fr.mutualite.cqp.store.internal.Jdbc.setTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.dossier.Identity;
import fr.mutualite.cqp.model.dossier.Answer;
import fr.mutualite.cqp.model.dossier.Assessment;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.DomainPlan;
import fr.mutualite.cqp.model.dossier.EvaluationCondition;
import fr.mutualite.cqp.model.dossier.Evaluator;
import fr.mutualite.cqp.model.dossier.ExperiencePeriod;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.FinalEvaluation;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.OrientationInterview;
import fr.mutualite.cqp.model.dossier.PlannedModule;
import fr.mutualite.cqp.model.dossier.ProgressReview;
import fr.mutualite.cqp.model.dossier.Proof;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.TutorAssessment;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Approval;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.Contact;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.TrainingBody;

/**
 * Writes dossiers as rows, in batches, on one connection: the only place that knows how the
 * model maps to the tables on the way in ({@link DossierReader} maps them back).
 */
final class DossierWriter implements AutoCloseable {

	static final String COMPANY = "INSERT INTO COMPANY (ID, NAME, CITY, MATCH_KEY, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String CANDIDATE = "INSERT INTO CANDIDATE (ID, LAST_NAME, FIRST_NAME, BIRTH_DATE, EMAIL, COMPANY_ID, MATCH_KEY, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String TRAINING_BODY = "INSERT INTO TRAINING_BODY (CODE, NAME, NOTE, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String APPROVAL = "INSERT INTO TRAINING_BODY_APPROVAL (BODY_CODE, CERTIFICATION_CODE, TRAINING_ROUTE, VAE_ROUTE, VALID_UNTIL) VALUES (?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String CONTACT = "INSERT INTO TRAINING_BODY_CONTACT (BODY_CODE, SEQ, NAME, PHONE, EMAIL) VALUES (?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String REGISTRATION = "INSERT INTO REGISTRATION (ID, CANDIDATE_ID, CERTIFICATION_CODE, REFERENTIAL_VERSION, REGISTRATION_DATE, ROUTE, COMPANY_ID, TRAINING_BODY_CODE, HAS_TRAINING_PATH, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String ASSESSMENT = "INSERT INTO ASSESSMENT (REGISTRATION_ID, SEQ, KIND, BOOKLET_CODE, ASSESSMENT_DATE, COMMENT_TEXT) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String RATING = "INSERT INTO RATING (REGISTRATION_ID, ASSESSMENT_SEQ, SEQ, BOOKLET_CODE, SECTION_CODE, ITEM_CODE, SCALE_CODE, LEVEL_CODE, COMMENT_TEXT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String ORIENTATION = "INSERT INTO ORIENTATION (REGISTRATION_ID, ASSESSMENT_SEQ, COMPANY_CONTACT, COMPANY_CONTACT_FUNCTION, INTERVIEWER, RECOMMENDED_ROUTE) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String DOMAIN_PLAN = "INSERT INTO DOMAIN_PLAN (REGISTRATION_ID, SEQ, DOMAIN_CODE, DIRECT_EVALUATION) VALUES (?, ?, ?, ?)"; //$NON-NLS-1$
	static final String PLANNED_MODULE = "INSERT INTO PLANNED_MODULE (REGISTRATION_ID, PLAN_SEQ, SEQ, TITLE, HOURS) VALUES (?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String TRAINING_MODULE = "INSERT INTO TRAINING_MODULE (REGISTRATION_ID, SEQ, TITLE, START_DATE, END_DATE, HOURS, CERTIFICATE_ATTACHED) VALUES (?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String MODULE_DOMAIN = "INSERT INTO TRAINING_MODULE_DOMAIN (REGISTRATION_ID, MODULE_SEQ, DOMAIN_CODE) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String FORMATIVE = "INSERT INTO FORMATIVE_EVALUATION (REGISTRATION_ID, ASSESSMENT_SEQ, DOMAIN_CODE, TRAINER, CONTENT, METHOD, OBJECTIVE_ACHIEVED, PREVIOUS_SEQ) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String FORMATIVE_MODULE = "INSERT INTO FORMATIVE_MODULE (REGISTRATION_ID, ASSESSMENT_SEQ, MODULE_SEQ) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String TUTOR = "INSERT INTO TUTOR_ASSESSMENT (REGISTRATION_ID, ASSESSMENT_SEQ, TUTOR) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String REVIEW = "INSERT INTO PROGRESS_REVIEW (REGISTRATION_ID, SEQ, REVIEW_DATE, WITH_WHOM, STRENGTHS, OBJECTIVES) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String FINAL = "INSERT INTO FINAL_EVALUATION (REGISTRATION_ID, BOOKLET_CODE, EVALUATOR1_NAME, EVALUATOR1_FUNCTION, EVALUATOR2_NAME, EVALUATOR2_FUNCTION) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String FINAL_DOMAIN = "INSERT INTO FINAL_DOMAIN (REGISTRATION_ID, ASSESSMENT_SEQ, DOMAIN_CODE, ACTIVITIES_EXERCISED, MASTERED, EVALUATORS_AGREE, SIGNED_BY_EVALUATOR1, SIGNED_BY_EVALUATOR2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String FINAL_DATE = "INSERT INTO FINAL_DOMAIN_DATE (REGISTRATION_ID, ASSESSMENT_SEQ, EVALUATION_DATE) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String FINAL_CONDITION = "INSERT INTO FINAL_DOMAIN_CONDITION (REGISTRATION_ID, ASSESSMENT_SEQ, CONDITION_KIND) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String ANSWER = "INSERT INTO ANSWER (REGISTRATION_ID, PART, SEQ, BOOKLET_CODE, SECTION_CODE, QUESTION, ANSWER_TEXT) VALUES (?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String VAE = "INSERT INTO VAE_DOSSIER (REGISTRATION_ID, CV_PROVIDED, ACCOMPANIMENT) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String EXPERIENCE = "INSERT INTO EXPERIENCE_PERIOD (REGISTRATION_ID, SEQ, EMPLOYER, POSITION, START_DATE, END_DATE, RELEVANT) VALUES (?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String PROOF = "INSERT INTO PROOF (REGISTRATION_ID, EXPERIENCE_SEQ, SEQ, KIND, DESCRIPTION) VALUES (?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String CERTIFICATE = "INSERT INTO CERTIFICATE (REGISTRATION_ID, CERTIFICATE_NUMBER, ISSUE_DATE, FULL_AWARD, BONUS_POINTS) VALUES (?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String SESSION = "INSERT INTO JURY_SESSION (ID, SESSION_DATE, PLACE, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String MEMBER = "INSERT INTO JURY_MEMBER (SESSION_ID, SEQ, NAME, SIDE, ORGANISATION, PRESIDENT) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String DECISION = "INSERT INTO JURY_DECISION (SESSION_ID, REGISTRATION_ID) VALUES (?, ?)"; //$NON-NLS-1$
	static final String DOMAIN_DECISION = "INSERT INTO DOMAIN_DECISION (SESSION_ID, REGISTRATION_ID, DOMAIN_CODE, ACQUIRED) VALUES (?, ?, ?, ?)"; //$NON-NLS-1$
	static final String CHANGE = "INSERT INTO CHANGE_LOG (ENTITY, ENTITY_ID, VERSION, CHANGED_BY, CHANGED_AT, PARTS) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$

	/** Content tables of a registration that hang directly on it; the others cascade from these. */
	private static final List<String> CONTENT_ROOTS = List.of("ASSESSMENT", "TRAINING_MODULE", "PROGRESS_REVIEW", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"FINAL_EVALUATION", "ANSWER", "VAE_DOSSIER", "CERTIFICATE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private final Connection connection;
	private final Batches batches;
	private final String user;
	private final Instant now;

	DossierWriter(Connection connection, String user, Instant now) throws SQLException {
		this.connection = connection;
		this.batches = new Batches(connection);
		this.user = user;
		this.now = now;
		batches.declare(TRAINING_BODY, APPROVAL, CONTACT, COMPANY, CANDIDATE, REGISTRATION, ASSESSMENT, RATING,
				ORIENTATION, DOMAIN_PLAN, PLANNED_MODULE, TRAINING_MODULE, MODULE_DOMAIN, FORMATIVE, FORMATIVE_MODULE,
				TUTOR, REVIEW, FINAL, FINAL_DOMAIN, FINAL_DATE, FINAL_CONDITION, ANSWER, VAE, EXPERIENCE, PROOF,
				CERTIFICATE, SESSION, MEMBER, DECISION, DOMAIN_DECISION, CHANGE);
	}

	/** Rows written so far. */
	long rows() {
		return batches.written();
	}

	void flush() throws SQLException {
		batches.flush();
	}

	void company(Company company, int version) throws SQLException {
		company(company.getId(), company.getName(), company.getCity(), version);
	}

	void company(String id, String name, String city, int version) throws SQLException {
		PreparedStatement s = batches.get(COMPANY);
		s.setString(1, id);
		s.setString(2, name);
		setString(s, 3, city);
		s.setString(4, Identity.companyKey(name, city));
		stamp(s, 5, version);
		batches.add(s);
	}

	void candidate(Candidate candidate, int version) throws SQLException {
		candidate(candidate.getId(), candidate.getLastName(), candidate.getFirstName(), candidate.getBirthDate(),
				candidate.getEmail(), candidate.getCompany() == null ? null : candidate.getCompany().getId(), version);
	}

	void candidate(String id, String lastName, String firstName, LocalDate birthDate, String email, String companyId,
			int version) throws SQLException {
		PreparedStatement s = batches.get(CANDIDATE);
		s.setString(1, id);
		s.setString(2, lastName);
		s.setString(3, firstName);
		setDay(s, 4, birthDate);
		setString(s, 5, email);
		setString(s, 6, companyId);
		s.setString(7, Identity.candidateKey(lastName, firstName, birthDate));
		stamp(s, 8, version);
		batches.add(s);
	}

	void trainingBody(TrainingBody body, int version) throws SQLException {
		PreparedStatement s = batches.get(TRAINING_BODY);
		s.setString(1, body.getCode());
		s.setString(2, body.getName());
		setString(s, 3, body.getNote());
		stamp(s, 4, version);
		batches.add(s);
		trainingBodyDetails(body);
	}

	/** Approvals and contacts of {@code body}. */
	void trainingBodyDetails(TrainingBody body) throws SQLException {
		for (Approval approval : body.getApprovals()) {
			PreparedStatement a = batches.get(APPROVAL);
			a.setString(1, body.getCode());
			a.setString(2, approval.getCertification().getCode());
			a.setBoolean(3, approval.getRoutes().contains(Route.TRAINING));
			a.setBoolean(4, approval.getRoutes().contains(Route.VAE));
			setDay(a, 5, approval.getValidUntil());
			batches.add(a);
		}
		int seq = 0;
		for (Contact contact : body.getContacts()) {
			PreparedStatement c = batches.get(CONTACT);
			c.setString(1, body.getCode());
			c.setInt(2, ++seq);
			setString(c, 3, contact.getName());
			setString(c, 4, contact.getPhone());
			setString(c, 5, contact.getEmail());
			batches.add(c);
		}
	}

	void registration(Registration registration, String candidateId, int version) throws SQLException {
		registration(registration.getId(), candidateId, registration.getCertification().getCode(),
				registration.getReferentialVersion(), registration.getDate(), registration.getRoute(),
				registration.getCompany() == null ? null : registration.getCompany().getId(),
				registration.getTrainingBody() == null ? null : registration.getTrainingBody().getCode(),
				registration.getTrainingPath() != null, version);
		content(registration);
	}

	/** The header of a registration, without booklets. */
	void registration(String id, String candidateId, String certificationCode, String referentialVersion,
			LocalDate date, Route route, String companyId, String trainingBodyCode, boolean trainingPath, int version)
			throws SQLException {
		PreparedStatement s = batches.get(REGISTRATION);
		s.setString(1, id);
		s.setString(2, candidateId);
		s.setString(3, certificationCode);
		setString(s, 4, referentialVersion);
		setDay(s, 5, date);
		s.setString(6, route.getName());
		setString(s, 7, companyId);
		setString(s, 8, trainingBodyCode);
		s.setBoolean(9, trainingPath);
		stamp(s, 10, version);
		batches.add(s);
	}

	/** Removes the booklets of a registration, before they are written again. */
	void deleteContent(String registrationId) throws SQLException {
		batches.flush();
		for (String table : CONTENT_ROOTS) {
			try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table + " WHERE REGISTRATION_ID = ?")) { //$NON-NLS-1$ //$NON-NLS-2$
				s.setString(1, registrationId);
				s.executeUpdate();
			}
		}
	}

	/** The booklets of {@code registration}: everything below its header. */
	void content(Registration registration) throws SQLException {
		String id = registration.getId();
		Map<EObject, Integer> seqs = new HashMap<>();
		int seq = 0;
		if (registration.getTrainingPath() != null) {
			for (TrainingModule module : registration.getTrainingPath().getModules()) {
				seqs.put(module, ++seq);
				PreparedStatement m = batches.get(TRAINING_MODULE);
				m.setString(1, id);
				m.setInt(2, seq);
				setString(m, 3, module.getTitle());
				setDay(m, 4, module.getStartDate());
				setDay(m, 5, module.getEndDate());
				m.setInt(6, module.getHours());
				m.setBoolean(7, module.isCertificateAttached());
				batches.add(m);
				for (CompetenceDomain domain : module.getDomains()) {
					PreparedStatement d = batches.get(MODULE_DOMAIN);
					d.setString(1, id);
					d.setInt(2, seq);
					d.setString(3, domain.getCode());
					batches.add(d);
				}
			}
		}
		OrientationInterview orientation = registration.getOrientation();
		FinalEvaluation fin = registration.getFinalEvaluation();
		numberAssessments(registration, seqs);
		if (orientation != null) {
			int a = assessment(id, "ORIENTATION", orientation, seqs); //$NON-NLS-1$
			PreparedStatement o = batches.get(ORIENTATION);
			o.setString(1, id);
			o.setInt(2, a);
			setString(o, 3, orientation.getCompanyContact());
			setString(o, 4, orientation.getCompanyContactFunction());
			setString(o, 5, orientation.getTrainingBodyInterviewer());
			setString(o, 6, orientation.getRecommendedRoute() == null ? null : orientation.getRecommendedRoute().getName());
			batches.add(o);
			int planSeq = 0;
			for (DomainPlan plan : orientation.getPlans()) {
				PreparedStatement p = batches.get(DOMAIN_PLAN);
				p.setString(1, id);
				p.setInt(2, ++planSeq);
				setString(p, 3, code(plan.getDomain()));
				p.setBoolean(4, plan.isDirectEvaluation());
				batches.add(p);
				int moduleSeq = 0;
				for (PlannedModule module : plan.getModules()) {
					PreparedStatement m = batches.get(PLANNED_MODULE);
					m.setString(1, id);
					m.setInt(2, planSeq);
					m.setInt(3, ++moduleSeq);
					setString(m, 4, module.getTitle());
					m.setInt(5, module.getHours());
					batches.add(m);
				}
			}
		}
		for (FormativeEvaluation evaluation : registration.getFormativeEvaluations()) {
			int a = assessment(id, "FORMATIVE", evaluation, seqs); //$NON-NLS-1$
			PreparedStatement f = batches.get(FORMATIVE);
			f.setString(1, id);
			f.setInt(2, a);
			setString(f, 3, code(evaluation.getDomain()));
			setString(f, 4, evaluation.getTrainer());
			setString(f, 5, evaluation.getContent());
			setString(f, 6, evaluation.getMethod());
			f.setBoolean(7, evaluation.isObjectiveAchieved());
			setInt(f, 8, evaluation.getPrevious() == null ? null : seqs.get(evaluation.getPrevious()));
			batches.add(f);
			for (TrainingModule module : evaluation.getModules()) {
				PreparedStatement m = batches.get(FORMATIVE_MODULE);
				m.setString(1, id);
				m.setInt(2, a);
				Integer moduleSeq = seqs.get(module);
				if (moduleSeq == null) {
					throw new SQLDataException(NLS.bind(Messages.Store_foreignModule, module.getTitle(), id));
				}
				m.setInt(3, moduleSeq.intValue());
				batches.add(m);
			}
		}
		for (TutorAssessment tutor : registration.getTutorAssessments()) {
			int a = assessment(id, "TUTOR", tutor, seqs); //$NON-NLS-1$
			PreparedStatement t = batches.get(TUTOR);
			t.setString(1, id);
			t.setInt(2, a);
			setString(t, 3, tutor.getTutor());
			batches.add(t);
		}
		int reviewSeq = 0;
		for (ProgressReview review : registration.getProgressReviews()) {
			PreparedStatement r = batches.get(REVIEW);
			r.setString(1, id);
			r.setInt(2, ++reviewSeq);
			setDay(r, 3, review.getDate());
			setString(r, 4, review.getWithWhom());
			setString(r, 5, review.getStrengths());
			setString(r, 6, review.getObjectives());
			batches.add(r);
		}
		if (fin != null) {
			PreparedStatement f = batches.get(FINAL);
			f.setString(1, id);
			setString(f, 2, fin.getBooklet() == null ? null : fin.getBooklet().getCode());
			evaluator(f, 3, fin.getEvaluator1());
			evaluator(f, 5, fin.getEvaluator2());
			batches.add(f);
			for (FinalDomainEvaluation domain : fin.getDomains()) {
				int a = assessment(id, "FINAL", domain, seqs); //$NON-NLS-1$
				PreparedStatement d = batches.get(FINAL_DOMAIN);
				d.setString(1, id);
				d.setInt(2, a);
				setString(d, 3, code(domain.getDomain()));
				d.setBoolean(4, domain.isActivitiesExercised());
				d.setBoolean(5, domain.isMastered());
				d.setBoolean(6, domain.isEvaluatorsAgree());
				d.setBoolean(7, domain.isSignedByEvaluator1());
				d.setBoolean(8, domain.isSignedByEvaluator2());
				batches.add(d);
				for (LocalDate day : domain.getEvaluationDates()) {
					PreparedStatement e = batches.get(FINAL_DATE);
					e.setString(1, id);
					e.setInt(2, a);
					setDay(e, 3, day);
					batches.add(e);
				}
				for (EvaluationCondition condition : domain.getConditions()) {
					PreparedStatement c = batches.get(FINAL_CONDITION);
					c.setString(1, id);
					c.setInt(2, a);
					c.setString(3, condition.getName());
					batches.add(c);
				}
			}
			answers(id, "FINAL", fin.getAnswers()); //$NON-NLS-1$
		}
		VaeDossier vae = registration.getVaeDossier();
		if (vae != null) {
			PreparedStatement v = batches.get(VAE);
			v.setString(1, id);
			v.setBoolean(2, vae.isCvProvided());
			v.setBoolean(3, vae.isAccompaniment());
			batches.add(v);
			int experienceSeq = 0;
			for (ExperiencePeriod period : vae.getExperiences()) {
				PreparedStatement e = batches.get(EXPERIENCE);
				e.setString(1, id);
				e.setInt(2, ++experienceSeq);
				setString(e, 3, period.getEmployer());
				setString(e, 4, period.getPosition());
				setDay(e, 5, period.getStart());
				setDay(e, 6, period.getEnd());
				e.setBoolean(7, period.isRelevant());
				batches.add(e);
				int proofSeq = 0;
				for (Proof proof : period.getProofs()) {
					PreparedStatement p = batches.get(PROOF);
					p.setString(1, id);
					p.setInt(2, experienceSeq);
					p.setInt(3, ++proofSeq);
					p.setString(4, proof.getKind().getName());
					setString(p, 5, proof.getDescription());
					batches.add(p);
				}
			}
			answers(id, "VAE", vae.getAnswers()); //$NON-NLS-1$
		}
		Certificate certificate = registration.getCertificate();
		if (certificate != null) {
			PreparedStatement c = batches.get(CERTIFICATE);
			c.setString(1, id);
			setString(c, 2, certificate.getNumber());
			setDay(c, 3, certificate.getDate());
			c.setBoolean(4, certificate.isFull());
			c.setInt(5, certificate.getBonusPoints());
			batches.add(c);
		}
	}

	void session(JurySession session, int version) throws SQLException {
		PreparedStatement s = batches.get(SESSION);
		s.setString(1, session.getId());
		setDay(s, 2, session.getDate());
		setString(s, 3, session.getPlace());
		stamp(s, 4, version);
		batches.add(s);
		sessionContent(session, false);
	}

	/** Members of {@code session} and, if asked, its decisions. */
	void sessionContent(JurySession session, boolean decisions) throws SQLException {
		int seq = 0;
		for (JuryMember member : session.getMembers()) {
			PreparedStatement m = batches.get(MEMBER);
			m.setString(1, session.getId());
			m.setInt(2, ++seq);
			setString(m, 3, member.getName());
			setString(m, 4, member.getSide() == null ? null : member.getSide().getName());
			setString(m, 5, member.getOrganisation());
			m.setBoolean(6, member == session.getPresident());
			batches.add(m);
		}
		if (decisions) {
			for (JuryDecision decision : session.getDecisions()) {
				decision(decision);
			}
		}
	}

	void decision(JuryDecision decision) throws SQLException {
		String session = ((JurySession) decision.eContainer()).getId();
		PreparedStatement d = batches.get(DECISION);
		d.setString(1, session);
		d.setString(2, decision.getRegistration().getId());
		batches.add(d);
		for (DomainDecision domain : decision.getDomains()) {
			PreparedStatement dd = batches.get(DOMAIN_DECISION);
			dd.setString(1, session);
			dd.setString(2, decision.getRegistration().getId());
			dd.setString(3, domain.getDomain().getCode());
			dd.setBoolean(4, domain.isAcquired());
			batches.add(dd);
		}
	}

	void deleteSessionContent(String sessionId) throws SQLException {
		batches.flush();
		for (String table : List.of("JURY_MEMBER", "JURY_DECISION")) { //$NON-NLS-1$ //$NON-NLS-2$
			try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table + " WHERE SESSION_ID = ?")) { //$NON-NLS-1$ //$NON-NLS-2$
				s.setString(1, sessionId);
				s.executeUpdate();
			}
		}
	}

	void deleteTrainingBodyDetails(String code) throws SQLException {
		batches.flush();
		for (String table : List.of("TRAINING_BODY_APPROVAL", "TRAINING_BODY_CONTACT")) { //$NON-NLS-1$ //$NON-NLS-2$
			try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table + " WHERE BODY_CODE = ?")) { //$NON-NLS-1$ //$NON-NLS-2$
				s.setString(1, code);
				s.executeUpdate();
			}
		}
	}

	/** Records who saved which parts of which dossier. */
	void log(String entity, String id, int version, String parts) throws SQLException {
		PreparedStatement s = batches.get(CHANGE);
		s.setString(1, entity);
		s.setString(2, id);
		s.setInt(3, version);
		s.setString(4, user);
		setTime(s, 5, now);
		s.setString(6, parts);
		batches.add(s);
	}

	/** Numbers the assessments of {@code registration} in the order they are written. */
	private static void numberAssessments(Registration registration, Map<EObject, Integer> seqs) {
		int seq = 0;
		if (registration.getOrientation() != null) {
			seqs.put(registration.getOrientation(), ++seq);
		}
		for (Assessment a : registration.getFormativeEvaluations()) {
			seqs.put(a, ++seq);
		}
		for (Assessment a : registration.getTutorAssessments()) {
			seqs.put(a, ++seq);
		}
		if (registration.getFinalEvaluation() != null) {
			for (Assessment a : registration.getFinalEvaluation().getDomains()) {
				seqs.put(a, ++seq);
			}
		}
	}

	private int assessment(String id, String kind, Assessment assessment, Map<EObject, Integer> seqs)
			throws SQLException {
		int seq = seqs.get(assessment).intValue();
		PreparedStatement a = batches.get(ASSESSMENT);
		a.setString(1, id);
		a.setInt(2, seq);
		a.setString(3, kind);
		setString(a, 4, assessment.getBooklet() == null ? null : assessment.getBooklet().getCode());
		setDay(a, 5, assessment.getDate());
		setString(a, 6, assessment.getComment());
		batches.add(a);
		int ratingSeq = 0;
		for (Rating rating : assessment.getRatings()) {
			PreparedStatement r = batches.get(RATING);
			r.setString(1, id);
			r.setInt(2, seq);
			r.setInt(3, ++ratingSeq);
			EObject rated = rating.getItem() != null ? rating.getItem()
					: rating.getSection() != null ? rating.getSection() : rating.getLevel();
			setString(r, 4, rated == null ? null : bookletOf(rated).getCode());
			setString(r, 5, rating.getSection() == null ? null : rating.getSection().getCode());
			setString(r, 6, rating.getItem() == null ? null : rating.getItem().getCode());
			setString(r, 7, rating.getLevel() == null ? null : ((Scale) rating.getLevel().eContainer()).getCode());
			setString(r, 8, rating.getLevel() == null ? null : rating.getLevel().getCode());
			setString(r, 9, rating.getComment());
			batches.add(r);
		}
		return seq;
	}

	private void answers(String id, String part, List<Answer> answers) throws SQLException {
		int seq = 0;
		for (Answer answer : answers) {
			PreparedStatement a = batches.get(ANSWER);
			a.setString(1, id);
			a.setString(2, part);
			a.setInt(3, ++seq);
			setString(a, 4, answer.getSection() == null ? null : bookletOf(answer.getSection()).getCode());
			setString(a, 5, answer.getSection() == null ? null : answer.getSection().getCode());
			setString(a, 6, answer.getQuestion());
			setString(a, 7, answer.getText());
			batches.add(a);
		}
	}

	private static void evaluator(PreparedStatement s, int index, Evaluator evaluator) throws SQLException {
		setString(s, index, evaluator == null ? null : evaluator.getName());
		setString(s, index + 1, evaluator == null ? null : evaluator.getFunction());
	}

	private void stamp(PreparedStatement s, int index, int version) throws SQLException {
		s.setInt(index, version);
		s.setString(index + 1, user);
		setTime(s, index + 2, now);
	}

	private static String code(CompetenceDomain domain) {
		return domain == null ? null : domain.getCode();
	}

	private static Booklet bookletOf(EObject element) {
		EObject e = element;
		while (e != null && !(e instanceof Booklet)) {
			e = e.eContainer();
		}
		return (Booklet) e;
	}

	@Override
	public void close() throws SQLException {
		batches.close();
	}
}
