package fr.mutualite.cqp.core.validation;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.common.util.ResourceLocator;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.dossier.Awards;
import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.core.dossier.Deadlines;
import fr.mutualite.cqp.core.dossier.VaeExperience;
import fr.mutualite.cqp.model.DomainUses;
import fr.mutualite.cqp.model.dossier.Admissibility;
import fr.mutualite.cqp.model.dossier.BookletState;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.EvaluationCondition;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.FinalEvaluation;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.JurySide;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.TrainingPath;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Approval;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.Contact;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.ElementWording;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.model.referential.ItemKind;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialPackage;
import fr.mutualite.cqp.model.referential.ReferentialPackage.Literals;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;
import fr.mutualite.cqp.model.referential.ScaleTarget;
import fr.mutualite.cqp.model.referential.TrainingBody;

/**
 * The rules of the branch's guide, checked on referentials and dossiers (see
 * docs/validation-rules.md for the list). EMF's basic checks run first; each rule reports a
 * diagnostic whose data holds the element and the rule's code, and whose message names both.
 * Durations and thresholds come from the referentials' dated rule sets, never from constants.
 */
public final class CqpValidator extends EObjectValidator {

	/** Source of the diagnostics. */
	public static final String SOURCE = "fr.mutualite.cqp.core"; //$NON-NLS-1$
	/** Context key of the day the checks are made for (a {@link LocalDate}); today when absent. */
	public static final String TODAY = "fr.mutualite.cqp.today"; //$NON-NLS-1$

	static final CqpValidator INSTANCE = new CqpValidator();

	private CqpValidator() {
	}

	@Override
	protected ResourceLocator getEcoreResourceLocator() {
		return EcoreMessages.INSTANCE;
	}

	@Override
	public boolean validate(EClass eClass, EObject object, DiagnosticChain diagnostics, Map<Object, Object> context) {
		boolean basic = super.validate(eClass, object, diagnostics, context);
		Check check = new Check(object, diagnostics, context);
		switch (object) {
		case Referential r -> check.referential(r);
		case Certification c -> check.certification(c);
		case CompetenceDomain d -> check.domain(d);
		case ElementWording w -> check.elementWording(w);
		case DomainUse u -> check.domainUse(u);
		case BookletSection s -> check.section(s);
		case BookletItem i -> check.item(i);
		case RuleSet r -> check.rules(r);
		case Approval a -> check.approval(a);
		case TrainingBody b -> check.trainingBody(b);
		case Registration r -> check.registration(r);
		case TrainingModule m -> check.module(m);
		case TrainingPath p -> check.path(p);
		case FormativeEvaluation e -> check.formative(e);
		case FinalEvaluation e -> check.finalEvaluation(e);
		case FinalDomainEvaluation e -> check.finalDomain(e);
		case VaeDossier v -> check.vae(v);
		case JurySession s -> check.jurySession(s);
		case JuryDecision d -> check.decision(d);
		case Certificate c -> check.certificate(c);
		case Rating r -> check.rating(r);
		default -> {
			// no rule of the guide applies to this element alone
		}
		}
		return basic && check.ok;
	}

	/** The checks on one element, reporting into one chain. */
	private static final class Check {
		private final EObject object;
		private final DiagnosticChain diagnostics;
		private final Map<Object, Object> context;
		boolean ok = true;

		Check(EObject object, DiagnosticChain diagnostics, Map<Object, Object> context) {
			this.object = object;
			this.diagnostics = diagnostics;
			this.context = context;
		}

		private LocalDate today() {
			Object today = context == null ? null : context.get(TODAY);
			return today instanceof LocalDate day ? day : LocalDate.now();
		}

		/** The rules of the certification {@code object} belongs to, read once per certification and validation. */
		@SuppressWarnings("unchecked")
		private RuleBook ruleBook() {
			if (context == null) {
				return RuleBook.of(object);
			}
			Map<Certification, RuleBook> books = (Map<Certification, RuleBook>) context.computeIfAbsent(RuleBook.class,
					k -> new HashMap<Certification, RuleBook>());
			return books.computeIfAbsent(RuleBook.certificationOf(object), k -> RuleBook.of(object));
		}

		/**
		 * What {@code compute} makes of {@code key}, computed once per validation and kept in its
		 * context under {@code kind}: the checks that compare an element with its certification or
		 * its referential stay linear in the size of the referential.
		 */
		@SuppressWarnings("unchecked")
		private <K, V> V once(Class<?> kind, K key, Function<K, V> compute) {
			Map<K, V> known = context == null ? new HashMap<>()
					: (Map<K, V>) context.computeIfAbsent(kind, k -> new HashMap<>());
			return known.computeIfAbsent(key, compute);
		}

