package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.IEvaluationService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.AuditTrail;
import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.PersonalDataExport;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.RegistrationInput;
import fr.mutualite.cqp.ui.RoleSourceProvider;
import fr.mutualite.cqp.ui.booklet.BookletEditor;
import fr.mutualite.cqp.ui.internal.AuditTrailView;
import fr.mutualite.cqp.ui.internal.DataHandlers;

/**
 * The application as each role sees it, over a database shared by the network server: the menus
 * a role may use and no other, a dossier and a booklet read only for a role that may not change
 * them, a candidate's change log shown and exported, and the "Données" menu's commands run through
 * the application (personal data, exchange packages, retention).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolesTest {

	private static final char[] OWNER_PASSWORD = "proprietaire-roles".toCharArray();
	private static final Map<String, char[]> PASSWORDS = Map.of("alice", "alice-administratrice".toCharArray(), "olga",
			"olga-analyste-oemm".toCharArray(), "tb", "organisme-de-formation".toCharArray(), "jules",
			"jules-secretaire-jury".toCharArray(), "eve", "eve-evaluatrice".toCharArray());
	private static final LocalDate LATE = LocalDate.of(2045, 1, 1);

	@TempDir
	static Path tmp;
	private static DossierStoreFactory factory;
	private static Databases.Server server;
	private static CurrentDatabase database;
	private static IWorkbenchPage page;
	private static BranchGenerator branch;
	/** A registration with a final evaluation, its training body, and another body. */
	private static Registration followed;
	private static String otherBody;

	@BeforeAll
	static void aBranchSharedByTheNetworkServerWithAUserPerRole() throws Exception {
		factory = Databases.factory();
		server = Databases.start(tmp.resolve("branche"), OWNER_PASSWORD);
		branch = new BranchGenerator(ReferentialLibrary.shipped(), 17, LocalDate.of(2026, 6, 30)).keep();
		try (DossierStore owner = factory.open(settings(StoreSettings.OWNER, OWNER_PASSWORD), ReferentialLibrary.shipped(),
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					// the tests' database
				}); BulkLoader loader = owner.bulkLoader()) {
			branch.generate(40, BranchGenerator.into(loader));
			loader.commit();
			followed = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
					.filter(r -> r.getFinalEvaluation() != null && !r.getFinalEvaluation().getDomains().isEmpty()
							&& r.getTrainingBody() != null && Booklets.of(r, BookletKind.FINAL_EVALUATION).isPresent())
					.findFirst().orElseThrow();
			Candidate candidate = (Candidate) followed.eContainer();
			otherBody = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
					.filter(r -> r.getTrainingBody() != null).map(r -> r.getTrainingBody().getCode())
					.filter(code -> candidate.getRegistrations().stream()
							.noneMatch(r -> r.getTrainingBody() != null && r.getTrainingBody().getCode().equals(code)))
					.findFirst().orElseThrow();
		}
		try (DossierStore owner = factory.open(settings(StoreSettings.OWNER, OWNER_PASSWORD), ReferentialLibrary.shipped(),
				DossierStoreFactory.Opening.EXISTING, notice -> {
					// the tests' database
				})) {
			owner.users().add("alice", PASSWORDS.get("alice"), Role.ADMIN, null);
			owner.users().add("olga", PASSWORDS.get("olga"), Role.ANALYST, null);
			owner.users().add("tb", PASSWORDS.get("tb"), Role.TRAINING_BODY, otherBody);
			owner.users().add("jules", PASSWORDS.get("jules"), Role.JURY, null);
			owner.users().add("eve", PASSWORDS.get("eve"), Role.EVALUATOR, null);
		}
		database = PlatformUI.getWorkbench().getService(CurrentDatabase.class);
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterAll
	static void backToNoDatabase() throws Exception {
		page.closeAllEditors(false);
		WorkbenchWindowTest.flush();
		DatabaseChoice.reset();
		database.reopen();
		WorkbenchWindowTest.flush();
		server.server().stop();
	}

	private static StoreSettings settings(String user, char[] password) {
		return server.settings(user, password);
	}

	/** The application's database opened by {@code user}, as the preferences and the password prompt would. */
	private static DossierStore login(String user) throws CqpException {
		page.closeAllEditors(false);
		WorkbenchWindowTest.flush();
		DatabaseChoice.write(settings(user, null), factory);
		database.reopen();
		DossierStore store = database.store(Databases.password(PASSWORDS.get(user)));
		IEvaluationService evaluation = PlatformUI.getWorkbench().getService(IEvaluationService.class);
		WorkbenchWindowTest.waitUntil(() -> Boolean.valueOf(store.role().registers())
				.equals(evaluation.getCurrentState().getVariable(RoleSourceProvider.REGISTERS))
				&& Boolean.valueOf(store.role().decides()).equals(evaluation.getCurrentState().getVariable(RoleSourceProvider.DECIDES)));
		// what the reopening told the views too
		WorkbenchWindowTest.flush();
		return store;
	}

	/** The items of the main menu titled {@code title}. */
	private static List<String> menu(String title) {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		Menu menu = Arrays.stream(shell.getMenuBar().getItems()).filter(i -> i.getText().equals(title)).map(MenuItem::getMenu)
				.findFirst().orElseThrow(() -> new AssertionError("no menu " + title + " in " + Arrays.stream(shell.getMenuBar()
						.getItems()).map(MenuItem::getText).toList() + " for " + database.role()));
		return WorkbenchWindowTest.items(menu);
	}

	private static final List<String> REFERENTIAL_ALL = List.of("Rattacher un domaine partagé…",
			"Rattacher une compétence partagée…", "Nouvelle version…", "Comparer avec une autre version…",
			"Exporter au format CASE…", "Importer un fichier CASE…", "Diagramme des référentiels",
			"Tableau croisé des certifications", "Cohérence des libellés");
	private static final List<String> REFERENTIAL_READ = List.of("Comparer avec une autre version…", "Exporter au format CASE…",
			"Diagramme des référentiels", "Tableau croisé des certifications", "Cohérence des libellés");
	private static final List<String> DATA_ALL = List.of("Journal des modifications", "Données personnelles du candidat sélectionné…",
			"Effacer les données personnelles du candidat sélectionné…",
			"Appliquer la durée de conservation…", "Envoyer un paquet d’échange…", "Recevoir un paquet d’échange…");

	private static final String CANDIDATES = "Candidats et livrets", LOG = "Journal des modifications";

	@Test
	@Order(1)
	void eachRoleSeesTheCommandsItMayUseAndNoOther() throws Exception {
		Map<String, List<List<String>>> seen = new TreeMap<>();
		for (String user : List.of("alice", "olga", "tb", "jules", "eve")) {
			login(user);
			seen.put(user, List.of(menu("&Référentiel"), menu("&Dossiers"), menu("D&onnées")));
		}
		Map<String, List<List<String>>> expected = new TreeMap<>(Map.of(
				"alice", List.of(REFERENTIAL_ALL, List.of(CANDIDATES, "Nouveau candidat…", "Nouvelle session de jury", "Sessions de jury…"),
						DATA_ALL),
				"olga", List.of(REFERENTIAL_READ, List.of(CANDIDATES, "Sessions de jury…"), List.of(LOG)),
				"tb", List.of(REFERENTIAL_READ, List.of(CANDIDATES, "Nouveau candidat…"), List.of(LOG, "Envoyer un paquet d’échange…")),
				"jules", List.of(REFERENTIAL_READ, List.of(CANDIDATES, "Nouvelle session de jury", "Sessions de jury…"), List.of(LOG)),
				"eve", List.of(REFERENTIAL_READ, List.of(CANDIDATES), List.of(LOG))));
		assertEquals(expected, seen);
		// while no database is open, the role is unknown: everything is shown, the database says no
		page.closeAllEditors(false);
		DatabaseChoice.reset();
		database.reopen();
		WorkbenchWindowTest.waitUntil(() -> Boolean.TRUE.equals(PlatformUI.getWorkbench().getService(IEvaluationService.class)
				.getCurrentState().getVariable(RoleSourceProvider.ADMINISTERS)));
		assertEquals(List.of(REFERENTIAL_ALL, DATA_ALL), List.of(menu("&Référentiel"), menu("D&onnées")));
	}

	@Test
	@Order(2)
	void anAnalystReadsADossierAndABookletWithoutChangingThemAnAdministratorChangesThem() throws Exception {
		login("olga");
		BookletEditor dossier = open(null);
		assertEquals("En lecture seule : votre rôle (analyste de l'OEMM) ne permet pas de modifier ce que montre cette page.",
				readOnlySentence(dossier));
		assertEquals(List.of(), editableTexts(dossier));
		assertEquals(List.of("printCertificate", "printDecisions"), visibleButtons(dossier));
		BookletEditor finale = open(BookletKind.FINAL_EVALUATION);
		assertEquals(readOnlySentence(dossier), readOnlySentence(finale));
		assertEquals(List.of(), editableTexts(finale));
		assertEquals(List.of("print"), visibleButtons(finale));

		login("alice");
		dossier = open(null);
		assertEquals(null, readOnlySentence(dossier));
		assertTrue(editableTexts(dossier).containsAll(List.of("lastName", "firstName", "email")), editableTexts(dossier).toString());
		finale = open(BookletKind.FINAL_EVALUATION);
		assertTrue(visibleButtons(finale).size() > 1, "declaring complete and signing are offered: " + visibleButtons(finale));
	}

	@Test
	@Order(3)
	void theChangeLogOfACandidateIsShownAndExportedAsTheDatabaseRecordedItAndOtherBodiesSeeNone() throws Exception {
		DossierStore store = login("alice");
		Candidate candidate = (Candidate) followed.eContainer();
		Versioned<Registration> edited = store.registrations().find(followed.getId()).orElseThrow();
		FinalDomainEvaluation domain = edited.value().getFinalEvaluation().getDomains().get(0);
		String was = "mastered=" + domain.isMastered() + ";agreed=" + domain.isEvaluatorsAgree() + ";exercised="
				+ domain.isActivitiesExercised();
		domain.setMastered(!domain.isMastered());
		String now = "mastered=" + domain.isMastered() + ";agreed=" + domain.isEvaluatorsAgree() + ";exercised="
				+ domain.isActivitiesExercised();
		store.registrations().save(edited);

		AuditTrailView view = (AuditTrailView) page.showView(AuditTrailView.ID);
		String name = candidate.getFirstName() + ' ' + candidate.getLastName();
		view.show(candidate.getId(), name);
		waitFor(() -> view.heading().startsWith("Journal des modifications de"), view::heading);
		assertEquals("Journal des modifications de " + name + " : 1 ligne(s), les plus anciennes d'abord.", view.heading());
		assertEquals(1, view.lines().size());
		AuditTrail.Line line = view.lines().get(0);
		String item = "FINAL " + domain.getDomain().getCode();
		assertEquals(List.of("alice", "ALICE", followed.getId(), "EVALUATION", item, was, now),
				List.of(line.changedBy(), line.databaseUser(), line.registrationId(), line.subject(), line.item(), line.before(),
						line.after()));
		TableItem[] rows = view.getViewer().getTable().getItems();
		assertEquals(1, rows.length);
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			cells.add(rows[0].getText(i));
		}
		assertEquals(List.of(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault())
				.format(line.at()), "alice", followed.getId(), "Évaluation", item, was, now), cells);

		Path csv = tmp.resolve("journal.csv");
		view.exportCsv(csv).join();
		waitFor(() -> view.heading().startsWith("1 ligne"), view::heading);
		assertEquals("1 ligne(s) du journal enregistrée(s) dans " + csv + ".", view.heading());
		assertEquals("numero,date,par,utilisateur_base,inscription,sujet,element,avant,apres\r\n" + line.id() + ',' + line.at() + ','
				+ "alice" + ",ALICE," + followed.getId() + ",EVALUATION," + item + ',' + was + ',' + now
				+ "\r\n", Files.readString(csv, StandardCharsets.UTF_8));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));

		// a training body that does not follow the candidate: the database's refusal, nothing shown
		DossierStore other = login("tb");
		String refusal = assertThrows(CqpException.class, () -> other.auditTrail(candidate.getId())).getMessage();
		view.show(candidate.getId(), name);
		waitFor(() -> view.heading().equals(refusal), () -> view.heading() + " instead of " + refusal);
		assertEquals(List.of(), view.lines());
		assertEquals(0, view.getViewer().getTable().getItemCount());
	}

	@Test
	@Order(4)
	void personalDataAndExchangePackagesGoThroughTheDataMenusCommands() throws Exception {
		DossierStore store = login("alice");
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		ReportService reports = PlatformUI.getWorkbench().getService(ReportService.class);
		Candidate candidate = (Candidate) followed.eContainer();
		Path zip = tmp.resolve("personnel.zip");
		assertEquals("Les données personnelles du candidat " + candidate.getId() + " sont dans " + zip + ".",
				said(DataHandlers.personalData(shell, database, reports, candidate.getId(), zip), "Données personnelles d'un candidat"));
		try (ZipFile file = new ZipFile(zip.toFile())) {
			assertEquals(PersonalDataExport.JSON, file.entries().nextElement().getName());
		}

		String body = followed.getTrainingBody().getCode();
		long registrations = branch.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getTrainingBody() != null && r.getTrainingBody().getCode().equals(body)).count();
		Path pack = tmp.resolve("paquet.zip");
		assertEquals(registrations + " dossier(s) de l'organisme " + body + " sont dans le paquet " + pack + ".",
				said(DataHandlers.exchangeExport(shell, database, body, pack), "Envoyer un paquet d'échange"));
		assertEquals("Paquet de l'organisme " + body + " reçu : 0 candidat(s) et 0 inscription(s) ajoutés, 0 inscription(s) "
				+ "mise(s) à jour, " + registrations + " inchangée(s).",
				said(DataHandlers.exchangeReceive(shell, database, pack), "Recevoir un paquet d'échange"));
		assertEquals(40, store.candidates().count());

		// a candidate's personal data erased at their request: the name goes, the registrations stay
		Candidate other = branch.dossiers().getCandidates().stream().filter(c -> c != candidate).findFirst().orElseThrow();
		assertEquals("Données personnelles du candidat " + other.getId() + " effacées ; ses évaluations et décisions restent "
				+ "comptées dans les statistiques.", said(DataHandlers.erase(shell, database, other.getId()),
						"Effacer les données personnelles d'un candidat"));
		assertEquals(List.of("ANONYME", String.valueOf(other.getRegistrations().size())), List.of(
				store.candidates().find(other.getId()).orElseThrow().value().getLastName(),
				String.valueOf(store.registrations().ofCandidate(other.getId()).size())));

		// an analyst is refused by the database, in its sentence
		DossierStore analyst = login("olga");
		String refusal = assertThrows(CqpException.class,
				() -> PersonalDataExport.write(analyst, reports, candidate.getId(), tmp.resolve("refus.zip"))).getMessage();
		assertEquals(refusal, said(DataHandlers.personalData(shell, database, reports, candidate.getId(), tmp.resolve("refus.zip")),
				"Données personnelles d'un candidat"));
		assertTrue(Files.notExists(tmp.resolve("refus.zip")));
	}

	@Test
	@Order(5)
	void theRetentionRuleIsToldThenAppliedOnceConfirmed() throws Exception {
		DossierStore store = login("alice");
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		int candidates = store.candidates().count() - 1; // one erased already, at their request
		String question = candidates + " candidat(s) ont dépassé au " + LATE + " la durée de conservation ; leurs données "
				+ "personnelles seront effacées (les statistiques restent les mêmes). 0 candidat(s) sont conservés. Effacer maintenant ?";
		// declined: nothing erased
		assertEquals(question, said(DataHandlers.retention(shell, database, LATE), "Durée de conservation des données personnelles"));
		assertEquals(candidates, store.candidates().applyRetention(LATE, false).erased().size());
		assertEquals("Données personnelles de " + candidates + " candidat(s) effacées selon la durée de conservation au " + LATE + ".",
				said(DataHandlers.apply(shell, database, LATE), "Durée de conservation des données personnelles"));
		assertEquals("Au " + LATE + ", aucun candidat n'a dépassé la durée de conservation (0 candidat(s) conservé(s)).",
				said(DataHandlers.retention(shell, database, LATE), "Durée de conservation des données personnelles"));
	}

	/** Runs the event loop until {@code condition} holds (at most 60 s), else fails saying {@code what}. */
	private static void waitFor(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) {
		long end = System.currentTimeMillis() + 60_000;
		Display display = Display.getCurrent();
		while (!condition.getAsBoolean()) {
			assertTrue(System.currentTimeMillis() < end, what);
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}

	/**
	 * Waits for {@code job}, then for the dialog titled {@code title} it opens; closes it (declining
	 * a question) and returns what it said.
	 */
	private static String said(Job job, String title) throws InterruptedException {
		job.join();
		Display display = Display.getCurrent();
		String[] text = { null };
		Runnable closer = new Runnable() {
			@Override
			public void run() {
				for (Shell shell : display.getShells()) {
					if (title.equals(shell.getText()) && shell.isVisible()) {
						List<String> labels = new ArrayList<>();
						collect(shell, c -> c instanceof Label l && !l.getText().isEmpty(), labels, c -> ((Label) c).getText());
						text[0] = String.join("\n", labels);
						shell.close();
						return;
					}
				}
				display.timerExec(50, this);
			}
		};
		display.timerExec(50, closer);
		WorkbenchWindowTest.waitUntil(() -> text[0] != null);
		return text[0];
	}

	private static <T> void collect(Control control, Predicate<Control> which, List<T> found,
			java.util.function.Function<Control, T> value) {
		if (which.test(control)) {
			found.add(value.apply(control));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, which, found, value);
			}
		}
	}

	/** Opens the dossier ({@code kind} null) or a booklet of the followed registration. */
	private static BookletEditor open(BookletKind kind) throws Exception {
		RegistrationInput input = new RegistrationInput(followed.getId(), kind, "essai");
		BookletEditor editor = (BookletEditor) page.openEditor(input, input.editorId());
		WorkbenchWindowTest.flush();
		return editor;
	}

	/** What the editor says of its being read only, or null when it is not. */
	private static String readOnlySentence(BookletEditor editor) {
		List<String> found = new ArrayList<>();
		collect(editor.form(), c -> c instanceof Label && "readOnly".equals(c.getData("name")), found, c -> ((Label) c).getText());
		assertTrue(found.size() <= 1, found.toString());
		return found.isEmpty() ? null : found.get(0);
	}

	/** The features of the texts one may type in. */
	private static List<String> editableTexts(BookletEditor editor) {
		List<String> found = new ArrayList<>();
		collect(editor.form(), c -> c instanceof Text t && t.getEditable() && t.isVisible(), found,
				c -> String.valueOf(c.getData("feature")));
		return found;
	}

	/** The names of the push buttons shown, sorted. */
	private static List<String> visibleButtons(BookletEditor editor) {
		List<String> found = new ArrayList<>();
		collect(editor.form(), c -> c instanceof Button b && (b.getStyle() & SWT.PUSH) != 0 && b.getVisible(), found,
				c -> String.valueOf(c.getData("name")));
		return found.stream().sorted().toList();
	}
}
