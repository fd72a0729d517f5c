package fr.mutualite.cqp.core.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;

import org.eclipse.emf.ecore.util.EcoreUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.Identity;
import fr.mutualite.cqp.core.dossier.Progress;
import fr.mutualite.cqp.core.internal.Messages;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.dossier.Admissibility;
import fr.mutualite.cqp.model.dossier.Answer;
import fr.mutualite.cqp.model.dossier.Assessment;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.DomainPlan;
import fr.mutualite.cqp.model.dossier.DossierFactory;
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
import fr.mutualite.cqp.model.dossier.ProofKind;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.TrainingPath;
import fr.mutualite.cqp.model.dossier.TutorAssessment;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Approval;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * A synthetic branch: years of candidates of every certification the referentials hold,
 * following the dated rules of each (orientation, modules within the training hours, formative
 * evaluations with resits, tutor grids, final evaluations by two evaluators under the conditions
 * each domain's modality asks for, VAE dossiers of which some are not admissible, jury sessions
 * composed as the rules say with an alternating presidency, full and partial awards, refusals,
 * second juries within and after the validity of partial acquisitions), with the failures,
 * drop-outs and late candidates of real life. Each candidate has a strength that every
 * evaluation of theirs follows, so that the domains of one candidate are correlated; training
 * bodies are approved for some certifications, some of them until a day now past; some holders
 * register for a second certification that shares domains with the first. The distributions are
 * documented in {@code docs/synthetic-branch.md}.
 * <p>
 * The same seed, number of candidates and reference day give the same branch, candidate by
 * candidate. Nothing is dated after the reference day: later steps have not happened yet.
 */
public final class BranchGenerator {

	/** Years of registrations before the reference day. */
	static final int YEARS = 8;
	/**
	 * How likely a candidate of average strength is to master a domain at the final evaluation,
	 * and how much strength moves it (on the log-odds scale), on the training path and in VAE.
	 */
	private static final double TRAINING_MASTERY = 0.99, TRAINING_SPREAD = 2.6, VAE_MASTERY = 0.92, VAE_SPREAD = 3.2;
	/** The same for a formative evaluation, first and later attempts. */
	private static final double FORMATIVE_FIRST = 0.85, FORMATIVE_AGAIN = 0.90, FORMATIVE_SPREAD = 1.2;
	/** Percent of training-path registrations, of VAE requests found not admissible, of holders registering again. */
	private static final int VAE_PERCENT = 20, INADMISSIBLE_PERCENT = 12, SECOND_CERTIFICATION_PERCENT = 12;
	/** Percent of training bodies' approvals per certification, and of approvals that ended before the reference day. */
	private static final int APPROVED_PERCENT = 65, ENDED_PERCENT = 20;
	private static final DossierFactory F = DossierFactory.eINSTANCE;
	/** French texts of the dossiers: data, the same whatever the product's language. */
	private static final Properties TEXTS = properties("textes.properties"); //$NON-NLS-1$

	/** Where the generator hands what it makes, in an order a database accepts. */
	public interface Sink {
		void trainingBody(TrainingBody body) throws CqpException;

		void company(Company company) throws CqpException;

		void session(JurySession session) throws CqpException;

		/** A candidate with its registrations, and the decisions of juries on them. */
		void candidate(Candidate candidate, List<JuryDecision> decisions) throws CqpException;
	}

	/** A sink writing into {@code loader}: bodies, companies, sessions, then each candidate and its decisions. */
	public static Sink into(BulkLoader loader) {
		return new Sink() {
			@Override
			public void trainingBody(TrainingBody body) throws CqpException {
				loader.trainingBody(body);
			}

			@Override
			public void company(Company company) throws CqpException {
				loader.company(company);
			}

			@Override
			public void session(JurySession session) throws CqpException {
				loader.session(session);
			}

			@Override
			public void candidate(Candidate candidate, List<JuryDecision> decisions) throws CqpException {
				loader.candidate(candidate);
				for (JuryDecision decision : decisions) {
					loader.decision(decision);
				}
			}
		};
	}

	private final ReferentialLibrary library;
	private final long seed;
	private final LocalDate asOf;
	private final List<String> lastNames = lines("noms.txt"); //$NON-NLS-1$
	private final List<String> firstNames = lines("prenoms.txt"); //$NON-NLS-1$
	private final Dossiers dossiers = F.createDossiers();
	private final Referential bodies = ReferentialFactory.eINSTANCE.createReferential();
	private final List<Certification> certifications = new ArrayList<>();
	/** The relative weight of each certification among candidates. */
	private final Map<Certification, Integer> weights = new HashMap<>();
	private final Map<Certification, RuleBook> ruleBooks = new HashMap<>();
	/** For each certification, the others that share at least one of its domains. */
	private final Map<Certification, List<Certification>> neighbours = new HashMap<>();
	private final Map<Certification, List<JurySession>> sessions = new HashMap<>();
	private final Map<String, Integer> certificateNumbers = new HashMap<>();
	private final Set<String> identities = new HashSet<>();
	private boolean keep;

