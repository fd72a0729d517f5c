package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.Hyperlink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.dossier.BookletState;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.FinalEvaluation;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.JurySide;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.model.referential.ScaleLevel;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.RegistrationInput;
import fr.mutualite.cqp.ui.booklet.BookletEditor;
import fr.mutualite.cqp.ui.booklet.DossierEditor;
import fr.mutualite.cqp.ui.booklet.NewCandidateHandler;
import fr.mutualite.cqp.ui.booklet.finale.FinalEditor;
import fr.mutualite.cqp.ui.booklet.formation.TrainingEditor;
import fr.mutualite.cqp.ui.booklet.orientation.OrientationEditor;
import fr.mutualite.cqp.ui.booklet.tuteur.TutorEditor;
import fr.mutualite.cqp.ui.booklet.vae.VaeEditor;
import fr.mutualite.cqp.ui.jury.JuryEditor;
import fr.mutualite.cqp.ui.jury.JuryInput;
import fr.mutualite.cqp.ui.jury.SessionHandlers;

/**
 * A training body takes a candidate from registration through the orientation guide, training
 * modules, formative evaluations with a re-evaluation, and the tutor's grids and reviews, in the
 * application's windows, over a database shared by Derby's network server; once for the
 * individuels certification, once for a small certification of the tests' own (its referential
 * is a file of this bundle, its rules differ). Every expected figure comes from the rules of the
 * referential version the registration is pinned to. A second user saving the same dossier first
 * makes the application's save refused with their name, nothing typed being lost.
 */
class DossierEditorTest {

	private static final char[] OWNER_PASSWORD = "proprietaire-essai".toCharArray();
	private static final char[] MARIE_PASSWORD = "marie-formatrice".toCharArray();
	private static final LocalDate REGISTERED = LocalDate.of(2025, 9, 1);

	@TempDir
	static Path tmp;
	private static Databases.Server server;
	private static DossierStoreFactory factory;
	private static CurrentDatabase database;
	private static IWorkbenchPage page;
	private static Path testReferential;

	@BeforeAll
	static void aDatabaseSharedByTheNetworkServer() throws Exception {
		testReferential = DataFolder.referentials().resolve("tst.referentiel");
		Files.createDirectories(testReferential.getParent());
		try (InputStream in = FrameworkUtil.getBundle(DossierEditorTest.class).getEntry("data/tst.referentiel").openStream()) {
			Files.copy(in, testReferential, StandardCopyOption.REPLACE_EXISTING);
		}
		factory = Databases.factory();
		server = Databases.start(tmp.resolve("partagee"), OWNER_PASSWORD);
		try (DossierStore owner = owner()) {
			owner.users().add("marie", MARIE_PASSWORD, Role.ADMIN, null);
			assertEquals(0, owner.registrations().count());
		}
		DatabaseChoice.write(settings("marie", null), factory);
		database = PlatformUI.getWorkbench().getService(CurrentDatabase.class);
		database.reopen();
		database.store(Databases.password(MARIE_PASSWORD));
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterAll
	static void backToNoDatabase() throws Exception {
		page.closeAllEditors(false);
		WorkbenchWindowTest.flush();
		Files.deleteIfExists(testReferential);
		DatabaseChoice.reset();
		database.reopen();
		WorkbenchWindowTest.flush();
		server.server().stop();
	}

	private static StoreSettings settings(String user, char[] password) {
		return server.settings(user, password);
	}

	/** The database as its owner sees it: another user than the application's. */
	private static DossierStore owner() throws Exception {
		return factory.open(settings(StoreSettings.OWNER, OWNER_PASSWORD), ReferentialLibrary.withFolder(DataFolder.referentials()),
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					// the tests' database
				});
	}

	@Test
	void anIndividuelsCandidateGoesThroughEveryBookletOfTheTrainingPathAndAStaleSaveIsRefused() throws Exception {
		DossierEditor dossier = trainingPath("CMI", "Martin");
		String id = dossier.copy().registration().getId();

		// someone else saves the same dossier first, through the server
		try (DossierStore other = owner()) {
			var theirs = other.registrations().dossier(id).orElseThrow();
			theirs.candidate().value().setEmail("camille.martin@exemple.fr");
			other.registrations().save(theirs);
		}
		dossier.execute(SetCommand.create(dossier.domain(), dossier.copy().candidate(),
				DossierPackage.Literals.CANDIDATE__EMAIL, "mon.adresse@exemple.fr"));
		String[] said = answerDialog("Dossier modifié par quelqu'un d'autre", "Continuer la saisie");
		dossier.doSave(new NullProgressMonitor());
		assertTrue(said[0].startsWith("Enregistrement refusé : " + StoreSettings.OWNER + " a enregistré "), said[0]);
		assertTrue(said[0].contains(" (Courriel) après votre lecture du dossier"), said[0]);
		assertTrue(said[0].endsWith("Continuer la saisie garde la vôtre à l'écran."), said[0]);
		assertTrue(dossier.isDirty(), "what was typed is kept");
		assertEquals("mon.adresse@exemple.fr", dossier.copy().candidate().getEmail());

		answerDialog("Dossier modifié par quelqu'un d'autre", "Recharger le dossier");
		dossier.doSave(new NullProgressMonitor());
		WorkbenchWindowTest.flush();
		assertFalse(dossier.isDirty());
		assertEquals("camille.martin@exemple.fr", dossier.copy().candidate().getEmail(), "their version, read again");
	}

	@Test
	void theSameEditorsServeASecondCertificationWithNoCodeOfItsOwn() throws Exception {
		DossierEditor dossier = trainingPath("TST", "Petit");
		assertEquals(3, Booklets.of(dossier.copy().registration().getCertification()).size());
	}

