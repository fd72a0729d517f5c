package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.ui.internal.DossiersPerspective;
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
	void theDossiersPerspectiveShowsAnEmptyNavigator() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		assertEquals(DossiersPerspective.ID, window.getActivePage().getPerspective().getId());
		IViewPart view = window.getActivePage().findView(NavigatorView.ID);
		assertNotNull(view, "the navigator is in the window");
		assertEquals("Navigateur", view.getViewSite().getRegisteredName());
		NavigatorView navigator = (NavigatorView) view;
		while (Display.getCurrent().readAndDispatch()) {
			// let the window paint before inspecting it
		}
		assertEquals(0, navigator.getViewer().getTree().getItemCount(), "nothing is open yet");
		assertTrue(navigator.getViewer().getTree().isVisible());
	}

	@Test
	void theMenusAreInFrench() {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		List<String> menus = Arrays.stream(shell.getMenuBar().getItems()).map(MenuItem::getText)
				.filter(t -> !t.isEmpty()).toList();
		assertEquals(List.of("&Fichier", "F&enêtre", "&Aide"), menus);
		List<String> file = Arrays.stream(shell.getMenuBar().getItem(0).getMenu().getItems()).map(MenuItem::getText)
				.filter(t -> !t.isEmpty()).toList();
		assertTrue(file.stream().anyMatch(t -> t.startsWith("&Quitter")), file.toString());
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
