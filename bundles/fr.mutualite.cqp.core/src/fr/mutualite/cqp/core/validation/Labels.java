package fr.mutualite.cqp.core.validation;

import java.util.MissingResourceException;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.AdapterFactoryItemDelegator;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;

import fr.mutualite.cqp.model.edit.CqpEditPlugin;

/** Labels of model objects and features as users read them, from the edit layer (French or English). */
public final class Labels {

	private static final ComposedAdapterFactory FACTORY = new ComposedAdapterFactory(
			ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
	private static final AdapterFactoryItemDelegator DELEGATOR = new AdapterFactoryItemDelegator(FACTORY);

	private Labels() {
	}

	/** The label of {@code object}, e.g. "Critère d'évaluation ANALYSE-SITUATION.G1.1". */
	public static synchronized String of(EObject object) {
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

	/** The label of {@code feature} of {@code object}, e.g. "Intitulé". */
	public static synchronized String of(EObject object, EStructuralFeature feature) {
		var descriptors = DELEGATOR.getPropertyDescriptors(object);
		if (descriptors != null) {
			for (IItemPropertyDescriptor descriptor : descriptors) {
				if (descriptor.getFeature(object) == feature) {
					return descriptor.getDisplayName(object);
				}
			}
		}
		return feature.getName();
	}
}
