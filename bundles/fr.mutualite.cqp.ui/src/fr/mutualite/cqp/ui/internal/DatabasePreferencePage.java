package fr.mutualite.cqp.ui.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;

/**
 * Préférences › Base de données: the embedded database of the data folder, or a server of this
 * machine with a user name (the same preference as {@code cqp database use}). Passwords are
 * asked for when connecting, never kept.
 */
public final class DatabasePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** The page's id in the preferences dialog. */
	public static final String ID = "fr.mutualite.cqp.ui.preferences.database"; //$NON-NLS-1$
	private static final String EMBEDDED = "embedded", SERVER = "server"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Width of the text fields, in characters. */
	private static final int WIDTH = 45;

	private RadioGroupFieldEditor mode;
	private String chosenMode;
	private StringFieldEditor folder;
	private StringFieldEditor host, database, user;
	private IntegerFieldEditor port;
	private FieldEditor[] server;

	public DatabasePreferencePage() {
		super(Messages.Database_title, GRID);
		setDescription(Messages.Database_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is made in doGetPreferenceStore
	}

	@Override
	protected IPreferenceStore doGetPreferenceStore() {
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, DatabaseChoice.NODE);
		store.setDefault(DatabaseChoice.MODE, EMBEDDED);
		store.setDefault(DatabaseChoice.FOLDER, ""); //$NON-NLS-1$
		store.setDefault(DatabaseChoice.HOST, StoreSettings.LOOPBACK);
		store.setDefault(DatabaseChoice.PORT, StoreSettings.DEFAULT_PORT);
		store.setDefault(DatabaseChoice.DATABASE, StoreSettings.DEFAULT_DATABASE);
		store.setDefault(DatabaseChoice.USER, StoreSettings.OWNER);
		return store;
	}

	@Override
	protected void createFieldEditors() {
		mode = new RadioGroupFieldEditor(DatabaseChoice.MODE, Messages.Database_mode, 1,
				new String[][] { { Messages.Database_embedded, EMBEDDED }, { Messages.Database_server, SERVER } },
				getFieldEditorParent(), true);
		addField(mode);
		folder = new StringFieldEditor(DatabaseChoice.FOLDER, Messages.Database_folder, WIDTH, getFieldEditorParent());
		folder.setEmptyStringAllowed(true);
		addField(folder);
		host = new StringFieldEditor(DatabaseChoice.HOST, Messages.Database_host, WIDTH, getFieldEditorParent());
		host.setEmptyStringAllowed(false);
		port = new IntegerFieldEditor(DatabaseChoice.PORT, Messages.Database_port, getFieldEditorParent());
		port.setValidRange(1, 65535);
		port.setErrorMessage(Messages.Database_badPort);
		database = new StringFieldEditor(DatabaseChoice.DATABASE, Messages.Database_name, WIDTH, getFieldEditorParent());
		database.setEmptyStringAllowed(false);
		user = new StringFieldEditor(DatabaseChoice.USER, Messages.Database_user, WIDTH, getFieldEditorParent());
		user.setEmptyStringAllowed(false);
		server = new FieldEditor[] { host, port, database, user };
		for (FieldEditor editor : server) {
			addField(editor);
		}
	}

	@Override
	protected void initialize() {
		super.initialize();
		enable(getPreferenceStore().getString(DatabaseChoice.MODE));
	}

	@Override
	public void propertyChange(PropertyChangeEvent event) {
		super.propertyChange(event);
		if (event.getSource() == mode) {
			enable(String.valueOf(event.getNewValue()));
		}
	}

	/**
	 * Keeps the choice only when it names a database, as {@code cqp database use} does: an
	 * embedded folder must hold one (empty: the data folder's), a server needs a valid address.
	 */
	@Override
	public boolean performOk() {
		try {
			DossierStoreFactory factory = PlatformUI.getWorkbench().getService(DossierStoreFactory.class);
			if (factory == null) {
				throw new CqpException(Messages.Database_noService);
			}
			if (SERVER.equals(chosenMode)) {
				factory.check(StoreSettings.server(host.getStringValue().strip(), port.getIntValue(),
						database.getStringValue().strip(), user.getStringValue().strip(), null));
			} else if (!folder.getStringValue().isBlank()) {
				factory.check(StoreSettings.embedded(Path.of(folder.getStringValue().strip())));
			}
		} catch (CqpException | NumberFormatException | InvalidPathException e) {
			setErrorMessage(e instanceof CqpException ? e.getMessage() : Messages.Database_badFolder);
			setValid(false);
			return false;
		}
		boolean kept = super.performOk();
		CurrentDatabase current = PlatformUI.getWorkbench().getService(CurrentDatabase.class);
		if (kept && current != null) {
			// every view and editor opens the newly chosen database on its next use
			current.reopen();
		}
		return kept;
	}

	private void enable(String chosen) {
		chosenMode = chosen;
		boolean onServer = SERVER.equals(chosen);
		folder.setEnabled(!onServer, getFieldEditorParent());
		for (FieldEditor editor : server) {
			editor.setEnabled(onServer, getFieldEditorParent());
		}
	}
}
