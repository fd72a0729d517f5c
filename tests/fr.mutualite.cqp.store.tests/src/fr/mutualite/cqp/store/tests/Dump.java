package fr.mutualite.cqp.store.tests;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * A dossier as text, for comparisons whose failures show the difference: every attribute and
 * contained object, and every reference by the id or code of its target (by its place when the
 * target is inside the dossier).
 */
final class Dump {

	private Dump() {
	}

	static String of(EObject root, EStructuralFeature... skipped) {
		StringBuilder out = new StringBuilder();
		write(root, root, "", out, List.of(skipped));
		return out.toString();
	}

	private static void write(EObject root, EObject object, String indent, StringBuilder out,
			List<EStructuralFeature> skipped) {
		out.append(indent).append(object.eClass().getName()).append('\n');
		for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
			if (skipped.contains(feature) || !object.eIsSet(feature)) {
				continue;
			}
			Object value = object.eGet(feature);
			List<?> values = feature.isMany() ? (List<?>) value : List.of(value);
			for (Object v : values) {
				if (feature instanceof EReference reference && reference.isContainment()) {
					out.append(indent).append("  ").append(feature.getName()).append(":\n");
					write(root, (EObject) v, indent + "    ", out, skipped);
				} else {
					out.append(indent).append("  ").append(feature.getName()).append(" = ")
							.append(feature instanceof EAttribute ? text(v) : reference(root, (EObject) v)).append('\n');
				}
			}
		}
	}

	private static String text(Object value) {
		return String.valueOf(value);
	}

	private static String reference(EObject root, EObject target) {
		if (EcoreUtil.isAncestor(root, target)) {
			return "#" + EcoreUtil.getRelativeURIFragmentPath(root, target);
		}
		for (String name : new String[] { "id", "code" }) {
			EStructuralFeature f = target.eClass().getEStructuralFeature(name);
			if (f != null) {
				return target.eClass().getName() + ":" + target.eGet(f);
			}
		}
		return target.eClass().getName() + ":" + EcoreUtil.getURI(target);
	}
}
