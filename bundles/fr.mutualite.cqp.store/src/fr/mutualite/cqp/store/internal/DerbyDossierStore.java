package fr.mutualite.cqp.store.internal;

import static fr.mutualite.cqp.store.internal.Jdbc.setDay;
import static fr.mutualite.cqp.store.internal.Jdbc.setString;
import static fr.mutualite.cqp.store.internal.Jdbc.setTime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.PrivateFiles;
import fr.mutualite.cqp.core.dossier.AuditTrail;
import fr.mutualite.cqp.core.dossier.Awards;
import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.CandidateDossier;
import fr.mutualite.cqp.core.dossier.CandidateRepository;
import fr.mutualite.cqp.core.dossier.CompanyRepository;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.Identity;
import fr.mutualite.cqp.core.dossier.ImportReport;
import fr.mutualite.cqp.core.dossier.JuryRepository;
import fr.mutualite.cqp.core.dossier.PersonalData;
import fr.mutualite.cqp.core.dossier.RegistrationRepository;
import fr.mutualite.cqp.core.dossier.Retention;
import fr.mutualite.cqp.core.dossier.RegistrationRow;
import fr.mutualite.cqp.core.dossier.RegistrationSource;
import fr.mutualite.cqp.core.dossier.RegistrationGroup;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.StaleVersionException;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.dossier.TrainingBodyRepository;
import fr.mutualite.cqp.core.dossier.UserRepository;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.core.exchange.ExchangePlan;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.store.ClientDerbyStore;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;

/** The dossiers of a Derby database: repositories, bulk loading, import and export. */
public final class DerbyDossierStore implements DossierStore {

	/** A unique key already used. */
	private static final String DUPLICATE_KEY = "23505"; //$NON-NLS-1$

	private final DataStore data;
	private final ReferentialLibrary library;
	private final ReferentialIndex index;
	private final String user;
	private final Role role;
	private final Candidates candidates = new Candidates();
	private final Registrations registrations = new Registrations();
	private final Juries juries = new Juries();
	private final TrainingBodies trainingBodies = new TrainingBodies();
	private final Companies companies = new Companies();

	private DerbyDossierStore(DataStore data, ReferentialLibrary library, String user, Role role) {
		this.data = data;
		this.library = library;
		this.index = new ReferentialIndex(library);
		this.user = user;
		this.role = role;
	}

	/**
	 * Opens the database {@code settings} names (creating a missing embedded one when
	 * {@code opening} asks for it), brings its schema up to date, refreshes its copy of the
	 * referentials; tells {@code notices} when it creates or upgrades the database.
	 */
	public static DerbyDossierStore open(StoreSettings settings, ReferentialLibrary library,
			DossierStoreFactory.Opening opening, Consumer<String> notices) throws CqpException {
		boolean embedded = settings.mode() == StoreSettings.Mode.EMBEDDED;
		DataStore data;
		if (!embedded) {
			data = ClientDerbyStore.open(settings);
		} else if (opening == DossierStoreFactory.Opening.CREATE_IF_MISSING && !EmbeddedDerbyStore.exists(settings.folder())) {
			data = EmbeddedDerbyStore.create(settings.folder(), settings.password(), settings.bootPassword());
			notices.accept(NLS.bind(Messages.Store_created, data.location()));
		} else {
			data = EmbeddedDerbyStore.open(settings.folder(), settings.user(), settings.password(), settings.bootPassword());
		}
		try {
			Migrations.migrate(data.connect(), data.location(), embedded, notices);
			String user = embedded ? System.getProperty("user.name", settings.user()) : settings.user(); //$NON-NLS-1$
			Role role = Jdbc.read(data, AccessRules::role);
			DerbyDossierStore store = new DerbyDossierStore(data, library, user, role);
			if (role.administers()) {
				// the others read the copy the administrators keep up to date
				Jdbc.transaction(data, c -> {
					try (DossierWriter writer = store.writer(c)) {
						int changed = ReferentialMirror.refresh(c, library, writer);
						// the statistics' counts read the rules and the domains the mirror copies
						Statistics.keep(c, changed > 0, () -> notices.accept(NLS.bind(Messages.Store_counting, data.location())));
						return Integer.valueOf(changed);
					}
				});
			}
			return store;
		} catch (CqpException | RuntimeException e) {
			try {
				data.close();
			} catch (CqpException closing) {
				e.addSuppressed(closing);
			}
			throw e;
		}
	}

	@Override
	public Role role() {
		return role;
	}

