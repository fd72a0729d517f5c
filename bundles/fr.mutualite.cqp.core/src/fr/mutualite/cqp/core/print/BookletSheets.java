package fr.mutualite.cqp.core.print;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.dossier.Awards;
import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.core.dossier.VaeExperience;
import fr.mutualite.cqp.core.internal.Messages;
import fr.mutualite.cqp.core.print.BookletSheet.Copy;
import fr.mutualite.cqp.core.print.BookletSheet.Field;
import fr.mutualite.cqp.core.print.BookletSheet.Line;
import fr.mutualite.cqp.core.validation.Labels;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.DomainUses;
import fr.mutualite.cqp.model.dossier.Admissibility;
import fr.mutualite.cqp.model.dossier.Answer;
import fr.mutualite.cqp.model.dossier.Assessment;
import fr.mutualite.cqp.model.dossier.BookletState;
import fr.mutualite.cqp.model.dossier.BookletStatus;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.DomainPlan;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.Evaluator;
import fr.mutualite.cqp.model.dossier.ExperiencePeriod;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.FinalEvaluation;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.PlannedModule;
import fr.mutualite.cqp.model.dossier.ProgressReview;
import fr.mutualite.cqp.model.dossier.Proof;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.TutorAssessment;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialPackage;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;

/**
 * The printed form of each booklet, blank (to hand out) or filled with a registration's data, from
 * the booklet its certification's referential version defines: its sections, items, scales and
 * wordings. A certification whose referential does not describe the booklet yet gets the domains,
 * competences and criteria of its referential, and a note saying what is missing. Nothing here
 * knows a particular certification.
 */
public final class BookletSheets {

	private static final String BLANK_DAY = "..../..../........"; //$NON-NLS-1$
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu"); //$NON-NLS-1$

	/** The booklets by the names the commands give them, in the order of the candidate's path. */
	public static final Map<String, BookletKind> NAMES;

	static {
		Map<String, BookletKind> names = new LinkedHashMap<>();
		names.put("orientation", BookletKind.ORIENTATION_GUIDE); //$NON-NLS-1$
		names.put("formation", BookletKind.TRAINING_EVALUATION); //$NON-NLS-1$
		names.put("tuteur", BookletKind.TUTOR_GUIDE); //$NON-NLS-1$
		names.put("finale", BookletKind.FINAL_EVALUATION); //$NON-NLS-1$
		names.put("vae", BookletKind.VAE_DOSSIER); //$NON-NLS-1$
		names.put("jury", BookletKind.JURY_DECISION); //$NON-NLS-1$
		NAMES = java.util.Collections.unmodifiableMap(names);
	}

	private BookletSheets() {
	}

