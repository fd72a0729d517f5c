package fr.mutualite.cqp.ui.referential;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.EObject;

import org.eclipse.emf.common.notify.AdapterFactory;

import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.ui.emf.ModelContentProvider;

/**
 * The trees of the referential editor: as the item providers give them, except that a
 * certification's use of a domain (which may be shared with other certifications) shows the
 * domain's competences and criteria groups, so the whole referential reads as one tree, and the
 * competences of other domains it shares (EMF's wrappers of a reference, removed, not deleted).
 */
final class ReferentialContentProvider extends ModelContentProvider {

	ReferentialContentProvider(AdapterFactory factory) {
		super(factory);
	}

	/** A page's roots may be computed (the booklets of a certification): read them at each refresh. */
	@Override
	public Object[] getElements(Object input) {
		if (input instanceof Supplier<?> roots) {
			return ((List<?>) roots.get()).toArray();
		}
		return super.getElements(input);
	}

	@Override
	public Object[] getChildren(Object parent) {
		if (parent instanceof DomainUse use && use.getDomain() != null) {
			List<Object> children = new ArrayList<>(List.of(super.getChildren(use)));
			children.addAll(List.of(super.getChildren(use.getDomain())));
			return children.toArray();
		}
		return super.getChildren(parent);
	}

	@Override
	public Object getParent(Object element) {
		Object parent = super.getParent(element);
		if (parent instanceof CompetenceDomain domain) {
			List<Object> uses = uses(domain);
			return uses.isEmpty() ? parent : uses.get(0);
		}
		return parent;
	}

	@Override
	protected List<Object> shownFor(Object element) {
		if (element instanceof CompetenceDomain domain) {
			List<Object> shown = new ArrayList<>(uses(domain));
			shown.add(domain);
			return shown;
		}
		if (input() instanceof Supplier<?> roots && element instanceof EObject object && !((List<?>) roots.get()).isEmpty()
				&& ((List<?>) roots.get()).get(0) instanceof EObject first && first.eContainer() == object) {
			// a root added or removed: the page's roots are read again
			return List.of(roots);
		}
		return super.shownFor(element);
	}

	/** The uses of {@code domain} by the certification shown. */
	private List<Object> uses(CompetenceDomain domain) {
		if (input() instanceof Certification certification) {
			return certification.getDomains().stream().filter(u -> u.getDomain() == domain).map(Object.class::cast).toList();
		}
		return List.of();
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof DomainUse use && use.getDomain() != null
				? super.hasChildren(use.getDomain()) || super.hasChildren(use)
				: super.hasChildren(element);
	}
}
