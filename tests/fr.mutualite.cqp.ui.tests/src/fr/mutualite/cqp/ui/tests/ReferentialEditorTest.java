package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.command.CommandActionDelegate;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.CertificationInput;
import fr.mutualite.cqp.ui.emf.ModelDragAndDrop;
import fr.mutualite.cqp.ui.emf.ModelEditing;
import fr.mutualite.cqp.ui.emf.NewElementItems;
import fr.mutualite.cqp.ui.emf.ProblemSource;
import fr.mutualite.cqp.ui.emf.ProblemsView;
import fr.mutualite.cqp.ui.referential.ModelTreePage;
import fr.mutualite.cqp.ui.referential.ReferentialEditor;
import fr.mutualite.cqp.ui.referential.VersionDiffView;
import fr.mutualite.cqp.ui.internal.NavigatorView;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;

/**
 * The referential editor in the real workbench: a criterion of the individuels referential changed
 * in its form, undone and redone through the Edit commands, saved into the data folder (never into
 * the product) and found again on reopening; a competence added to a skeleton certification
 * clears its warning in the Problems view.
 */
class ReferentialEditorTest {

	private IWorkbenchPage page;

	@BeforeEach
	void clean() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		removeSavedReferentials();
	}

	@AfterEach
	void close() throws Exception {
		page.closeAllEditors(false);
		flush();
		removeSavedReferentials();
		// the application reads the shipped referentials alone again
		PlatformUI.getWorkbench().getService(CurrentDatabase.class).reopen();
		flush();
	}

	private static void removeSavedReferentials() throws Exception {
		Path folder = DataFolder.referentials();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private ReferentialEditor open(String code) throws Exception {
		IEditorPart editor = page.openEditor(new CertificationInput(code, null, code), CertificationInput.EDITOR_ID);
		flush();
		return (ReferentialEditor) editor;
	}

	@Test
	void aCriterionIsChangedUndoneRedoneSavedAndFoundOnReopening() throws Exception {
		ReferentialEditor editor = open("CMI");
		Criterion criterion = firstCriterion(editor);
		String before = criterion.getWording();
		String code = criterion.getCode();
		String file = criterion.eResource().getURI().lastSegment();

		editor.reveal(criterion);
		flush();
		ModelTreePage structure = editor.treePages().get(0);
		assertSame(criterion, structure.getDetails().getInput());
		Text wording = (Text) structure.getDetails().control("wording");
		assertEquals(before, wording.getText());
		wording.setText("Libellé changé par le test");
		assertTrue(structure.getDetails().commit("wording"));
		flush();
		assertEquals("Libellé changé par le test", criterion.getWording());
		assertTrue(editor.isDirty());

		IHandlerService handlers = page.getWorkbenchWindow().getService(IHandlerService.class);
		handlers.executeCommand("org.eclipse.ui.edit.undo", null);
		flush();
		assertEquals(before, criterion.getWording());
		assertEquals(before, wording.getText(), "the form follows the undo");
		assertFalse(editor.isDirty());
		handlers.executeCommand("org.eclipse.ui.edit.redo", null);
		flush();
		assertEquals("Libellé changé par le test", criterion.getWording());
		assertTrue(editor.isDirty());

		handlers.executeCommand("org.eclipse.ui.file.save", null);
		flush();
		assertFalse(editor.isDirty());
		Path saved = DataFolder.referentials().resolve(file);
		assertTrue(Files.isRegularFile(saved), saved + " written");
		assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(saved));
		try (Stream<Path> files = Files.list(DataFolder.referentials())) {
			assertEquals(List.of(saved), files.toList(), "only the file changed is written");
		}

		page.closeEditor(editor, false);
		flush();
		ReferentialEditor reopened = open("CMI");
		Criterion again = firstCriterion(reopened);
		assertEquals(code, again.getCode());
		assertEquals("Libellé changé par le test", again.getWording());
		assertFalse(reopened.isDirty());
		ReferentialLibrary library = ReferentialLibrary.withFolder(DataFolder.referentials());
		assertEquals("Libellé changé par le test", firstCriterion(library.certification("CMI").orElseThrow().getDomains().stream()
				.map(u -> u.getDomain()).toList()).getWording());
	}

	@Test
	void aCompetenceAddedToASkeletonDomainClearsItsWarning() throws Exception {
		page.showView(ProblemsView.ID);
		ReferentialEditor editor = open("AC");
		page.activate(editor);
		flush();
		CompetenceDomain domain = editor.certification().getDomains().get(0).getDomain();
		assertEquals(List.of("REF-02", "REF-02"), rules(editor, domain), "no competence, no criteria");
		ProblemsView problems = (ProblemsView) page.findView(ProblemsView.ID);
		int shown = problems.getTable().getTable().getItemCount();
		assertEquals(messages(editor.problems()), shownMessages(problems));

		List<Command> creations = NewElementItems.commands(editor.getEditingDomain(), new StructuredSelection(domain), false);
		Command competence = creations.stream().filter(c -> ((CommandActionDelegate) c).getText().equals("Compétence")).findFirst()
				.orElseThrow();
		assertTrue(ModelEditing.execute(editor.getEditingDomain(), competence));
		flush();
		assertEquals(1, domain.getCompetences().size());
		assertTrue(domain.getCompetences().get(0) instanceof Competence);
		assertEquals(List.of("REF-02"), rules(editor, domain), "the missing competence is no longer reported");
		// the new competence has neither code nor wording yet: EMF's checks of required values say so
		Competence added = domain.getCompetences().get(0);
		assertEquals(List.of("", ""), editor.problems().stream().filter(p -> p.element() == added).map(Problem::rule).toList());
		assertEquals(shown - 1 + 2, problems.getTable().getTable().getItemCount());
		assertEquals(messages(editor.problems()), shownMessages(problems));
		assertTrue(editor.isDirty());

		editor.getEditingDomain().getCommandStack().undo();
		flush();
		assertEquals(List.of("REF-02", "REF-02"), rules(editor, domain));
		assertEquals(shown, problems.getTable().getTable().getItemCount());
		assertNotNull(editor.getAdapter(ProblemSource.class));
	}

	@Test
	void aSharedDomainIsAttachedAndANewVersionIsMadeEditedAndComparedWithTheFirst() throws Exception {
		ReferentialEditor editor = open("AC");
		int before = editor.certification().getDomains().size();
		CompetenceDomain shared = editor.attachableDomains().stream().filter(d -> d.getCode().equals("IMAGE-MUTUELLE"))
				.findFirst().orElseThrow();
		assertTrue(editor.attach(shared));
		flush();
		assertEquals(before + 1, editor.certification().getDomains().size());
		assertSame(shared, editor.certification().getDomains().get(before).getDomain());
		assertEquals(before + 1, editor.certification().getDomains().get(before).getNumber());
		assertFalse(editor.attach(shared), "a domain is attached once");
		editor.getEditingDomain().getCommandStack().undo();
		flush();
		assertEquals(before, editor.certification().getDomains().size());
		assertFalse(editor.isDirty());

		CertificationInput input = editor.newVersion("2.0", java.time.LocalDate.of(2025, 9, 1));
		Path file = DataFolder.referentials().resolve("ac-2.0.referentiel");
		assertTrue(Files.isRegularFile(file));
		assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
		ReferentialEditor second = (ReferentialEditor) page.openEditor(input, CertificationInput.EDITOR_ID);
		flush();
		assertEquals("AC 2.0", second.getPartName());
		assertEquals("2.0", ReferentialLibrary.versionOf(second.certification()));
		fr.mutualite.cqp.ui.emf.PropertyForm overview = second.overviewForm();
		((Text) overview.control("title")).setText("Assistant(e) commercial(e) multicanal");
		assertTrue(overview.commit("title"));
		assertTrue(second.save());
		flush();

		VersionDiffView view = second.compareWith(second.library().certification("AC", "1.0").orElseThrow());
		flush();
		List<String> rows = java.util.Arrays.stream(view.getTable().getTable().getItems())
				.map(i -> i.getText(0) + " | " + i.getText(1) + " | " + i.getText(2) + " | " + i.getText(3)).toList();
		assertEquals(List.of("Modifié | Référentiel | Version | 1.02.0", "Modifié | Référentiel | Valable à partir du | 2013-01-012025-09-01",
				"Modifié | Certification (CQP) AC | Intitulé | Assistant(e) commercial(e) multicanal"), rows);

		ReferentialLibrary saved = ReferentialLibrary.withFolder(DataFolder.referentials());
		assertEquals(List.of("1.0", "2.0"), saved.versions("AC").stream().map(ReferentialLibrary::versionOf).toList());
		assertEquals("Assistant(e) commercial(e) multicanal", saved.certification("AC", "2.0").orElseThrow().getTitle());
		assertEquals("Assistant(e) commercial(e)", saved.certification("AC", "1.0").orElseThrow().getTitle());
	}

	@Test
	void aCompetenceOfAnotherCertificationIsAttachedShownRemovedWithoutBeingDeletedAndSaved() throws Exception {
		ReferentialEditor editor = open("AC");
		page.activate(editor);
		editor.setActivePage("structure");
		flush();
		ModelTreePage structure = editor.treePages().get(0);
		DomainUse use = editor.certification().getDomains().get(0);
		assertEquals(java.util.Optional.empty(), editor.selectedUse(), "nothing chosen yet");
		structure.getTree().setSelection(new StructuredSelection(use), true);
		flush();
		assertSame(use, editor.selectedUse().orElseThrow());

		Competence shared = editor.attachableCompetences(use).stream()
				.filter(c -> ReferentialLibrary.referentialOf(c).getId().equals("cmi")).findFirst().orElseThrow();
		CompetenceDomain home = (CompetenceDomain) shared.eContainer();
		assertFalse(editor.attachableCompetences(use).stream().anyMatch(c -> c.eContainer() == use.getDomain()),
				"the domain's own competences are not offered");
		long ratedBefore = ratings(editor, shared);
		assertTrue(ratedBefore > 0, "the individuals' booklets rate it");
		assertTrue(editor.attach(use, shared));
		flush();
		assertEquals(List.of(shared), use.getSharedCompetences());
		assertFalse(editor.attach(use, shared), "a competence is attached once");
		assertFalse(editor.attachableCompetences(use).contains(shared));
		assertTrue(editor.isDirty());
		assertEquals(List.of(), editor.problems().stream().filter(p -> p.rule().equals("REF-13")).toList());

		// shown under the domain, marked as shared and where it comes from
		structure.getTree().expandToLevel(use, 1);
		flush();
		TreeItem useItem = find(structure.getTree().getTree().getItems(), use);
		List<String> texts = java.util.Arrays.stream(useItem.getItems()).map(TreeItem::getText).toList();
		String label = "Partagée (domaine " + home.getCode() + ") : " + shared.getCode() + " \u2014 "
				+ shared.getWording().replaceAll("\\s+", " ").strip();
		assertEquals(1, texts.stream().filter(t -> t.startsWith(label.substring(0, Math.min(label.length(), 139)))).count(),
				texts.toString());

		// Édition > Supprimer on it detaches it: the competence stays in its domain, rated as before
		TreeItem sharedItem = java.util.Arrays.stream(useItem.getItems()).filter(i -> i.getText().startsWith("Partagée "))
				.findFirst().orElseThrow();
		// dragged, it moves to another of the certification's domains only, never out of its own domain
		Object shown = sharedItem.getData();
		DomainUse second = editor.certification().getDomains().get(1);
		Competence elsewhere = editor.library().certification("CMI").orElseThrow().getDomains().get(0).getDomain()
				.getCompetences().get(0);
		var beforeElsewhere = ModelDragAndDrop.drop(editor.getEditingDomain(), List.of(shown), elsewhere, 0.1f,
				DND.DROP_MOVE | DND.DROP_COPY, DND.DROP_MOVE);
		assertFalse(beforeElsewhere.canExecute(), "a shared competence is not dropped where it would leave its domain");
		assertTrue(ModelEditing.execute(editor.getEditingDomain(), ModelDragAndDrop.drop(editor.getEditingDomain(), List.of(shown),
				second, 0.5f, DND.DROP_MOVE | DND.DROP_COPY, DND.DROP_MOVE)));
		flush();
		assertEquals(List.of(), use.getSharedCompetences());
		assertEquals(List.of(shared), second.getSharedCompetences());
		assertSame(home, shared.eContainer());
		editor.getEditingDomain().getCommandStack().undo();
		flush();
		assertEquals(List.of(shared), use.getSharedCompetences());
		assertEquals(List.of(), second.getSharedCompetences());
		structure.getTree().expandToLevel(use, 1);
		flush();
		sharedItem = java.util.Arrays.stream(find(structure.getTree().getTree().getItems(), use).getItems())
				.filter(i -> i.getText().startsWith("Partagée ")).findFirst().orElseThrow();

		structure.getTree().setSelection(new StructuredSelection(sharedItem.getData()), true);
		flush();
		IHandlerService handlers = page.getWorkbenchWindow().getService(IHandlerService.class);
		handlers.executeCommand("org.eclipse.ui.edit.delete", null);
		flush();
		assertEquals(List.of(), use.getSharedCompetences());
		assertSame(home, shared.eContainer());
		assertEquals(ratedBefore, ratings(editor, shared), "nothing that rates it lost its reference");
		handlers.executeCommand("org.eclipse.ui.edit.undo", null);
		flush();
		assertEquals(List.of(shared), use.getSharedCompetences());

		assertTrue(editor.save());
		flush();
		ReferentialLibrary saved = ReferentialLibrary.withFolder(DataFolder.referentials());
		DomainUse read = saved.certification("AC").orElseThrow().getDomains().get(0);
		assertEquals(List.of(shared.getCode()), read.getSharedCompetences().stream().map(Competence::getCode).toList());
		assertEquals(home.getCode(), ((CompetenceDomain) read.getSharedCompetences().get(0).eContainer()).getCode());
	}

	private static long ratings(ReferentialEditor editor, Competence competence) {
		long count = 0;
		for (var referential : editor.library().referentials()) {
			for (var contents = referential.eAllContents(); contents.hasNext();) {
				if (contents.next() instanceof fr.mutualite.cqp.model.referential.BookletItem item && item.getRates() == competence) {
					count++;
				}
			}
		}
		return count;
	}

	private static TreeItem find(TreeItem[] items, Object data) {
		for (TreeItem item : items) {
			if (item.getData() == data) {
				return item;
			}
			TreeItem inside = find(item.getItems(), data);
			if (inside != null) {
				return inside;
			}
		}
		return null;
	}

	@Test
	void theNavigatorListsEveryVersionAndSaysWhenAFileIsLeftOut() throws Exception {
		Path folder = DataFolder.referentials();
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("casse.referentiel"), "<?xml version=\"1.0\"?><ref:Referential");
		ReferentialLibrary library = ReferentialLibrary.withFolder(folder);
		library.newVersion(library.certification("SPSP").orElseThrow(), "2.0", java.time.LocalDate.of(2025, 1, 1), folder).eResource().save(null);
		NavigatorView navigator = (NavigatorView) page.showView(NavigatorView.ID);
		PlatformUI.getWorkbench().getService(CurrentDatabase.class).reopen();
		WorkbenchWindowTest.waitUntil(() -> WorkbenchWindowTest.certifications(navigator).size() == 7);
		List<String> spsp = navigator.getRoots()[0].children().stream().map(NavigatorView.Entry.class::cast)
				.filter(e -> e.code().equals("SPSP")).map(e -> e.version() + " " + e.inForce()).toList();
		assertEquals(List.of("2.0 true", "1.0 false"), spsp);
		assertEquals("1 fichier(s) de référentiel n'ont pas été lus : voir le journal.", navigator.getStatus());
		removeSavedReferentials();
		PlatformUI.getWorkbench().getService(CurrentDatabase.class).reopen();
		WorkbenchWindowTest.waitUntil(() -> WorkbenchWindowTest.certifications(navigator).size() == 6 && navigator.getStatus().isEmpty());
	}

	private static List<String> messages(List<Problem> problems) {
		return problems.stream().map(Problem::message).toList();
	}

	private static List<String> shownMessages(ProblemsView view) {
		return java.util.Arrays.stream(view.getTable().getTable().getItems()).map(i -> ((Problem) i.getData()).message()).toList();
	}

	private static List<String> rules(ReferentialEditor editor, CompetenceDomain domain) {
		return editor.problems().stream().filter(p -> p.element() == domain).map(Problem::rule).toList();
	}

	private static Criterion firstCriterion(ReferentialEditor editor) {
		return firstCriterion(editor.certification().getDomains().stream().map(u -> u.getDomain()).toList());
	}

	private static Criterion firstCriterion(List<CompetenceDomain> domains) {
		return domains.stream().flatMap(d -> d.getCriteriaGroups().stream()).flatMap(g -> g.getCriteria().stream()).findFirst()
				.orElseThrow();
	}

	@Test
	void aCaseFileIsImportedFromTheApplicationAndOpened() throws Exception {
		ReferentialLibrary shipped = ReferentialLibrary.shipped();
		java.io.StringWriter json = new java.io.StringWriter();
		fr.mutualite.cqp.referential.CaseExchange.write(shipped.certification("CMI").orElseThrow(), shipped, json);
		String title = shipped.certification("CMI").orElseThrow().getTitle();
		Path file = Files.createTempFile("cmi", ".json");
		try {
			Files.writeString(file, json.toString().replace("\"title\": \"" + title + "\",\n    \"description\"",
					"\"title\": \"Conseiller(ère) mutualiste des particuliers\",\n    \"description\""));
			// refused while a referential is changed and not saved
			ReferentialEditor dirty = open("AC");
			dirty.getEditingDomain().getCommandStack().execute(org.eclipse.emf.edit.command.SetCommand.create(
					dirty.getEditingDomain(), dirty.certification(), fr.mutualite.cqp.model.referential.ReferentialPackage.Literals.CERTIFICATION__TITLE, "Autre"));
			flush();
			fr.mutualite.cqp.core.CqpException refused = org.junit.jupiter.api.Assertions.assertThrows(fr.mutualite.cqp.core.CqpException.class,
					() -> fr.mutualite.cqp.ui.referential.CaseImport.importFile(page.getWorkbenchWindow().getShell(), page, file, false));
			assertEquals("Enregistrez d'abord les référentiels modifiés : l'import écrit dans les mêmes fichiers.", refused.getMessage());
			page.closeEditor(dirty, false);
			flush();
			ReferentialEditor before = open("CMI");
			ReferentialEditor imported = fr.mutualite.cqp.ui.referential.CaseImport.importFile(page.getWorkbenchWindow().getShell(), page, file, false);
			flush();
			assertNotNull(imported);
			assertFalse(before == imported, "the editor of the certification was opened again");
			assertEquals("Conseiller(ère) mutualiste des particuliers", imported.certification().getTitle());
			assertTrue(Files.isRegularFile(DataFolder.referentials().resolve("cmi.referentiel")));
			assertEquals(1, page.getEditorReferences().length);
		} finally {
			Files.delete(file);
		}
	}

	static void flush() {
		Display display = Display.getCurrent();
		for (int i = 0; i < 5; i++) {
			while (display.readAndDispatch()) {
				// run what is pending: refreshes, validation
			}
		}
	}
}