	/**
	 * A generator over the certifications of {@code library}, for the reference day {@code asOf}.
	 */
	public BranchGenerator(ReferentialLibrary library, long seed, LocalDate asOf) throws CqpException {
		this.library = library;
		this.seed = seed;
		this.asOf = asOf;
		Properties shares = properties("parts.properties"); //$NON-NLS-1$
		int otherwise = Integer.parseInt(shares.getProperty("*")); //$NON-NLS-1$
		// every certification with domains and rules, a seventh as the six
		for (Certification certification : library.certifications()) {
			RuleBook book = RuleBook.of(certification);
			if (!certification.getDomains().isEmpty() && book.first().isPresent()) {
				certifications.add(certification);
				ruleBooks.put(certification, book);
				weights.put(certification, Integer.valueOf(shares.getProperty(certification.getCode(), Integer.toString(otherwise))));
			}
		}
		if (library.certifications().isEmpty()) {
			throw new CqpException(Messages.Generator_noCertification);
		}
		if (certifications.isEmpty()) {
			throw new CqpException(Messages.Generator_noRules);
		}
		for (Certification c : certifications) {
			Set<CompetenceDomain> own = domainsOf(c);
			neighbours.put(c, certifications.stream().filter(o -> o != c && domainsOf(o).stream().anyMatch(own::contains)).toList());
		}
		bodies.setId("organismes-synthetiques"); //$NON-NLS-1$
		renewApprovals();
		companies();
		sessions();
	}

	/**
	 * Keeps everything generated in {@link #dossiers()} (for tests and small branches); by
	 * default candidates are let go once handed to the sink.
	 */
	public BranchGenerator keep() {
		keep = true;
		return this;
	}

	/** Everything generated so far, when {@link #keep()} was asked. */
	public Dossiers dossiers() {
		return dossiers;
	}

	/** The training bodies of the branch, with their approvals. */
	public Referential trainingBodies() {
		return bodies;
	}

	/** Generates {@code count} candidates into {@code sink}, after the bodies, companies and sessions. */
	public void generate(int count, Sink sink) throws CqpException {
		generate(count, sink, Progress.NONE);
	}

	/** The same, telling {@code progress} after each candidate. */
	public void generate(int count, Sink sink, Progress progress) throws CqpException {
		for (TrainingBody body : bodies.getTrainingBodies()) {
			sink.trainingBody(body);
		}
		for (Company company : dossiers.getCompanies()) {
			sink.company(company);
		}
		for (JurySession session : dossiers.getJurySessions()) {
			sink.session(session);
		}
		for (int n = 1; n <= count; n++) {
			List<JuryDecision> decisions = new ArrayList<>();
			Candidate candidate = candidate(n, decisions);
			sink.candidate(candidate, decisions);
			progress.worked(n, count);
			if (!keep) {
				for (JuryDecision decision : decisions) {
					EcoreUtil.remove(decision);
				}
				EcoreUtil.remove(candidate);
			}
		}
	}

	// ---- the branch's fixtures

	/**
	 * The seed's training bodies, their approvals drawn again: each is approved, for the routes
	 * of its seed approvals, for some certifications ({@link #APPROVED_PERCENT}), some of those
	 * approvals having ended one to four years before the reference day ({@link #ENDED_PERCENT}),
	 * the others running until two years after it. Every certification keeps, for each route some
	 * body offers, one body approved until after the reference day.
	 */
	private void renewApprovals() {
		SplittableRandom random = new SplittableRandom(seed * 31 + 7);
		Set<String> seen = new HashSet<>();
		// the routes each body offers: those of its seed approvals, the same in all its approvals
		Map<TrainingBody, Set<Route>> offered = new HashMap<>();
		for (Referential referential : library.referentials()) {
			for (TrainingBody seedBody : referential.getTrainingBodies()) {
				if (!seen.add(seedBody.getCode())) {
					continue;
				}
				TrainingBody body = EcoreUtil.copy(seedBody);
				Set<Route> routes = EnumSet.noneOf(Route.class);
				seedBody.getApprovals().forEach(a -> routes.addAll(a.getRoutes()));
				if (routes.isEmpty()) {
					routes.add(Route.TRAINING);
				}
				body.getApprovals().clear();
				offered.put(body, routes);
				for (Certification certification : certifications) {
					if (random.nextInt(100) < APPROVED_PERCENT) {
						approve(body, certification, routes, random.nextInt(100) < ENDED_PERCENT
								? asOf.minusDays(365 + random.nextInt(3 * 365))
								: asOf.plusYears(2));
					}
				}
				bodies.getTrainingBodies().add(body);
			}
		}
		for (Certification certification : certifications) {
			for (Route route : Route.VALUES) {
				boolean open = bodies.getTrainingBodies().stream().anyMatch(b -> b.getApprovals().stream()
						.anyMatch(a -> a.getCertification() == certification && a.getRoutes().contains(route)
								&& a.getValidUntil().isAfter(asOf)));
				TrainingBody offering = bodies.getTrainingBodies().stream().filter(b -> offered.get(b).contains(route))
						.findFirst().orElse(null);
				if (!open && offering != null) {
					offering.getApprovals().removeIf(a -> a.getCertification() == certification);
					approve(offering, certification, offered.get(offering), asOf.plusYears(2));
				}
			}
		}
		for (TrainingBody body : bodies.getTrainingBodies()) {
			org.eclipse.emf.common.util.ECollections.sort(body.getApprovals(),
					Comparator.comparing((Approval a) -> certifications.indexOf(a.getCertification())));
		}
	}

