package fr.mutualite.cqp.store.internal;

import static fr.mutualite.cqp.store.internal.Columns.insert;
import static fr.mutualite.cqp.store.internal.Jdbc.setDay;
import static fr.mutualite.cqp.store.internal.Jdbc.setInt;
import static fr.mutualite.cqp.store.internal.Jdbc.setString;
import static fr.mutualite.cqp.store.internal.Jdbc.setTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import fr.mutualite.cqp.model.dossier.BookletStatus;
import fr.mutualite.cqp.model.dossier.DomainPlan;
import fr.mutualite.cqp.model.dossier.DossierPackage;
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

	private static final DossierPackage P = DossierPackage.eINSTANCE;

	static final String COMPANY = "INSERT INTO CQP.COMPANY (ID, NAME, CITY, MATCH_KEY, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String CANDIDATE = "INSERT INTO CQP.CANDIDATE (ID, LAST_NAME, FIRST_NAME, BIRTH_DATE, EMAIL, COMPANY_ID, MATCH_KEY, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String TRAINING_BODY = "INSERT INTO CQP.TRAINING_BODY (CODE, NAME, NOTE, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String APPROVAL = "INSERT INTO CQP.TRAINING_BODY_APPROVAL (BODY_CODE, CERTIFICATION_CODE, TRAINING_ROUTE, VAE_ROUTE, VALID_UNTIL) VALUES (?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String CONTACT = "INSERT INTO CQP.TRAINING_BODY_CONTACT (BODY_CODE, SEQ, NAME, PHONE, EMAIL) VALUES (?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String REGISTRATION = "INSERT INTO CQP.REGISTRATION (ID, CANDIDATE_ID, CERTIFICATION_CODE, REFERENTIAL_VERSION, REGISTRATION_DATE, ROUTE, COMPANY_ID, TRAINING_BODY_CODE, HAS_TRAINING_PATH, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String ASSESSMENT = insert("ASSESSMENT", P.getAssessment(), "REGISTRATION_ID", "SEQ", "KIND", "BOOKLET_CODE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	static final String RATING = insert("RATING", P.getRating(), "REGISTRATION_ID", "ASSESSMENT_SEQ", "SEQ", "BOOKLET_CODE", "SECTION_CODE", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"ITEM_CODE", "SCALE_CODE", "LEVEL_CODE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	static final String ORIENTATION = insert("ORIENTATION", P.getOrientationInterview(), "REGISTRATION_ID", "ASSESSMENT_SEQ"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	static final String DOMAIN_PLAN = insert("DOMAIN_PLAN", P.getDomainPlan(), "REGISTRATION_ID", "SEQ", "DOMAIN_CODE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	static final String PLANNED_MODULE = insert("PLANNED_MODULE", P.getPlannedModule(), "REGISTRATION_ID", "PLAN_SEQ", "SEQ"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	static final String TRAINING_MODULE = insert("TRAINING_MODULE", P.getTrainingModule(), "REGISTRATION_ID", "SEQ"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	static final String MODULE_DOMAIN = "INSERT INTO CQP.TRAINING_MODULE_DOMAIN (REGISTRATION_ID, MODULE_SEQ, DOMAIN_CODE) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String FORMATIVE = insert("FORMATIVE_EVALUATION", P.getFormativeEvaluation(), "REGISTRATION_ID", "ASSESSMENT_SEQ", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"DOMAIN_CODE", "PREVIOUS_SEQ"); //$NON-NLS-1$ //$NON-NLS-2$
	static final String FORMATIVE_MODULE = "INSERT INTO CQP.FORMATIVE_MODULE (REGISTRATION_ID, ASSESSMENT_SEQ, MODULE_SEQ) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String TUTOR = insert("TUTOR_ASSESSMENT", P.getTutorAssessment(), "REGISTRATION_ID", "ASSESSMENT_SEQ"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	static final String REVIEW = insert("PROGRESS_REVIEW", P.getProgressReview(), "REGISTRATION_ID", "SEQ"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	static final String FINAL = "INSERT INTO CQP.FINAL_EVALUATION (REGISTRATION_ID, BOOKLET_CODE, EVALUATOR1_NAME, EVALUATOR1_FUNCTION, EVALUATOR2_NAME, EVALUATOR2_FUNCTION) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String FINAL_DOMAIN = insert("FINAL_DOMAIN", P.getFinalDomainEvaluation(), "REGISTRATION_ID", "ASSESSMENT_SEQ", "DOMAIN_CODE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	static final String FINAL_DATE = "INSERT INTO CQP.FINAL_DOMAIN_DATE (REGISTRATION_ID, ASSESSMENT_SEQ, EVALUATION_DATE) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String FINAL_CONDITION = "INSERT INTO CQP.FINAL_DOMAIN_CONDITION (REGISTRATION_ID, ASSESSMENT_SEQ, CONDITION_KIND) VALUES (?, ?, ?)"; //$NON-NLS-1$
	static final String ANSWER = insert("ANSWER", P.getAnswer(), "REGISTRATION_ID", "PART", "SEQ", "BOOKLET_CODE", "SECTION_CODE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	static final String VAE = insert("VAE_DOSSIER", P.getVaeDossier(), "REGISTRATION_ID"); //$NON-NLS-1$ //$NON-NLS-2$
	static final String EXPERIENCE = insert("EXPERIENCE_PERIOD", P.getExperiencePeriod(), "REGISTRATION_ID", "SEQ"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	static final String PROOF = insert("PROOF", P.getProof(), "REGISTRATION_ID", "EXPERIENCE_SEQ", "SEQ"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	static final String CERTIFICATE = insert("CERTIFICATE", P.getCertificate(), "REGISTRATION_ID"); //$NON-NLS-1$ //$NON-NLS-2$
	static final String CERTIFICATE_HISTORY = insert("CERTIFICATE_HISTORY", P.getCertificate(), "REGISTRATION_ID", "SEQ"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	static final String BOOKLET_STATUS = insert("BOOKLET_STATUS", P.getBookletStatus(), "REGISTRATION_ID", "BOOKLET_CODE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	static final String SESSION = "INSERT INTO CQP.JURY_SESSION (ID, SESSION_DATE, PLACE, VERSION, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	static final String MEMBER = "INSERT INTO CQP.JURY_MEMBER (SESSION_ID, SEQ, NAME, SIDE, ORGANISATION, PRESIDENT) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$
	/** A jury decision with the counts the statistics read (its domains ruled on, acquired), written with its domain decisions. */
	static final String DECISION = insert("JURY_DECISION", P.getJuryDecision(), "SESSION_ID", "REGISTRATION_ID", "DOMAINS", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"ACQUIRED"); //$NON-NLS-1$
	static final String DOMAIN_DECISION = "INSERT INTO CQP.DOMAIN_DECISION (SESSION_ID, REGISTRATION_ID, DOMAIN_CODE, ACQUIRED) VALUES (?, ?, ?, ?)"; //$NON-NLS-1$
	static final String CHANGE = "INSERT INTO CQP.CHANGE_LOG (ENTITY, ENTITY_ID, VERSION, CHANGED_BY, CHANGED_AT, PARTS) VALUES (?, ?, ?, ?, ?, ?)"; //$NON-NLS-1$

	/**
	 * Booklet tables of a registration that hang directly on it; the others cascade from these.
	 * Its certificates are not among them: only the jury's decisions issue them.
	 */
	private static final List<String> BOOKLET_ROOTS = List.of("ASSESSMENT", "TRAINING_MODULE", "PROGRESS_REVIEW", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"FINAL_EVALUATION", "ANSWER", "VAE_DOSSIER", "BOOKLET_STATUS"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private final Connection connection;
	private final Batches batches;
	private final String user;
	private final Instant now;
	/** {@link #now} as the staged rows give it: Derby's text of a {@code TIMESTAMP}, made once. */
	private final String stamp;
	/** Where new candidates and registrations are staged ({@link #staging}), or {@code null}. */
	private List<Object[]> stagedCandidates, stagedRegistrations;

	DossierWriter(Connection connection, String user, Instant now) throws SQLException {
		this.connection = connection;
		this.batches = new Batches(connection);
		this.user = user;
		this.now = now;
		this.stamp = Timestamp.from(now).toString();
		batches.declare(TRAINING_BODY, APPROVAL, CONTACT, COMPANY, CANDIDATE, REGISTRATION, ASSESSMENT, RATING,
				ORIENTATION, DOMAIN_PLAN, PLANNED_MODULE, TRAINING_MODULE, MODULE_DOMAIN, FORMATIVE, FORMATIVE_MODULE,
				TUTOR, REVIEW, FINAL, FINAL_DOMAIN, FINAL_DATE, FINAL_CONDITION, ANSWER, VAE, EXPERIENCE, PROOF,
				CERTIFICATE, CERTIFICATE_HISTORY, BOOKLET_STATUS, SESSION, MEMBER, DECISION, DOMAIN_DECISION, CHANGE);
	}

	/**
	 * Stages the candidates and registrations written from now on in {@code candidates} and
	 * {@code registrations}, a row each with the values of the columns of {@link #CANDIDATE} and
	 * {@link #REGISTRATION} in their JDBC types, days and times as text (as the functions of
	 * migration 013 give them), instead of writing them; {@code null} writes them again.
	 */
	void staging(List<Object[]> candidates, List<Object[]> registrations) {
		stagedCandidates = candidates;
		stagedRegistrations = registrations;
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
				candidate.getEmail(), candidate.getCompany() == null ? null : candidate.getCompany().getId(),
				Identity.candidateKey(candidate.getLastName(), candidate.getFirstName(), candidate.getBirthDate()), version);
	}

	/** A candidate, under its key ({@link Identity#candidateKey}). */
	void candidate(String id, String lastName, String firstName, LocalDate birthDate, String email, String companyId,
			String key, int version) throws SQLException {
		if (stagedCandidates != null) {
			stagedCandidates.add(new Object[] { id, lastName, firstName,
					birthDate == null ? null : birthDate.toString(), email, companyId, key,
					Integer.valueOf(version), user, stamp });
			return;
		}
		PreparedStatement s = batches.get(CANDIDATE);
		s.setString(1, id);
		s.setString(2, lastName);
		s.setString(3, firstName);
		setDay(s, 4, birthDate);
		setString(s, 5, email);
		setString(s, 6, companyId);
		s.setString(7, key);
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
		if (stagedRegistrations != null) {
			stagedRegistrations.add(new Object[] { id, candidateId, certificationCode, referentialVersion,
					date == null ? null : date.toString(), route.getName(), companyId, trainingBodyCode,
					Boolean.valueOf(trainingPath), Integer.valueOf(version), user, stamp });
			return;
		}
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
	void deleteBooklets(String registrationId) throws SQLException {
		batches.flush();
		for (String table : BOOKLET_ROOTS) {
			try (PreparedStatement s = connection.prepareStatement("DELETE FROM CQP." + table + " WHERE REGISTRATION_ID = ?")) { //$NON-NLS-1$ //$NON-NLS-2$
				s.setString(1, registrationId);
				s.executeUpdate();
			}
		}
	}

	/** Everything below the header of a new {@code registration}: its booklets and certificates. */
	void content(Registration registration) throws SQLException {
		booklets(registration);
		String id = registration.getId();
		if (registration.getCertificate() != null) {
			row(CERTIFICATE, registration.getCertificate(), id);
		}
		int historySeq = 0;
		for (Certificate earlier : registration.getCertificateHistory()) {
			row(CERTIFICATE_HISTORY, earlier, id, ++historySeq);
		}
	}

	/** The booklets of {@code registration}. */
	void booklets(Registration registration) throws SQLException {
		String id = registration.getId();
		Map<EObject, Integer> seqs = new HashMap<>();
		int seq = 0;
		if (registration.getTrainingPath() != null) {
			for (TrainingModule module : registration.getTrainingPath().getModules()) {
				seqs.put(module, ++seq);
				row(TRAINING_MODULE, module, id, seq);
				for (CompetenceDomain domain : module.getDomains()) {
					row(MODULE_DOMAIN, null, id, seq, domain.getCode());
				}
			}
		}
		OrientationInterview orientation = registration.getOrientation();
		FinalEvaluation fin = registration.getFinalEvaluation();
		numberAssessments(registration, seqs);
		if (orientation != null) {
			int a = assessment(id, "ORIENTATION", orientation, seqs); //$NON-NLS-1$
			row(ORIENTATION, orientation, id, a);
			int planSeq = 0;
			for (DomainPlan plan : orientation.getPlans()) {
				row(DOMAIN_PLAN, plan, id, ++planSeq, code(plan.getDomain()));
				int moduleSeq = 0;
				for (PlannedModule module : plan.getModules()) {
					row(PLANNED_MODULE, module, id, planSeq, ++moduleSeq);
				}
			}
			answers(id, "ORIENT", orientation.getAnswers()); //$NON-NLS-1$
		}
		for (FormativeEvaluation evaluation : registration.getFormativeEvaluations()) {
			int a = assessment(id, "FORMATIVE", evaluation, seqs); //$NON-NLS-1$
			row(FORMATIVE, evaluation, id, a, code(evaluation.getDomain()),
					evaluation.getPrevious() == null ? null : seqs.get(evaluation.getPrevious()));
			for (TrainingModule module : evaluation.getModules()) {
				Integer moduleSeq = seqs.get(module);
				if (moduleSeq == null) {
					throw new SQLDataException(NLS.bind(Messages.Store_foreignModule, module.getTitle(), id));
				}
				row(FORMATIVE_MODULE, null, id, a, moduleSeq);
			}
		}
		for (TutorAssessment tutor : registration.getTutorAssessments()) {
			row(TUTOR, tutor, id, assessment(id, "TUTOR", tutor, seqs)); //$NON-NLS-1$
		}
		int reviewSeq = 0;
		for (ProgressReview review : registration.getProgressReviews()) {
			row(REVIEW, review, id, ++reviewSeq);
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
				row(FINAL_DOMAIN, domain, id, a, code(domain.getDomain()));
				for (LocalDate day : domain.getEvaluationDates()) {
					row(FINAL_DATE, null, id, a, day);
				}
				for (EvaluationCondition condition : domain.getConditions()) {
					row(FINAL_CONDITION, null, id, a, condition.getName());
				}
			}
			answers(id, "FINAL", fin.getAnswers()); //$NON-NLS-1$
		}
		VaeDossier vae = registration.getVaeDossier();
		if (vae != null) {
			row(VAE, vae, id);
			int experienceSeq = 0;
			for (ExperiencePeriod period : vae.getExperiences()) {
				row(EXPERIENCE, period, id, ++experienceSeq);
				int proofSeq = 0;
				for (Proof proof : period.getProofs()) {
					row(PROOF, proof, id, experienceSeq, ++proofSeq);
				}
			}
			answers(id, "VAE", vae.getAnswers()); //$NON-NLS-1$
		}
		for (BookletStatus status : registration.getBookletStatuses()) {
			row(BOOKLET_STATUS, status, id, status.getBooklet().getCode());
		}
	}

	/**
	 * Adds a row of {@code sql}: its keys (strings, numbers or days, null allowed) and then, if
	 * {@code object} is given, the columns of the attributes its class declares.
	 */
	private void row(String sql, EObject object, Object... keys) throws SQLException {
		PreparedStatement s = batches.get(sql);
		int index = 0;
		for (Object key : keys) {
			index++;
			if (key instanceof Integer number) {
				s.setInt(index, number.intValue());
			} else if (key instanceof LocalDate day) {
				setDay(s, index, day);
			} else {
				setString(s, index, (String) key);
			}
		}
		if (object != null) {
			Columns.of(object.eClass()).set(s, index + 1, object);
		}
		batches.add(s);
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
		int acquired = (int) decision.getDomains().stream().filter(DomainDecision::isAcquired).count();
		row(DECISION, decision, session, decision.getRegistration().getId(), Integer.valueOf(decision.getDomains().size()),
				Integer.valueOf(acquired));
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
			try (PreparedStatement s = connection.prepareStatement("DELETE FROM CQP." + table + " WHERE SESSION_ID = ?")) { //$NON-NLS-1$ //$NON-NLS-2$
				s.setString(1, sessionId);
				s.executeUpdate();
			}
		}
	}

	void deleteTrainingBodyDetails(String code) throws SQLException {
		batches.flush();
		for (String table : List.of("TRAINING_BODY_APPROVAL", "TRAINING_BODY_CONTACT")) { //$NON-NLS-1$ //$NON-NLS-2$
			try (PreparedStatement s = connection.prepareStatement("DELETE FROM CQP." + table + " WHERE BODY_CODE = ?")) { //$NON-NLS-1$ //$NON-NLS-2$
				s.setString(1, code);
				s.executeUpdate();
			}
		}
	}

	/** Writes the current certificate of the registration {@code id}. */
	void certificate(String id, Certificate certificate) throws SQLException {
		row(CERTIFICATE, certificate, id);
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
		Columns.of(P.getAssessment()).set(a, 5, assessment);
		batches.add(a);
		int ratingSeq = 0;
		for (Rating rating : assessment.getRatings()) {
			EObject rated = rating.getItem() != null ? rating.getItem()
					: rating.getSection() != null ? rating.getSection() : rating.getLevel();
			row(RATING, rating, id, seq, ++ratingSeq, rated == null ? null : bookletOf(rated).getCode(),
					rating.getSection() == null ? null : rating.getSection().getCode(),
					rating.getItem() == null ? null : rating.getItem().getCode(),
					rating.getLevel() == null ? null : ((Scale) rating.getLevel().eContainer()).getCode(),
					rating.getLevel() == null ? null : rating.getLevel().getCode());
		}
		return seq;
	}

	private void answers(String id, String part, List<Answer> answers) throws SQLException {
		int seq = 0;
		for (Answer answer : answers) {
			row(ANSWER, answer, id, part, ++seq,
					answer.getSection() == null ? null : bookletOf(answer.getSection()).getCode(),
					answer.getSection() == null ? null : answer.getSection().getCode());
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
