package fr.mutualite.cqp.store.internal;

import org.osgi.service.component.annotations.Component;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** Opens Derby databases of dossiers, embedded or through a network server. */
@Component(service = DossierStoreFactory.class)
public final class DerbyDossierStoreFactory implements DossierStoreFactory {

	@Override
	public DossierStore open(StoreSettings settings, ReferentialLibrary library) throws CqpException {
		return DerbyDossierStore.open(settings, library);
	}
}