	private static void approve(TrainingBody body, Certification certification, Set<Route> routes, LocalDate until) {
		Approval approval = ReferentialFactory.eINSTANCE.createApproval();
		approval.setCertification(certification);
		approval.getRoutes().addAll(routes);
		approval.setValidUntil(until);
		body.getApprovals().add(approval);
	}

	/** The rules of {@code certification} in force on {@code day} (the earliest before any). */
	private RuleSet rules(Certification certification, LocalDate day) {
		RuleBook book = ruleBooks.get(certification);
		return book.at(day).orElseGet(() -> book.first().orElseThrow());
	}

	private static Set<CompetenceDomain> domainsOf(Certification certification) {
		Set<CompetenceDomain> domains = new HashSet<>();
		for (DomainUse use : certification.getDomains()) {
			if (use.getDomain() != null) {
				domains.add(use.getDomain());
			}
		}
		return domains;
	}

	private void companies() {
		int n = 0;
		for (String line : lines("entreprises.txt")) { //$NON-NLS-1$
			String[] parts = line.split(";"); //$NON-NLS-1$
			Company company = F.createCompany();
			company.setId(String.format("E-%04d", Integer.valueOf(++n))); //$NON-NLS-1$
			company.setName(parts[0]);
			company.setCity(parts[1]);
			dossiers.getCompanies().add(company);
		}
	}

	/**
	 * Two sessions a year per certification (June and December, each certification on its own
	 * day), with the employer and employee representatives the certification's rules ask for on
	 * that day, the presidency alternating from one session to the next across the branch.
	 */
	private void sessions() {
		List<String[]> members = lines("jury.txt").stream().map(l -> l.split(";")).toList(); //$NON-NLS-1$ //$NON-NLS-2$
		List<String[]> employers = members.stream().filter(m -> m[0].equals("EMPLOYER")).toList(); //$NON-NLS-1$
		List<String[]> employees = members.stream().filter(m -> m[0].equals("EMPLOYEE")).toList(); //$NON-NLS-1$
		List<JurySession> all = new ArrayList<>();
		Map<JurySession, Certification> sessionCertification = new HashMap<>();
		for (int year = asOf.getYear() - YEARS; year <= asOf.getYear(); year++) {
			for (int c = 0; c < certifications.size(); c++) {
				Certification certification = certifications.get(c);
				for (int month : new int[] { 6, 12 }) {
					LocalDate day = LocalDate.of(year, month, 2 + 3 * c);
					if (day.isAfter(asOf)) {
						continue;
					}
					JurySession session = F.createJurySession();
					session.setId(String.format("JURY-%s-%d-%02d", certification.getCode(), Integer.valueOf(year), //$NON-NLS-1$
							Integer.valueOf(month)));
					session.setDate(day);
					session.setPlace(text("place"));
					all.add(session);
					sessionCertification.put(session, certification);
					sessions.computeIfAbsent(certification, k -> new ArrayList<>()).add(session);
				}
			}
		}
		all.sort(Comparator.comparing(JurySession::getDate));
		for (int i = 0; i < all.size(); i++) {
			JurySession session = all.get(i);
			Certification certification = sessionCertification.get(session);
			RuleSet rules = rules(certification, session.getDate());
			int employerSeats = rules.getJuryEmployerMembers(), employeeSeats = rules.getJuryEmployeeMembers();
			for (int k = 0; k < employerSeats; k++) {
				session.getMembers().add(member(employers.get((i + k) % employers.size()), JurySide.EMPLOYER));
			}
			for (int k = 0; k < employeeSeats; k++) {
				session.getMembers().add(member(employees.get((i * 2 + k) % employees.size()), JurySide.EMPLOYEE));
			}
			session.setPresident(session.getMembers().get(i % 2 == 0 || employeeSeats == 0 ? 0 : employerSeats));
			dossiers.getJurySessions().add(session);
		}
	}

	private static JuryMember member(String[] line, JurySide side) {
		JuryMember member = F.createJuryMember();
		member.setSide(side);
		member.setName(line[1]);
		member.setOrganisation(line[2]);
		return member;
	}

	// ---- candidates