		/** The domains of {@code certification}. */
		private Set<CompetenceDomain> domainsOf(Certification certification) {
			return once(DomainUse.class, certification,
					c -> c.getDomains().stream().map(DomainUse::getDomain).collect(Collectors.toSet()));
		}

		private Optional<RuleSet> rulesAt(LocalDate day, EObject about) {
			Optional<RuleSet> rules = ruleBook().at(day);
			if (rules.isEmpty()) {
				report(Diagnostic.WARNING, "DOS-00", about, ValidationMessages.DOS_00_noRules, day); //$NON-NLS-1$
			}
			return rules;
		}

		private void report(int severity, String rule, EObject about, String template, Object... arguments) {
			if (severity == Diagnostic.ERROR) {
				ok = false;
			}
			if (diagnostics == null) {
				return;
			}
			Object[] values = new Object[arguments.length + 1];
			values[0] = Labels.of(about);
			for (int i = 0; i < arguments.length; i++) {
				values[i + 1] = text(arguments[i]);
			}
			String message = NLS.bind(template, values) + " [" + rule + "]"; //$NON-NLS-1$ //$NON-NLS-2$
			diagnostics.add(new BasicDiagnostic(severity, SOURCE, rule.hashCode(), message, new Object[] { about, rule }));
		}

		private static Object text(Object value) {
			if (value instanceof EObject e) {
				return Labels.of(e);
			}
			return value;
		}

		// ---- referentials

