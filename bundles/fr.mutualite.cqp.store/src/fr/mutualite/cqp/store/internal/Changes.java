package fr.mutualite.cqp.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

import fr.mutualite.cqp.core.validation.Labels;

/**
 * Which parts of a dossier a save changes: the features of its root object whose values differ
 * between the stored version and the edited one. Recorded in the change log, and named back to
 * users whose save is refused.
 */
final class Changes {

	private static final String SEPARATOR = ","; //$NON-NLS-1$

	private Changes() {
	}

	/**
	 * The names of the features of {@code stored} and {@code edited} (same class) that differ,
	 * among those that are not {@code ignored}. Objects outside the dossier (companies, training
	 * bodies, referential elements) are compared by id or code.
	 */
	@SuppressWarnings("unchecked")
	static String between(EObject stored, EObject edited, Collection<? extends EStructuralFeature> ignored) {
		List<String> parts = new ArrayList<>();
		for (EStructuralFeature feature : edited.eClass().getEAllStructuralFeatures()) {
			if (ignored.contains(feature) || feature.isTransient() || feature.isDerived()) {
				continue;
			}
			Object before = stored.eGet(feature);
			Object after = edited.eGet(feature);
			boolean same;
			if (feature instanceof EAttribute) {
				same = Objects.equals(before, after);
			} else if (((EReference) feature).isContainment()) {
				Equality equality = new Equality(stored, edited);
				same = feature.isMany() ? equality.equals((List<EObject>) before, (List<EObject>) after)
						: equality.equals((EObject) before, (EObject) after);
			} else {
				same = feature.isMany() ? keys(stored, (List<?>) before).equals(keys(edited, (List<?>) after))
						: Objects.equals(key(stored, before), key(edited, after));
			}
			if (!same) {
				parts.add(feature.getName());
			}
		}
		return String.join(SEPARATOR, parts);
	}

	/**
	 * Contents compared value by value, references by what they point to: a part that refers to
	 * another changed part (a formative evaluation to its module) is not changed itself.
	 */
	private static final class Equality extends EcoreUtil.EqualityHelper {

		private static final long serialVersionUID = 1L;

		private final transient EObject storedRoot;
		private final transient EObject editedRoot;

		Equality(EObject storedRoot, EObject editedRoot) {
			this.storedRoot = storedRoot;
			this.editedRoot = editedRoot;
		}

		@Override
		protected boolean haveEqualReference(EObject stored, EObject edited, EReference reference) {
			if (reference.isContainment()) {
				return super.haveEqualReference(stored, edited, reference);
			}
			Object before = stored.eGet(reference);
			Object after = edited.eGet(reference);
			return reference.isMany() ? keys(storedRoot, (List<?>) before).equals(keys(editedRoot, (List<?>) after))
					: Objects.equals(key(storedRoot, before), key(editedRoot, after));
		}
	}

	/** The parts named by {@code features}, as {@link #between} writes them. */
	static String parts(EStructuralFeature... features) {
		return String.join(SEPARATOR, java.util.Arrays.stream(features).map(EStructuralFeature::getName).toList());
	}

	/** The labels of the parts {@link #between} found, for users. */
	static List<String> labels(EClass type, String parts) {
		List<String> labels = new ArrayList<>();
		for (String name : parts.split(SEPARATOR)) {
			EStructuralFeature feature = type.getEStructuralFeature(name);
			if (feature != null && !labels.contains(Labels.of(feature))) {
				labels.add(Labels.of(feature));
			}
		}
		return labels;
	}

	private static List<Object> keys(EObject root, List<?> objects) {
		List<Object> keys = new ArrayList<>();
		for (Object o : objects) {
			keys.add(key(root, o));
		}
		return keys;
	}

	/** What identifies {@code value}: its place inside {@code root}, else its id or code. */
	private static Object key(EObject root, Object value) {
		if (value instanceof EObject o && EcoreUtil.isAncestor(root, o)) {
			return EcoreUtil.getRelativeURIFragmentPath(root, o);
		}
		if (value instanceof EObject o) {
			for (String name : new String[] { "id", "code" }) { //$NON-NLS-1$ //$NON-NLS-2$
				EStructuralFeature idFeature = o.eClass().getEStructuralFeature(name);
				if (idFeature != null) {
					return o.eClass().getName() + ':' + o.eGet(idFeature);
				}
			}
		}
		return value;
	}
}