	/** The candidate number {@code n}, and the jury decisions on its registration. */
	Candidate candidate(int n, List<JuryDecision> decisions) {
		SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
		Candidate candidate = F.createCandidate();
		candidate.setId(String.format("C-%07d", Integer.valueOf(n))); //$NON-NLS-1$
		candidate.setLastName(pick(random, lastNames));
		candidate.setFirstName(pick(random, firstNames));
		LocalDate birth = LocalDate.of(1962, 1, 1).plusDays(random.nextInt(365 * 38));
		while (!identities.add(Identity.candidateKey(candidate.getLastName(), candidate.getFirstName(), birth))) {
			birth = birth.plusDays(1);
		}
		candidate.setBirthDate(birth);
		candidate.setEmail(Identity.normalize(candidate.getFirstName()).toLowerCase().replace(' ', '-') + '.'
				+ Identity.normalize(candidate.getLastName()).toLowerCase().replace(' ', '-') + n + "@exemple.fr"); //$NON-NLS-1$
		Company company = pick(random, dossiers.getCompanies());
		candidate.setCompany(company);
		dossiers.getCandidates().add(candidate);

		// how well this candidate does, in every evaluation: a standard normal draw
		double strength = random.nextGaussian();
		Certification certification = certification(random);
		LocalDate registered = asOf.minusDays(30 + random.nextInt(365 * YEARS - 30));
		Route route = random.nextInt(100) < VAE_PERCENT ? Route.VAE : Route.TRAINING;
		Registration registration = register(random, candidate, String.format("R-%07d", Integer.valueOf(n)), //$NON-NLS-1$
				certification, registered, route);
		new Path(random, registration, strength, Set.of(), decisions).run();

		// a holder registering for another certification that shares domains with the first
		Certificate award = registration.getCertificate();
		List<Certification> next = neighbours.getOrDefault(certification, List.of());
		if (award != null && award.isFull() && !next.isEmpty() && random.nextInt(100) < SECOND_CERTIFICATION_PERCENT) {
			LocalDate again = award.getDate().plusDays(60 + random.nextInt(480));
			if (!again.isAfter(asOf.minusDays(30))) {
				Certification second = pick(random, next);
				Registration other = register(random, candidate, String.format("R-%07d-2", Integer.valueOf(n)), second, //$NON-NLS-1$
						again, Route.TRAINING);
				Set<CompetenceDomain> held = domainsOf(certification);
				held.retainAll(domainsOf(second));
				new Path(random, other, strength, held, decisions).run();
			}
		}
		return candidate;
	}

	private Registration register(SplittableRandom random, Candidate candidate, String id, Certification certification,
			LocalDate registered, Route route) {
		Registration registration = F.createRegistration();
		registration.setId(id);
		registration.setCertification(certification);
		registration.setReferentialVersion(ReferentialLibrary.referentialOf(certification).getVersion());
		registration.setDate(registered);
		registration.setRoute(route);
		registration.setCompany(candidate.getCompany());
		registration.setTrainingBody(trainingBody(random, certification, route, registered));
		candidate.getRegistrations().add(registration);
		return registration;
	}

	private Certification certification(SplittableRandom random) {
		int total = certifications.stream().mapToInt(c -> weights.get(c).intValue()).sum();
		int draw = random.nextInt(Math.max(1, total));
		for (Certification certification : certifications) {
			draw -= weights.get(certification).intValue();
			if (draw < 0) {
				return certification;
			}
		}
		return certifications.get(certifications.size() - 1);
	}

	/** A body approved for the certification and route on the day of registration (or, failing one, at some time). */
	private TrainingBody trainingBody(SplittableRandom random, Certification certification, Route route, LocalDate day) {
		List<TrainingBody> approved = bodies.getTrainingBodies().stream().filter(b -> b.getApprovals().stream()
				.anyMatch(a -> a.getCertification() == certification && a.getRoutes().contains(route))).toList();
		List<TrainingBody> then = approved.stream().filter(b -> b.getApprovals().stream()
				.anyMatch(a -> a.getCertification() == certification && a.getRoutes().contains(route)
						&& !a.getValidUntil().isBefore(day))).toList();
		return !then.isEmpty() ? pick(random, then)
				: approved.isEmpty() ? pick(random, bodies.getTrainingBodies()) : pick(random, approved);
	}

	/** The life of one registration, step by step, up to the reference day. */
	private final class Path {

		private final SplittableRandom random;
		private final Registration registration;
		private final Certification certification;
		private final LocalDate registered;
		private final List<JuryDecision> decisions;
		private final List<CompetenceDomain> domains = new ArrayList<>();
		private final Map<BookletKind, Booklet> booklets = new LinkedHashMap<>();
		/** Domains whose final evaluation found them mastered, and when. */
		private final Map<CompetenceDomain, Boolean> mastered = new LinkedHashMap<>();
		private final String trainer;
		/** The candidate's strength, and the rules in force at registration. */
		private final double strength;
		private final RuleSet rules;
		/** Domains the candidate already holds from another certification: evaluated directly. */
		private final Set<CompetenceDomain> held;

		Path(SplittableRandom random, Registration registration, double strength, Set<CompetenceDomain> held,
				List<JuryDecision> decisions) {
			this.random = random;
			this.registration = registration;
			this.certification = registration.getCertification();
			this.registered = registration.getDate();
			this.decisions = decisions;
			this.strength = strength;
			this.held = held;
			this.rules = rules(certification, registered);
			for (DomainUse use : certification.getDomains()) {
				domains.add(use.getDomain());
			}
			for (Booklet booklet : library.booklets(certification)) {
				booklets.put(booklet.getKind(), booklet);
			}
			trainer = text("trainer") + ' ' + registration.getTrainingBody().getName();
		}

