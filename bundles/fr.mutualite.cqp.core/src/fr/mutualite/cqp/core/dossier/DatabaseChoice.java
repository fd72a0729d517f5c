package fr.mutualite.cqp.core.dossier;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.prefs.BackingStoreException;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.internal.Messages;

/**
 * The user's choice of database, kept in the preferences of the data folder: the embedded
 * database (by default, in the data folder), or a server on this machine with a user name. The
 * commands ({@code cqp database use}) and the application's preferences page keep the same
 * choice. Passwords are never kept: they are asked for, or read from {@code CQP_DB_PASSWORD}.
 */
public final class DatabaseChoice {

	/** The preference node of the choice (the store's, where earlier versions kept it). */
	public static final String NODE = "fr.mutualite.cqp.store"; //$NON-NLS-1$
	public static final String MODE = "mode", FOLDER = "folder", HOST = "host", PORT = "port", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			DATABASE = "database", USER = "user"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Where the embedded database lives in the data folder when no preference says otherwise. */
	public static final String DEFAULT_FOLDER = StoreSettings.DEFAULT_DATABASE;

	private DatabaseChoice() {
	}

	/** The database the preferences name, with {@code password} (may be null) for credentials. */
	public static StoreSettings read(Path dataFolder, char[] password) {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
		String user = node.get(USER, StoreSettings.OWNER);
		if (StoreSettings.Mode.SERVER.name().equalsIgnoreCase(node.get(MODE, ""))) { //$NON-NLS-1$
			return StoreSettings.server(node.get(HOST, StoreSettings.LOOPBACK),
					node.getInt(PORT, StoreSettings.DEFAULT_PORT), node.get(DATABASE, StoreSettings.DEFAULT_DATABASE),
					user, password);
		}
		String chosen = node.get(FOLDER, "").strip(); //$NON-NLS-1$
		Path folder = dataFolder.resolve(chosen.isEmpty() ? DEFAULT_FOLDER : chosen);
		return StoreSettings.embedded(folder, StoreSettings.OWNER, password);
	}

	/**
	 * Keeps {@code settings} (without password) as the user's choice, once {@code factory} has
	 * checked that they name a database (see {@link DossierStoreFactory#check}).
	 */
	public static void write(StoreSettings settings, DossierStoreFactory factory) throws CqpException {
		factory.check(settings);
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
		node.put(MODE, settings.mode().name().toLowerCase(Locale.ROOT));
		if (settings.mode() == StoreSettings.Mode.SERVER) {
			node.put(HOST, settings.host());
			node.putInt(PORT, settings.port());
			node.put(DATABASE, settings.database());
			node.put(USER, settings.user());
			node.remove(FOLDER);
		} else {
			node.put(FOLDER, settings.folder().toAbsolutePath().toString());
			node.remove(HOST);
			node.remove(PORT);
			node.remove(DATABASE);
			node.remove(USER);
		}
		flush(node);
	}

	/** Forgets the user's choice: the embedded database of the data folder again. */
	public static void reset() throws CqpException {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
		for (String key : new String[] { MODE, FOLDER, HOST, PORT, DATABASE, USER }) {
			node.remove(key);
		}
		flush(node);
	}

	private static void flush(IEclipsePreferences node) throws CqpException {
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new CqpException(Messages.Choice_cannotSave, e);
		}
	}
}
