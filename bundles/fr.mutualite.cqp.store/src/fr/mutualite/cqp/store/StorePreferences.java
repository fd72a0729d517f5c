package fr.mutualite.cqp.store;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.prefs.BackingStoreException;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.internal.Messages;

/**
 * The user's choice of database, kept in the preferences of the data folder: the embedded
 * database (by default, in the data folder), or a server on this machine with a user name.
 * Passwords are never kept: they are asked for, or read from {@code CQP_DB_PASSWORD}.
 */
public final class StorePreferences {

	/** The preference node of the store. */
	public static final String NODE = "fr.mutualite.cqp.store"; //$NON-NLS-1$
	public static final String MODE = "mode", FOLDER = "folder", HOST = "host", PORT = "port", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			DATABASE = "database", USER = "user"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Where the embedded database lives in the data folder when no preference says otherwise. */
	public static final String DEFAULT_FOLDER = StoreSettings.DEFAULT_DATABASE;

	private StorePreferences() {
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
	 * Keeps {@code settings} (without password) as the user's choice, once checked: an embedded
	 * database must exist, a server must be named by a valid host, port and database name.
	 */
	public static void write(StoreSettings settings) throws CqpException {
		check(settings);
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
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new CqpException(NLS.bind(Messages.Store_cannotSavePreferences, Messages.Store_seeLog), e);
		}
	}

	/** Forgets the user's choice: the embedded database of the data folder again. */
	public static void reset() throws CqpException {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
		for (String key : new String[] { MODE, FOLDER, HOST, PORT, DATABASE, USER }) {
			node.remove(key);
		}
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new CqpException(NLS.bind(Messages.Store_cannotSavePreferences, Messages.Store_seeLog), e);
		}
	}

	/** Refuses settings that name no database. */
	public static void check(StoreSettings settings) throws CqpException {
		if (settings.mode() == StoreSettings.Mode.EMBEDDED) {
			EmbeddedDerbyStore.existing(settings.folder());
		} else {
			ClientDerbyStore.checkAddress(settings);
		}
	}
}