		void run() {
			Map<CompetenceDomain, Integer> experience = orientation();
			boolean late = random.nextInt(100) < 6;
			// the weakest give up more often
			boolean dropsOut = random.nextInt(100) < (strength < -1 ? 16 : 6);
			LocalDate ready = registration.getRoute() == Route.TRAINING ? training(experience, dropsOut)
					: vae(random.nextInt(100) < INADMISSIBLE_PERCENT, dropsOut);
			if (ready == null) {
				return;
			}
			if (late) {
				ready = registered.plusYears(rules.getRegistrationDeadlineYears()).plusDays(10 + random.nextInt(200));
			}
			JurySession first = nextSession(ready);
			if (first == null) {
				return;
			}
			Map<CompetenceDomain, Boolean> acquired = decide(first, null);
			if (!acquired.containsValue(Boolean.FALSE)) {
				return;
			}
			int draw = random.nextInt(100);
			if (draw < 55) {
				// back within the validity of what was acquired: only the missing domains are decided again
				LocalDate retry = first.getDate().plusMonths(5 + random.nextInt(20));
				if (registration.getRoute() == Route.TRAINING) {
					retry = secondFinalEvaluation(acquired, retry);
				}
				JurySession second = retry == null ? null : nextSession(retry);
				if (second != null) {
					decide(second, acquired);
				}
			} else if (draw < 80) {
				// back after the validity ran out: every domain is decided again
				int validity = rules(certification, first.getDate()).getPartialValidityYears();
				LocalDate retry = first.getDate().plusYears(validity).plusDays(30 + random.nextInt(500));
				if (registration.getRoute() == Route.TRAINING) {
					retry = secondFinalEvaluation(acquired, retry);
				}
				JurySession second = retry == null ? null : nextSession(retry);
				if (second != null) {
					decide(second, null);
				}
			}
		}

		/** A draw that succeeds with probability {@code base} for an average candidate, moved by their strength. */
		private boolean succeeds(double base, double spread) {
			double odds = Math.log(base / (1 - base)) + spread * strength;
			return random.nextDouble() < 1 / (1 + Math.exp(-odds));
		}

		/** The orientation interview: experience per domain (0 none, 1 partly, 2 fully). */
		private Map<CompetenceDomain, Integer> orientation() {
			OrientationInterview orientation = F.createOrientationInterview();
			orientation.setDate(registered.minusDays(5 + random.nextInt(30)));
			orientation.setBooklet(booklets.get(BookletKind.ORIENTATION_GUIDE));
			orientation.setRecommendedRoute(registration.getRoute());
			orientation.setCompanyContact(pick(random, firstNames) + ' ' + pick(random, lastNames));
			orientation.setCompanyContactFunction(text("manager"));
			orientation.setTrainingBodyInterviewer(trainer);
			orientation.setComment(text("orientationComment"));
			registration.setOrientation(orientation);
			Map<CompetenceDomain, Integer> experience = new LinkedHashMap<>();
			for (CompetenceDomain domain : domains) {
				int level = registration.getRoute() == Route.VAE ? 1 + random.nextInt(2) : weighted(45, 40, 15);
				if (held.contains(domain)) {
					level = 2;
				}
				experience.put(domain, Integer.valueOf(level));
				BookletSection section = section(orientation.getBooklet(), domain, s -> !s.getDomainScales().isEmpty()
						&& s.getDomainScales().get(0).getLevels().size() == 3);
				if (section != null) {
					rate(orientation, section, null, section.getDomainScales().get(0).getLevels().get(level));
				}
				if (registration.getRoute() == Route.TRAINING) {
					DomainPlan plan = F.createDomainPlan();
					plan.setDomain(domain);
					plan.setDirectEvaluation(level == 2);
					if (level < 2) {
						PlannedModule module = F.createPlannedModule();
						module.setTitle(moduleTitle(domain));
						module.setHours(40);
						plan.getModules().add(module);
					}
					orientation.getPlans().add(plan);
				}
			}
			return experience;
		}

