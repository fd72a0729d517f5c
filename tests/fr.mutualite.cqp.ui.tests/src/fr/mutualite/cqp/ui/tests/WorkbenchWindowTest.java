package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.ui.internal.AboutHandler;
import fr.mutualite.cqp.ui.internal.ReferentialsPerspective;
import fr.mutualite.cqp.ui.internal.NavigatorView;

/** The real workbench of the product, started by the UI test harness in an X server. */
class WorkbenchWindowTest {

	@Test
	void theWindowTitledCqpMutualiteIsShown() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		assertNotNull(window, "a workbench window is open");
		Shell shell = window.getShell();
		assertEquals("CQP Mutualité", shell.getText());
		assertTrue(shell.isVisible(), "the window is visible");
		assertTrue(shell.getSize().x >= 800 && shell.getSize().y >= 600, "a usable size: " + shell.getSize());
		assertEquals(1, PlatformUI.getWorkbench().getWorkbenchWindowCount());
	}

	@Test
	void theReferentialsPerspectiveListsTheSixCertificationsInTheNavigator() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		assertEquals(ReferentialsPerspective.ID, window.getActivePage().getPerspective().getId());
		IViewPart view = window.getActivePage().findView(NavigatorView.ID);
		assertNotNull(view, "the navigator is in the window");
		assertEquals("Navigateur", view.getViewSite().getRegisteredName());
		NavigatorView navigator = (NavigatorView) view;
		assertEquals(List.of("Certifications", "Candidats"), Arrays.stream(navigator.getViewer().getTree().getItems())
				.map(i -> i.getText()).toList());
		assertEquals(List.of("AC", "CARC", "CMC", "CMI", "CRD", "SPSP"), certifications(navigator));
		assertEquals(6, navigator.getViewer().getTree().getItem(0).getItemCount(), "the tree shows what was read");
		navigator.getFilter().setText("cmi");
		waitUntil(() -> certifications(navigator).equals(List.of("CMI")));
		TreeItem cmi = navigator.getViewer().getTree().getItem(0).getItem(0);
		assertTrue(cmi.getText().startsWith("CMI — Conseiller(ère) mutualiste individuels (version 1.0, "), cmi.getText());
		navigator.getFilter().setText("");
		waitUntil(() -> certifications(navigator).size() == 6);
	}

	/** The codes of the certifications the navigator lists, once read. */
	static List<String> certifications(NavigatorView navigator) {
		NavigatorView.Branch certifications = navigator.getRoots()[0];
		waitUntil(() -> certifications.children() != null);
		flush();
		return certifications.children().stream().map(e -> ((NavigatorView.Entry) e).code()).toList();
	}

	static void flush() {
		while (Display.getCurrent().readAndDispatch()) {
			// let the tree show what was read
		}
	}

	@Test
	void theMenusAreInFrenchAndMadeOfCommands() {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		List<String> menus = Arrays.stream(shell.getMenuBar().getItems()).map(MenuItem::getText)
				.filter(t -> !t.isEmpty()).toList();
		assertEquals(List.of("&Fichier", "&Édition", "&Référentiel", "&Dossiers", "D&onnées", "Fe&nêtre", "&Aide"), menus);
		assertEquals(List.of("Enregistrer", "Préférences…", "Quitter"), items(shell.getMenuBar().getItem(0).getMenu()));
		assertEquals(List.of("Annuler", "Rétablir", "Couper", "Copier", "Coller", "Supprimer"),
				items(shell.getMenuBar().getItem(1).getMenu()));
		assertEquals(List.of("Référentiels", "Candidats et livrets", "Statistiques", "Navigateur", "Propriétés", "Problèmes",
				"Tableau de bord de l’observatoire",
				"Statistiques de l’observatoire", "Journal des modifications"), items(shell.getMenuBar().getItem(5).getMenu()));
		// while no database is open the role is unknown: everything is shown (the database answers)
		assertEquals(List.of("Journal des modifications", "Données personnelles du candidat sélectionné…",
				"Effacer les données personnelles du candidat sélectionné…", "Appliquer la durée de conservation…",
				"Envoyer un paquet d’échange…", "Recevoir un paquet d’échange…"), items(shell.getMenuBar().getItem(4).getMenu()));
		assertEquals(List.of("Candidats et livrets", "Nouveau candidat…", "Nouvelle session de jury", "Sessions de jury…"),
				items(shell.getMenuBar().getItem(3).getMenu()));
		assertEquals(List.of("Rattacher un domaine partagé…", "Rattacher une compétence partagée…", "Nouvelle version…", "Comparer avec une autre version…",
				"Exporter au format CASE…", "Importer un fichier CASE…", "Diagramme des référentiels",
				"Tableau croisé des certifications", "Cohérence des libellés"), items(shell.getMenuBar().getItem(2).getMenu()));
		assertEquals(List.of("À propos de CQP Mutualité"), items(shell.getMenuBar().getItem(6).getMenu()));
	}

	@Test
	void theAboutDialogNamesTheVersionsOfTheProductAndItsComponents() {
		String text = AboutHandler.text();
		List<String> lines = List.of(text.split("\n"));
		assertTrue(lines.get(0).startsWith("CQP Mutualité 0.1.0"), lines.get(0));
		assertTrue(lines.stream().anyMatch(l -> l.matches("EMF 2\\.\\d+\\.\\d+")), text);
		assertTrue(lines.stream().anyMatch(l -> l.matches("Apache Derby 10\\.17\\.\\d+")), text);
		assertTrue(lines.stream().anyMatch(l -> l.matches("BIRT 4\\.\\d+\\.\\d+")), text);
		assertTrue(lines.stream().anyMatch(l -> l.matches("Eclipse 3\\.\\d+\\.\\d+")), text);
	}

	/** The texts of {@code menu}'s items (shown first, so that contributed items are made), separators left out. */
	static List<String> items(Menu menu) {
		menu.notifyListeners(SWT.Show, new Event());
		List<String> texts = Arrays.stream(menu.getItems()).filter(i -> (i.getStyle() & SWT.SEPARATOR) == 0)
				.map(i -> i.getText().replaceAll("\\t.*$", "")).toList();
		menu.notifyListeners(SWT.Hide, new Event());
		return texts;
	}

	/** Runs the event loop until {@code condition} holds (at most 60 s). */
	static void waitUntil(java.util.function.BooleanSupplier condition) {
		long end = System.currentTimeMillis() + 60_000;
		Display display = Display.getCurrent();
		while (!condition.getAsBoolean()) {
			assertTrue(System.currentTimeMillis() < end, "waited 60 s in vain");
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}

	@Test
	void startingTheWorkbenchLoggedNoError() throws Exception {
		while (Display.getCurrent().readAndDispatch()) {
			// let pending work run, and log if it fails
		}
		Path log = Platform.getLogFileLocation().toFile().toPath();
		List<String> errors = Files.exists(log)
				? Files.readAllLines(log).stream().filter(l -> l.matches("!ENTRY \\S+ 4 .*")).toList()
				: List.of();
		assertEquals(List.of(), errors, "errors in " + log);
	}
}