		void referential(Referential referential) {
			dates(referential, referential.getValidFrom(), referential.getValidTo());
			List<RuleSet> sets = new ArrayList<>(referential.getRuleSets());
			sets.sort(Comparator.comparing(RuleSet::getValidFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
			for (int i = 1; i < sets.size(); i++) {
				LocalDate previousEnd = sets.get(i - 1).getValidTo();
				LocalDate start = sets.get(i).getValidFrom();
				if (start != null && (previousEnd == null || !start.isAfter(previousEnd))) {
					report(Diagnostic.ERROR, "REF-08", sets.get(i - 1), ValidationMessages.REF_08_overlap, start); //$NON-NLS-1$
				}
			}
		}

		private void dates(EObject about, LocalDate from, LocalDate to) {
			if (from != null && to != null && to.isBefore(from)) {
				report(Diagnostic.ERROR, "REF-11", about, ValidationMessages.REF_11_validity, to, from); //$NON-NLS-1$
			}
		}

		void certification(Certification certification) {
			for (EStructuralFeature feature : List.of(Literals.CERTIFICATION__JOB_DEFINITION,
					Literals.CERTIFICATION__RESPONSIBILITY_AND_AUTONOMY, Literals.CERTIFICATION__JOB_TITLES,
					Literals.CERTIFICATION__ACTIVITY_AREAS, Literals.CERTIFICATION__JURY_FORMAT,
					Literals.CERTIFICATION__VAE_EXPERIENCE)) {
				Object value = certification.eGet(feature);
				if (value == null || value instanceof List<?> list && list.isEmpty()
						|| value instanceof String s && s.isBlank()) {
					report(Diagnostic.WARNING, "REF-01", certification, ValidationMessages.REF_01_incomplete, //$NON-NLS-1$
							Labels.of(feature));
				}
			}
			if (booklets(certification).isEmpty()) {
				report(Diagnostic.WARNING, "REF-01", certification, ValidationMessages.REF_01_noBooklets); //$NON-NLS-1$
			}
			List<Integer> numbers = certification.getDomains().stream().map(DomainUse::getNumber).sorted().toList();
			for (int i = 0; i < numbers.size(); i++) {
				if (numbers.get(i) != i + 1) {
					report(Diagnostic.ERROR, "REF-03", certification, ValidationMessages.REF_03_numbers, numbers.size(), //$NON-NLS-1$
							numbers.toString());
					break;
				}
			}
		}

		private List<Booklet> booklets(Certification certification) {
			List<Booklet> booklets = new ArrayList<>();
			if (certification.eResource() != null && certification.eResource().getResourceSet() != null) {
				for (var resource : certification.eResource().getResourceSet().getResources()) {
					for (EObject root : resource.getContents()) {
						if (root instanceof Referential referential) {
							referential.getBooklets().stream().filter(b -> b.getCertification() == certification)
									.forEach(booklets::add);
						}
					}
				}
			} else if (certification.eContainer() instanceof Referential referential) {
				referential.getBooklets().stream().filter(b -> b.getCertification() == certification)
						.forEach(booklets::add);
			}
			return booklets;
		}

		void domain(CompetenceDomain domain) {
			if (domain.getCompetences().isEmpty()) {
				report(Diagnostic.WARNING, "REF-02", domain, ValidationMessages.REF_02_noCompetences); //$NON-NLS-1$
			}
			if (domain.getCriteriaGroups().isEmpty()) {
				report(Diagnostic.WARNING, "REF-02", domain, ValidationMessages.REF_02_noCriteria); //$NON-NLS-1$
			}
		}

		void elementWording(ElementWording wording) {
			if (wording.getElement() != null && wording.eContainer() instanceof DomainUse use && use.getDomain() != null
					&& !DomainUses.covers(use, wording.getElement())) {
				report(Diagnostic.ERROR, "REF-12", wording, ValidationMessages.REF_12_foreignWording, //$NON-NLS-1$
						wording.getElement(), use.getDomain());
			}
		}

		void section(BookletSection section) {
			if (!(section.eContainer() instanceof Booklet booklet) || section.getDomain() == null
					|| booklet.getCertification() == null) {
				return;
			}
			Certification certification = booklet.getCertification();
			if (!domainsOf(certification).contains(section.getDomain())) {
				report(Diagnostic.ERROR, "REF-04", section, ValidationMessages.REF_04_sectionDomain, section.getDomain().getCode(), //$NON-NLS-1$
						certification.getCode());
			}
		}

		void item(BookletItem item) {
			Element element = item.getRates();
			BookletSection section = sectionOf(item);
			if (element != null && !element.eIsProxy() && section != null && section.getDomain() != null
					&& !EcoreUtil.isAncestor(section.getDomain(), element) && !sharedIn(section, element)) {
				report(Diagnostic.ERROR, "REF-05", item, ValidationMessages.REF_05_itemElement, element, //$NON-NLS-1$
						section.getDomain().getCode());
			}
			Scale scale = item.getScale();
			if (scale != null && !scale.eIsProxy() && !matches(scale.getTarget(), item.getKind())) {
				report(Diagnostic.WARNING, "REF-06", item, ValidationMessages.REF_06_scaleTarget, scale.getTitle(), //$NON-NLS-1$
						scale.getTarget().getLiteral());
			}
		}

		/** Whether the section's certification attached {@code element} to the section's domain. */
		private static boolean sharedIn(BookletSection section, Element element) {
			return section.eContainer() instanceof Booklet booklet && DomainUses
					.of(booklet.getCertification(), section.getDomain()).filter(u -> u.getSharedCompetences().contains(element))
					.isPresent();
		}

		/** A competence attached to a domain comes from another domain. */
		void domainUse(DomainUse use) {
			for (Competence shared : use.getSharedCompetences()) {
				if (shared.eIsProxy()) {
					continue;
				}
				if (use.getDomain() != null && EcoreUtil.isAncestor(use.getDomain(), shared)) {
					report(Diagnostic.ERROR, "REF-13", use, ValidationMessages.REF_13_ownCompetence, shared, //$NON-NLS-1$
							use.getDomain().getCode());
				} else if (!(shared.eContainer() instanceof CompetenceDomain)) {
					report(Diagnostic.ERROR, "REF-13", use, ValidationMessages.REF_13_noDomain, shared); //$NON-NLS-1$
				}
			}
		}

		private static boolean matches(ScaleTarget target, ItemKind kind) {
			return switch (target) {
			case COMPETENCE -> kind == ItemKind.COMPETENCE;
			case CRITERIA_GROUP -> kind == ItemKind.CRITERIA_GROUP;
			case CRITERION -> kind == ItemKind.CRITERION;
			case DOMAIN -> false;
			};
		}

		private static BookletSection sectionOf(EObject item) {
			EObject e = item;
			while (e != null && !(e instanceof BookletSection)) {
				e = e.eContainer();
			}
			return (BookletSection) e;
		}

		void rules(RuleSet rules) {
			dates(rules, rules.getValidFrom(), rules.getValidTo());
			if (rules.getTrainingHoursMin() > rules.getTrainingHoursMax()) {
				report(Diagnostic.ERROR, "REF-07", rules, ValidationMessages.REF_07_hours, rules.getTrainingHoursMin(), //$NON-NLS-1$
						rules.getTrainingHoursMax());
			}
			if (rules.getJuryEmployerMembers() + rules.getJuryEmployeeMembers() != rules.getJuryMembers()) {
				report(Diagnostic.ERROR, "REF-07", rules, ValidationMessages.REF_07_jury, rules.getJuryMembers(), //$NON-NLS-1$
						rules.getJuryEmployerMembers(), rules.getJuryEmployeeMembers());
			}
			for (EStructuralFeature feature : List.of(Literals.RULE_SET__REGISTRATION_DEADLINE_YEARS,
					Literals.RULE_SET__TRAINING_HOURS_MAX, Literals.RULE_SET__PARTIAL_VALIDITY_YEARS,
					Literals.RULE_SET__VAE_MIN_EXPERIENCE_YEARS, Literals.RULE_SET__VAE_WINDOW_YEARS,
					Literals.RULE_SET__JURY_MEMBERS)) {
				if (((Integer) rules.eGet(feature)) <= 0) {
					report(Diagnostic.ERROR, "REF-07", rules, ValidationMessages.REF_07_positive, //$NON-NLS-1$
							Labels.of(feature));
				}
			}
			int retention = rules.getPersonalDataRetentionYears();
			if (retention != 0 && retention < rules.getPartialValidityYears()) {
				report(Diagnostic.ERROR, "REF-07", rules, ValidationMessages.REF_07_retention, //$NON-NLS-1$
						Integer.valueOf(retention), Integer.valueOf(rules.getPartialValidityYears()));
			}
		}

		void approval(Approval approval) {
			LocalDate end = approval.getValidUntil();
			if (end != null && end.isBefore(today()) && approval.getCertification() != null) {
				report(Diagnostic.WARNING, "REF-09", approval.eContainer(), ValidationMessages.REF_09_approvalExpired, //$NON-NLS-1$
						approval.getCertification().getCode(), end);
			}
		}

		void trainingBody(TrainingBody body) {
			if (!(body.eContainer() instanceof Referential referential)) {
				return;
			}
			Contacts contacts = contacts(referential);
			int position = contacts.positions.get(body).intValue();
			for (Contact mine : body.getContacts()) {
				Set<TrainingBody> reported = new HashSet<>();
				for (String key : Contacts.keys(mine)) {
					for (TrainingBody other : contacts.holders.getOrDefault(key, List.of())) {
						// each pair is reported once, on the later body
						if (contacts.positions.get(other).intValue() < position && reported.add(other)) {
							report(Diagnostic.WARNING, "REF-10", body, ValidationMessages.REF_10_sharedContact, //$NON-NLS-1$
									key.startsWith("e:") ? mine.getEmail() : mine.getPhone(), other); //$NON-NLS-1$
						}
					}
				}
			}
		}

		/** The contacts of the training bodies of {@code referential}. */
		private Contacts contacts(Referential referential) {
			return once(Contacts.class, referential, Contacts::new);
		}

		// ---- dossiers

		void registration(Registration registration) {
			LocalDate registered = registration.getDate();
			List<JuryDecision> decisions = Awards.decisions(registration);
			boolean evaluated = !registration.getFormativeEvaluations().isEmpty()
					|| registration.getFinalEvaluation() != null || !decisions.isEmpty();
			if (registration.getOrientation() == null) {
				report(evaluated ? Diagnostic.ERROR : Diagnostic.WARNING, "DOS-01", registration, //$NON-NLS-1$
						ValidationMessages.DOS_01_noOrientation);
			}
			if (registered == null) {
				return;
			}
			Optional<RuleSet> rules = rulesAt(registered, registration);
			if (rules.isPresent()) {
				LocalDate deadline = Deadlines.firstJury(registered, rules.get());
				LocalDate firstJury = decisions.stream().map(Awards::day).filter(Objects::nonNull).min(Comparator.naturalOrder())
						.orElse(null);
				if (firstJury == null ? today().isAfter(deadline) : firstJury.isAfter(deadline)) {
					report(Diagnostic.WARNING, "DOS-02", registration, ValidationMessages.DOS_02_deadline, deadline, //$NON-NLS-1$
							registered, rules.get().getRegistrationDeadlineYears());
				}
				if (registration.getRoute() == Route.TRAINING && registration.getFinalEvaluation() != null
						|| !decisions.isEmpty() && registration.getRoute() == Route.TRAINING) {
					formativeForEveryDomain(registration, !decisions.isEmpty());
				}
			}
			trainingBody(registration, registered);
		}

		private void formativeForEveryDomain(Registration registration, boolean decided) {
			Certification certification = registration.getCertification();
			if (certification == null || certification.eIsProxy()) {
				return;
			}
			Set<CompetenceDomain> evaluated = registration.getFormativeEvaluations().stream()
					.map(FormativeEvaluation::getDomain).collect(Collectors.toSet());
			for (DomainUse use : certification.getDomains()) {
				if (!evaluated.contains(use.getDomain())) {
					report(decided ? Diagnostic.ERROR : Diagnostic.WARNING, "DOS-06", registration, //$NON-NLS-1$
							ValidationMessages.DOS_06_missingFormative, use.getDomain().getCode());
				}
			}
		}

		private void trainingBody(Registration registration, LocalDate registered) {
			TrainingBody body = registration.getTrainingBody();
			Certification certification = registration.getCertification();
			if (body == null || body.eIsProxy() || certification == null) {
				return;
			}
			Optional<Approval> approval = body.getApprovals().stream()
					.filter(a -> a.getCertification() == certification && a.getRoutes().contains(registration.getRoute()))
					.findFirst();
			if (approval.isEmpty()) {
				report(Diagnostic.ERROR, "DOS-03", registration, ValidationMessages.DOS_03_notApproved, body.getName(), //$NON-NLS-1$
						certification.getCode(), registration.getRoute().getLiteral());
				return;
			}
			LocalDate end = approval.get().getValidUntil();
			if (end != null && end.isBefore(registered)) {
				report(Diagnostic.WARNING, "DOS-03", registration, ValidationMessages.DOS_03_approvalExpired, //$NON-NLS-1$
						body.getName(), end, registered);
			}
		}

		void module(TrainingModule module) {
			if (module.getDomains().size() != 1) {
				report(Diagnostic.ERROR, "DOS-04", module, ValidationMessages.DOS_04_moduleDomains, module.getDomains().size()); //$NON-NLS-1$
			}
			Registration registration = registrationOf(module);
			if (registration != null && registration.getCertification() != null) {
				Certification certification = registration.getCertification();
				for (CompetenceDomain domain : module.getDomains()) {
					if (!domainsOf(certification).contains(domain)) {
						report(Diagnostic.ERROR, "DOS-04", module, ValidationMessages.DOS_04_foreignDomain, domain.getCode(), //$NON-NLS-1$
								certification.getCode());
					}
				}
			}
		}

		void path(TrainingPath path) {
			Registration registration = registrationOf(path);
			if (registration == null || registration.getDate() == null) {
				return;
			}
			Optional<RuleSet> rules = rulesAt(registration.getDate(), registration);
			if (rules.isEmpty()) {
				return;
			}
			int hours = path.getModules().stream().mapToInt(TrainingModule::getHours).sum();
			int max = rules.get().getTrainingHoursMax();
			int min = rules.get().getTrainingHoursMin();
			if (hours > max) {
				report(Diagnostic.ERROR, "DOS-05", path, ValidationMessages.DOS_05_tooManyHours, hours, max); //$NON-NLS-1$
				return;
			}
			Set<CompetenceDomain> covered = path.getModules().stream().flatMap(m -> m.getDomains().stream())
					.collect(Collectors.toSet());
			Certification certification = registration.getCertification();
			boolean full = certification != null && !certification.getDomains().isEmpty()
					&& certification.getDomains().stream().allMatch(u -> covered.contains(u.getDomain()));
			if (full && hours < min) {
				report(Diagnostic.WARNING, "DOS-05", path, ValidationMessages.DOS_05_fullPathHours, hours, min, max); //$NON-NLS-1$
			}
		}

		void formative(FormativeEvaluation evaluation) {
			if (evaluation.getComment() == null || evaluation.getComment().isBlank()) {
				report(Diagnostic.ERROR, "DOS-07", evaluation, ValidationMessages.DOS_07_trainerComment); //$NON-NLS-1$
			}
			FormativeEvaluation previous = evaluation.getPrevious();
			if (previous != null && (previous.getDomain() != evaluation.getDomain() || evaluation.getDate() == null
					|| previous.getDate() == null || !previous.getDate().isBefore(evaluation.getDate()))) {
				report(Diagnostic.ERROR, "DOS-09", evaluation, ValidationMessages.DOS_09_resit); //$NON-NLS-1$
			}
			Registration registration = registrationOf(evaluation);
			if (!evaluation.isObjectiveAchieved() && registration != null
					&& registration.getFormativeEvaluations().stream().noneMatch(e -> e.getPrevious() == evaluation)) {
				report(Diagnostic.WARNING, "DOS-08", evaluation, ValidationMessages.DOS_08_noResit); //$NON-NLS-1$
			}
		}

		void finalEvaluation(FinalEvaluation evaluation) {
			if (evaluation.getEvaluator1() == null || evaluation.getEvaluator2() == null) {
				report(Diagnostic.ERROR, "DOS-10", evaluation, ValidationMessages.DOS_10_evaluators); //$NON-NLS-1$
			}
		}

		void finalDomain(FinalDomainEvaluation evaluation) {
			if (evaluation.getComment() == null || evaluation.getComment().isBlank()) {
				report(Diagnostic.ERROR, "DOS-10", evaluation, ValidationMessages.DOS_10_comment); //$NON-NLS-1$
			}
			if (!evaluation.isEvaluatorsAgree()) {
				report(Diagnostic.ERROR, "DOS-10", evaluation, ValidationMessages.DOS_10_disagree); //$NON-NLS-1$
			}
			// both evaluators agree and sign: the booklet cannot be declared complete nor signed before
			if (!evaluation.isSignedByEvaluator1() || !evaluation.isSignedByEvaluator2()) {
				report(Diagnostic.ERROR, "DOS-10", evaluation, ValidationMessages.DOS_10_signature); //$NON-NLS-1$
			}
			if (evaluation.isMastered() && !evaluation.isActivitiesExercised()) {
				report(Diagnostic.ERROR, "DOS-10", evaluation, ValidationMessages.DOS_10_notExercised); //$NON-NLS-1$
			}
			conditions(evaluation);
		}

		/** The conditions of a final evaluation sheet, against those the modality of its booklet's section asks. */
		private void conditions(FinalDomainEvaluation evaluation) {
			Registration registration = registrationOf(evaluation);
			if (registration == null) {
				return;
			}
			Optional<BookletSection> section = Booklets.of(registration, BookletKind.FINAL_EVALUATION).stream()
					.flatMap(b -> b.getSections().stream()).filter(s -> s.getDomain() == evaluation.getDomain()).findFirst();
			if (section.isEmpty() || section.get().getEvaluationConditions().isEmpty()) {
				return;
			}
			List<EvaluationCondition> asked = section.get().getEvaluationConditions();
			if (evaluation.getConditions().stream().noneMatch(asked::contains)) {
				report(Diagnostic.WARNING, "DOS-21", evaluation, ValidationMessages.DOS_21_conditions, //$NON-NLS-1$
						conditionLabels(asked), evaluation.getConditions().isEmpty() ? ValidationMessages.DOS_21_none
								: conditionLabels(evaluation.getConditions()));
			}
		}

		private static String conditionLabels(List<EvaluationCondition> conditions) {
			return conditions.stream().map(c -> Labels.of(DossierPackage.Literals.EVALUATION_CONDITION, c))
					.collect(Collectors.joining(", ")); //$NON-NLS-1$
		}

		void vae(VaeDossier dossier) {
			Registration registration = registrationOf(dossier);
			if (registration == null || registration.getRoute() != Route.VAE || registration.getDate() == null) {
				return;
			}
			if (dossier.getAdmissibility() == Admissibility.INADMISSIBLE) {
				// recorded as such: it needs its reason, and goes to no jury
				if (dossier.getAdmissibilityReason() == null || dossier.getAdmissibilityReason().isBlank()) {
					report(Diagnostic.ERROR, "DOS-11", registration, ValidationMessages.DOS_11_noReason); //$NON-NLS-1$
				}
				if (!Awards.decisions(registration).isEmpty()) {
					report(Diagnostic.ERROR, "DOS-11", registration, ValidationMessages.DOS_11_juryInadmissible); //$NON-NLS-1$
				}
				return;
			}
			if (rulesAt(registration.getDate(), registration).isEmpty()) {
				return;
			}
			VaeExperience experience = VaeExperience.of(registration).orElseThrow();
			if (!experience.enough()) {
				Period period = Period.between(experience.since(), experience.registered());
				String duration = NLS.bind(ValidationMessages.Duration_yearsDays, period.getYears(),
						ChronoUnit.DAYS.between(experience.since().plusYears(period.getYears()), experience.registered()));
				report(Diagnostic.ERROR, "DOS-11", registration, ValidationMessages.DOS_11_vae, duration, //$NON-NLS-1$
						experience.windowYears(), experience.minimumYears());
			}
		}

		void jurySession(JurySession session) {
			LocalDate day = session.getDate();
			if (day == null) {
				return;
			}
			// the rules of the certifications the session decides on, in force that day; a session
			// without decisions yet is held to the rules of the referentials loaded
			Set<RuleSet> ruleSets = new LinkedHashSet<>();
			for (JuryDecision decision : session.getDecisions()) {
				if (decision.getRegistration() != null && !decision.getRegistration().eIsProxy()) {
					RuleBook.of(decision.getRegistration()).at(day).ifPresent(ruleSets::add);
				}
			}
			if (ruleSets.isEmpty()) {
				// no candidate yet: nothing to hold the session to when no referential is loaded beside it
				Optional<RuleSet> rules = ruleBook().at(day);
				if (rules.isEmpty()) {
					return;
				}
				ruleSets.add(rules.get());
			}
			long employers = session.getMembers().stream().filter(m -> m.getSide() == JurySide.EMPLOYER).count();
			long employees = session.getMembers().stream().filter(m -> m.getSide() == JurySide.EMPLOYEE).count();
			Set<String> reported = new HashSet<>();
			for (RuleSet r : ruleSets) {
				if ((session.getMembers().size() != r.getJuryMembers() || employers != r.getJuryEmployerMembers()
						|| employees != r.getJuryEmployeeMembers())
						&& reported.add(r.getJuryMembers() + "/" + r.getJuryEmployerMembers() + "/" + r.getJuryEmployeeMembers())) { //$NON-NLS-1$ //$NON-NLS-2$
					report(Diagnostic.ERROR, "DOS-13", session, ValidationMessages.DOS_13_composition, //$NON-NLS-1$
							session.getMembers().size(), employers, employees, r.getJuryMembers(), r.getJuryEmployerMembers(),
							r.getJuryEmployeeMembers());
				}
			}
			boolean alternating = ruleSets.stream().anyMatch(RuleSet::isAlternatingPresidency);
			JuryMember president = session.getPresident();
			if (president == null || !session.getMembers().contains(president)) {
				report(Diagnostic.ERROR, "DOS-14", session, ValidationMessages.DOS_14_president); //$NON-NLS-1$
				return;
			}
			if (alternating && session.eContainer() instanceof Dossiers dossiers) {
				JurySession previous = dossiers.getJurySessions().stream()
						.filter(s -> s != session && s.getDate() != null && s.getDate().isBefore(session.getDate())
								&& s.getPresident() != null)
						.max(Comparator.comparing(JurySession::getDate)).orElse(null);
				if (previous != null && previous.getPresident().getSide() == president.getSide()) {
					report(Diagnostic.WARNING, "DOS-15", session, ValidationMessages.DOS_15_alternation, //$NON-NLS-1$
							previous.getDate(),
							president.getSide() == JurySide.EMPLOYER ? ValidationMessages.Side_EMPLOYER
									: ValidationMessages.Side_EMPLOYEE);
				}
			}
		}

		void decision(JuryDecision decision) {
			Registration registration = decision.getRegistration();
			if (registration == null || registration.eIsProxy() || registration.getCertification() == null) {
				return;
			}
			Certification certification = registration.getCertification();
			ready(decision, registration);
			Map<CompetenceDomain, Integer> counts = new LinkedHashMap<>();
			for (DomainDecision d : decision.getDomains()) {
				counts.merge(d.getDomain(), 1, Integer::sum);
			}
			// a later jury rules on the domains still missing: those acquired at an earlier one keep their validity
			LocalDate day = Awards.day(decision);
			Optional<RuleSet> rules = day == null ? Optional.empty() : rulesAt(day, decision);
			Map<CompetenceDomain, LocalDate> earlier = rules.isEmpty() ? Map.of()
					: Awards.acquired(registration, day, rules.get().getPartialValidityYears(), true);
			List<String> problems = new ArrayList<>();
			Set<String> missing = new TreeSet<>();
			for (DomainUse use : certification.getDomains()) {
				if (!counts.containsKey(use.getDomain()) && !earlier.containsKey(use.getDomain())) {
					missing.add(String.valueOf(use.getNumber()));
				}
			}
			Set<String> withdrawn = decision.getDomains().stream()
					.filter(d -> !d.isAcquired() && earlier.containsKey(d.getDomain())).map(d -> code(d.getDomain()))
					.collect(Collectors.toCollection(TreeSet::new));
			Set<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> code(e.getKey()))
					.collect(Collectors.toCollection(TreeSet::new));
			Set<String> foreign = counts.keySet().stream()
					.filter(d -> !domainsOf(certification).contains(d)).map(Check::code)
					.collect(Collectors.toCollection(TreeSet::new));
			if (!missing.isEmpty()) {
				problems.add(NLS.bind(ValidationMessages.DOS_16_missing, String.join(", ", missing))); //$NON-NLS-1$
			}
			if (!repeated.isEmpty()) {
				problems.add(NLS.bind(ValidationMessages.DOS_16_repeated, String.join(", ", repeated))); //$NON-NLS-1$
			}
			if (!foreign.isEmpty()) {
				problems.add(NLS.bind(ValidationMessages.DOS_16_foreign, String.join(", ", foreign))); //$NON-NLS-1$
			}
			if (!withdrawn.isEmpty()) {
				problems.add(NLS.bind(ValidationMessages.DOS_16_withdrawn, String.join(", ", withdrawn), //$NON-NLS-1$
						Integer.valueOf(rules.get().getPartialValidityYears())));
			}
			if (!problems.isEmpty()) {
				report(Diagnostic.ERROR, "DOS-16", decision, ValidationMessages.DOS_16_decisionDomains, //$NON-NLS-1$
						certification.getCode(), String.join(" ; ", problems)); //$NON-NLS-1$
			}
		}

		/**
		 * A jury rules on a candidate whose final evaluation (training path) or VAE dossier, declared
		 * admissible, is complete: an error when there is none, a warning while it is not declared
		 * complete.
		 */
		private void ready(JuryDecision decision, Registration registration) {
			BookletKind kind = registration.getRoute() == Route.VAE ? BookletKind.VAE_DOSSIER : BookletKind.FINAL_EVALUATION;
			if (!Booklets.hasContent(registration, kind)) {
				report(Diagnostic.ERROR, "DOS-20", decision, ValidationMessages.DOS_20_noBooklet, //$NON-NLS-1$
						Labels.of(ReferentialPackage.Literals.BOOKLET_KIND, kind));
				return;
			}
			Optional<Booklet> booklet = Booklets.of(registration, kind);
			BookletState state = booklet.map(b -> Booklets.state(registration, b)).orElse(BookletState.IN_PROGRESS);
			if (state != BookletState.COMPLETE && state != BookletState.SIGNED) {
				report(Diagnostic.WARNING, "DOS-20", decision, ValidationMessages.DOS_20_notComplete, //$NON-NLS-1$
						Labels.of(ReferentialPackage.Literals.BOOKLET_KIND, kind));
			}
		}

		private static String code(CompetenceDomain domain) {
			return domain == null ? "?" : domain.getCode(); //$NON-NLS-1$
		}

		void certificate(Certificate certificate) {
			Registration registration = registrationOf(certificate);
			LocalDate day = certificate.getDate();
			if (registration == null || day == null || registration.getCertification() == null) {
				return;
			}
			Optional<RuleSet> rules = rulesAt(day, certificate);
			if (rules.isEmpty()) {
				return;
			}
			if (certificate.isFull()) {
				Map<CompetenceDomain, LocalDate> acquired = Awards.acquired(registration, day,
						rules.get().getPartialValidityYears(), false);
				for (DomainUse use : registration.getCertification().getDomains()) {
					if (!acquired.containsKey(use.getDomain())) {
						report(Diagnostic.ERROR, "DOS-17", certificate, ValidationMessages.DOS_17_fullAward, //$NON-NLS-1$
								use.getDomain().getCode(), rules.get().getPartialValidityYears());
					}
				}
				if (certificate.getBonusPoints() != rules.get().getBonusPoints()) {
					report(Diagnostic.WARNING, "DOS-18", certificate, ValidationMessages.DOS_18_bonus, //$NON-NLS-1$
							certificate.getBonusPoints(), rules.get().getBonusPoints());
				}
			}
		}

		void rating(Rating rating) {
			ScaleLevel level = rating.getLevel();
			if (level == null || level.eIsProxy()) {
				return;
			}
			Set<Scale> allowed = new LinkedHashSet<>();
			if (rating.getItem() != null && rating.getItem().getScale() != null) {
				allowed.add(rating.getItem().getScale());
			}
			if (rating.getSection() != null) {
				allowed.addAll(rating.getSection().getDomainScales());
			}
			if (!allowed.isEmpty() && allowed.stream().noneMatch(s -> s.getLevels().contains(level))) {
				report(Diagnostic.ERROR, "DOS-19", rating, ValidationMessages.DOS_19_ratingLevel, level.getLabel()); //$NON-NLS-1$
			}
		}

		// ---- navigation

		private static Registration registrationOf(EObject object) {
			EObject e = object;
			while (e != null && !(e instanceof Registration)) {
				e = e.eContainer();
			}
			return (Registration) e;
		}
	}