	@Test
	void nouveauCandidatRefusesWhatIsMissingThenRegistersAndOpensTheDossier() throws Exception {
		ReferentialLibrary library = database.referentials();
		List<String> said = new ArrayList<>();
		Display display = Display.getCurrent();
		Runnable[] fill = { null };
		fill[0] = () -> {
			Shell shell = java.util.Arrays.stream(display.getShells())
					.filter(sh -> "Nouveau candidat".equals(sh.getText()) && sh.isVisible()).findFirst().orElse(null);
			if (shell == null) {
				display.timerExec(100, fill[0]);
				return;
			}
			Button create = (Button) findIn(shell, c -> c instanceof Button b && "Créer le dossier".equals(b.getText()));
			((Text) findIn(shell, c -> "firstName".equals(c.getData("name")))).setText("Inès");
			create.notifyListeners(SWT.Selection, new Event());
			said.add(((org.eclipse.jface.dialogs.TitleAreaDialog) shell.getData()).getErrorMessage());
			((Text) findIn(shell, c -> "lastName".equals(c.getData("name")))).setText("Nouvelle");
			((Text) findIn(shell, c -> "birthDate".equals(c.getData("name")))).setText("31/02/1990");
			create.notifyListeners(SWT.Selection, new Event());
			said.add(((org.eclipse.jface.dialogs.TitleAreaDialog) shell.getData()).getErrorMessage());
			((Text) findIn(shell, c -> "birthDate".equals(c.getData("name")))).setText("12/03/1990");
			org.eclipse.swt.widgets.Combo certification = (org.eclipse.swt.widgets.Combo) findIn(shell,
					c -> "certification".equals(c.getData("name")));
			certification.select(java.util.Arrays.asList(certification.getItems()).indexOf(
					"CMI — " + library.certification("CMI").orElseThrow().getTitle()));
			((Text) findIn(shell, c -> "date".equals(c.getData("name")))).setText("02/09/2025");
			create.notifyListeners(SWT.Selection, new Event());
		};
		display.timerExec(100, fill[0]);
		PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
				.executeCommand("fr.mutualite.cqp.ui.dossier.newCandidate", null);
		WorkbenchWindowTest.flush();
		assertEquals(List.of("Indiquez : Nom.",
				"Date de naissance : « 31/02/1990 » n'est pas une date : écrivez-la comme 01/09/2026."), said);
		DossierEditor dossier = (DossierEditor) page.getActiveEditor();
		Registration created = dossier.copy().registration();
		assertEquals(List.of("Nouvelle", "Inès", "1990-03-12", "CMI", "1.0", "2025-09-02", "TRAINING"),
				List.of(dossier.copy().candidate().getLastName(), dossier.copy().candidate().getFirstName(),
						String.valueOf(dossier.copy().candidate().getBirthDate()), created.getCertification().getCode(),
						created.getReferentialVersion(), String.valueOf(created.getDate()), created.getRoute().getName()));
		assertFalse(dossier.isDirty(), "the dossier is in the database");

		// typed but the field not left: the editor is dirty, and saving applies it first
		Text email = field(dossier, "email");
		email.setText("ines.nouvelle@exemple.fr");
		email.notifyListeners(SWT.Modify, new Event());
		assertTrue(dossier.isDirty(), "what is typed counts as a change");
		assertEquals(null, dossier.copy().candidate().getEmail(), "not applied yet");
		dossier.doSave(new NullProgressMonitor());
		WorkbenchWindowTest.flush();
		assertFalse(dossier.isDirty());
		try (DossierStore other = owner()) {
			assertEquals("ines.nouvelle@exemple.fr",
					other.registrations().dossier(created.getId()).orElseThrow().candidate().value().getEmail());
		}
		page.closeEditor(dossier, false);
	}

	/** Registers a new candidate for {@code code} on the training path and opens the dossier. */
	private static DossierEditor register(String code, String lastName) throws Exception {
		return register(code, lastName, Route.TRAINING);
	}

	private static DossierEditor register(String code, String lastName, Route route) throws Exception {
		DossierStore store = database.store(Databases.password(MARIE_PASSWORD));
		ReferentialLibrary library = database.referentials();
		Candidate candidate = DossierFactory.eINSTANCE.createCandidate();
		candidate.setLastName(lastName);
		candidate.setFirstName("Camille");
		candidate.setBirthDate(LocalDate.of(1990, 5, 4));
		Registration registration = DossierFactory.eINSTANCE.createRegistration();
		registration.setCertification(library.certification(code).orElseThrow());
		registration.setRoute(route);
		registration.setDate(REGISTERED);
		registration.setTrainingBody(approvedBody(store, code, route));
		candidate.getRegistrations().add(registration);
		String id = NewCandidateHandler.create(store, library, new NewCandidateHandler.NewDossier(candidate, registration));
		DossierEditor dossier = (DossierEditor) page.openEditor(new RegistrationInput(id, null, lastName),
				RegistrationInput.DOSSIER_EDITOR_ID);
		WorkbenchWindowTest.flush();
		return dossier;
	}

	/**
	 * The wheel turned over a drop-down list of a dossier (its route) scrolls the form and leaves
	 * the list alone: GTK would have changed the route under a pointer only passing over it.
	 */
	@Test
	void theWheelOverAListOfTheDossierScrollsTheFormAndLeavesItsValue() throws Exception {
		DossierEditor dossier = register("CMI", "Molette");
		Shell shell = page.getWorkbenchWindow().getShell();
		org.eclipse.swt.graphics.Point size = shell.getSize();
		try {
			shell.setSize(1000, 600);
			WorkbenchWindowTest.flush();
			org.eclipse.swt.widgets.Combo route = (org.eclipse.swt.widgets.Combo) control(dossier,
					c -> c instanceof org.eclipse.swt.widgets.Combo);
			String value = route.getText();
			assertEquals("Parcours de formation", value);
			org.eclipse.ui.forms.widgets.ScrolledForm form = dossier.form();
			// the list in sight at the bottom of the form, with more of the form under it
			form.setOrigin(0, 0);
			form.showControl(route);
			WorkbenchWindowTest.flush();
			int top = form.getOrigin().y;
			Wheel.downOver(route);
			long end = System.currentTimeMillis() + 30_000;
			while (form.getOrigin().y == top && route.getText().equals(value) && System.currentTimeMillis() < end) {
				if (!shell.getDisplay().readAndDispatch()) {
					Thread.onSpinWait();
				}
			}
			WorkbenchWindowTest.flush();
			assertEquals(value, route.getText(), "the route is left as it was");
			assertFalse(dossier.isDirty(), "the dossier is unchanged");
			assertTrue(form.getOrigin().y > top, "the form scrolled down from " + top + ": " + form.getOrigin());
		} finally {
			shell.setSize(size);
			dossier.getSite().getPage().closeEditor(dossier, false);
		}
	}

