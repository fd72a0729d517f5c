package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.DialogPage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;
import fr.mutualite.cqp.ui.internal.DatabasePreferencePage;
import fr.mutualite.cqp.ui.internal.PreferencesHandler;

/** Préférences › Base de données: the choice of database the commands follow too. */
class DatabasePreferencePageTest {

	@TempDir
	Path tmp;

	private PreferenceDialog dialog;

	@AfterEach
	void close() throws Exception {
		if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
			dialog.close();
		}
		DatabaseChoice.reset();
	}

	private PreferenceDialog open() {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		dialog = PreferencesHandler.dialog(shell, DatabasePreferencePage.ID);
		dialog.setBlockOnOpen(false);
		dialog.open();
		flush();
		return dialog;
	}

	@Test
	void theFileMenuOpensThePreferencesInFrench() {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		List<String> file = WorkbenchWindowTest.items(shell.getMenuBar().getItem(0).getMenu());
		assertTrue(file.contains("Préférences…"), file.toString());
		open();
		List<String> labels = texts(dialog.getShell(), Label.class);
		assertTrue(labels.contains("Hôte du serveur :"), labels.toString());
		assertEquals("Préférences", dialog.getShell().getText());
		List<String> buttons = texts(dialog.getShell(), Button.class);
		assertTrue(buttons.containsAll(List.of("&Valeurs par défaut", "A&ppliquer", "Annuler", "Appliquer et fermer")),
				"JFace speaks French: " + buttons);
		assertTrue(buttons.contains("Base embarquée, dans le dossier de données (un seul utilisateur à la fois)"),
				buttons.toString());
	}

	@Test
	void choosingAServerKeepsItAsThePreferenceOfTheStore() throws Exception {
		DatabaseChoice.write(StoreSettings.server("localhost", 1600, "base", "marie", null), factory());
		open();
		List<Text> fields = controls(dialog.getShell(), Text.class);
		assertTrue(fields.stream().anyMatch(t -> t.getText().equals("marie") && t.isEnabled()), "the user is shown");
		assertTrue(fields.stream().anyMatch(t -> t.getText().equals("1600")));
		Text port = fields.stream().filter(t -> t.getText().equals("1600")).findFirst().orElseThrow();
		port.setText("1650");
		port.notifyListeners(SWT.Modify, null);
		Button ok = controls(dialog.getShell(), Button.class).stream()
				.filter(b -> b.getText().equals("Appliquer et fermer"))
				.findFirst().orElseThrow();
		ok.notifyListeners(SWT.Selection, null);
		flush();
		StoreSettings chosen = DatabaseChoice.read(Path.of("/donnees"), null);
		assertEquals(StoreSettings.Mode.SERVER, chosen.mode());
		assertEquals(1650, chosen.port());
		assertEquals("marie", chosen.user());
	}

	@Test
	void theEmbeddedChoiceDisablesTheServerFields() throws Exception {
		Path base = tmp.resolve("base");
		EmbeddedDerbyStore.create(base, null).close();
		DatabaseChoice.write(StoreSettings.embedded(base), factory());
		open();
		List<Text> fields = controls(dialog.getShell(), Text.class);
		Text host = fields.stream().filter(t -> t.getText().equals(StoreSettings.LOOPBACK)).findFirst().orElseThrow();
		assertFalse(host.isEnabled(), "no server fields for the embedded database");
		assertTrue(fields.stream().anyMatch(t -> t.getText().equals(base.toString()) && t.isEnabled()));
	}

	@Test
	void aFolderWithoutDatabaseIsRefusedAndTheFormerChoiceKept() throws Exception {
		Path base = tmp.resolve("gardee");
		EmbeddedDerbyStore.create(base, null).close();
		DatabaseChoice.write(StoreSettings.embedded(base), factory());
		open();
		Text folder = controls(dialog.getShell(), Text.class).stream().filter(t -> t.getText().equals(base.toString()))
				.findFirst().orElseThrow();
		folder.setText("/faute/de/frappe");
		folder.notifyListeners(SWT.Modify, null);
		controls(dialog.getShell(), Button.class).stream().filter(b -> b.getText().equals("Appliquer et fermer"))
				.findFirst().orElseThrow().notifyListeners(SWT.Selection, null);
		flush();
		assertFalse(dialog.getShell().isDisposed(), "the dialog stays open");
		assertEquals("Aucune base de données dans /faute/de/frappe : vérifiez le chemin, ou créez-la avec « cqp data "
				+ "generate » ou « cqp data import ».", ((DialogPage) dialog.getSelectedPage()).getErrorMessage());
		assertEquals(base, DatabaseChoice.read(Path.of("/donnees"), null).folder(), "the former choice is kept");
	}

	private static DossierStoreFactory factory() throws Exception {
		return CqpServices.get(DossierStoreFactory.class);
	}

	private static void flush() {
		while (Display.getCurrent().readAndDispatch()) {
			// let the dialog lay itself out
		}
	}

	private static <T extends Control> List<T> controls(Composite parent, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite c) {
				found.addAll(controls(c, type));
			}
		}
		return found;
	}

	private static <T extends Control> List<String> texts(Composite parent, Class<T> type) {
		return controls(parent, type).stream()
				.map(c -> c instanceof Label l ? l.getText() : c instanceof Button b ? b.getText() : "").toList();
	}
}