	/**
	 * The bodies of a referential by the e-mail addresses and phone numbers of their contacts
	 * (spaces and case left aside), and the position of each body.
	 */
	private static final class Contacts {
		final Map<TrainingBody, Integer> positions = new HashMap<>();
		final Map<String, List<TrainingBody>> holders = new HashMap<>();

		Contacts(Referential referential) {
			List<TrainingBody> bodies = referential.getTrainingBodies();
			for (int i = 0; i < bodies.size(); i++) {
				TrainingBody body = bodies.get(i);
				positions.put(body, Integer.valueOf(i));
				for (Contact contact : body.getContacts()) {
					for (String key : keys(contact)) {
						List<TrainingBody> list = holders.computeIfAbsent(key, k -> new ArrayList<>());
						if (list.isEmpty() || list.get(list.size() - 1) != body) {
							list.add(body);
						}
					}
				}
			}
		}

		/** The keys of a contact: its e-mail ("e:") then its phone ("p:"), as written, when they are given. */
		static List<String> keys(Contact contact) {
			List<String> keys = new ArrayList<>(2);
			if (contact.getEmail() != null && !contact.getEmail().isBlank()) {
				keys.add("e:" + normal(contact.getEmail())); //$NON-NLS-1$
			}
			if (contact.getPhone() != null && !contact.getPhone().isBlank()) {
				keys.add("p:" + normal(contact.getPhone())); //$NON-NLS-1$
			}
			return keys;
		}

		private static String normal(String text) {
			return text.replace(" ", "").toLowerCase(java.util.Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
