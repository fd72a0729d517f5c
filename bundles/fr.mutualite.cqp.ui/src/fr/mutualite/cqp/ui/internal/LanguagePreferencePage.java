package fr.mutualite.cqp.ui.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * The language of the application, French or English: kept in the data folder's preferences,
 * where the launcher reads it (the {@code CQP_LANG} variable wins over it); it applies when the
 * application starts, so changing it offers to restart.
 */
public final class LanguagePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public static final String ID = "fr.mutualite.cqp.ui.preferences.language"; //$NON-NLS-1$
	/** The preference node and key the launcher reads. */
	public static final String NODE = "fr.mutualite.cqp.ui", KEY = "language"; //$NON-NLS-1$ //$NON-NLS-2$

	private String before;

	public LanguagePreferencePage() {
		super(Messages.Language_title, GRID);
		setDescription(Messages.Language_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is made in doGetPreferenceStore
	}

	@Override
	protected IPreferenceStore doGetPreferenceStore() {
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, NODE);
		store.setDefault(KEY, "fr"); //$NON-NLS-1$
		return store;
	}

	@Override
	protected void createFieldEditors() {
		addField(new RadioGroupFieldEditor(KEY, Messages.Language_choice, 1,
				new String[][] { { "Fran\u00e7ais", "fr" }, { "English", "en" } }, getFieldEditorParent())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		before = getPreferenceStore().getString(KEY);
	}

	@Override
	public boolean performOk() {
		boolean ok = super.performOk();
		if (getControl() == null) {
			return ok;
		}
		String after = getPreferenceStore().getString(KEY);
		if (ok && !after.equals(before)) {
			before = after;
			if (PlatformUI.isWorkbenchRunning() && MessageDialog.openQuestion(getShell(), Messages.Language_title, Messages.Language_restart)) {
				getShell().getDisplay().asyncExec(() -> PlatformUI.getWorkbench().restart());
			}
		}
		return ok;
	}
}