		/** Modules, formative evaluations, tutor follow-up, final evaluation: returns the day ready for the jury. */
		private LocalDate training(Map<CompetenceDomain, Integer> experience, boolean dropsOut) {
			TrainingPath path = F.createTrainingPath();
			registration.setTrainingPath(path);
			List<CompetenceDomain> trained = domains.stream().filter(d -> experience.get(d).intValue() < 2).toList();
			int total = rules.getTrainingHoursMin()
					+ random.nextInt(rules.getTrainingHoursMax() - rules.getTrainingHoursMin() + 1);
			int perDomain = domains.isEmpty() ? 0 : total / domains.size();
			LocalDate day = registered.plusDays(20 + random.nextInt(30));
			int stopAt = dropsOut ? random.nextInt(Math.max(1, domains.size())) : Integer.MAX_VALUE;
			int step = 0;
			LocalDate lastEvaluation = day;
			for (CompetenceDomain domain : domains) {
				if (step++ >= stopAt) {
					return null;
				}
				List<TrainingModule> modules = new ArrayList<>();
				if (trained.contains(domain)) {
					TrainingModule module = F.createTrainingModule();
					module.setTitle(moduleTitle(domain));
					module.getDomains().add(domain);
					int hours = trained.size() == domains.size() && domain == domains.get(domains.size() - 1)
							? total - perDomain * (domains.size() - 1)
							: perDomain;
					module.setHours(hours);
					module.setStartDate(day);
					day = day.plusDays(3 + hours / 7);
					module.setEndDate(day);
					module.setCertificateAttached(random.nextInt(100) < 90);
					if (day.isAfter(asOf)) {
						return null;
					}
					path.getModules().add(module);
					modules.add(module);
				}
				day = day.plusDays(1 + random.nextInt(7));
				if (day.isAfter(asOf)) {
					return null;
				}
				FormativeEvaluation evaluation = formative(domain, day, modules, null);
				while (!evaluation.isObjectiveAchieved()) {
					day = day.plusDays(20 + random.nextInt(40));
					if (day.isAfter(asOf)) {
						return null;
					}
					evaluation = formative(domain, day, modules, evaluation);
				}
				lastEvaluation = day;
				day = day.plusDays(7 + random.nextInt(21));
			}
			LocalDate tutorDay = lastEvaluation.plusDays(7 + random.nextInt(20));
			if (tutorDay.isAfter(asOf)) {
				return null;
			}
			tutor(tutorDay);
			LocalDate finalDay = tutorDay.plusDays(14 + random.nextInt(60));
			if (finalDay.isAfter(asOf) || dropsOut) {
				return null;
			}
			FinalEvaluation fin = F.createFinalEvaluation();
			fin.setBooklet(booklets.get(BookletKind.FINAL_EVALUATION));
			fin.setEvaluator1(evaluator(text("lineManager")));
			fin.setEvaluator2(evaluator(text("tutor")));
			registration.setFinalEvaluation(fin);
			for (CompetenceDomain domain : domains) {
				boolean ok = succeeds(TRAINING_MASTERY, TRAINING_SPREAD);
				finalDomain(fin, domain, finalDay, ok);
				mastered.put(domain, Boolean.valueOf(ok));
			}
			BookletSection questions = fin.getBooklet() == null ? null
					: fin.getBooklet().getSections().stream().filter(s -> !s.getQuestions().isEmpty()).findFirst()
							.orElse(null);
			if (questions != null) {
				for (String question : questions.getQuestions()) {
					Answer answer = F.createAnswer();
					answer.setSection(questions);
					answer.setQuestion(question);
					answer.setText(text("answer"));
					fin.getAnswers().add(answer);
				}
			}
			if (finalDay.isAfter(asOf.minusDays(60)) && random.nextInt(100) < 25 && !fin.getDomains().isEmpty()) {
				// the two evaluators do not agree yet on one domain: the booklet waits for them, no jury
				FinalDomainEvaluation sheet = fin.getDomains().get(random.nextInt(fin.getDomains().size()));
				sheet.setEvaluatorsAgree(false);
				sheet.setComment(text("disagree")); //$NON-NLS-1$
				return null;
			}
			return finalDay;
		}

		private FormativeEvaluation formative(CompetenceDomain domain, LocalDate day, List<TrainingModule> modules,
				FormativeEvaluation previous) {
			FormativeEvaluation evaluation = F.createFormativeEvaluation();
			evaluation.setDomain(domain);
			evaluation.setDate(day);
			evaluation.setTrainer(trainer);
			evaluation.setMethod(text("method"));
			evaluation.setContent(moduleTitle(domain));
			evaluation.setPrevious(previous);
			evaluation.getModules().addAll(modules);
			boolean achieved = succeeds(previous == null ? FORMATIVE_FIRST : FORMATIVE_AGAIN, FORMATIVE_SPREAD);
			evaluation.setObjectiveAchieved(achieved);
			evaluation.setComment(achieved ? text("achieved") : text("notAchieved"));
			Booklet booklet = booklets.get(BookletKind.TRAINING_EVALUATION);
			evaluation.setBooklet(booklet);
			BookletSection section = section(booklet, domain, s -> !s.getDomainScales().isEmpty());
			if (section != null) {
				rate(evaluation, section, null, level(section.getDomainScales().get(0), achieved));
				rateItems(evaluation, section, achieved ? 95 : 50);
			}
			registration.getFormativeEvaluations().add(evaluation);
			return evaluation;
		}

