package fr.mutualite.cqp.ui.internal;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

import fr.mutualite.cqp.core.CqpProduct;

/**
 * The window's menus: "Fichier" (with room for the views to add to it, the preferences and
 * "Quitter") and "Aide". The workbench's stock actions are labelled in English only, as no French
 * language pack of the Eclipse platform can be installed from Maven Central: the product writes
 * its own.
 */
final class CqpActionBarAdvisor extends ActionBarAdvisor {

	private IAction preferences;
	private IAction quit;
	private IAction about;
	private IAction dossiers;
	private IAction statistics;

	CqpActionBarAdvisor(IActionBarConfigurer configurer) {
		super(configurer);
	}

	@Override
	protected void makeActions(IWorkbenchWindow window) {
		preferences = new Action(Messages.Action_preferences) {
			@Override
			public void run() {
				DatabasePreferencePage.dialog(window.getShell()).open();
			}
		};
		quit = new Action(Messages.Action_quit) {
			@Override
			public void run() {
				window.getWorkbench().close();
			}
		};
		quit.setActionDefinitionId("org.eclipse.ui.file.exit"); //$NON-NLS-1$
		dossiers = perspective(window, Messages.Action_dossiers, DossiersPerspective.ID);
		statistics = perspective(window, Messages.Action_statistics, StatisticsPerspective.ID);
		about = new Action(NLS.bind(Messages.Action_about, CqpProduct.name())) {
			@Override
			public void run() {
				MessageDialog.openInformation(window.getShell(), NLS.bind(Messages.Action_about, CqpProduct.name()),
						NLS.bind(Messages.About_text, CqpProduct.versionLine()));
			}
		};
	}

	@Override
	protected void fillMenuBar(IMenuManager menuBar) {
		MenuManager file = new MenuManager(Messages.Menu_file, IWorkbenchActionConstants.M_FILE);
		file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(new Separator());
		file.add(preferences);
		file.add(new Separator());
		file.add(quit);
		menuBar.add(file);
		MenuManager windows = new MenuManager(Messages.Menu_window, IWorkbenchActionConstants.M_WINDOW);
		windows.add(dossiers);
		windows.add(statistics);
		menuBar.add(windows);
		menuBar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		MenuManager help = new MenuManager(Messages.Menu_help, IWorkbenchActionConstants.M_HELP);
		help.add(about);
		menuBar.add(help);
	}

	/** An action showing the perspective {@code id} in {@code window}. */
	private static IAction perspective(IWorkbenchWindow window, String text, String id) {
		return new Action(text) {
			@Override
			public void run() {
				try {
					window.getWorkbench().showPerspective(id, window);
				} catch (WorkbenchException e) {
					MessageDialog.openError(window.getShell(), text, e.getMessage());
				}
			}
		};
	}
}
