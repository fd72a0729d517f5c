package fr.mutualite.cqp.model.edit;

import org.eclipse.emf.common.notify.Adapter;

import fr.mutualite.cqp.model.referential.provider.DomainUseItemProvider;
import fr.mutualite.cqp.model.referential.provider.ReferentialItemProviderAdapterFactory;

/**
 * The generated item providers of the referentials, registered in {@code plugin.xml}, with one
 * behaviour the generator cannot express: a certification's use of a domain shows the competences
 * it shares from other domains as EMF wrappers of that reference, so that removing one from the
 * tree removes the reference and never deletes the competence from its own domain.
 */
public class ReferentialItemProviders extends ReferentialItemProviderAdapterFactory {

	@Override
	public Adapter createDomainUseAdapter() {
		if (domainUseItemProvider == null) {
			domainUseItemProvider = new DomainUseItemProvider(this) {
				@Override
				protected boolean isWrappingNeeded(Object object) {
					// EMF wraps attribute values by itself, not the targets of a non-containment reference
					return true;
				}
			};
		}
		return domainUseItemProvider;
	}
}
