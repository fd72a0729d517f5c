package fr.mutualite.cqp.store.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

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
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The application's one database, opened through the store factory on first use. */
@Component(service = CurrentDatabase.class)
public final class CurrentDerbyDatabase implements CurrentDatabase {

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
			}
			store = factory.open(settings, referentials());
		}
		return store;
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