	@Test
	void theCompanysEvaluatorsCompleteAndSignTheFinalEvaluation() throws Exception {
		DossierEditor dossier = register("CMI", "Durand");
		String id = dossier.copy().registration().getId();
		Registration edited = dossier.copy().registration();
		open(dossier, "FINAL_EVALUATION");
		FinalEditor fin = (FinalEditor) page.getActiveEditor();
		click(button(fin, b -> "start".equals(b.getData("name"))));
		FinalEvaluation evaluation = edited.getFinalEvaluation();
		assertNotNull(evaluation);
		List<Text> names = fields(fin, "name");
		assertEquals(2, names.size(), "the two evaluators");
		type(names.get(0), "Mme Responsable", SWT.FocusOut);
		type(fields(fin, "function").get(0), "Responsable d'agence", SWT.FocusOut);
		type(fields(fin, "name").get(1), "M. Tuteur", SWT.FocusOut);
		type(fields(fin, "function").get(1), "Tuteur", SWT.FocusOut);
		assertEquals(List.of("Mme Responsable", "Responsable d'agence", "M. Tuteur", "Tuteur"),
				List.of(evaluation.getEvaluator1().getName(), evaluation.getEvaluator1().getFunction(),
						evaluation.getEvaluator2().getName(), evaluation.getEvaluator2().getFunction()));

		Booklet booklet = Booklets.of(edited, BookletKind.FINAL_EVALUATION).orElseThrow();
		BookletSection section = booklet.getSections().get(0);
		click(button(fin, b -> ("evaluate-" + section.getCode()).equals(b.getData("name"))));
		FinalDomainEvaluation sheet = evaluation.getDomains().get(0);
		assertEquals(section.getDomain(), sheet.getDomain());
		// the comment, the agreement, and the conditions the modality asks (observation)
		assertEquals(List.of("DOS-10", "DOS-21"), rules(fin));
		assertEquals("La modalité d'évaluation du livret demande : Observation.",
				((Label) control(fin, c -> c instanceof Label l && l.getText().startsWith("La modalité d'évaluation du livret"))).getText());
		assertTrue(fin.problems().stream().anyMatch(p -> p.message().contains("commentaire")), fin.problems().toString());
		assertFalse(fin.declare(booklet, BookletState.SIGNED), "a sheet with errors cannot be signed");
		assertTrue(fin.refusal().orElseThrow().startsWith("Le livret ne peut être déclaré complet ni signé : "));

		for (BookletItem group : section.getItems()) {
			if (group.getScale() != null) {
				ScaleLevel oui = group.getScale().getLevels().stream().filter(ScaleLevel::isAchieved).findFirst().orElseThrow();
				click(button(fin, b -> oui.getCode().equals(b.getData("level"))
						&& b.getParent().getParent().getChildren()[java.util.Arrays.asList(b.getParent().getParent().getChildren())
								.indexOf(b.getParent()) - 1] instanceof Label l && l.getText().equals(group.getWording())));
			}
		}
		ScaleLevel mastered = section.getDomainScales().get(0).getLevels().stream().filter(ScaleLevel::isAchieved).findFirst()
				.orElseThrow();
		click(button(fin, b -> mastered.getCode().equals(b.getData("level"))));
		assertTrue(sheet.isMastered());
		type(field(fin, "comment"), "Analyse complète observée en entretien.", SWT.FocusOut);
		for (String flag : List.of("activitiesExercised", "evaluatorsAgree", "signedByEvaluator1", "signedByEvaluator2")) {
			Button box = (Button) control(fin, c -> c instanceof Button && flag.equals(c.getData("feature")));
			box.setSelection(true);
			click(box);
		}
		for (String condition : List.of("OBSERVATION", "INTERVIEW")) {
			Button box = button(fin, b -> condition.equals(b.getData("condition")));
			box.setSelection(true);
			click(box);
		}
		Text dates = field(fin, "evaluationDates");
		type(dates, "03/10/2025, 31/02/2025", SWT.FocusOut);
		assertEquals(List.of(), sheet.getEvaluationDates(), "a day that does not exist is refused");
		type(dates, "20/10/2025 ; 03/10/2025", SWT.FocusOut);
		assertEquals(List.of(LocalDate.of(2025, 10, 3), LocalDate.of(2025, 10, 20)), sheet.getEvaluationDates());
		assertEquals(List.of(), rules(fin));
		assertTrue(fin.declare(booklet, BookletState.SIGNED));
		WorkbenchWindowTest.flush();
		assertEquals("Signé", states(dossier).get("FINAL_EVALUATION"));

		fin.doSave(new NullProgressMonitor());
		WorkbenchWindowTest.flush();
		assertFalse(fin.isDirty() || dossier.isDirty());
		// printed from the editor, as it shows the booklet
		Path pdf = tmp.resolve("impressions/finale.pdf");
		List<Path> printed = new ArrayList<>();
		org.eclipse.core.runtime.jobs.Job job = fr.mutualite.cqp.ui.booklet.Printing.print(fin.getSite(), fin.sheet(), pdf, printed::add);
		job.join();
		WorkbenchWindowTest.flush();
		assertEquals(List.of(pdf), printed);
		assertEquals("%PDF-", new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
		try (DossierStore other = owner()) {
			Registration read = other.registrations().find(id).orElseThrow().value();
			FinalEvaluation stored = read.getFinalEvaluation();
			assertEquals("Mme Responsable|Responsable d'agence|M. Tuteur|Tuteur", stored.getEvaluator1().getName() + '|'
					+ stored.getEvaluator1().getFunction() + '|' + stored.getEvaluator2().getName() + '|' + stored.getEvaluator2().getFunction());
			FinalDomainEvaluation d = stored.getDomains().get(0);
			assertEquals(List.of(section.getDomain().getCode(), "true", "true", "true", "true", "true",
					"Analyse complète observée en entretien.", "[OBSERVATION, INTERVIEW]", "[2025-10-03, 2025-10-20]"),
					List.of(d.getDomain().getCode(), String.valueOf(d.isActivitiesExercised()), String.valueOf(d.isMastered()),
							String.valueOf(d.isEvaluatorsAgree()), String.valueOf(d.isSignedByEvaluator1()),
							String.valueOf(d.isSignedByEvaluator2()), d.getComment(), d.getConditions().toString(),
							d.getEvaluationDates().toString()));
			assertEquals(section.getItems().stream().filter(i -> i.getScale() != null).map(i -> section.getCode() + "|" + i.getCode() + "|"
					+ i.getScale().getLevels().stream().filter(ScaleLevel::isAchieved).findFirst().orElseThrow().getCode()).toList(),
					ratings(d.getRatings()));
			assertEquals(List.of(booklet.getCode() + "|SIGNED|marie|" + LocalDate.now()),
					read.getBookletStatuses().stream().map(s -> s.getBooklet().getCode() + '|' + s.getState() + '|'
							+ s.getDeclaredBy() + '|' + s.getDeclaredOn()).toList());
		}
		page.closeAllEditors(false);
	}

	@Test
	void aVaeRequestShowsItsExperienceAgainstTheRulesAndRecordsItsAdmissibility() throws Exception {
		DossierEditor dossier = register("CMI", "Lefebvre", Route.VAE);
		String id = dossier.copy().registration().getId();
		Registration edited = dossier.copy().registration();
		open(dossier, "VAE_DOSSIER");
		VaeEditor vae = (VaeEditor) page.getActiveEditor();
		click(button(vae, b -> "start".equals(b.getData("name"))));
		VaeDossier dossierVae = edited.getVaeDossier();
		RuleSet rules = RuleBook.of(edited).at(REGISTERED).orElseThrow();
		assertEquals("Expérience retenue : 0 an(s) et 0 jour(s) dans les " + rules.getVaeWindowYears()
				+ " années précédant l'inscription ; il en faut " + rules.getVaeMinExperienceYears()
				+ " : la demande n'est pas recevable.", label(vae, "name", "experience").getText());
		assertEquals(List.of("DOS-11"), rules(vae));

		click(button(vae, b -> "addPosition".equals(b.getData("name"))));
		type(field(vae, "employer"), "Mutuelle du Littoral", SWT.FocusOut);
		type(field(vae, "position"), "Conseillère en agence", SWT.FocusOut);
		type(field(vae, "start"), day(REGISTERED.minusYears(2).minusDays(100)), SWT.FocusOut);
		type(field(vae, "end"), day(REGISTERED.minusDays(100)), SWT.FocusOut);
		assertEquals("Expérience retenue : 2 an(s) et 0 jour(s) dans les " + rules.getVaeWindowYears()
				+ " années précédant l'inscription ; il en faut " + rules.getVaeMinExperienceYears()
				+ " : la demande n'est pas recevable.", label(vae, "name", "experience").getText());
		click(button(vae, b -> "addProof-1".equals(b.getData("name"))));
		type(field(vae, "description"), "Attestation de la mutuelle", SWT.FocusOut);

		// not admissible: recorded with its reason
		vae.execute(SetCommand.create(vae.domain(), dossierVae, DossierPackage.Literals.VAE_DOSSIER__ADMISSIBILITY,
				fr.mutualite.cqp.model.dossier.Admissibility.INADMISSIBLE));
		WorkbenchWindowTest.flush();
		assertTrue(vae.problems().stream().anyMatch(p -> p.message().contains("indiquez-en le motif")), vae.problems().toString());
		type(field(vae, "admissibilityReason"), "Deux ans d'expérience ; la VAE en demande trois.", SWT.FocusOut);
		assertEquals(List.of(), rules(vae));

		// a second position, ongoing: the experience is enough, the request admissible
		click(button(vae, b -> "addPosition".equals(b.getData("name"))));
		type(field(vae, "start"), day(REGISTERED.minusYears(4)), SWT.FocusOut);
		type(field(vae, "end"), "", SWT.FocusOut);
		assertTrue(label(vae, "name", "experience").getText().endsWith(": la demande peut être déclarée recevable."),
				label(vae, "name", "experience").getText());
		vae.execute(SetCommand.create(vae.domain(), dossierVae, DossierPackage.Literals.VAE_DOSSIER__ADMISSIBILITY,
				fr.mutualite.cqp.model.dossier.Admissibility.ADMISSIBLE));
		type(field(vae, "admissibilityReason"), "", SWT.FocusOut);
		assertEquals(List.of(), rules(vae));
		Booklet booklet = Booklets.of(edited, BookletKind.VAE_DOSSIER).orElseThrow();
		BookletSection first = booklet.getSections().get(0);
		Text answer = (Text) control(vae, c -> first.getWording().equals(c.getData("question")));
		type(answer, "J'ai conseillé des familles sur leur complémentaire santé.", SWT.FocusOut);
		vae.doSave(new NullProgressMonitor());
		WorkbenchWindowTest.flush();
		try (DossierStore other = owner()) {
			VaeDossier read = other.registrations().find(id).orElseThrow().value().getVaeDossier();
			assertEquals(List.of("ADMISSIBLE", "2", "Mutuelle du Littoral|Conseillère en agence|" + REGISTERED.minusYears(2).minusDays(100)
					+ "|" + REGISTERED.minusDays(100) + "|true|[EMPLOYER_CERTIFICATE:Attestation de la mutuelle]",
					first.getCode() + "|J'ai conseillé des familles sur leur complémentaire santé."),
					List.of(read.getAdmissibility().getName(), String.valueOf(read.getExperiences().size()),
							describe(read.getExperiences().get(0)),
							read.getAnswers().get(0).getSection().getCode() + "|" + read.getAnswers().get(0).getText()));
		}
		page.closeAllEditors(false);
	}

	private static String describe(fr.mutualite.cqp.model.dossier.ExperiencePeriod p) {
		return p.getEmployer() + "|" + p.getPosition() + "|" + p.getStart() + "|" + p.getEnd() + "|" + p.isRelevant() + "|"
				+ p.getProofs().stream().map(x -> x.getKind().getName() + ":" + x.getDescription()).toList();
	}

	@Test
	void aJuryAwardsInPartThenALaterJuryInFullAndTheCertificatesAreNumbered() throws Exception {
		DossierStore store = database.store(Databases.password(MARIE_PASSWORD));
		String ready = registeredWithFinalEvaluation("Moreau", true);
		String notReady = registeredWithFinalEvaluation("Garnier", false);

		JurySession first = SessionHandlers.create(store, LocalDate.of(2025, 11, 13));
		JuryEditor jury = (JuryEditor) page.openEditor(new JuryInput(first.getId(), "Jury"), JuryInput.EDITOR_ID);
		WorkbenchWindowTest.flush();
		assertEquals(Optional.of("Le livret « Livret d'évaluation finale en entreprise » de Camille Garnier n'est pas déclaré "
				+ "complet : le jury ne peut pas encore se prononcer."), jury.add(notReady));
		// a VAE request goes to the jury once declared admissible and its dossier complete
		assertEquals(Optional.of("La demande de VAE de Camille Roux n'est pas déclarée recevable : elle ne passe pas devant le jury."),
				jury.add(vaeRequest("Roux", fr.mutualite.cqp.model.dossier.Admissibility.INADMISSIBLE)));
		String admissible = vaeRequest("Perrin", fr.mutualite.cqp.model.dossier.Admissibility.ADMISSIBLE);
		assertEquals(Optional.empty(), jury.add(admissible));
		WorkbenchWindowTest.flush();
		jury.getEditingDomain().getCommandStack().undo();
		WorkbenchWindowTest.flush();
		assertEquals(List.of(), jury.session().getDecisions());
		assertEquals(Optional.empty(), jury.add(ready));
		WorkbenchWindowTest.flush();
		// the composition asked by the rules of the candidate's certification
		assertEquals(List.of("DOS-13", "DOS-14", "DOS-16"), jury.problems().stream().map(Problem::rule).distinct().sorted().toList());
		members(jury, JurySide.EMPLOYER);
		assertEquals(List.of("DOS-16"), jury.problems().stream().map(Problem::rule).distinct().toList(), "every domain to decide");
		Registration registration = jury.session().getDecisions().get(0).getRegistration();
		List<DomainUse> uses = registration.getCertification().getDomains();
		for (DomainUse use : uses) {
			boolean acquired = use.getNumber() <= 5;
			click(juryChoice(jury, use.getDomain().getCode() + (acquired ? "+" : "-")));
		}
		assertEquals(List.of(), jury.problems().stream().filter(p -> p.severity() == Severity.ERROR).map(Problem::rule).toList());
		assertEquals("Validation partielle : 2 domaine(s) reste(nt) à acquérir.", juryLabel(jury, "award").getText());
		type((Text) juryControls(jury, c -> c instanceof Text && "advice".equals(c.getData("feature"))).get(0),
				"Consolider l'analyse du marché avant la prochaine session.", SWT.FocusOut);
		assertEquals("Consolider l'analyse du marché avant la prochaine session.", jury.session().getDecisions().get(0).getAdvice());
		CqpException unsaved = assertThrows(CqpException.class, jury::issue);
		assertEquals("Enregistrez la session avant de délivrer les certificats.", unsaved.getMessage());
		jury.doSave(new NullProgressMonitor());
		WorkbenchWindowTest.flush();
		assertFalse(jury.isDirty());
		assertEquals(List.of("Camille Moreau : attestation de validation partielle n° CMI-2025-P00001"), jury.issue());
		page.closeEditor(jury, false);

		// seven months later: the domains acquired in November are shown, not decided again
		JurySession second = SessionHandlers.create(store, LocalDate.of(2026, 6, 11));
		jury = (JuryEditor) page.openEditor(new JuryInput(second.getId(), "Jury 2"), JuryInput.EDITOR_ID);
		WorkbenchWindowTest.flush();
		assertEquals(Optional.empty(), jury.add(ready));
		WorkbenchWindowTest.flush();
		members(jury, JurySide.EMPLOYER);
		assertTrue(jury.problems().stream().anyMatch(p -> "DOS-15".equals(p.rule())
				&& p.message().contains("déjà présidée par un représentant des employeurs")), "the presidency alternates");
		click((Button) juryControls(jury, c -> c instanceof Button && Integer.valueOf(2).equals(c.getData("president"))).get(0));
		assertEquals(List.of(), jury.problems().stream().filter(p -> "DOS-15".equals(p.rule())).toList());
		JuryEditor later = jury;
		List<String> shown = juryControls(later, c -> c instanceof Label l && l.getText().startsWith("Acquis au jury du")).stream()
				.map(c -> ((Label) c).getText()).toList();
		assertEquals(java.util.Collections.nCopies(5, "Acquis au jury du 13/11/2025, valable jusqu'au 13/11/2030"), shown);
		assertEquals(List.of(), juryControls(later, c -> (uses.get(0).getDomain().getCode() + "+").equals(c.getData("domain"))),
				"a domain acquired at the first jury is not decided again");
		click(juryChoice(jury, uses.get(5).getDomain().getCode() + "+"));
		click(juryChoice(jury, uses.get(6).getDomain().getCode() + "+"));
		assertEquals("Tous les domaines sont acquis : le CQP est délivré en totalité.", juryLabel(jury, "award").getText());
		assertEquals(List.of(), jury.problems().stream().filter(p -> p.severity() == Severity.ERROR).map(Problem::rule).toList());
		jury.doSave(new NullProgressMonitor());
		WorkbenchWindowTest.flush();
		assertEquals(List.of("Camille Moreau : certificat n° CMI-2026-00001"), jury.issue());
		page.closeEditor(jury, false);
		try (DossierStore other = owner()) {
			Registration read = other.registrations().find(ready).orElseThrow().value();
			assertEquals("CMI-2026-00001|2026-06-11|true", read.getCertificate().getNumber() + "|" + read.getCertificate().getDate() + "|"
					+ read.getCertificate().isFull());
			assertEquals(List.of("CMI-2025-P00001|2025-11-13|false"), read.getCertificateHistory().stream()
					.map(c -> c.getNumber() + "|" + c.getDate() + "|" + c.isFull()).toList());
			assertEquals(List.of(2), List.of(other.juries().find(second.getId()).orElseThrow().value().getDecisions().get(0).getDomains().size()));
		}
	}

	/** A CMI candidate whose final evaluation is there, signed ({@code signed}) or only begun; returns the registration's id. */
	private static String registeredWithFinalEvaluation(String lastName, boolean signed) throws Exception {
		return stored(lastName, Route.TRAINING, LocalDate.of(1991, 2, 3), LocalDate.of(2024, 9, 2), BookletKind.FINAL_EVALUATION,
				signed, (registration, booklet) -> {
					FinalEvaluation evaluation = DossierFactory.eINSTANCE.createFinalEvaluation();
					evaluation.setBooklet(booklet);
					registration.setFinalEvaluation(evaluation);
				});
	}

	/** A CMI VAE request, its dossier signed, its admissibility as given; returns the registration's id. */
	private static String vaeRequest(String lastName, fr.mutualite.cqp.model.dossier.Admissibility admissibility) throws Exception {
		return stored(lastName, Route.VAE, LocalDate.of(1980, 6, 7), LocalDate.of(2024, 10, 1), BookletKind.VAE_DOSSIER, true,
				(registration, booklet) -> {
					VaeDossier vae = DossierFactory.eINSTANCE.createVaeDossier();
					vae.setAdmissibility(admissibility);
					vae.setAdmissibilityReason(
							admissibility == fr.mutualite.cqp.model.dossier.Admissibility.INADMISSIBLE ? "Un an d'expérience." : null);
					registration.setVaeDossier(vae);
				});
	}

	/**
	 * A CMI candidate (Camille {@code lastName}) registered on {@code registered} by {@code route},
	 * whose booklet of {@code kind} {@code fill} fills, signed ({@code signed}) or not, as stored in
	 * the database; returns the registration's id.
	 */
	private static String stored(String lastName, Route route, LocalDate born, LocalDate registered, BookletKind kind,
			boolean signed, java.util.function.BiConsumer<Registration, Booklet> fill) throws Exception {
		DossierStore store = database.store(Databases.password(MARIE_PASSWORD));
		ReferentialLibrary library = database.referentials();
		Candidate candidate = DossierFactory.eINSTANCE.createCandidate();
		candidate.setLastName(lastName);
		candidate.setFirstName("Camille");
		candidate.setBirthDate(born);
		Registration registration = DossierFactory.eINSTANCE.createRegistration();
		registration.setCertification(library.certification("CMI").orElseThrow());
		registration.setRoute(route);
		registration.setDate(registered);
		candidate.getRegistrations().add(registration);
		String id = NewCandidateHandler.create(store, library, new NewCandidateHandler.NewDossier(candidate, registration));
		var dossier = store.registrations().dossier(id).orElseThrow();
		Registration read = dossier.registration().value();
		Booklet booklet = Booklets.of(read, kind).orElseThrow();
		fill.accept(read, booklet);
		if (signed) {
			var status = DossierFactory.eINSTANCE.createBookletStatus();
			status.setBooklet(booklet);
			status.setState(BookletState.SIGNED);
			status.setDeclaredOn(registered.plusYears(1));
			read.getBookletStatuses().add(status);
		}
		store.registrations().save(dossier);
		return id;
	}

	/** Four members, two per side, the first of {@code presiding}'s side presiding. */
	private static void members(JuryEditor jury, JurySide presiding) {
		for (int i = 0; i < 4; i++) {
			click((Button) juryControls(jury, c -> c instanceof Button && "addMember".equals(c.getData("name"))).get(0));
		}
		JurySession session = jury.session();
		String[] names = { "Mme Employeur", "Mme Salariée", "M. Employeur", "M. Salarié" };
		for (int i = 0; i < 4; i++) {
			jury.getEditingDomain().getCommandStack().execute(SetCommand.create(jury.getEditingDomain(), session.getMembers().get(i),
					DossierPackage.Literals.JURY_MEMBER__NAME, names[i]));
		}
		WorkbenchWindowTest.flush();
		// each new member takes the side with fewer members
		assertEquals(List.of(JurySide.EMPLOYER, JurySide.EMPLOYEE, JurySide.EMPLOYER, JurySide.EMPLOYEE),
				session.getMembers().stream().map(JuryMember::getSide).toList());
		int president = presiding == JurySide.EMPLOYER ? 1 : 2;
		click((Button) juryControls(jury, c -> c instanceof Button && Integer.valueOf(president).equals(c.getData("president"))).get(0));
		assertEquals(names[president - 1], session.getPresident().getName());
	}

	private static Button juryChoice(JuryEditor jury, String domain) {
		List<Control> found = juryControls(jury, c -> c instanceof Button && domain.equals(c.getData("domain")));
		assertEquals(1, found.size(), domain);
		return (Button) found.get(0);
	}

	private static Label juryLabel(JuryEditor jury, String key) {
		return (Label) juryControls(jury, c -> c instanceof Label && c.getData(key) != null).get(0);
	}

	private static List<Control> juryControls(JuryEditor jury, Predicate<Control> which) {
		List<Control> found = new ArrayList<>();
		collect(jury.form(), which, found, null);
		return found;
	}

	/**
	 * Registers a new candidate for {@code code} and fills the three booklets of the training path
	 * in their editors; checks the rules on the way and what the database holds after the save.
	 */
	private static DossierEditor trainingPath(String code, String lastName) throws Exception {
		DossierEditor dossier = register(code, lastName);
		String id = dossier.copy().registration().getId();
		Registration edited = dossier.copy().registration();
		RuleSet rules = RuleBook.of(edited).at(REGISTERED).orElseThrow();
		assertEquals("Date limite du premier passage devant le jury : "
				+ day(REGISTERED.plusYears(rules.getRegistrationDeadlineYears())) + " (inscription + "
				+ rules.getRegistrationDeadlineYears() + " ans, selon les règles de la version du référentiel).",
				label(dossier, "name", "deadline").getText());
		Map<String, String> empty = new LinkedHashMap<>();
		Booklets.of(edited.getCertification()).forEach(b -> empty.put(b.getKind().getName(), "Vide"));
		assertEquals(empty, states(dossier));

		// the orientation guide
		open(dossier, "ORIENTATION_GUIDE");
		OrientationEditor orientation = (OrientationEditor) page.getActiveEditor();
		assertEquals(List.of("DOS-01"), rules(orientation), "the interview is mandatory");
		click(button(orientation, b -> "Commencer l'entretien".equals(b.getText())));
		assertNotNull(edited.getOrientation());
		Booklet guide = Booklets.of(edited, BookletKind.ORIENTATION_GUIDE).orElseThrow();
		BookletSection first = guide.getSections().stream().filter(s -> !s.getQuestions().isEmpty()).findFirst().orElseThrow();
		Text answer = (Text) control(orientation, c -> first.getQuestions().get(0).equals(c.getData("question")));
		type(answer, "Six ans d'accueil des adhérents en agence.", SWT.FocusOut);
		ScaleLevel confirmed = first.getDomainScales().get(0).getLevels().get(first.getDomainScales().get(0).getLevels().size() - 1);
		click(button(orientation, b -> confirmed.getCode().equals(b.getData("level"))));
		type(field(orientation, "trainingBodyInterviewer"), "M. Formateur", SWT.FocusOut);
		assertEquals(List.of(first.getCode() + "|" + first.getQuestions().get(0) + "|Six ans d'accueil des adhérents en agence."),
				edited.getOrientation().getAnswers().stream().map(a -> a.getSection().getCode() + "|" + a.getQuestion() + "|" + a.getText())
						.toList());
		assertEquals(List.of(first.getCode() + "|-|" + confirmed.getCode()), ratings(edited.getOrientation().getRatings()));
		assertEquals("M. Formateur", edited.getOrientation().getTrainingBodyInterviewer());
		assertEquals(List.of(), rules(orientation));
		assertEquals("En cours", states(dossier).get("ORIENTATION_GUIDE"), "the dossier shows it at once");

		// the training booklet: modules, and a domain evaluated twice
		open(dossier, "TRAINING_EVALUATION");
		TrainingEditor training = (TrainingEditor) page.getActiveEditor();
		click(button(training, b -> "addModule".equals(b.getData("name"))));
		TrainingModule module = edited.getTrainingPath().getModules().get(0);
		List<CompetenceDomain> domains = edited.getCertification().getDomains().stream().map(u -> u.getDomain()).toList();
		Text hours = field(training, "hours");
		type(hours, "beaucoup", SWT.FocusOut);
		assertEquals(0, module.getHours(), "not a number: refused, the model unchanged");
		type(field(training, "hours"), String.valueOf(rules.getTrainingHoursMax() + 10), SWT.FocusOut);
		assertEquals(rules.getTrainingHoursMax() + 10, module.getHours());
		training.execute(SetCommand.create(training.domain(), module, DossierPackage.Literals.TRAINING_MODULE__DOMAINS,
				List.of(domains.get(0), domains.get(1))));
		WorkbenchWindowTest.flush();
		assertEquals(List.of("DOS-04", "DOS-05"), rules(training));
		assertTrue(training.problems().stream().anyMatch(p -> "DOS-04".equals(p.rule())
				&& p.message().contains("doit être rattaché à un seul domaine de compétences ; il l'est à 2.")), training.problems().toString());
		assertTrue(training.refusal().orElseThrow().startsWith("Le livret ne peut être déclaré complet ni signé : "));
		Booklet trainingBooklet = Booklets.of(edited, BookletKind.TRAINING_EVALUATION).orElseThrow();
		assertFalse(training.declare(trainingBooklet, BookletState.COMPLETE), "a booklet with errors is not complete");
		training.execute(SetCommand.create(training.domain(), module, DossierPackage.Literals.TRAINING_MODULE__DOMAINS,
				List.of(domains.get(0))));
		type(field(training, "hours"), String.valueOf(rules.getTrainingHoursMin()), SWT.FocusOut);
		type(field(training, "trainer"), "Mme Formatrice", SWT.FocusOut);
		assertEquals(List.of(), rules(training));

		BookletSection evaluated = trainingBooklet.getSections().stream()
				.filter(s -> s.getDomain() == domains.get(0) && !s.getDomainScales().isEmpty()).findFirst().orElseThrow();
		click(button(training, b -> domains.get(0).getCode().equals(b.getData("domain"))));
		FormativeEvaluation sheet = edited.getFormativeEvaluations().get(0);
		assertEquals(List.of("DOS-07", "DOS-08"), rules(training), "the trainer's comment is mandatory; a failed domain asks for a new sheet");
		ScaleLevel notAcquired = evaluated.getItems().get(0).getScale().getLevels().get(1);
		click(button(training, b -> notAcquired.getCode().equals(b.getData("level"))));
		type(field(training, "comment"), "Accueil à retravailler.", SWT.FocusOut);
		type(field(training, "date"), "15/01/2026", SWT.FocusOut);
		assertEquals(LocalDate.of(2026, 1, 15), sheet.getDate());
		assertEquals(List.of("DOS-08"), rules(training));
		click(button(training, b -> domains.get(0).getCode().equals(b.getData("domain"))));
		FormativeEvaluation resit = edited.getFormativeEvaluations().get(1);
		assertSame(sheet, resit.getPrevious());
		List<Text> comments = fields(training, "comment");
		assertEquals(List.of(false, true), comments.stream().map(Text::getEditable).toList(), "the earlier sheet is read only");
		type(comments.get(1), "Acquis après la reprise.", SWT.FocusOut);
		training.execute(SetCommand.create(training.domain(), resit, DossierPackage.Literals.FORMATIVE_EVALUATION__OBJECTIVE_ACHIEVED,
				Boolean.TRUE));
		WorkbenchWindowTest.flush();
		assertEquals(List.of(), rules(training));
		assertTrue(training.declare(trainingBooklet, BookletState.COMPLETE));
		WorkbenchWindowTest.flush();
		assertEquals("Complet", states(dossier).get("TRAINING_EVALUATION"));

		// the tutor's guide
		open(dossier, "TUTOR_GUIDE");
		TutorEditor tutor = (TutorEditor) page.getActiveEditor();
		click(button(tutor, b -> "addGrid".equals(b.getData("name"))));
		type(field(tutor, "tutor"), "Mme Tutrice", SWT.FocusOut);
		Booklet tutorGuide = Booklets.of(edited, BookletKind.TUTOR_GUIDE).orElseThrow();
		BookletSection tutorSection = tutorGuide.getSections().stream()
				.filter(sec -> sec.getItems().stream().anyMatch(i -> i.getScale() != null)).findFirst().orElseThrow();
		BookletItem tutorItem = tutorSection.getItems().stream().filter(i -> i.getScale() != null).findFirst().orElseThrow();
		ScaleLevel toImprove = tutorItem.getScale().getLevels().get(2);
		click(button(tutor, b -> toImprove.getCode().equals(b.getData("level"))));
		click(button(tutor, b -> "addReview".equals(b.getData("name"))));
		type(field(tutor, "withWhom"), "Le candidat et son responsable", SWT.FocusOut);

		// one save writes what the three booklets and the dossier hold
		assertTrue(tutor.isDirty() && dossier.isDirty() && orientation.isDirty() && training.isDirty());
		tutor.doSave(new NullProgressMonitor());
		WorkbenchWindowTest.flush();
		assertFalse(tutor.isDirty() || dossier.isDirty() || orientation.isDirty() || training.isDirty());
		try (DossierStore other = owner()) {
			Registration read = other.registrations().find(id).orElseThrow().value();
			assertEquals(List.of("Six ans d'accueil des adhérents en agence."),
					read.getOrientation().getAnswers().stream().map(a -> a.getText()).toList());
			assertEquals("M. Formateur", read.getOrientation().getTrainingBodyInterviewer());
			TrainingModule readModule = read.getTrainingPath().getModules().get(0);
			assertEquals(List.of(rules.getTrainingHoursMin(), "Mme Formatrice", domains.get(0).getCode()),
					List.of(readModule.getHours(), readModule.getTrainer(), readModule.getDomains().get(0).getCode()));
			assertEquals(List.of("2026-01-15|Accueil à retravailler.|false|-", LocalDate.now() + "|Acquis après la reprise.|true|0"),
					read.getFormativeEvaluations().stream().map(f -> f.getDate() + "|" + f.getComment() + '|' + f.isObjectiveAchieved() + '|'
							+ (f.getPrevious() == null ? "-" : read.getFormativeEvaluations().indexOf(f.getPrevious()))).toList());
			assertEquals(List.of(evaluated.getCode() + "|" + evaluated.getItems().get(0).getCode() + "|" + notAcquired.getCode()),
					ratings(read.getFormativeEvaluations().get(0).getRatings()));
			assertEquals("Mme Tutrice", read.getTutorAssessments().get(0).getTutor());
			assertEquals(List.of(tutorSection.getCode() + "|" + tutorItem.getCode() + "|" + toImprove.getCode()),
					ratings(read.getTutorAssessments().get(0).getRatings()));
			assertEquals("Le candidat et son responsable", read.getProgressReviews().get(0).getWithWhom());
			assertEquals(List.of(trainingBooklet.getCode() + "|COMPLETE|marie|" + LocalDate.now()),
					read.getBookletStatuses().stream().map(s -> s.getBooklet().getCode() + '|' + s.getState() + '|'
							+ s.getDeclaredBy() + '|' + s.getDeclaredOn()).toList());
		}
		return dossier;
	}

	private static TrainingBody approvedBody(DossierStore store, String code, Route route) throws Exception {
		return store.trainingBodies().list().stream().filter(b -> b.getApprovals().stream()
				.anyMatch(a -> a.getCertification().getCode().equals(code) && a.getRoutes().contains(route)
						&& (a.getValidUntil() == null || a.getValidUntil().isAfter(REGISTERED))))
				.findFirst().orElse(null);
	}

	private static String day(LocalDate day) {
		return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
	}

	private static List<String> rules(BookletEditor editor) {
		return editor.problems().stream().filter(p -> p.severity() != fr.mutualite.cqp.core.validation.Validation.Severity.INFO)
				.map(Problem::rule).distinct().sorted().toList();
	}

	private static List<String> ratings(List<Rating> ratings) {
		return ratings.stream().map(r -> r.getSection().getCode() + "|" + (r.getItem() == null ? "-" : r.getItem().getCode()) + "|"
				+ r.getLevel().getCode()).toList();
	}

	/** The state shown for each booklet in the dossier editor, by kind. */
	private static Map<String, String> states(DossierEditor dossier) {
		Map<String, String> states = new LinkedHashMap<>();
		for (Control c : controls(dossier, c -> c instanceof Label && c.getData("state") != null)) {
			states.put((String) c.getData("state"), ((Label) c).getText());
		}
		return states;
	}

	private static void open(DossierEditor dossier, String kind) {
		Hyperlink link = (Hyperlink) control(dossier, c -> kind.equals(c.getData("booklet")));
		page.activate(dossier);
		link.notifyListeners(SWT.KeyDown, keyReturn());
		WorkbenchWindowTest.flush();
		assertTrue(page.getActiveEditor().getEditorInput() instanceof RegistrationInput input
				&& kind.equals(input.booklet().getName()), kind);
	}

	private static Event keyReturn() {
		Event e = new Event();
		e.character = '\r';
		e.keyCode = SWT.CR;
		return e;
	}

	private static void click(Button button) {
		if ((button.getStyle() & SWT.RADIO) != 0) {
			button.setSelection(true);
		}
		button.notifyListeners(SWT.Selection, new Event());
		WorkbenchWindowTest.flush();
	}

	private static void type(Text text, String typed, int event) {
		text.setText(typed);
		text.notifyListeners(event, new Event());
		WorkbenchWindowTest.flush();
	}

	/** The last field of {@code feature} shown by the editor (the latest part added). */
	private static Text field(BookletEditor editor, String feature) {
		List<Text> all = fields(editor, feature);
		assertFalse(all.isEmpty(), feature);
		return all.get(all.size() - 1);
	}

	private static List<Text> fields(BookletEditor editor, String feature) {
		return controls(editor, c -> c instanceof Text && feature.equals(c.getData("feature"))).stream().map(Text.class::cast).toList();
	}

	private static Button button(BookletEditor editor, Predicate<Button> which) {
		return (Button) control(editor, c -> c instanceof Button b && which.test(b));
	}

	private static Label label(BookletEditor editor, String key, String value) {
		return (Label) control(editor, c -> c instanceof Label && value.equals(c.getData(key)));
	}

	private static Control control(BookletEditor editor, Predicate<Control> which) {
		List<Control> found = controls(editor, which);
		assertFalse(found.isEmpty(), "no such control in " + editor.getTitle());
		return found.get(0);
	}

	private static List<Control> controls(BookletEditor editor, Predicate<Control> which) {
		List<Control> found = new ArrayList<>();
		collect(editor.form(), which, found, editor);
		return found;
	}

	private static void collect(Control control, Predicate<Control> which, List<Control> found, BookletEditor editor) {
		if (control.isDisposed()) {
			return;
		}
		if (which.test(control)) {
			found.add(control);
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, which, found, editor);
			}
		}
	}

	/**
	 * Answers, with {@code button}, the next dialog titled {@code title} the application opens;
	 * the returned array receives its message.
	 */
	private static String[] answerDialog(String title, String button) {
		String[] message = { null };
		Display display = Display.getCurrent();
		Runnable[] watch = { null };
		watch[0] = () -> {
			for (Shell shell : display.getShells()) {
				if (title.equals(shell.getText()) && shell.getData() instanceof MessageDialog dialog) {
					message[0] = ((Label) findIn(shell, c -> c instanceof Label l && l.getText().length() > 40)).getText();
					Button answer = (Button) findIn(shell, c -> c instanceof Button b && button.equals(b.getText()));
					answer.notifyListeners(SWT.Selection, new Event());
					return;
				}
			}
			display.timerExec(100, watch[0]);
		};
		display.timerExec(100, watch[0]);
		return message;
	}

	private static Control findIn(Control control, Predicate<Control> which) {
		if (which.test(control)) {
			return control;
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				Control found = findIn(child, which);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