	@Override
	public List<AuditTrail.Line> auditTrail(String candidateId) throws CqpException {
		return Jdbc.read(data, c -> {
			if (!Jdbc.exists(c, "SELECT 1 FROM CANDIDATE WHERE ID = ?", candidateId)) { //$NON-NLS-1$
				throw new CqpException(NLS.bind(Messages.Store_unknownCandidate, candidateId, data.location()));
			}
			List<AuditTrail.Line> lines = new ArrayList<>();
			try (PreparedStatement s = c.prepareStatement("SELECT ID, CHANGED_AT, CHANGED_BY, DATABASE_USER, REGISTRATION_ID, " //$NON-NLS-1$
					+ "SUBJECT, ITEM, BEFORE_VALUE, AFTER_VALUE FROM AUDIT_TRAIL WHERE CANDIDATE_ID = ? ORDER BY ID")) { //$NON-NLS-1$
				s.setString(1, candidateId);
				try (ResultSet r = s.executeQuery()) {
					while (r.next()) {
						lines.add(new AuditTrail.Line(r.getLong(1), Jdbc.time(r, 2), r.getString(3), r.getString(4),
								r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
					}
				}
			}
			return lines;
		});
	}

	/** Refuses, in one sentence, what only the branch's administrators may do. */
	private void requireAdministrator() throws CqpException {
		if (!role.administers()) {
			throw new CqpException(NLS.bind(Messages.Access_refused, data.location()));
		}
	}

	@Override
	public void receive(ExchangePlan plan) throws CqpException {
		requireAdministrator();
		Jdbc.transaction(data, c -> {
			Instant now = Instant.now();
			Set<String> added = new LinkedHashSet<>();
			try (DossierWriter writer = new DossierWriter(c, user, now)) {
				for (Company company : plan.companies()) {
					writer.company(company, 1);
				}
				for (Candidate candidate : plan.candidates()) {
					writer.candidate(candidate, 1);
					for (Registration registration : candidate.getRegistrations()) {
						writer.registration(registration, candidate.getId(), 1);
						added.add(registration.getId());
					}
				}
				for (ExchangePlan.Added registration : plan.registrations()) {
					writer.registration(registration.registration(), registration.candidateId(), 1);
					added.add(registration.registration().getId());
				}
				writer.flush();
			}
			Statistics.refresh(c, added);
			AuditedFacts.record(c, user, now, Map.of(), AuditedFacts.read(c, added));
			for (Versioned<Registration> update : plan.updates()) {
				Registration registration = update.value();
				saveIn(c, now, "REGISTRATION", "ID", registration.getId(), label(registration), update, //$NON-NLS-1$ //$NON-NLS-2$
						registrations.booklets(update));
			}
			return null;
		});
	}

	@Override
	public UserRepository users() {
		return new DerbyUsers(data, user, role);
	}

	@Override
	public DataStore data() {
		return data;
	}

	@Override
	public ReferentialLibrary library() {
		return library;
	}

	@Override
	public String user() {
		return user;
	}

	@Override
	public CandidateRepository candidates() {
		return candidates;
	}

	@Override
	public RegistrationRepository registrations() {
		return registrations;
	}

	@Override
	public JuryRepository juries() {
		return juries;
	}

	@Override
	public TrainingBodyRepository trainingBodies() {
		return trainingBodies;
	}

	@Override
	public CompanyRepository companies() {
		return companies;
	}

	@Override
	public Path backup(Path folder) throws CqpException {
		Path target = folder.toAbsolutePath().normalize();
		boolean embedded = data instanceof fr.mutualite.cqp.store.EmbeddedDerbyStore;
		if (embedded) {
			Path database = Path.of(data.location()).toAbsolutePath().normalize();
			if (target.startsWith(database)) {
				throw new CqpException(NLS.bind(Messages.Backup_inside, target, database));
			}
			try {
				if (Files.exists(target)) {
					if (!Files.isDirectory(target)) {
						throw new CqpException(NLS.bind(Messages.Backup_notFolder, target));
					}
					try (var listed = Files.list(target)) {
						if (listed.findAny().isPresent()) {
							throw new CqpException(NLS.bind(Messages.Backup_notEmpty, target));
						}
					}
				}
				PrivateFiles.createFolders(target);
			} catch (IOException e) {
				throw new CqpException(NLS.bind(Messages.Backup_failed, target, IoErrors.reason(e)), e);
			}
		}
		try (Connection c = data.connect();
				CallableStatement backup = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) { //$NON-NLS-1$
			backup.setString(1, target.toString());
			backup.execute();
		} catch (SQLException e) {
			if (embedded) {
				deleteQuietly(target);
			}
			throw new CqpException(NLS.bind(Messages.Backup_failed, target, SqlErrors.detail(e)), e);
		}
		if (!embedded) {
			return target;
		}
		try (var listed = Files.list(target)) {
			Path copy = listed.filter(Files::isDirectory).findFirst().orElse(target);
			PrivateFiles.restrictTree(target);
			return copy;
		} catch (IOException e) {
			deleteQuietly(target);
			throw new CqpException(NLS.bind(Messages.Backup_failed, target, IoErrors.reason(e)), e);
		}
	}

	/** Removes a copy left half written. */
	private static void deleteQuietly(Path folder) {
		try {
			PrivateFiles.deleteTree(folder);
		} catch (IOException e) {
			java.util.logging.Logger.getLogger(DerbyDossierStore.class.getName()).log(java.util.logging.Level.WARNING,
					"A backup copy left half written could not be removed: " + folder, e); //$NON-NLS-1$
		}
	}

	@Override
	public void close() throws CqpException {
		data.close();
	}

	private DossierWriter writer(Connection c) throws SQLException {
		return new DossierWriter(c, user, Instant.now());
	}

	private DossierReader reader(Connection c) {
		return new DossierReader(c, index);
	}

	/** What a save writes once the version was taken: returns the parts it changed. */
	@FunctionalInterface
	private interface Save {
		String write(Connection c, DossierWriter writer, DossierReader reader) throws SQLException, CqpException;
	}

	/**
	 * Saves a dossier: takes the next version if {@code expected} is still the current one (which
	 * locks the row until the end of the transaction), then lets {@code save} write it; refused
	 * with who changed what otherwise.
	 */
	private <T extends EObject> Versioned<T> save(String table, String key, String id, String what, Versioned<T> edited,
			Save save) throws CqpException {
		return Jdbc.transaction(data, c -> saveIn(c, Instant.now(), table, key, id, what, edited, save));
	}

	/** {@link #save} inside the transaction of {@code c}. */
	private <T extends EObject> Versioned<T> saveIn(Connection c, Instant now, String table, String key, String id,
			String what, Versioned<T> edited, Save save) throws SQLException, CqpException {
		try (PreparedStatement s = c.prepareStatement("UPDATE CQP." + table //$NON-NLS-1$
				+ " SET VERSION = VERSION + 1, UPDATED_BY = ?, UPDATED_AT = ? WHERE " + key + " = ? AND VERSION = ?")) { //$NON-NLS-1$ //$NON-NLS-2$
			s.setString(1, user);
			setTime(s, 2, now);
			s.setString(3, id);
			s.setInt(4, edited.version());
			if (s.executeUpdate() == 0) {
				throw stale(c, table, key, id, what, edited.value().eClass(), edited.version());
			}
		}
		Set<String> touched = audited(c, table, id);
		Map<String, AuditedFacts.Facts> before = AuditedFacts.read(c, touched);
		try (DossierWriter writer = new DossierWriter(c, user, now)) {
			String parts = save.write(c, writer, reader(c));
			writer.log(table, id, edited.version() + 1, parts);
			writer.flush();
		}
		Set<String> after = audited(c, table, id);
		after.addAll(before.keySet());
		Statistics.refresh(c, after);
		AuditedFacts.record(c, user, now, before, AuditedFacts.read(c, after));
		return new Versioned<>(edited.value(), edited.version() + 1, user, now);
	}

	/**
	 * The registrations whose watched facts and counts for the statistics a save of
	 * {@code table}'s row {@code id} may change.
	 */
	private static Set<String> audited(Connection c, String table, String id) throws SQLException {
		return switch (table) {
		case "REGISTRATION" -> new LinkedHashSet<>(List.of(id)); //$NON-NLS-1$
		case "JURY_SESSION" -> AuditedFacts.ofSession(c, id); //$NON-NLS-1$
		default -> new LinkedHashSet<>();
		};
	}

	private CqpException stale(Connection c, String table, String key, String id, String what, EClass type,
			int expected) throws SQLException {
		int current;
		try (PreparedStatement s = c.prepareStatement("SELECT VERSION FROM " + table + " WHERE " + key + " = ?")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			s.setString(1, id);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					return new CqpException(NLS.bind(Messages.Store_notFound, what));
				}
				current = r.getInt(1);
			}
		}
		Set<String> who = new LinkedHashSet<>();
		Set<String> parts = new LinkedHashSet<>();
		Instant when = null;
		try (PreparedStatement s = c.prepareStatement(
				"SELECT CHANGED_BY, CHANGED_AT, PARTS FROM CHANGE_LOG WHERE ENTITY = ? AND ENTITY_ID = ? AND VERSION > ? ORDER BY VERSION")) { //$NON-NLS-1$
			s.setString(1, table);
			s.setString(2, id);
			s.setInt(3, expected);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					who.add(r.getString(1));
					when = Jdbc.time(r, 2);
					parts.addAll(Changes.labels(type, r.getString(3)));
				}
			}
		}
		String whoText = who.isEmpty() ? Messages.Store_someone : String.join(", ", who); //$NON-NLS-1$
		String whenText = when == null ? "?" //$NON-NLS-1$
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault()).format(when);
		String partsText = parts.isEmpty() ? Messages.Store_noVisibleChange : String.join(", ", parts); //$NON-NLS-1$
		String message = NLS.bind(Messages.Store_stale,
				new Object[] { what, whoText, whenText, partsText, Integer.valueOf(expected), Integer.valueOf(current) });
		return new StaleVersionException(message, expected, current, whoText, when, List.copyOf(parts));
	}

	/** Turns a unique key violation into {@code message}; other failures go on. */
	private static void refuseDuplicate(SQLException e, String message) throws CqpException, SQLException {
		for (SQLException s = e; s != null; s = s.getNextException()) {
			if (DUPLICATE_KEY.equals(s.getSQLState())) {
				throw new CqpException(message, e);
			}
		}
		throw e;
	}

	private static String name(Candidate candidate) {
		return candidate.getFirstName() + ' ' + candidate.getLastName();
	}

	private static String label(Candidate candidate) {
		return NLS.bind(Messages.Store_candidateLabel, name(candidate));
	}

	private static String label(Registration registration) {
		String who = registration.eContainer() instanceof Candidate c ? name(c) : "?"; //$NON-NLS-1$
		return NLS.bind(Messages.Store_registrationLabel, new Object[] { registration.getId(), who,
				registration.getCertification() == null ? "?" : registration.getCertification().getCode() }); //$NON-NLS-1$
	}

	private final class Candidates implements CandidateRepository {

		/** The free texts of a registration's booklets that may name or describe the candidate. */
		private static final String[][] PERSONAL_TEXTS = { { "ASSESSMENT", "COMMENT_TEXT" }, { "RATING", "COMMENT_TEXT" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				{ "ANSWER", "ANSWER_TEXT" }, { "PROGRESS_REVIEW", "WITH_WHOM, STRENGTHS, OBJECTIVES" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				{ "EXPERIENCE_PERIOD", "EMPLOYER, POSITION" }, { "PROOF", "DESCRIPTION" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				{ "VAE_DOSSIER", "ADMISSIBILITY_REASON" }, { "JURY_DECISION", "ADVICE" } }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		/** The name an erased candidate keeps. */
		private static final String ERASED = "ANONYME"; //$NON-NLS-1$

		@Override
		public void erase(String id) throws CqpException {
			requireAdministrator();
			Jdbc.transaction(data, c -> {
				if (!Jdbc.exists(c, "SELECT 1 FROM CANDIDATE WHERE ID = ?", id)) { //$NON-NLS-1$
					throw new CqpException(NLS.bind(Messages.Store_unknownCandidate, id, data.location()));
				}
				if (Jdbc.exists(c, "SELECT 1 FROM CANDIDATE WHERE ID = ? AND MATCH_KEY = ?", id, ERASED + ':' + id)) { //$NON-NLS-1$
					throw new CqpException(NLS.bind(Messages.Store_alreadyErased, id));
				}
				erase(c, Instant.now(), id, "erased"); //$NON-NLS-1$
				return null;
			});
		}

		@Override
		public Retention.Report applyRetention(LocalDate asOf, boolean apply) throws CqpException {
			requireAdministrator();
			return Jdbc.transaction(data, c -> {
				List<Retention.Path> paths = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement("SELECT R.CANDIDATE_ID, R.CERTIFICATION_CODE, R.REFERENTIAL_VERSION, " //$NON-NLS-1$
						+ "R.REGISTRATION_DATE, MAX(S.SESSION_DATE) FROM REGISTRATION R JOIN CANDIDATE C ON C.ID = R.CANDIDATE_ID " //$NON-NLS-1$
						+ "LEFT JOIN JURY_DECISION D ON D.REGISTRATION_ID = R.ID LEFT JOIN JURY_SESSION S ON S.ID = D.SESSION_ID " //$NON-NLS-1$
						+ "WHERE C.MATCH_KEY <> CAST(? AS VARCHAR(16)) || C.ID GROUP BY R.ID, R.CANDIDATE_ID, R.CERTIFICATION_CODE, " //$NON-NLS-1$
						+ "R.REFERENTIAL_VERSION, R.REGISTRATION_DATE ORDER BY R.CANDIDATE_ID, R.ID")) { //$NON-NLS-1$
					s.setString(1, ERASED + ':');
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							paths.add(new Retention.Path(r.getString(1), r.getString(2), r.getString(3), Jdbc.day(r, 4),
									Jdbc.day(r, 5)));
						}
					}
				}
				List<String> due = Retention.due(paths, library, asOf);
				if (apply) {
					Instant now = Instant.now();
					for (String id : due) {
						erase(c, now, id, "retention"); //$NON-NLS-1$
					}
				}
				int held;
				try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM CANDIDATE WHERE MATCH_KEY <> CAST(? AS VARCHAR(16)) || ID")) { //$NON-NLS-1$
					s.setString(1, ERASED + ':');
					try (ResultSet r = s.executeQuery()) {
						r.next();
						held = r.getInt(1);
					}
				}
				return new Retention.Report(asOf, due, apply ? held : held - due.size());
			});
		}

		/** Erases the personal data of candidate {@code id}, recording {@code why} in the audit trail. */
		private void erase(Connection c, Instant now, String id, String why) throws SQLException {
			try (PreparedStatement s = c.prepareStatement("UPDATE CQP.CANDIDATE SET LAST_NAME = ?, FIRST_NAME = ?, BIRTH_DATE = NULL, " //$NON-NLS-1$
					+ "EMAIL = NULL, MATCH_KEY = ?, VERSION = VERSION + 1, UPDATED_BY = ?, UPDATED_AT = ? WHERE ID = ?")) { //$NON-NLS-1$
				s.setString(1, ERASED);
				s.setString(2, id);
				s.setString(3, ERASED + ':' + id);
				s.setString(4, user);
				setTime(s, 5, now);
				s.setString(6, id);
				s.executeUpdate();
			}
			String ofCandidate = " WHERE REGISTRATION_ID IN (SELECT ID FROM CQP.REGISTRATION WHERE CANDIDATE_ID = ?)"; //$NON-NLS-1$
			for (String[] texts : PERSONAL_TEXTS) {
				String set = String.join(", ", Arrays.stream(texts[1].split(", ")).map(t -> t + " = NULL").toList()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				try (PreparedStatement s = c.prepareStatement("UPDATE CQP." + texts[0] + " SET " + set + ofCandidate)) { //$NON-NLS-1$ //$NON-NLS-2$
					s.setString(1, id);
					s.executeUpdate();
				}
			}
			try (PreparedStatement s = c.prepareStatement("UPDATE CQP.REGISTRATION SET VERSION = VERSION + 1, UPDATED_BY = ?, " //$NON-NLS-1$
					+ "UPDATED_AT = ? WHERE CANDIDATE_ID = ?")) { //$NON-NLS-1$
				s.setString(1, user);
				setTime(s, 2, now);
				s.setString(3, id);
				s.executeUpdate();
			}
			recordPersonalData(c, now, id, "ERASED", why); //$NON-NLS-1$
		}

		@Override
		public PersonalData personalData(String id) throws CqpException {
			requireAdministrator();
			return Jdbc.read(data, c -> {
				if (!Jdbc.exists(c, "SELECT 1 FROM CANDIDATE WHERE ID = ?", id)) { //$NON-NLS-1$
					throw new CqpException(NLS.bind(Messages.Store_unknownCandidate, id, data.location()));
				}
				return new PersonalData(id, PersonalRows.read(c, id));
			});
		}

		@Override
		public void recordPersonalDataExport(String id) throws CqpException {
			requireAdministrator();
			Jdbc.transaction(data, c -> {
				recordPersonalData(c, Instant.now(), id, "EXPORTED", "exported"); //$NON-NLS-1$ //$NON-NLS-2$
				return null;
			});
		}

		/** Records in the audit trail what was done with the candidate's personal data ({@code item}), and why. */
		private void recordPersonalData(Connection c, Instant now, String id, String item, String why) throws SQLException {
			try (PreparedStatement s = c.prepareStatement("INSERT INTO CQP.AUDIT_TRAIL (CHANGED_AT, CHANGED_BY, CANDIDATE_ID, " //$NON-NLS-1$
					+ "SUBJECT, ITEM, AFTER_VALUE) VALUES (?, ?, ?, 'PERSONAL_DATA', ?, ?)")) { //$NON-NLS-1$
				setTime(s, 1, now);
				s.setString(2, user);
				s.setString(3, id);
				s.setString(4, item);
				s.setString(5, why);
				s.executeUpdate();
			}
		}

		@Override
		public Optional<Versioned<Candidate>> find(String id) throws CqpException {
			return Optional.ofNullable(Jdbc.read(data, c -> reader(c).candidate(id)));
		}

		@Override
		public Optional<Versioned<Candidate>> findByIdentity(String lastName, String firstName, LocalDate birthDate)
				throws CqpException {
			return Jdbc.read(data, c -> {
				try (PreparedStatement s = c.prepareStatement("SELECT ID FROM CANDIDATE WHERE MATCH_KEY = ?")) { //$NON-NLS-1$
					s.setString(1, Identity.candidateKey(lastName, firstName, birthDate));
					try (ResultSet r = s.executeQuery()) {
						return r.next() ? Optional.of(reader(c).candidate(r.getString(1))) : Optional.empty();
					}
				}
			});
		}

		@Override
		public Optional<String> knownId(String lastName, String firstName, LocalDate birthDate) throws CqpException {
			// those who see every candidate read the table; the others ask the owner's routine
			String query = role.seesAll() ? "SELECT ID FROM " + StoreSettings.OWNER + ".CANDIDATE WHERE MATCH_KEY = ?" //$NON-NLS-1$ //$NON-NLS-2$
					: "VALUES " + StoreSettings.OWNER + '.' + AccessRules.KNOWN_CANDIDATE + "(?)"; //$NON-NLS-1$ //$NON-NLS-2$
			return Jdbc.read(data, c -> {
				try (PreparedStatement s = c.prepareStatement(query)) {
					s.setString(1, Identity.candidateKey(lastName, firstName, birthDate));
					try (ResultSet r = s.executeQuery()) {
						return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
					}
				}
			});
		}

		@Override
		public Versioned<Candidate> create(Candidate candidate) throws CqpException {
			if (candidate.getId() == null) {
				candidate.setId(Identity.newId("C")); //$NON-NLS-1$
			}
			return Jdbc.transaction(data, c -> {
				try (DossierWriter writer = writer(c)) {
					writer.candidate(candidate, 1);
					writer.flush();
				} catch (SQLException e) {
					refuseDuplicate(e, NLS.bind(Messages.Store_duplicateCandidate, name(candidate)));
				}
				return new Versioned<>(candidate, 1, user, Instant.now());
			});
		}

		@Override
		public Versioned<Candidate> save(Versioned<Candidate> edited) throws CqpException {
			Candidate candidate = edited.value();
			return DerbyDossierStore.this.save("CANDIDATE", "ID", candidate.getId(), label(candidate), edited, //$NON-NLS-1$ //$NON-NLS-2$
					identity(candidate));
		}

		/** Writes the identity of {@code candidate}. */
		Save identity(Candidate candidate) {
			return (c, writer, reader) -> {
				Candidate stored = reader.candidate(candidate.getId()).value();
				String parts = Changes.between(stored, candidate, List.of(DossierPackage.Literals.CANDIDATE__REGISTRATIONS));
				try (PreparedStatement s = c.prepareStatement(
						"UPDATE CQP.CANDIDATE SET LAST_NAME = ?, FIRST_NAME = ?, BIRTH_DATE = ?, EMAIL = ?, COMPANY_ID = ?, MATCH_KEY = ? WHERE ID = ?")) { //$NON-NLS-1$
					s.setString(1, candidate.getLastName());
					s.setString(2, candidate.getFirstName());
					setDay(s, 3, candidate.getBirthDate());
					setString(s, 4, candidate.getEmail());
					setString(s, 5, candidate.getCompany() == null ? null : candidate.getCompany().getId());
					s.setString(6, Identity.candidateKey(candidate.getLastName(), candidate.getFirstName(),
							candidate.getBirthDate()));
					s.setString(7, candidate.getId());
					s.executeUpdate();
				} catch (SQLException e) {
					refuseDuplicate(e, NLS.bind(Messages.Store_duplicateCandidate, name(candidate)));
				}
				return parts;
			};
		}

		@Override
		public List<Versioned<Candidate>> search(String text, int limit) throws CqpException {
			String key = Identity.normalize(text);
			return Jdbc.read(data, c -> {
				List<String> ids = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement(
						"SELECT ID FROM CANDIDATE WHERE MATCH_KEY LIKE ? OR MATCH_KEY LIKE ? ORDER BY LAST_NAME, FIRST_NAME, ID FETCH FIRST ? ROWS ONLY")) { //$NON-NLS-1$
					s.setString(1, key + '%');
					s.setString(2, "%|" + key + '%'); //$NON-NLS-1$
					s.setInt(3, limit);
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							ids.add(r.getString(1));
						}
					}
				}
				DossierReader reader = reader(c);
				List<Versioned<Candidate>> found = new ArrayList<>();
				for (String id : ids) {
					found.add(reader.candidate(id));
				}
				return found;
			});
		}

		@Override
		public int count() throws CqpException {
			return DerbyDossierStore.this.count("CANDIDATE"); //$NON-NLS-1$
		}
	}

	private int count(String table) throws CqpException {
		return Jdbc.read(data, c -> {
			try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) { //$NON-NLS-1$
				r.next();
				return Integer.valueOf(r.getInt(1));
			}
		}).intValue();
	}

	private final class Registrations implements RegistrationRepository {

		private static final String SUMMARY = "SELECT R.ID, C.ID, C.LAST_NAME, C.FIRST_NAME, C.BIRTH_DATE, R.CERTIFICATION_CODE, R.REGISTRATION_DATE, R.ROUTE, R.TRAINING_BODY_CODE, E.NAME " //$NON-NLS-1$
				+ "FROM REGISTRATION R JOIN CANDIDATE C ON C.ID = R.CANDIDATE_ID LEFT JOIN COMPANY E ON E.ID = R.COMPANY_ID "; //$NON-NLS-1$

		@Override
		public Optional<Versioned<Registration>> find(String id) throws CqpException {
			return Optional.ofNullable(remember(Jdbc.read(data, c -> reader(c).registration(id, true))));
		}

		/**
		 * Registrations as they were read or saved, by id, with their version: what a save
		 * compares the edited one with to name the parts it changes, without reading it again.
		 * The save's version check proves the database still holds that version, and a version's
		 * content never changes (any change takes a new one).
		 */
		private final Map<String, Versioned<Registration>> asRead = Collections
				.synchronizedMap(new LinkedHashMap<String, Versioned<Registration>>(16, 0.75f, true) {
					private static final long serialVersionUID = 1L;

					@Override
					protected boolean removeEldestEntry(Map.Entry<String, Versioned<Registration>> eldest) {
						return size() > 64;
					}
				});

		/** Keeps a copy of {@code read} (as it is now, before anyone edits it) for its next save. */
		private Versioned<Registration> remember(Versioned<Registration> read) {
			if (read != null) {
				asRead.put(read.value().getId(), new Versioned<>(EcoreUtil.copy(read.value()), read.version(),
						read.updatedBy(), read.updatedAt()));
			}
			return read;
		}

		/** The registration at {@code version} as read or saved here, or read from the database. */
		private Registration stored(DossierReader reader, String id, int version) throws SQLException, CqpException {
			Versioned<Registration> known = asRead.get(id);
			if (known != null && known.version() == version) {
				return known.value();
			}
			return reader.registration(id, true).value();
		}

		@Override
		public Versioned<Registration> create(String candidateId, Registration registration) throws CqpException {
			if (registration.getId() == null) {
				registration.setId(Identity.newId("R")); //$NON-NLS-1$
			}
			return Jdbc.transaction(data, c -> {
				try (DossierWriter writer = writer(c)) {
					writer.registration(registration, candidateId, 1);
					writer.flush();
				} catch (SQLException e) {
					refuseDuplicate(e, NLS.bind(Messages.Store_duplicateRegistration, label(registration)));
				}
				Statistics.refresh(c, List.of(registration.getId()));
				return new Versioned<>(registration, 1, user, Instant.now());
			});
		}

		@Override
		public Versioned<Registration> save(Versioned<Registration> edited) throws CqpException {
			Registration registration = edited.value();
			Versioned<Registration> saved = DerbyDossierStore.this.save("REGISTRATION", "ID", registration.getId(), label(registration), edited, //$NON-NLS-1$ //$NON-NLS-2$
					booklets(edited));
			return remember(saved);
		}

		@Override
		public Optional<CandidateDossier> dossier(String id) throws CqpException {
			return Optional.ofNullable(Jdbc.read(data, c -> {
				DossierReader reader = reader(c);
				Versioned<Registration> registration = reader.registration(id, true);
				if (registration == null) {
					return null;
				}
				remember(registration);
				Candidate candidate = (Candidate) registration.value().eContainer();
				return new CandidateDossier(reader.candidate(candidate.getId()), registration);
			}));
		}

		@Override
		public CandidateDossier save(CandidateDossier edited) throws CqpException {
			Candidate candidate = edited.candidate().value();
			Registration registration = edited.registration().value();
			CandidateDossier saved = Jdbc.transaction(data, c -> {
				Instant now = Instant.now();
				Versioned<Candidate> savedCandidate = saveIn(c, now, "CANDIDATE", "ID", candidate.getId(), label(candidate), //$NON-NLS-1$ //$NON-NLS-2$
						edited.candidate(), candidates.identity(candidate));
				Versioned<Registration> savedRegistration = saveIn(c, now, "REGISTRATION", "ID", registration.getId(), //$NON-NLS-1$ //$NON-NLS-2$
						label(registration), edited.registration(), booklets(edited.registration()));
				return new CandidateDossier(savedCandidate, savedRegistration);
			});
			remember(saved.registration());
			return saved;
		}

		/** What the header of a registration says, to know whether it changed. */
		private static List<Object> header(Registration registration) {
			return Arrays.asList(registration.getCertification() == null ? null : registration.getCertification().getCode(),
					registration.getReferentialVersion(), registration.getDate(), registration.getRoute(),
					registration.getCompany() == null ? null : registration.getCompany().getId(),
					registration.getTrainingBody() == null ? null : registration.getTrainingBody().getCode(),
					Boolean.valueOf(registration.getTrainingPath() != null));
		}

		private void updateHeader(Connection c, Registration registration) throws SQLException, CqpException {
			try (PreparedStatement s = c.prepareStatement(
					"UPDATE CQP.REGISTRATION SET CERTIFICATION_CODE = ?, REFERENTIAL_VERSION = ?, REGISTRATION_DATE = ?, ROUTE = ?, COMPANY_ID = ?, TRAINING_BODY_CODE = ?, HAS_TRAINING_PATH = ? WHERE ID = ?")) { //$NON-NLS-1$
				s.setString(1, registration.getCertification().getCode());
				setString(s, 2, registration.getReferentialVersion());
				setDay(s, 3, registration.getDate());
				s.setString(4, registration.getRoute().getName());
				setString(s, 5, registration.getCompany() == null ? null : registration.getCompany().getId());
				setString(s, 6, registration.getTrainingBody() == null ? null : registration.getTrainingBody().getCode());
				s.setBoolean(7, registration.getTrainingPath() != null);
				s.setString(8, registration.getId());
				s.executeUpdate();
			} catch (SQLException e) {
				refuseDuplicate(e, NLS.bind(Messages.Store_duplicateRegistration, label(registration)));
			}
		}

		/** Writes the header of {@code registration} and its booklets. */
		private Save booklets(Versioned<Registration> edited) {
			Registration registration = edited.value();
			return (c, writer, reader) -> {
				Registration stored = stored(reader, registration.getId(), edited.version());
				String parts = Changes.between(stored, registration, List.of());
				if (!header(stored).equals(header(registration))) {
					// an evaluator, who fills booklets only, never gets here
					updateHeader(c, registration);
				}
				writer.deleteBooklets(registration.getId());
				writer.booklets(registration);
				return parts;
			};
		}

		@Override
		public List<RegistrationSummary> ofCandidate(String candidateId) throws CqpException {
			return summaries(SUMMARY + "WHERE R.CANDIDATE_ID = ? ORDER BY R.REGISTRATION_DATE, R.ID", candidateId); //$NON-NLS-1$
		}

		@Override
		public List<RegistrationSummary> ofTrainingBody(String trainingBodyCode) throws CqpException {
			return summaries(SUMMARY + "WHERE R.TRAINING_BODY_CODE = ? ORDER BY C.LAST_NAME, C.FIRST_NAME, R.REGISTRATION_DATE, R.ID", //$NON-NLS-1$
					trainingBodyCode);
		}

		/** A prefix of a name for LIKE, its wildcards taken literally. */
		private static String prefix(String name) {
			String text = name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT); //$NON-NLS-1$
			return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + '%'; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		}

		private static final String NAMED = "(UPPER(C.LAST_NAME) LIKE ? ESCAPE '\\' OR UPPER(C.FIRST_NAME) LIKE ? ESCAPE '\\')"; //$NON-NLS-1$

		@Override
		public List<RegistrationGroup> groups(String name) throws CqpException {
			String sql = "SELECT R.TRAINING_BODY_CODE, T.NAME, R.CERTIFICATION_CODE, COUNT(*) FROM REGISTRATION R " //$NON-NLS-1$
					+ "JOIN CANDIDATE C ON C.ID = R.CANDIDATE_ID LEFT JOIN TRAINING_BODY T ON T.CODE = R.TRAINING_BODY_CODE " //$NON-NLS-1$
					+ "WHERE " + NAMED + " GROUP BY R.TRAINING_BODY_CODE, T.NAME, R.CERTIFICATION_CODE"; //$NON-NLS-1$ //$NON-NLS-2$
			List<RegistrationGroup> groups = Jdbc.read(data, c -> {
				List<RegistrationGroup> list = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement(sql)) {
					s.setString(1, prefix(name));
					s.setString(2, prefix(name));
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							list.add(new RegistrationGroup(r.getString(1), r.getString(2), r.getString(3), r.getInt(4)));
						}
					}
				}
				return list;
			});
			java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.FRENCH);
			List<RegistrationGroup> sorted = new ArrayList<>(groups);
			sorted.sort(Comparator.comparing((RegistrationGroup g) -> g.trainingBodyCode() == null)
					.thenComparing(g -> g.trainingBodyName() == null ? String.valueOf(g.trainingBodyCode()) : g.trainingBodyName(), collator)
					.thenComparing(g -> String.valueOf(g.trainingBodyCode())).thenComparing(RegistrationGroup::certificationCode));
			return sorted;
		}

		@Override
		public List<RegistrationSummary> page(String trainingBodyCode, String certificationCode, String name, int offset,
				int limit) throws CqpException {
			String sql = SUMMARY + "WHERE " + (trainingBodyCode == null ? "R.TRAINING_BODY_CODE IS NULL" : "R.TRAINING_BODY_CODE = ?") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ " AND R.CERTIFICATION_CODE = ? AND " + NAMED //$NON-NLS-1$
					+ " ORDER BY C.LAST_NAME, C.FIRST_NAME, R.REGISTRATION_DATE, R.ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"; //$NON-NLS-1$
			return Jdbc.read(data, c -> {
				List<RegistrationSummary> list = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement(sql)) {
					int i = 1;
					if (trainingBodyCode != null) {
						s.setString(i++, trainingBodyCode);
					}
					s.setString(i++, certificationCode);
					s.setString(i++, prefix(name));
					s.setString(i++, prefix(name));
					s.setInt(i++, Math.max(0, offset));
					s.setInt(i, Math.max(1, limit));
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							list.add(summary(r));
						}
					}
				}
				return list;
			});
		}

		private static RegistrationSummary summary(ResultSet r) throws java.sql.SQLException {
			return new RegistrationSummary(r.getString(1), r.getString(2), r.getString(3), r.getString(4), Jdbc.day(r, 5),
					r.getString(6), Jdbc.day(r, 7), Route.get(r.getString(8)), r.getString(9), r.getString(10));
		}

		private List<RegistrationSummary> summaries(String sql, String parameter) throws CqpException {
			return Jdbc.read(data, c -> {
				List<RegistrationSummary> list = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement(sql)) {
					s.setString(1, parameter);
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							list.add(summary(r));
						}
					}
				}
				return list;
			});
		}

		@Override
		public int count() throws CqpException {
			return DerbyDossierStore.this.count("REGISTRATION"); //$NON-NLS-1$
		}
	}

	private final class Juries implements JuryRepository {

		@Override
		public Optional<Versioned<JurySession>> find(String id) throws CqpException {
			return Optional.ofNullable(Jdbc.read(data, c -> reader(c).session(id)));
		}

		@Override
		public List<String> between(LocalDate from, LocalDate to) throws CqpException {
			return Jdbc.read(data, c -> {
				List<String> ids = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement(
						"SELECT ID FROM JURY_SESSION WHERE SESSION_DATE BETWEEN ? AND ? ORDER BY SESSION_DATE, ID")) { //$NON-NLS-1$
					setDay(s, 1, from);
					setDay(s, 2, to);
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							ids.add(r.getString(1));
						}
					}
				}
				return ids;
			});
		}

		@Override
		public Map<String, Certificate> issueCertificates(String id) throws CqpException {
			return Jdbc.transaction(data, c -> {
				Instant now = Instant.now();
				Versioned<JurySession> session = reader(c).session(id);
				if (session == null) {
					throw new CqpException(NLS.bind(Messages.Store_noSession, id));
				}
				LocalDate day = session.value().getDate();
				Map<String, Certificate> issued = new LinkedHashMap<>();
				Map<String, AuditedFacts.Facts> before = AuditedFacts.read(c, AuditedFacts.ofSession(c, id));
				try (DossierWriter writer = new DossierWriter(c, user, now)) {
					for (JuryDecision decision : session.value().getDecisions()) {
						Certificate certificate = issue(c, writer, now, decision.getRegistration(), day);
						if (certificate != null) {
							issued.put(decision.getRegistration().getId(), certificate);
						}
					}
					writer.flush();
				}
				Statistics.refresh(c, before.keySet());
				AuditedFacts.record(c, user, now, before, AuditedFacts.read(c, before.keySet()));
				return issued;
			});
		}

		/**
		 * The certificate the juries up to {@code day} give {@code registration}, issued unless it
		 * already was; {@code null} when no domain is acquired (a refusal gives nothing).
		 */
		private Certificate issue(Connection c, DossierWriter writer, Instant now, Registration registration, LocalDate day)
				throws SQLException, CqpException {
			String id = registration.getId();
			Certificate current = reader(c).certificate(id);
			if (current != null && day.equals(current.getDate())) {
				return current;
			}
			Certification certification = registration.getCertification();
			RuleSet rules = RuleBook.of(registration).at(day).orElseThrow(
					() -> new CqpException(NLS.bind(Messages.Store_noRulesForAward, label(registration), day)));
			List<Awards.Ruling<String>> rulings = new ArrayList<>();
			try (PreparedStatement s = c.prepareStatement("SELECT S.SESSION_DATE, D.DOMAIN_CODE, D.ACQUIRED FROM DOMAIN_DECISION D " //$NON-NLS-1$
					+ "JOIN JURY_SESSION S ON S.ID = D.SESSION_ID WHERE D.REGISTRATION_ID = ?")) { //$NON-NLS-1$
				s.setString(1, id);
				try (ResultSet r = s.executeQuery()) {
					while (r.next()) {
						rulings.add(new Awards.Ruling<>(r.getDate(1).toLocalDate(), r.getString(2), r.getBoolean(3)));
					}
				}
			}
			Set<String> acquired = Awards.acquired(rulings, day, rules.getPartialValidityYears(), false).keySet();
			if (acquired.isEmpty()) {
				return null;
			}
			boolean full = !certification.getDomains().isEmpty() && certification.getDomains().stream()
					.allMatch(u -> acquired.contains(u.getDomain().getCode()));
			String prefix = certification.getCode() + '-' + day.getYear();
			Certificate certificate = DossierFactory.eINSTANCE.createCertificate();
			certificate.setNumber(String.format("%s-%s%05d", prefix, full ? "" : "P", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					Integer.valueOf(nextNumber(c, prefix))));
			certificate.setDate(day);
			certificate.setFull(full);
			certificate.setBonusPoints(full ? rules.getBonusPoints() : 0);
			// the certificate held until now goes to the history, never overwritten
			try (PreparedStatement s = c.prepareStatement("INSERT INTO CQP.CERTIFICATE_HISTORY (REGISTRATION_ID, SEQ, CERTIFICATE_NUMBER, ISSUE_DATE, FULL_AWARD, BONUS_POINTS) " //$NON-NLS-1$
					+ "SELECT C.REGISTRATION_ID, (SELECT COALESCE(MAX(H.SEQ), 0) + 1 FROM CERTIFICATE_HISTORY H WHERE H.REGISTRATION_ID = C.REGISTRATION_ID), " //$NON-NLS-1$
					+ "C.CERTIFICATE_NUMBER, C.ISSUE_DATE, C.FULL_AWARD, C.BONUS_POINTS FROM CERTIFICATE C WHERE C.REGISTRATION_ID = ?")) { //$NON-NLS-1$
				s.setString(1, id);
				s.executeUpdate();
			}
			try (PreparedStatement s = c.prepareStatement("DELETE FROM CQP.CERTIFICATE WHERE REGISTRATION_ID = ?")) { //$NON-NLS-1$
				s.setString(1, id);
				s.executeUpdate();
			}
			writer.certificate(id, certificate);
			int version;
			try (PreparedStatement s = c.prepareStatement(
					"UPDATE CQP.REGISTRATION SET VERSION = VERSION + 1, UPDATED_BY = ?, UPDATED_AT = ? WHERE ID = ?")) { //$NON-NLS-1$
				s.setString(1, user);
				setTime(s, 2, now);
				s.setString(3, id);
				s.executeUpdate();
			}
			try (PreparedStatement s = c.prepareStatement("SELECT VERSION FROM REGISTRATION WHERE ID = ?")) { //$NON-NLS-1$
				s.setString(1, id);
				try (ResultSet r = s.executeQuery()) {
					r.next();
					version = r.getInt(1);
				}
			}
			writer.log("REGISTRATION", id, version, Changes.parts(DossierPackage.Literals.REGISTRATION__CERTIFICATE, //$NON-NLS-1$
					DossierPackage.Literals.REGISTRATION__CERTIFICATE_HISTORY));
			return certificate;
		}

		/**
		 * The next number of the sequence {@code prefix}, taken in this transaction (the row stays
		 * locked until it ends); a sequence not used yet starts after the highest number already
		 * given with this prefix (by an import or an earlier release).
		 */
		private int nextNumber(Connection c, String prefix) throws SQLException {
			Integer last = null;
			try (PreparedStatement s = c.prepareStatement(
					"SELECT LAST_NUMBER FROM CERTIFICATE_SEQUENCE WHERE PREFIX = ? FOR UPDATE")) { //$NON-NLS-1$
				s.setString(1, prefix);
				try (ResultSet r = s.executeQuery()) {
					if (r.next()) {
						last = Integer.valueOf(r.getInt(1));
					}
				}
			}
			if (last == null) {
				int highest = 0;
				try (PreparedStatement s = c.prepareStatement("SELECT CERTIFICATE_NUMBER FROM CERTIFICATE WHERE CERTIFICATE_NUMBER LIKE ? " //$NON-NLS-1$
						+ "UNION ALL SELECT CERTIFICATE_NUMBER FROM CERTIFICATE_HISTORY WHERE CERTIFICATE_NUMBER LIKE ?")) { //$NON-NLS-1$
					s.setString(1, prefix + "-%"); //$NON-NLS-1$
					s.setString(2, prefix + "-%"); //$NON-NLS-1$
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							String digits = r.getString(1).substring(prefix.length() + 1).replaceFirst("^P", ""); //$NON-NLS-1$ //$NON-NLS-2$
							if (digits.matches("[0-9]{1,9}")) { //$NON-NLS-1$
								highest = Math.max(highest, Integer.parseInt(digits));
							}
						}
					}
				}
				try (PreparedStatement s = c.prepareStatement("INSERT INTO CQP.CERTIFICATE_SEQUENCE (PREFIX, LAST_NUMBER) VALUES (?, ?)")) { //$NON-NLS-1$
					s.setString(1, prefix);
					s.setInt(2, highest);
					s.executeUpdate();
				}
				last = Integer.valueOf(highest);
			}
			int next = last.intValue() + 1;
			try (PreparedStatement s = c.prepareStatement("UPDATE CQP.CERTIFICATE_SEQUENCE SET LAST_NUMBER = ? WHERE PREFIX = ?")) { //$NON-NLS-1$
				s.setInt(1, next);
				s.setString(2, prefix);
				s.executeUpdate();
			}
			return next;
		}

		@Override
		public List<String> deciding(String registrationId) throws CqpException {
			return Jdbc.read(data, c -> {
				List<String> ids = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement("SELECT S.ID FROM JURY_DECISION D " //$NON-NLS-1$
						+ "JOIN JURY_SESSION S ON S.ID = D.SESSION_ID WHERE D.REGISTRATION_ID = ? ORDER BY S.SESSION_DATE, S.ID")) { //$NON-NLS-1$
					s.setString(1, registrationId);
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							ids.add(r.getString(1));
						}
					}
				}
				return ids;
			});
		}

		@Override
		public Versioned<JurySession> create(JurySession session) throws CqpException {
			if (session.getId() == null) {
				session.setId(Identity.newId("J")); //$NON-NLS-1$
			}
			return Jdbc.transaction(data, c -> {
				try (DossierWriter writer = writer(c)) {
					writer.session(session, 1);
					for (JuryDecision decision : session.getDecisions()) {
						writer.decision(decision);
					}
					writer.flush();
				} catch (SQLException e) {
					refuseDuplicate(e, NLS.bind(Messages.Store_duplicateSession, session.getId()));
				}
				Statistics.refresh(c, session.getDecisions().stream().map(d -> d.getRegistration().getId()).toList());
				return new Versioned<>(session, 1, user, Instant.now());
			});
		}

		@Override
		public Versioned<JurySession> save(Versioned<JurySession> edited) throws CqpException {
			JurySession session = edited.value();
			return DerbyDossierStore.this.save("JURY_SESSION", "ID", session.getId(), //$NON-NLS-1$ //$NON-NLS-2$
					NLS.bind(Messages.Store_sessionLabel, session.getId()), edited, (c, writer, reader) -> {
						JurySession stored = reader.session(session.getId()).value();
						String parts = Changes.between(stored, session, List.of());
						try (PreparedStatement s = c.prepareStatement(
								"UPDATE CQP.JURY_SESSION SET SESSION_DATE = ?, PLACE = ? WHERE ID = ?")) { //$NON-NLS-1$
							setDay(s, 1, session.getDate());
							setString(s, 2, session.getPlace());
							s.setString(3, session.getId());
							s.executeUpdate();
						}
						writer.deleteSessionContent(session.getId());
						writer.sessionContent(session, true);
						return parts;
					});
		}
	}

	private final class TrainingBodies implements TrainingBodyRepository {

		@Override
		public List<TrainingBody> list() throws CqpException {
			return Jdbc.read(data, c -> {
				List<String> codes = new ArrayList<>();
				try (Statement s = c.createStatement();
						ResultSet r = s.executeQuery("SELECT CODE FROM TRAINING_BODY ORDER BY NAME, CODE")) { //$NON-NLS-1$
					while (r.next()) {
						codes.add(r.getString(1));
					}
				}
				DossierReader reader = reader(c);
				List<TrainingBody> bodies = new ArrayList<>();
				for (String code : codes) {
					bodies.add(reader.trainingBody(code).value());
				}
				return bodies;
			});
		}

		@Override
		public Optional<Versioned<TrainingBody>> find(String code) throws CqpException {
			return Optional.ofNullable(Jdbc.read(data, c -> reader(c).trainingBody(code)));
		}

		@Override
		public Versioned<TrainingBody> create(TrainingBody body) throws CqpException {
			return Jdbc.transaction(data, c -> {
				try (DossierWriter writer = writer(c)) {
					writer.trainingBody(body, 1);
					writer.flush();
				} catch (SQLException e) {
					refuseDuplicate(e, NLS.bind(Messages.Store_duplicateTrainingBody, body.getCode()));
				}
				return new Versioned<>(body, 1, user, Instant.now());
			});
		}

		@Override
		public Versioned<TrainingBody> save(Versioned<TrainingBody> edited) throws CqpException {
			TrainingBody body = edited.value();
			return DerbyDossierStore.this.save("TRAINING_BODY", "CODE", body.getCode(),
					NLS.bind(Messages.Store_trainingBodyLabel, body.getName()), edited, //$NON-NLS-1$ //$NON-NLS-2$
					(c, writer, reader) -> {
						TrainingBody stored = reader.trainingBody(body.getCode()).value();
						String parts = Changes.between(stored, body, List.of());
						try (PreparedStatement s = c.prepareStatement(
								"UPDATE CQP.TRAINING_BODY SET NAME = ?, NOTE = ? WHERE CODE = ?")) { //$NON-NLS-1$
							s.setString(1, body.getName());
							setString(s, 2, body.getNote());
							s.setString(3, body.getCode());
							s.executeUpdate();
						}
						writer.deleteTrainingBodyDetails(body.getCode());
						writer.trainingBodyDetails(body);
						return parts;
					});
		}
	}

	private final class Companies implements CompanyRepository {

		@Override
		public List<Company> list() throws CqpException {
			return Jdbc.read(data, c -> {
				List<String> ids = new ArrayList<>();
				try (Statement s = c.createStatement();
						ResultSet r = s.executeQuery("SELECT ID FROM COMPANY ORDER BY NAME, CITY, ID")) { //$NON-NLS-1$
					while (r.next()) {
						ids.add(r.getString(1));
					}
				}
				DossierReader reader = reader(c);
				List<Company> list = new ArrayList<>();
				for (String id : ids) {
					list.add(reader.company(id).value());
				}
				return list;
			});
		}

		@Override
		public Optional<Versioned<Company>> find(String id) throws CqpException {
			return Optional.ofNullable(Jdbc.read(data, c -> reader(c).company(id)));
		}

		@Override
		public Optional<Versioned<Company>> findByName(String name, String city) throws CqpException {
			return Jdbc.read(data, c -> {
				try (PreparedStatement s = c.prepareStatement("SELECT ID FROM COMPANY WHERE MATCH_KEY = ?")) { //$NON-NLS-1$
					s.setString(1, Identity.companyKey(name, city));
					try (ResultSet r = s.executeQuery()) {
						return r.next() ? Optional.of(reader(c).company(r.getString(1))) : Optional.empty();
					}
				}
			});
		}

		@Override
		public Versioned<Company> create(Company company) throws CqpException {
			if (company.getId() == null) {
				company.setId(Identity.newId("E")); //$NON-NLS-1$
			}
			return Jdbc.transaction(data, c -> {
				try (DossierWriter writer = writer(c)) {
					writer.company(company, 1);
					writer.flush();
				} catch (SQLException e) {
					refuseDuplicate(e, NLS.bind(Messages.Store_duplicateCompany, company.getName()));
				}
				return new Versioned<>(company, 1, user, Instant.now());
			});
		}

		@Override
		public Versioned<Company> save(Versioned<Company> edited) throws CqpException {
			Company company = edited.value();
			return DerbyDossierStore.this.save("COMPANY", "ID", company.getId(),
					NLS.bind(Messages.Store_companyLabel, company.getName()), edited, //$NON-NLS-1$ //$NON-NLS-2$
					(c, writer, reader) -> {
						Company stored = reader.company(company.getId()).value();
						String parts = Changes.between(stored, company, List.of());
						try (PreparedStatement s = c.prepareStatement(
								"UPDATE CQP.COMPANY SET NAME = ?, CITY = ?, MATCH_KEY = ? WHERE ID = ?")) { //$NON-NLS-1$
							s.setString(1, company.getName());
							setString(s, 2, company.getCity());
							s.setString(3, Identity.companyKey(company.getName(), company.getCity()));
							s.setString(4, company.getId());
							s.executeUpdate();
						} catch (SQLException e) {
							refuseDuplicate(e, NLS.bind(Messages.Store_duplicateCompany, company.getName()));
						}
						return parts;
					});
		}
	}

	@Override
	public BulkLoader bulkLoader() throws CqpException {
		return new Loader();
	}

	/** Writes new dossiers in batches, in one transaction. */
	private final class Loader implements BulkLoader {

		private final Connection connection;
		private final DossierWriter writer;
		private boolean committed;

		Loader() throws CqpException {
			connection = data.connect();
			try {
				connection.setAutoCommit(false);
				writer = writer(connection);
			} catch (SQLException e) {
				closeQuietly();
				throw SqlErrors.failure(data.location(), e);
			}
		}

		@Override
		public void trainingBody(TrainingBody body) throws CqpException {
			run(() -> {
				try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM TRAINING_BODY WHERE CODE = ?")) { //$NON-NLS-1$
					s.setString(1, body.getCode());
					try (ResultSet r = s.executeQuery()) {
						if (r.next()) {
							writer.deleteTrainingBodyDetails(body.getCode());
							writer.trainingBodyDetails(body);
						} else {
							writer.trainingBody(body, 1);
						}
					}
				}
			});
		}

		@Override
		public void company(Company company) throws CqpException {
			run(() -> writer.company(company, 1));
		}

		@Override
		public void session(JurySession session) throws CqpException {
			run(() -> writer.session(session, 1));
		}

		@Override
		public void candidate(Candidate candidate) throws CqpException {
			run(() -> {
				writer.candidate(candidate, 1);
				for (Registration registration : candidate.getRegistrations()) {
					writer.registration(registration, candidate.getId(), 1);
				}
			});
		}

		@Override
		public void decision(JuryDecision decision) throws CqpException {
			run(() -> writer.decision(decision));
		}

		@Override
		public long rows() {
			return writer.rows();
		}

		@Override
		public void commit() throws CqpException {
			run(() -> {
				writer.flush();
				// a bulk load writes most of the branch: its counts are taken once, at the end
				Statistics.rebuild(connection);
				connection.commit();
			});
			committed = true;
		}

		@Override
		public void close() throws CqpException {
			if (!committed) {
				Jdbc.rollback(connection);
			}
			closeQuietly();
		}

		private void closeQuietly() {
			try {
				if (writer != null) {
					writer.close();
				}
				connection.close();
			} catch (SQLException ignored) {
				// closing after a failure: the failure is what matters
			}
		}

		private void run(SqlRunnable work) throws CqpException {
			try {
				work.run();
			} catch (SQLException e) {
				throw SqlErrors.failure(data.location(), e);
			}
		}
	}

	@FunctionalInterface
	private interface SqlRunnable {
		void run() throws SQLException;
	}

	@Override
	public ImportReport importRegistrations(RegistrationSource source) throws CqpException {
		return Jdbc.transaction(data, c -> {
			Map<String, String> versions = new HashMap<>();
			for (var certification : index.certifications()) {
				versions.put(certification.getCode(), ReferentialLibrary.referentialOf(certification).getVersion());
			}
			try (DossierWriter writer = writer(c)) {
				RegistrationImport importing = new RegistrationImport(c, writer, versions);
				try {
					source.forEach(row -> {
						try {
							importing.add(row);
						} catch (SQLException e) {
							throw new WriteFailure(e);
						}
					});
				} catch (WriteFailure e) {
					throw e.failure;
				}
				ImportReport report = importing.finish();
				if (importing.added() != null) {
					Statistics.refresh(c, importing.added());
				} else {
					// a large import adds most of what there is: counting everything once costs less
					Statistics.rebuild(c);
				}
				return report;
			}
		});
	}

	/** A failure of the database while rows are given, carried out of the giving. */
	private static final class WriteFailure extends RuntimeException {
		private static final long serialVersionUID = 1L;
		final transient SQLException failure;

		WriteFailure(SQLException failure) {
			super(failure);
			this.failure = failure;
		}
	}

	@Override
	public void exportRegistrations(Consumer<RegistrationRow> sink) throws CqpException {
		Jdbc.read(data, c -> {
			try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
					"SELECT C.ID, C.LAST_NAME, C.FIRST_NAME, C.BIRTH_DATE, C.EMAIL, E.NAME, E.CITY, R.CERTIFICATION_CODE, R.REGISTRATION_DATE, R.ROUTE, R.TRAINING_BODY_CODE, R.ID " //$NON-NLS-1$
							+ "FROM REGISTRATION R JOIN CANDIDATE C ON C.ID = R.CANDIDATE_ID LEFT JOIN COMPANY E ON E.ID = R.COMPANY_ID " //$NON-NLS-1$
							+ "ORDER BY C.LAST_NAME, C.FIRST_NAME, C.ID, R.REGISTRATION_DATE, R.ID")) { //$NON-NLS-1$
				while (r.next()) {
					sink.accept(new RegistrationRow(r.getString(1), r.getString(2), r.getString(3), Jdbc.day(r, 4),
							r.getString(5), r.getString(6), r.getString(7), r.getString(8), Jdbc.day(r, 9),
							Route.get(r.getString(10)), r.getString(11), r.getString(12)));
				}
			}
			return null;
		});
	}
}