		private void tutor(LocalDate day) {
			TutorAssessment tutor = F.createTutorAssessment();
			tutor.setDate(day);
			tutor.setTutor(pick(random, firstNames) + ' ' + pick(random, lastNames));
			tutor.setComment(text("tutorComment"));
			Booklet booklet = booklets.get(BookletKind.TUTOR_GUIDE);
			tutor.setBooklet(booklet);
			for (CompetenceDomain domain : domains) {
				BookletSection section = section(booklet, domain, s -> true);
				if (section != null) {
					rateItems(tutor, section, 85);
				}
			}
			registration.getTutorAssessments().add(tutor);
			for (int i = 0, reviews = 1 + random.nextInt(3); i < reviews; i++) {
				ProgressReview review = F.createProgressReview();
				review.setDate(day.minusDays(30L * (reviews - i)));
				review.setWithWhom(tutor.getTutor());
				review.setStrengths(text("strengths"));
				review.setObjectives(text("objectives"));
				registration.getProgressReviews().add(review);
			}
		}

		private void finalDomain(FinalEvaluation fin, CompetenceDomain domain, LocalDate day, boolean ok) {
			FinalDomainEvaluation evaluation = F.createFinalDomainEvaluation();
			evaluation.setDomain(domain);
			evaluation.setDate(day);
			evaluation.setBooklet(fin.getBooklet());
			evaluation.setActivitiesExercised(true);
			evaluation.setMastered(ok);
			evaluation.setEvaluatorsAgree(true);
			evaluation.setSignedByEvaluator1(true);
			evaluation.setSignedByEvaluator2(true);
			evaluation.setComment(ok ? text("mastered") : text("notMastered"));
			evaluation.getEvaluationDates().add(day.minusDays(7 + random.nextInt(14)));
			evaluation.getEvaluationDates().add(day);
			BookletSection section = section(fin.getBooklet(), domain, s -> !s.getDomainScales().isEmpty());
			// the conditions the domain's evaluation modality asks for; observation, sometimes with an interview, when it says none
			if (section != null && !section.getEvaluationConditions().isEmpty()) {
				evaluation.getConditions().addAll(section.getEvaluationConditions());
			} else {
				evaluation.getConditions().add(EvaluationCondition.OBSERVATION);
				if (random.nextBoolean()) {
					evaluation.getConditions().add(EvaluationCondition.INTERVIEW);
				}
			}
			if (section != null) {
				rate(evaluation, section, null, level(section.getDomainScales().get(0), ok));
				rateItems(evaluation, section, ok ? 95 : 45);
			}
			fin.getDomains().add(evaluation);
		}

		/** After a partial award: the domains not acquired evaluated again; returns the day, or null. */
		private LocalDate secondFinalEvaluation(Map<CompetenceDomain, Boolean> acquired, LocalDate day) {
			if (day.isAfter(asOf)) {
				return null;
			}
			for (Map.Entry<CompetenceDomain, Boolean> e : acquired.entrySet()) {
				if (!e.getValue().booleanValue()) {
					boolean ok = succeeds(TRAINING_MASTERY, TRAINING_SPREAD);
					finalDomain(registration.getFinalEvaluation(), e.getKey(), day, ok);
					mastered.put(e.getKey(), Boolean.valueOf(ok));
				}
			}
			return day;
		}

		/**
		 * The VAE dossier: experience enough for admissibility, or, for a request that stops
		 * ({@code inadmissible}), too short and recorded as not admissible with its reason; returns
		 * the day ready for the jury, or null when the request stops or the candidate gives up.
		 */
		private LocalDate vae(boolean inadmissible, boolean givesUp) {
			VaeDossier vae = F.createVaeDossier();
			vae.setCvProvided(true);
			vae.setAccompaniment(random.nextBoolean());
			int days = 60 + random.nextInt(2000);
			LocalDate enough = registered.minusYears(rules.getVaeMinExperienceYears());
			LocalDate start = inadmissible ? enough.plusDays(60 + days % 300) : enough.minusDays(days);
			if (random.nextBoolean()) {
				ExperiencePeriod earlier = experience(start.minusYears(3 + random.nextInt(4)), start.minusDays(30),
						text("earlierPosition"));
				// outside the branch's jobs for a request that is not admissible
				earlier.setRelevant(!inadmissible);
				vae.getExperiences().add(earlier);
			}
			vae.getExperiences().add(experience(start, null, text("position")));
			Booklet booklet = booklets.get(BookletKind.VAE_DOSSIER);
			for (CompetenceDomain domain : domains) {
				Answer answer = F.createAnswer();
				answer.setSection(section(booklet, domain, s -> true));
				answer.setQuestion(domain.getWording());
				answer.setText(text("answer"));
				vae.getAnswers().add(answer);
			}
			// decided a month after the registration
			vae.setAdmissibility(inadmissible ? Admissibility.INADMISSIBLE : Admissibility.ADMISSIBLE);
			vae.setAdmissibilityDate(registered.plusDays(30));
			if (inadmissible) {
				vae.setAdmissibilityReason(text("inadmissible"));
			}
			registration.setVaeDossier(vae);
			LocalDate ready = registered.plusDays(120 + random.nextInt(240));
			if (inadmissible || givesUp || ready.isAfter(asOf)) {
				return null;
			}
			for (CompetenceDomain domain : domains) {
				mastered.put(domain, Boolean.valueOf(succeeds(VAE_MASTERY, VAE_SPREAD)));
			}
			return ready;
		}

