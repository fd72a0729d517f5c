package fr.mutualite.cqp.core.validation;

import java.util.MissingResourceException;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.edit.provider.AdapterFactoryItemDelegator;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;

import fr.mutualite.cqp.model.edit.CqpEditPlugin;

/** Labels of model objects and features as users read them, from the edit layer (French or English). */
public final class Labels {

	private static final ComposedAdapterFactory FACTORY = new ComposedAdapterFactory(
			ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
	private static final AdapterFactoryItemDelegator DELEGATOR = new AdapterFactoryItemDelegator(FACTORY);

	private Labels() {
	}

	/**
	 * The label of {@code object}, e.g. "Critère d'évaluation ANALYSE-SITUATION.G1.1"; for a
	 * reference that could not be resolved, the code it looks for and the file it looks in.
	 */
	public static synchronized String of(EObject object) {
		if (object.eIsProxy()) {
			URI uri = ((InternalEObject) object).eProxyURI();
			return "« " + uri.fragment() + " » (" + uri.trimFragment().lastSegment() + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		String text = DELEGATOR.getText(object);
		return text == null || text.isBlank() ? object.eClass().getName() : text;
	}

	/** The label of {@code feature}, e.g. "Intitulé". */
	public static String of(EStructuralFeature feature) {
		String key = "_UI_" + feature.getEContainingClass().getName() + "_" + feature.getName() + "_feature"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		try {
			return CqpEditPlugin.INSTANCE.getString(key);
		} catch (MissingResourceException e) {
			return feature.getName();
		}
	}

	/** The label of the value {@code literal} of {@code type}, e.g. "Signé". */
	public static String of(EEnum type, Enumerator literal) {
		String key = "_UI_" + type.getName() + "_" + literal.getName() + "_literal"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		try {
			return CqpEditPlugin.INSTANCE.getString(key);
		} catch (MissingResourceException e) {
			return literal.getLiteral();
		}
	}
}
