package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.diagram.LayeredLayout.Layout;
import fr.mutualite.cqp.diagram.LayeredLayout.Placement;
import fr.mutualite.cqp.diagram.ReferentialGraph;
import fr.mutualite.cqp.diagram.ReferentialGraph.Filter;
import fr.mutualite.cqp.diagram.ReferentialGraph.Node;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.ReferentialPackage;
import fr.mutualite.cqp.ui.CertificationInput;
import fr.mutualite.cqp.ui.diagram.CrossTableView;
import fr.mutualite.cqp.ui.diagram.DiagramView;
import fr.mutualite.cqp.ui.referential.ReferentialEditor;

/**
 * The diagram and the cross table of the referentials in the real workbench: in step with the
 * editor's edits and undo, the selection linked both ways through real mouse events, a double
 * click opening another certification, the model trees' context menu, the export, and the cross
 * table's cells edited through NatTable as undoable commands.
 */
class DiagramViewTest {

	@TempDir
	Path tmp;

	private IWorkbenchPage page;
	private ReferentialEditor editor;
	private DiagramView view;

	@BeforeEach
	void open() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		editor = (ReferentialEditor) page.openEditor(new CertificationInput("CMI", null, "CMI"), CertificationInput.EDITOR_ID);
		view = (DiagramView) page.showView(DiagramView.ID);
		ReferentialEditorTest.flush();
	}

	@AfterEach
	void close() {
		page.hideView(view);
		CrossTableView table = (CrossTableView) page.findView(CrossTableView.ID);
		if (table != null) {
			page.hideView(table);
		}
		page.closeAllEditors(false);
		ReferentialEditorTest.flush();
	}

	private List<Certification> drawn() {
		return editor.library().certifications();
	}

	private EditingDomain domain() {
		return editor.getEditingDomain();
	}

	@Test
	void theDiagramShowsTheSixAndFollowsEditsAndUndo() throws Exception {
		ReferentialGraph expected = ReferentialGraph.of(drawn(), Filter.ALL, e -> null);
		assertEquals(expected.nodes().stream().map(Node::id).toList(), view.graph().nodes().stream().map(Node::id).toList());
		long shared = expected.nodes().stream().filter(Node::shared).count();
		assertEquals("Édité : CMI — " + expected.nodes().size() + " éléments, dont " + shared
				+ " partagés (double bordure, ×N) et 0 avec un problème (triangle : erreur, rond : avertissement).",
				view.getContentDescription());

		// a wording of the same length: the box is redrawn with it, nothing moves
		CompetenceDomain own = editor.certification().getDomains().stream().map(DomainUse::getDomain)
				.filter(d -> d.eResource() == editor.certification().eResource()).findFirst().orElseThrow();
		Competence competence = own.getCompetences().get(0);
		String wording = competence.getWording();
		String changed = "X" + wording.substring(1);
		Layout before = view.layout();
		assertTrue(domain().getCommandStack().getMostRecentCommand() == null);
		execute(SetCommand.create(domain(), competence, ReferentialPackage.Literals.ELEMENT__WORDING, changed));
		assertEquals(changed, view.graph().nodeOf(competence).wording());
		assertSame(before, view.layout(), "nothing moved");
		assertTrue(view.lastRebuildNanos() > 0);

		// a new competence: one box more, beside its siblings; the others keep their columns
		Competence added = ReferentialFactory.eINSTANCE.createCompetence();
		added.setCode(own.getCode() + ".C99");
		added.setWording("Compétence ajoutée dans le diagramme");
		execute(AddCommand.create(domain(), own, ReferentialPackage.Literals.COMPETENCE_DOMAIN__COMPETENCES, added));
		assertEquals(expected.nodes().size() + 1, view.graph().nodes().size());
		Placement sibling = view.layout().boxes().get(view.graph().nodeOf(competence).id());
		assertEquals(sibling.x(), view.layout().boxes().get(view.graph().nodeOf(added).id()).x());
		for (Node node : expected.nodes()) {
			assertEquals(before.boxes().get(node.id()).x(), view.layout().boxes().get(node.id()).x(), node.id());
		}

		IHandlerService handlers = page.getWorkbenchWindow().getService(IHandlerService.class);
		handlers.executeCommand("org.eclipse.ui.edit.undo", null);
		ReferentialEditorTest.flush();
		assertNull(view.graph().nodeOf(added), "undone");
		handlers.executeCommand("org.eclipse.ui.edit.undo", null);
		ReferentialEditorTest.flush();
		assertEquals(wording, view.graph().nodeOf(competence).wording());
	}

	private void execute(org.eclipse.emf.common.command.Command command) {
		assertTrue(command.canExecute());
		domain().getCommandStack().execute(command);
		ReferentialEditorTest.flush();
	}

	@Test
	void aClickSelectsInTheEditorAndThePropertiesAndTheEditorSelectsInTheDiagram() throws Exception {
		CompetenceDomain domain = editor.certification().getDomains().get(2).getDomain();
		Competence competence = domain.getCompetences().get(1);
		page.activate(view);
		click(view.pointOf(competence), 1);
		ReferentialEditorTest.flush();
		assertEquals(Set.of(view.graph().nodeOf(competence).id()), view.selectedBoxes());
		assertSame(competence, ((IStructuredSelection) page.getSelection()).getFirstElement(), "the workbench's selection");
		assertSame(competence, editor.treePages().get(0).getTree().getStructuredSelection().getFirstElement(), "the editor's");
		assertNotNull(view.getAdapter(IPropertySheetPage.class), "the Properties view shows it");

		// and back: a use of a domain selected in the editor selects the domain's box
		DomainUse use = editor.certification().getDomains().get(0);
		page.activate(editor);
		editor.treePages().get(0).getTree().setSelection(new org.eclipse.jface.viewers.StructuredSelection(use), true);
		ReferentialEditorTest.flush();
		assertEquals(Set.of(view.graph().nodeOf(use.getDomain()).id()), view.selectedBoxes());

		// a click on nothing selects nothing
		page.activate(view);
		click(new Point(view.control().getClientArea().width - 3, 3), 1);
		ReferentialEditorTest.flush();
		assertEquals(Set.of(), view.selectedBoxes());
	}

	private void click(Point at, int count) {
		assertNotNull(at);
		Event down = new Event();
		down.x = at.x;
		down.y = at.y;
		down.button = 1;
		view.control().notifyListeners(SWT.MouseDown, down);
		view.control().notifyListeners(SWT.MouseUp, down);
		if (count == 2) {
			view.control().notifyListeners(SWT.MouseDoubleClick, down);
		}
	}

	@Test
	void aDoubleClickOnAnotherCertificationOpensItsEditor() throws Exception {
		Certification ac = drawn().get(0);
		assertEquals("AC", ac.getCode());
		page.activate(view);
		click(view.pointOf(ac), 2);
		ReferentialEditorTest.flush();
		assertTrue(page.getActiveEditor() instanceof ReferentialEditor opened && opened.certification().getCode().equals("AC"),
				String.valueOf(page.getActiveEditor()));
	}

	@Test
	void theContextMenuRunsTheModelsCommandsWithUndo() throws Exception {
		CompetenceDomain domain = editor.certification().getDomains().get(4).getDomain();
		Competence competence = domain.getCompetences().get(0);
		page.activate(view);
		view.click(competence);
		ReferentialEditorTest.flush();
		Menu menu = view.control().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		List<String> items = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			if (!item.getText().isEmpty()) {
				items.add(item.getText().replace("&", ""));
			}
		}
		menu.notifyListeners(SWT.Hide, new Event());
		for (String expected : List.of("Ouvrir", "Nouvel élément", "Annuler", "Supprimer", "Rattacher un domaine partagé…")) {
			assertTrue(items.stream().anyMatch(i -> i.startsWith(expected)), expected + " in " + items);
		}
		IHandlerService handlers = page.getWorkbenchWindow().getService(IHandlerService.class);
		handlers.executeCommand("org.eclipse.ui.edit.delete", null);
		ReferentialEditorTest.flush();
		assertFalse(domain.getCompetences().contains(competence), "deleted");
		assertNull(view.graph().nodeOf(competence));
		handlers.executeCommand("org.eclipse.ui.edit.undo", null);
		ReferentialEditorTest.flush();
		assertTrue(domain.getCompetences().contains(competence), "undone");
		assertNotNull(view.graph().nodeOf(competence));
	}

	@Test
	void filtersAndExportsWriteWhatIsShown() throws Exception {
		view.filter("CMI", true);
		Certification cmi = editor.certification();
		ReferentialGraph expected = ReferentialGraph.of(drawn(), new Filter("CMI", true, Set.of()), e -> null);
		assertEquals(expected.nodes().stream().map(Node::id).toList(), view.graph().nodes().stream().map(Node::id).toList());
		assertTrue(view.graph().nodes().stream().anyMatch(n -> n.kind() == ReferentialGraph.Kind.CRITERION));
		assertSame(cmi, view.graph().nodes().get(0).element());
		Path svg = tmp.resolve("cmi.svg");
		assertTrue(view.exportTo(svg, true));
		assertEquals(expected.nodes().size(), Files.readString(svg).split("<g id=", -1).length - 1);
		Path png = tmp.resolve("cmi.png");
		assertTrue(view.exportTo(png, false));
		assertEquals((int) Math.ceil(view.layout().width()), javax.imageio.ImageIO.read(png.toFile()).getWidth());
		view.filter(null, false);
	}

	@Test
	void theCrossTableShowsWhatIsSharedAndEditsAWordingWithUndo() throws Exception {
		CrossTableView table = (CrossTableView) page.showView(CrossTableView.ID);
		ReferentialEditorTest.flush();
		List<Certification> columns = table.columns();
		// NatTable paints: the column header's first cell and the first row's domain colour
		org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(table.control().getDisplay(), 300, 60);
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(image);
		try {
			table.control().print(gc);
			org.eclipse.swt.graphics.ImageData data = image.getImageData();
			org.eclipse.swt.graphics.RGB domain = data.palette.getRGB(data.getPixel(295, 30));
			assertEquals(new org.eclipse.swt.graphics.RGB(0xE6, 0xF2, 0xE1), domain, "the first row, a domain, painted in its colour");
		} finally {
			gc.dispose();
			image.dispose();
		}
		assertEquals(List.of("AC", "CARC", "CMC", "CMI", "CRD", "SPSP"), columns.stream().map(Certification::getCode).toList());
		Map<EObject, Integer> users = new java.util.LinkedHashMap<>();
		for (Certification c : columns) {
			for (DomainUse use : c.getDomains()) {
				users.merge(use.getDomain(), 1, Integer::sum);
				for (Competence comp : fr.mutualite.cqp.model.DomainUses.competences(use)) {
					users.merge(comp, 1, Integer::sum);
				}
			}
		}
		assertEquals(new ArrayList<>(users.keySet()), table.rows().stream().map(r -> (EObject) r.element()).toList());
		assertEquals(new ArrayList<>(users.values()), table.rows().stream().map(CrossTableView.Row::usedBy).toList());

		// CMI words its first (shared) domain its own way: marked ≠ in CMI's column
		DomainUse use = editor.certification().getDomains().get(0);
		int row = table.rows().stream().map(CrossTableView.Row::element).toList().indexOf(use.getDomain());
		int column = columns.indexOf(editor.certification()) + 1;
		assertEquals("≠ " + use.getWording(), table.shown(column, row));
		assertEquals(use.getDomain().getWording(), table.shown(0, row));

		// edited in its cell (NatTable's own update command): the certification's wording, undoable
		assertTrue(table.type(column, row, "Analyser la situation d'un particulier"));
		ReferentialEditorTest.flush();
		assertEquals("Analyser la situation d'un particulier", use.getWording());
		assertEquals("≠ Analyser la situation d'un particulier", table.shown(column, row));
		IHandlerService handlers = page.getWorkbenchWindow().getService(IHandlerService.class);
		handlers.executeCommand("org.eclipse.ui.edit.undo", null);
		ReferentialEditorTest.flush();
		assertEquals("≠ " + use.getWording(), table.shown(column, row));
		assertFalse(editor.isDirty());
		// back to the domain's own wording: the certification's own is removed
		assertTrue(table.type(column, row, use.getDomain().getWording()));
		ReferentialEditorTest.flush();
		assertNull(use.getWording());
		assertEquals(use.getDomain().getWording(), table.shown(column, row));
		handlers.executeCommand("org.eclipse.ui.edit.undo", null);
		ReferentialEditorTest.flush();
		assertNotNull(use.getWording());
	}
}