		private ExperiencePeriod experience(LocalDate start, LocalDate end, String position) {
			ExperiencePeriod period = F.createExperiencePeriod();
			period.setEmployer(registration.getCompany().getName());
			period.setPosition(position);
			period.setStart(start);
			period.setEnd(end);
			period.setRelevant(true);
			Proof proof = F.createProof();
			proof.setKind(ProofKind.EMPLOYER_CERTIFICATE);
			proof.setDescription(text("proof"));
			period.getProofs().add(proof);
			if (random.nextBoolean()) {
				Proof payslip = F.createProof();
				payslip.setKind(ProofKind.PAYSLIP);
				payslip.setDescription(text("payslips"));
				period.getProofs().add(payslip);
			}
			return period;
		}

		/**
		 * A jury decision at {@code session}: each domain acquired as the evaluations say (the jury
		 * is sovereign and sometimes differs), or kept from {@code before} when it was acquired then.
		 */
		private Map<CompetenceDomain, Boolean> decide(JurySession session, Map<CompetenceDomain, Boolean> before) {
			JuryDecision decision = F.createJuryDecision();
			decision.setRegistration(registration);
			Map<CompetenceDomain, Boolean> acquired = new LinkedHashMap<>();
			for (CompetenceDomain domain : domains) {
				boolean ok = before != null && before.get(domain).booleanValue()
						|| mastered.getOrDefault(domain, Boolean.FALSE).booleanValue() && random.nextInt(100) < 99;
				DomainDecision d = F.createDomainDecision();
				d.setDomain(domain);
				d.setAcquired(ok);
				decision.getDomains().add(d);
				acquired.put(domain, Boolean.valueOf(ok));
			}
			session.getDecisions().add(decision);
			decisions.add(decision);
			LocalDate day = session.getDate();
			boolean full = !acquired.containsValue(Boolean.FALSE);
			Certificate certificate = registration.getCertificate();
			if (certificate == null) {
				certificate = F.createCertificate();
				registration.setCertificate(certificate);
			}
			certificate.setDate(day);
			certificate.setFull(full);
			certificate.setBonusPoints(full ? rules(certification, day).getBonusPoints() : 0);
			String key = certification.getCode() + '-' + day.getYear();
			int number = certificateNumbers.merge(key, Integer.valueOf(1), Integer::sum).intValue();
			certificate.setNumber(String.format("%s-%s%05d", key, full ? "" : "P", Integer.valueOf(number))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			return acquired;
		}

		private JurySession nextSession(LocalDate ready) {
			LocalDate earliest = ready.plusDays(14);
			for (JurySession session : sessions.getOrDefault(certification, List.of())) {
				LocalDate day = session.getDate();
				if (!day.isBefore(earliest)) {
					return day.isAfter(asOf) ? null : session;
				}
			}
			return null;
		}

		private void rateItems(Assessment assessment, BookletSection section, int achievedPercent) {
			for (var i = section.eAllContents(); i.hasNext();) {
				if (i.next() instanceof BookletItem item && item.getScale() != null) {
					rate(assessment, section, item, level(item.getScale(), random.nextInt(100) < achievedPercent));
				}
			}
		}

		private void rate(Assessment assessment, BookletSection section, BookletItem item, ScaleLevel level) {
			Rating rating = F.createRating();
			rating.setSection(section);
			rating.setItem(item);
			rating.setLevel(level);
			assessment.getRatings().add(rating);
		}

		private ScaleLevel level(Scale scale, boolean achieved) {
			List<ScaleLevel> matching = scale.getLevels().stream().filter(l -> l.isAchieved() == achieved).toList();
			return matching.isEmpty() ? scale.getLevels().get(0) : pick(random, matching);
		}

		private int weighted(int... percents) {
			int draw = random.nextInt(100);
			for (int i = 0; i < percents.length; i++) {
				draw -= percents[i];
				if (draw < 0) {
					return i;
				}
			}
			return percents.length - 1;
		}

		private Evaluator evaluator(String function) {
			Evaluator evaluator = F.createEvaluator();
			evaluator.setName(pick(random, firstNames) + ' ' + pick(random, lastNames));
			evaluator.setFunction(function);
			return evaluator;
		}

		private String moduleTitle(CompetenceDomain domain) {
			return text("module") + ' ' + domain.getWording();
		}
	}

	private static BookletSection section(Booklet booklet, CompetenceDomain domain,
			java.util.function.Predicate<BookletSection> also) {
		if (booklet == null) {
			return null;
		}
		return booklet.getSections().stream().filter(s -> s.getDomain() == domain && also.test(s)).findFirst()
				.orElse(null);
	}

	private static <T> T pick(SplittableRandom random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	private static String text(String key) {
		return TEXTS.getProperty(key);
	}

	private static Properties properties(String name) {
		Properties texts = new Properties();
		try (InputStream in = BranchGenerator.class.getResourceAsStream(name);
				InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			texts.load(reader);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return texts;
	}

	private static List<String> lines(String name) {
		try (InputStream in = BranchGenerator.class.getResourceAsStream(name);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList(); //$NON-NLS-1$
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
