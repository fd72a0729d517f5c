package fr.mutualite.cqp.store.internal;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.store.ClientDerbyStore;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;

/** Opens Derby databases of dossiers, embedded or through a network server. */
@Component(service = DossierStoreFactory.class)
public final class DerbyDossierStoreFactory implements DossierStoreFactory {

	@Override
	public DossierStore open(StoreSettings settings, ReferentialLibrary library, Opening opening,
			Consumer<String> notices) throws CqpException {
		return DerbyDossierStore.open(settings, library, opening, notices);
	}

	@Override
	public void check(StoreSettings settings) throws CqpException {
		if (settings.mode() == StoreSettings.Mode.EMBEDDED) {
			EmbeddedDerbyStore.existing(settings.folder());
		} else {
			ClientDerbyStore.checkAddress(settings);
		}
	}

	@Override
	public List<String> repair(StoreSettings settings) throws CqpException {
		try (EmbeddedDerbyStore store = EmbeddedDerbyStore.open(settings.folder(), settings.user(), settings.password(), settings.bootPassword())) {
			return Migrations.repair(store.connect(), store.location());
		}
	}
}