	/** The name of the booklet of {@code kind} in the commands. */
	public static String name(BookletKind kind) {
		return NAMES.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).findFirst()
				.orElseThrow();
	}

	/** The booklet of {@code kind} of {@code certification}, blank. */
	public static BookletSheet blank(Certification certification, BookletKind kind) {
		return new Builder(certification, kind, null, List.of()).build();
	}

	/**
	 * The booklet of {@code kind} filled with what {@code registration} holds; {@code decisions}
	 * are the jury decisions on it, each in its session.
	 */
	public static BookletSheet filled(Registration registration, BookletKind kind, List<JuryDecision> decisions) {
		List<JuryDecision> sorted = new ArrayList<>(decisions);
		sorted.sort(Comparator.comparing(Awards::day, Comparator.nullsLast(Comparator.naturalOrder())));
		return new Builder(registration.getCertification(), kind, registration, sorted).build();
	}

	/**
	 * The certificate {@code registration} holds (a full award, or a statement of partial award
	 * listing the domains acquired and until when), with the certificates issued before it;
	 * empty when no certificate was issued. {@code decisions} are the jury decisions on the
	 * registration, each in its session.
	 */
	public static Optional<BookletSheet> certificate(Registration registration, List<JuryDecision> decisions) {
		Certificate certificate = registration.getCertificate();
		if (certificate == null || certificate.getDate() == null) {
			return Optional.empty();
		}
		Builder builder = new Builder(registration.getCertification(), BookletKind.JURY_DECISION, registration, decisions);
		return Optional.of(builder.certificate(certificate));
	}

	/** Builds one sheet. */
	private static final class Builder {
		private final Certification certification;
		private final BookletKind kind;
		private final Booklet booklet;
		private final Registration registration;
		private final List<JuryDecision> decisions;
		private final List<Line> lines = new ArrayList<>();
		private int section;
		private String heading;

		Builder(Certification certification, BookletKind kind, Registration registration, List<JuryDecision> decisions) {
			this.certification = certification;
			this.kind = kind;
			this.registration = registration;
			this.decisions = decisions;
			this.booklet = Booklets.of(certification).stream().filter(b -> b.getKind() == kind).findFirst().orElse(null);
		}

		BookletSheet build() {
			List<String> notes = new ArrayList<>();
			String title;
			if (booklet != null) {
				title = booklet.getTitle();
				if (has(booklet.getFilledBy())) {
					notes.add(NLS.bind(Messages.Print_filledBy, booklet.getFilledBy()));
				}
				if (has(booklet.getInstructions())) {
					notes.add(booklet.getInstructions());
				}
			} else {
				title = Labels.of(ReferentialPackage.Literals.BOOKLET_KIND, kind);
				notes.add(NLS.bind(Messages.Print_missingBooklet, certification.getCode(), title));
			}
			if (kind == BookletKind.VAE_DOSSIER) {
				experience();
			}
			if (booklet != null) {
				for (BookletSection s : booklet.getSections()) {
					section(s);
				}
			} else {
				for (DomainUse use : certification.getDomains()) {
					domain(use);
				}
			}
			switch (kind) {
			case TUTOR_GUIDE -> reviews();
			case FINAL_EVALUATION -> declaration();
			case JURY_DECISION -> jury();
			default -> {
				// nothing after the sections
			}
			}
			return new BookletSheet(title, certificationLine(), registration == null ? Copy.BLANK : Copy.FILLED, header(), List.copyOf(notes),
					List.copyOf(lines));
		}

		BookletSheet certificate(Certificate certificate) {
			Candidate candidate = (Candidate) registration.eContainer();
			String name = candidate.getFirstName() + ' ' + candidate.getLastName();
			int years = RuleBook.of(registration).at(certificate.getDate()).map(RuleSet::getPartialValidityYears)
					.orElse(0);
			List<Field> fields = List.of(new Field(Messages.Print_candidate, candidate.getLastName() + ' ' + candidate.getFirstName()),
					new Field(Messages.Print_birthDate, day(candidate.getBirthDate())),
					new Field(Messages.Print_company, registration.getCompany() == null ? "" : registration.getCompany().getName()), //$NON-NLS-1$
					new Field(Messages.Print_certificateNumber, certificate.getNumber()),
					new Field(Messages.Print_certificateDate, day(certificate.getDate())));
			String note = certificate.isFull()
					? NLS.bind(Messages.Print_fullAwardNote, new Object[] { day(certificate.getDate()), name, certification.getTitle() })
					: NLS.bind(Messages.Print_partialAwardNote, new Object[] { day(certificate.getDate()), name,
							Integer.valueOf(years) });
			open(Messages.Print_domainsSection);
			List<Awards.Ruling<CompetenceDomain>> rulings = new ArrayList<>();
			for (JuryDecision decision : decisions) {
				decision.getDomains().forEach(d -> rulings.add(new Awards.Ruling<>(Awards.day(decision), d.getDomain(), d.isAcquired())));
			}
			Map<CompetenceDomain, LocalDate> acquired = Awards.acquired(rulings, certificate.getDate(), years, false);
			for (DomainUse use : certification.getDomains()) {
				LocalDate since = acquired.get(use.getDomain());
				String state = since == null ? Messages.Print_notAcquired
						: certificate.isFull() ? NLS.bind(Messages.Print_acquiredOn, day(since))
								: NLS.bind(Messages.Print_acquiredUntil, day(since), day(since.plusYears(years)));
				line(1, domainHeading(use.getDomain(), has(use.getWording()) ? use.getWording() : wording(use.getDomain())),
						state);
			}
			if (!registration.getCertificateHistory().isEmpty()) {
				open(Messages.Print_historySection);
				for (Certificate earlier : registration.getCertificateHistory()) {
					line(1, NLS.bind(earlier.isFull() ? Messages.Print_fullAward : Messages.Print_partialAward,
							earlier.getNumber(), day(earlier.getDate())), ""); //$NON-NLS-1$
				}
			}
			return new BookletSheet(certificate.isFull() ? Messages.Print_certificateTitle : Messages.Print_partialTitle,
					certificationLine(), Copy.ISSUED, fields, List.of(note), List.copyOf(lines));
		}

		private String certificationLine() {
			String version = EcoreUtil.getRootContainer(certification) instanceof Referential r ? r.getVersion() : null;
			return has(version) ? NLS.bind(Messages.Print_version, new Object[] { certification.getCode(),
					certification.getTitle(), version }) : certification.getCode() + " - " + certification.getTitle(); //$NON-NLS-1$
		}

		private List<Field> header() {
			List<Field> fields = new ArrayList<>();
			Candidate candidate = registration == null ? null : (Candidate) registration.eContainer();
			fields.add(new Field(Messages.Print_candidate,
					candidate == null ? "" : candidate.getLastName() + ' ' + candidate.getFirstName())); //$NON-NLS-1$
			fields.add(new Field(Messages.Print_birthDate, candidate == null ? "" : day(candidate.getBirthDate()))); //$NON-NLS-1$
			if (registration != null) {
				fields.add(new Field(Messages.Print_registration, NLS.bind(Messages.Print_registrationValue,
						new Object[] { registration.getId(), day(registration.getDate()),
								Labels.of(ReferentialPackage.Literals.ROUTE,
										registration.getRoute()) })));
			}
			fields.add(new Field(Messages.Print_company, registration == null || registration.getCompany() == null ? "" //$NON-NLS-1$
					: registration.getCompany().getName()));
			fields.add(new Field(Messages.Print_trainingBody,
					registration == null || registration.getTrainingBody() == null ? "" //$NON-NLS-1$
							: registration.getTrainingBody().getName()));
			if (kind == BookletKind.FINAL_EVALUATION) {
				FinalEvaluation evaluation = registration == null ? null : registration.getFinalEvaluation();
				fields.add(new Field(Messages.Print_evaluator1, person(evaluation == null ? null : evaluation.getEvaluator1())));
				fields.add(new Field(Messages.Print_evaluator2, person(evaluation == null ? null : evaluation.getEvaluator2())));
			}
			if (kind == BookletKind.TUTOR_GUIDE) {
				fields.add(new Field(Messages.Print_tutor, registration == null ? "" //$NON-NLS-1$
						: registration.getTutorAssessments().stream().map(TutorAssessment::getTutor).filter(BookletSheets::has)
								.distinct().collect(Collectors.joining(", ")))); //$NON-NLS-1$
			}
			return List.copyOf(fields);
		}

		// ---- sections

		private void open(String title) {
			section++;
			heading = title;
		}

		private void line(int depth, String text, String answer) {
			lines.add(new Line(section, heading, depth, text == null ? "" : text, answer == null ? "" : answer)); //$NON-NLS-1$ //$NON-NLS-2$
		}

		private void section(BookletSection s) {
			CompetenceDomain domain = s.getDomain();
			open(domainHeading(domain, has(s.getWording()) ? s.getWording() : wording(domain)));
			if (has(s.getEvaluationModality())) {
				line(0, NLS.bind(Messages.Print_modality, s.getEvaluationModality()), ""); //$NON-NLS-1$
			}
			for (String question : s.getQuestions()) {
				line(1, question, answer(s, question));
			}
			for (Scale scale : s.getDomainScales()) {
				line(1, scale.getTitle(), boxes(scale, registration == null ? null : domainLevel(s, scale)));
			}
			for (BookletItem item : s.getItems()) {
				item(s, item, 1);
			}
			perDomain(domain);
		}

		private void item(BookletSection s, BookletItem item, int depth) {
			line(depth, item.getWording(), item.getScale() == null ? "" //$NON-NLS-1$
					: boxes(item.getScale(), registration == null ? null : itemLevel(s, item)));
			for (BookletItem child : item.getChildren()) {
				item(s, child, depth + 1);
			}
		}

		/** A domain of a certification whose referential does not describe the booklet: the referential's words. */
		private void domain(DomainUse use) {
			CompetenceDomain domain = use.getDomain();
			if (domain == null || domain.eIsProxy()) {
				return;
			}
			open(domainHeading(domain, has(use.getWording()) ? use.getWording() : wording(domain)));
			if (DomainUses.competences(use).isEmpty() && domain.getCriteriaGroups().isEmpty()) {
				line(0, Messages.Print_emptyDomain, ""); //$NON-NLS-1$
			}
			for (Competence competence : DomainUses.competences(use)) {
				line(1, competence.getWording(), ""); //$NON-NLS-1$
			}
			for (CriteriaGroup group : domain.getCriteriaGroups()) {
				line(1, group.getWording(), ""); //$NON-NLS-1$
				for (Criterion criterion : group.getCriteria()) {
					line(2, criterion.getWording(), ""); //$NON-NLS-1$
				}
			}
			perDomain(domain);
		}

		private String domainHeading(CompetenceDomain domain, String wording) {
			Optional<DomainUse> use = domain == null ? Optional.empty() : DomainUses.of(certification, domain);
			return use.isPresent() ? NLS.bind(Messages.Print_domain, Integer.valueOf(use.get().getNumber()), wording)
					: wording;
		}

		// ---- what is written per domain besides the booklet's items: blank lines, or what the registration holds

		private void perDomain(CompetenceDomain domain) {
			switch (kind) {
			case ORIENTATION_GUIDE -> plan(domain);
			case TRAINING_EVALUATION -> training(domain);
			case FINAL_EVALUATION -> finalDomain(domain);
			case JURY_DECISION -> decisions(domain);
			case VAE_DOSSIER -> vaeAnswers(domain);
			default -> {
				// the tutor's grids are on the section's lines
			}
			}
		}

		private void plan(CompetenceDomain domain) {
			if (registration == null) {
				line(1, Messages.Print_directEvaluation, boxes(null, null));
				line(1, Messages.Print_blankModules, ""); //$NON-NLS-1$
				return;
			}
			if (registration.getOrientation() == null) {
				return;
			}
			for (DomainPlan plan : registration.getOrientation().getPlans()) {
				if (plan.getDomain() == domain) {
					line(1, Messages.Print_directEvaluation, yesNo(plan.isDirectEvaluation()));
					for (PlannedModule module : plan.getModules()) {
						line(3, NLS.bind(Messages.Print_plannedModule, module.getTitle(), Integer.valueOf(module.getHours())),
								""); //$NON-NLS-1$
					}
				}
			}
		}

		private void training(CompetenceDomain domain) {
			if (registration == null) {
				line(1, Messages.Print_blankModule, ""); //$NON-NLS-1$
				line(1, Messages.Print_blankFormative, achievedBoxes(null));
				line(3, NLS.bind(Messages.Print_trainerComment, ""), ""); //$NON-NLS-1$ //$NON-NLS-2$
				return;
			}
			if (registration.getTrainingPath() != null) {
				for (TrainingModule module : registration.getTrainingPath().getModules()) {
					if (module.getDomains().contains(domain)) {
						line(1, NLS.bind(Messages.Print_module, new Object[] { module.getTitle(), day(module.getStartDate()),
								day(module.getEndDate()), Integer.valueOf(module.getHours()), text(module.getTrainer()) }),
								module.isCertificateAttached() ? Messages.Print_certificateAttached : ""); //$NON-NLS-1$
					}
				}
			}
			for (FormativeEvaluation e : formative(domain)) {
				line(1, NLS.bind(Messages.Print_formative, new Object[] { day(e.getDate()), text(e.getTrainer()),
						text(e.getMethod()) }), achievedBoxes(Boolean.valueOf(e.isObjectiveAchieved())));
				comment(Messages.Print_trainerComment, e.getComment());
			}
		}

		/** The synthesis sheet of the domain. */
		private void finalDomain(CompetenceDomain domain) {
			FinalDomainEvaluation e = registration == null ? null : finalEvaluation(domain);
			if (registration != null && e == null) {
				return;
			}
			line(1, Messages.Print_activities, e == null ? boxes(null, null) : yesNo(e.isActivitiesExercised()));
			line(1, Messages.Print_dates, e == null ? "" : e.getEvaluationDates().stream().map(BookletSheets::day) //$NON-NLS-1$
					.collect(Collectors.joining(", "))); //$NON-NLS-1$
			line(1, Messages.Print_conditions, DossierPackage.Literals.EVALUATION_CONDITION.getELiterals().stream()
					.map(l -> box(e != null && e.getConditions().contains(l.getInstance()))
							+ Labels.of(DossierPackage.Literals.EVALUATION_CONDITION, l.getInstance()))
					.collect(Collectors.joining("   "))); //$NON-NLS-1$
			line(1, Messages.Print_mastered, e == null ? boxes(null, null) : yesNo(e.isMastered()));
			line(1, Messages.Print_agree, e == null ? boxes(null, null) : yesNo(e.isEvaluatorsAgree()));
			if (e == null) {
				line(3, NLS.bind(Messages.Print_evaluatorsComment, ""), ""); //$NON-NLS-1$ //$NON-NLS-2$
			} else {
				comment(Messages.Print_evaluatorsComment, e.getComment());
			}
			FinalEvaluation evaluation = registration == null ? null : registration.getFinalEvaluation();
			line(1, NLS.bind(Messages.Print_signedBy, evaluator(evaluation, 1)),
					e == null ? boxes(null, null) : yesNo(e.isSignedByEvaluator1()));
			line(1, NLS.bind(Messages.Print_signedBy, evaluator(evaluation, 2)),
					e == null ? boxes(null, null) : yesNo(e.isSignedByEvaluator2()));
		}

		/** The evaluator {@code n} by name, or by role on a blank booklet. */
		private static String evaluator(FinalEvaluation evaluation, int n) {
			Evaluator evaluator = evaluation == null ? null : n == 1 ? evaluation.getEvaluator1() : evaluation.getEvaluator2();
			String name = person(evaluator);
			return name.isEmpty() ? n == 1 ? Messages.Print_evaluator1 : Messages.Print_evaluator2 : name;
		}

		/** The candidate's answers about the domain (the referential gives the VAE dossier no questions of its own). */
		private void vaeAnswers(CompetenceDomain domain) {
			List<Answer> answers = registration == null || registration.getVaeDossier() == null ? List.of()
					: registration.getVaeDossier().getAnswers().stream()
							.filter(a -> a.getSection() != null && a.getSection().getDomain() == domain
									&& (booklet == null || !a.getSection().getQuestions().contains(a.getQuestion())))
							.toList();
			if (registration == null) {
				line(1, Messages.Print_vaeExamples, ""); //$NON-NLS-1$
			}
			for (Answer answer : answers) {
				line(1, answer.getQuestion(), ""); //$NON-NLS-1$
				comment(Messages.Print_answer, answer.getText());
			}
		}

		private void decisions(CompetenceDomain domain) {
			for (JuryDecision decision : decisions) {
				for (DomainDecision d : decision.getDomains()) {
					if (d.getDomain() == domain) {
						line(3, NLS.bind(Messages.Print_juryOf, day(Awards.day(decision))),
								d.isAcquired() ? Messages.Print_acquired : Messages.Print_notAcquired);
					}
				}
			}
		}

		private void comment(String label, String comment) {
			if (has(comment)) {
				line(3, NLS.bind(label, comment), ""); //$NON-NLS-1$
			}
		}

		// ---- parts after the sections

		private void experience() {
			open(Messages.Print_experienceSection);
			VaeDossier dossier = registration == null ? null : registration.getVaeDossier();
			line(1, Messages.Print_cv, dossier == null ? boxes(null, null) : yesNo(dossier.isCvProvided()));
			line(1, Messages.Print_accompaniment, dossier == null ? boxes(null, null) : yesNo(dossier.isAccompaniment()));
			if (dossier == null) {
				for (int i = 0; i < 3; i++) {
					line(1, Messages.Print_blankPeriod, ""); //$NON-NLS-1$
				}
				line(1, Labels.of(DossierPackage.Literals.VAE_DOSSIER__ADMISSIBILITY), box(false)
						+ Labels.of(DossierPackage.Literals.ADMISSIBILITY, Admissibility.ADMISSIBLE) + "   " + box(false) //$NON-NLS-1$
						+ Labels.of(DossierPackage.Literals.ADMISSIBILITY, Admissibility.INADMISSIBLE));
				return;
			}
			for (ExperiencePeriod period : dossier.getExperiences()) {
				line(1, NLS.bind(Messages.Print_period, new Object[] { text(period.getEmployer()), text(period.getPosition()),
						day(period.getStart()), period.getEnd() == null ? Messages.Print_ongoing : day(period.getEnd()) }),
						period.isRelevant() ? Messages.Print_relevant : Messages.Print_notRelevant);
				for (Proof proof : period.getProofs()) {
					line(3, NLS.bind(Messages.Print_proof, Labels.of(DossierPackage.Literals.PROOF_KIND, proof.getKind()),
							text(proof.getDescription())), ""); //$NON-NLS-1$
				}
			}
			VaeExperience.of(registration).ifPresent(e -> {
				java.time.Period period = java.time.Period.between(e.since(), e.registered());
				line(1, NLS.bind(Messages.Print_experience, new Object[] { Integer.valueOf(period.getYears()),
						Long.valueOf(java.time.temporal.ChronoUnit.DAYS.between(e.since().plusYears(period.getYears()), e.registered())),
						Integer.valueOf(e.windowYears()), Integer.valueOf(e.minimumYears()) }),
						e.enough() ? Messages.Print_enough : Messages.Print_notEnough);
			});
			line(1, Labels.of(DossierPackage.Literals.VAE_DOSSIER__ADMISSIBILITY),
					Labels.of(DossierPackage.Literals.ADMISSIBILITY, dossier.getAdmissibility())
							+ (dossier.getAdmissibilityDate() == null ? "" : NLS.bind(Messages.Print_on, day(dossier.getAdmissibilityDate())))); //$NON-NLS-1$
			comment(Messages.Print_reason, dossier.getAdmissibilityReason());
		}

		private void reviews() {
			open(Messages.Print_reviewsSection);
			List<ProgressReview> reviews = registration == null ? List.of() : registration.getProgressReviews();
			if (reviews.isEmpty()) {
				line(1, Messages.Print_blankReview, ""); //$NON-NLS-1$
				line(1, Messages.Print_strengths, ""); //$NON-NLS-1$
				line(1, Messages.Print_objectives, ""); //$NON-NLS-1$
			}
			for (ProgressReview review : reviews) {
				line(1, NLS.bind(Messages.Print_review, day(review.getDate()), text(review.getWithWhom())), ""); //$NON-NLS-1$
				comment(Messages.Print_strengthsValue, review.getStrengths());
				comment(Messages.Print_objectivesValue, review.getObjectives());
			}
		}

		private void declaration() {
			open(Messages.Print_declarationSection);
			line(0, Messages.Print_declaration, ""); //$NON-NLS-1$
			FinalEvaluation evaluation = registration == null ? null : registration.getFinalEvaluation();
			Optional<BookletStatus> status = registration == null || booklet == null ? Optional.empty()
					: Booklets.status(registration, booklet).filter(s -> s.getState() == BookletState.SIGNED);
			String date = status.map(s -> day(s.getDeclaredOn())).orElse(""); //$NON-NLS-1$
			for (int n = 1; n <= 2; n++) {
				line(1, NLS.bind(Messages.Print_signature, evaluator(evaluation, n), date.isEmpty() ? BLANK_DAY : date),
						status.isPresent() ? Messages.Print_signed : ""); //$NON-NLS-1$
			}
		}

		private void jury() {
			open(Messages.Print_jurySection);
			if (decisions.isEmpty()) {
				line(1, Messages.Print_blankSession, ""); //$NON-NLS-1$
				line(1, Messages.Print_blankMembers, ""); //$NON-NLS-1$
				line(1, Messages.Print_blankPresident, ""); //$NON-NLS-1$
				line(1, Messages.Print_award, boxes(null, null));
			}
			for (JuryDecision decision : decisions) {
				if (!(decision.eContainer() instanceof JurySession session)) {
					continue;
				}
				line(1, NLS.bind(Messages.Print_session, day(session.getDate()), text(session.getPlace())), ""); //$NON-NLS-1$
				for (JuryMember member : session.getMembers()) {
					line(3, NLS.bind(member == session.getPresident() ? Messages.Print_president : Messages.Print_member,
							new Object[] { member.getName(), Labels.of(DossierPackage.Literals.JURY_SIDE, member.getSide()),
									text(member.getOrganisation()) }), ""); //$NON-NLS-1$
				}
				comment(Messages.Print_advice, decision.getAdvice());
			}
			Certificate certificate = registration == null ? null : registration.getCertificate();
			if (certificate != null) {
				line(1, NLS.bind(certificate.isFull() ? Messages.Print_fullAward : Messages.Print_partialAward,
						certificate.getNumber(), day(certificate.getDate())), ""); //$NON-NLS-1$
			}
		}

		// ---- values

		private String answer(BookletSection s, String question) {
			if (registration == null) {
				return ""; //$NON-NLS-1$
			}
			List<Answer> answers = switch (kind) {
			case ORIENTATION_GUIDE -> registration.getOrientation() == null ? List.of() : registration.getOrientation().getAnswers();
			case FINAL_EVALUATION -> registration.getFinalEvaluation() == null ? List.of()
					: registration.getFinalEvaluation().getAnswers();
			case VAE_DOSSIER -> registration.getVaeDossier() == null ? List.of() : registration.getVaeDossier().getAnswers();
			default -> List.of();
			};
			return answers.stream().filter(a -> a.getSection() == s && question.equals(a.getQuestion()))
					.map(Answer::getText).filter(Objects::nonNull).findFirst().orElse(""); //$NON-NLS-1$
		}

		private ScaleLevel domainLevel(BookletSection s, Scale scale) {
			if (kind == BookletKind.JURY_DECISION) {
				Boolean acquired = null;
				for (JuryDecision decision : decisions) {
					for (DomainDecision d : decision.getDomains()) {
						if (d.getDomain() == s.getDomain()) {
							acquired = Boolean.valueOf(d.isAcquired() || Boolean.TRUE.equals(acquired));
						}
					}
				}
				Boolean value = acquired;
				return value == null ? null
						: scale.getLevels().stream().filter(l -> l.isAchieved() == value.booleanValue()).findFirst().orElse(null);
			}
			if (kind == BookletKind.FINAL_EVALUATION) {
				// the evaluators' opinion on the competence is kept as mastered or not
				FinalDomainEvaluation e = finalEvaluation(s.getDomain());
				return e == null ? null
						: scale.getLevels().stream().filter(l -> l.isAchieved() == e.isMastered()).findFirst().orElse(null);
			}
			return level(s, null, scale);
		}

		private ScaleLevel itemLevel(BookletSection s, BookletItem item) {
			return level(s, item, item.getScale());
		}

		/** The level given to the item (or to the section on {@code scale}) by the assessments of this booklet. */
		private ScaleLevel level(BookletSection s, BookletItem item, Scale scale) {
			for (Assessment assessment : assessments(s.getDomain())) {
				Optional<Rating> rating = Booklets.rating(assessment, s, item, scale);
				if (rating.isPresent()) {
					return rating.get().getLevel();
				}
			}
			return null;
		}

		/** The assessments of this booklet about {@code domain}, the latest first. */
		private List<? extends Assessment> assessments(CompetenceDomain domain) {
			return switch (kind) {
			case ORIENTATION_GUIDE -> registration.getOrientation() == null ? List.of() : List.of(registration.getOrientation());
			case TRAINING_EVALUATION -> formative(domain).reversed();
			case TUTOR_GUIDE -> registration.getTutorAssessments().stream()
					.sorted(Comparator.comparing(Assessment::getDate, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
					.toList();
			case FINAL_EVALUATION -> {
				FinalDomainEvaluation e = finalEvaluation(domain);
				yield e == null ? List.of() : List.of(e);
			}
			default -> List.of();
			};
		}

		private List<FormativeEvaluation> formative(CompetenceDomain domain) {
			return registration.getFormativeEvaluations().stream().filter(e -> e.getDomain() == domain)
					.sorted(Comparator.comparing(Assessment::getDate, Comparator.nullsFirst(Comparator.naturalOrder())))
					.toList();
		}

		private FinalDomainEvaluation finalEvaluation(CompetenceDomain domain) {
			FinalEvaluation evaluation = registration.getFinalEvaluation();
			// after a partial award the company evaluates the domains again: the latest evaluation counts
			return evaluation == null ? null
					: evaluation.getDomains().stream().filter(d -> d.getDomain() == domain)
							.max(Comparator.comparing(Assessment::getDate, Comparator.nullsFirst(Comparator.naturalOrder())))
							.orElse(null);
		}
	}

	// ---- words

	/** The boxes of {@code scale}'s levels, {@code chosen} ticked; yes and no without a scale. */
	static String boxes(Scale scale, ScaleLevel chosen) {
		if (scale == null) {
			return box(false) + Messages.Print_yes + "   " + box(false) + Messages.Print_no; //$NON-NLS-1$
		}
		return scale.getLevels().stream().map(l -> box(l == chosen) + l.getLabel()).collect(Collectors.joining("   ")); //$NON-NLS-1$
	}

	/** The two boxes of a formative evaluation's result, {@code achieved} ticked (none when null). */
	private static String achievedBoxes(Boolean achieved) {
		return box(Boolean.TRUE.equals(achieved)) + Messages.Print_achieved + "   " //$NON-NLS-1$
				+ box(Boolean.FALSE.equals(achieved)) + Messages.Print_notAchieved;
	}

	private static String yesNo(boolean yes) {
		return box(yes) + Messages.Print_yes + "   " + box(!yes) + Messages.Print_no; //$NON-NLS-1$
	}

	private static String box(boolean ticked) {
		return ticked ? "[X] " : "[  ] "; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String wording(EObject element) {
		return element instanceof fr.mutualite.cqp.model.referential.Element e && has(e.getWording()) ? e.getWording()
				: element instanceof fr.mutualite.cqp.model.referential.Element e ? e.getCode() : ""; //$NON-NLS-1$
	}

	private static String person(Evaluator evaluator) {
		if (evaluator == null || !has(evaluator.getName())) {
			return ""; //$NON-NLS-1$
		}
		return has(evaluator.getFunction()) ? evaluator.getName() + " (" + evaluator.getFunction() + ')' //$NON-NLS-1$
				: evaluator.getName();
	}

	static String day(LocalDate day) {
		return day == null ? "" : DAY.format(day); //$NON-NLS-1$
	}

	private static String text(String text) {
		return text == null ? "" : text; //$NON-NLS-1$
	}

	static boolean has(String text) {
		return text != null && !text.isBlank();
	}
}
