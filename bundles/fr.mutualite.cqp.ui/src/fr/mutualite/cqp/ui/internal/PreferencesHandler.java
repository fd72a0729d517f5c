package fr.mutualite.cqp.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Préférences": the product's own pages (database, language), without the platform's English ones. */
public final class PreferencesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		dialog(HandlerUtil.getActiveShellChecked(event), DatabasePreferencePage.ID).open();
		return null;
	}

	/** The preferences dialog, opened on the page {@code selected}. */
	public static PreferenceDialog dialog(org.eclipse.swt.widgets.Shell shell, String selected) {
		PreferenceManager manager = new PreferenceManager();
		manager.addToRoot(new PreferenceNode(DatabasePreferencePage.ID, new DatabasePreferencePage()));
		manager.addToRoot(new PreferenceNode(LanguagePreferencePage.ID, new LanguagePreferencePage()));
		PreferenceDialog dialog = new PreferenceDialog(shell, manager);
		dialog.setSelectedNode(selected);
		return dialog;
	}
}
