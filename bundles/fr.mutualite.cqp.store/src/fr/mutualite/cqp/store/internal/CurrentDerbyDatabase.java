package fr.mutualite.cqp.store.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The application's one database, opened through the store factory on first use. */
@Component(service = CurrentDatabase.class)
public final class CurrentDerbyDatabase implements CurrentDatabase {

	/** How many boot passwords are asked before the opening is given up. */
	private static final int BOOT_ATTEMPTS = 3;
	private static final Logger LOG = Logger.getLogger(CurrentDerbyDatabase.class.getName());

	private final DossierStoreFactory factory;
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private DossierStore store;
	private ReferentialLibrary referentials;

	@Activate
	public CurrentDerbyDatabase(@Reference DossierStoreFactory factory) {
		this.factory = factory;
	}

	@Override
	public StoreSettings settings() {
		return DatabaseChoice.read(DataFolder.get(), null);
	}

	@Override
	public synchronized DossierStore store(Credentials credentials) throws CqpException {
		if (store == null) {
			StoreSettings settings = settings();
			if (settings.mode() == StoreSettings.Mode.SERVER) {
				char[] password = credentials.password(settings);
				if (password == null) {
					throw new CqpException(Messages.Current_noPassword);
				}
				settings = StoreSettings.server(settings.host(), settings.port(), settings.database(), settings.user(),
						password);
				store = factory.open(settings, referentials());
			} else if (EmbeddedDerbyStore.exists(settings.folder()) && EmbeddedDerbyStore.encrypted(settings.folder())) {
				store = openEncrypted(settings, credentials);
			} else {
				store = factory.open(settings, referentials());
			}
			for (Listener listener : listeners) {
				listener.opened();
			}
		}
		return store;
	}

	/** Asks the boot password of the encrypted database of {@code settings}, again when wrong. */
	private DossierStore openEncrypted(StoreSettings settings, Credentials credentials) throws CqpException {
		for (int attempt = 0;; attempt++) {
			char[] boot = credentials.bootPassword(settings, attempt > 0);
			if (boot == null) {
				throw new CqpException(NLS.bind(Messages.Current_noBootPassword, settings.location()));
			}
			try {
				return factory.open(settings.withBootPassword(boot), referentials());
			} catch (CqpException e) {
				if (!SqlErrors.wrongBootPassword(e)) {
					throw e;
				}
				if (attempt + 1 == BOOT_ATTEMPTS) {
					throw new CqpException(NLS.bind(Messages.Current_wrongBootPassword, settings.location(),
							Integer.valueOf(BOOT_ATTEMPTS)), e);
				}
				LOG.log(Level.INFO, e.getMessage(), e);
			} finally {
				java.util.Arrays.fill(boot, '\0');
			}
		}
	}

	@Override
	public synchronized Optional<Role> role() {
		return Optional.ofNullable(store).map(DossierStore::role);
	}

	@Override
	public synchronized ReferentialLibrary referentials() throws CqpException {
		if (referentials == null) {
			try {
				referentials = ReferentialLibrary.withFolder(DataFolder.referentials());
			} catch (ReferentialException e) {
				throw new CqpException(e.getMessage(), e);
			}
		}
		return referentials;
	}

	@Override
	public void reopen() {
		synchronized (this) {
			close();
			referentials = null;
		}
		for (Listener listener : listeners) {
			listener.reopened();
		}
	}

	@Override
	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	@Deactivate
	synchronized void close() {
		if (store != null) {
			try {
				store.close();
			} catch (CqpException e) {
				LOG.log(Level.WARNING, e.getMessage(), e);
			}
			store = null;
		}
	}
}
