package fr.mutualite.cqp.ui.emf;

import java.util.function.Function;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.LabelProviderChangedEvent;
import org.eclipse.swt.graphics.Image;

import fr.mutualite.cqp.core.validation.Validation.Severity;

/**
 * A JFace label provider over EMF.Edit item providers: their text and icon, the icon marked
 * with an overlay when the element (or something it contains) has a validation problem (the role
 * of EMF's {@code AdapterFactoryLabelProvider}).
 */
public class ModelLabelProvider extends LabelProvider {

	private final AdapterFactory factory;
	private final Images images = new Images();
	private Function<Object, Severity> severity = element -> null;

	public ModelLabelProvider(AdapterFactory factory) {
		this.factory = factory;
	}

	/** Marks the icons with what {@code severities} says of each element; every label is refreshed. */
	public void setSeverities(Function<Object, Severity> severities) {
		this.severity = severities;
		fireLabelProviderChanged(new LabelProviderChangedEvent(this));
	}

	@Override
	public String getText(Object element) {
		IItemLabelProvider provider = (IItemLabelProvider) factory.adapt(element, IItemLabelProvider.class);
		return provider == null ? String.valueOf(element) : provider.getText(element);
	}

	@Override
	public Image getImage(Object element) {
		IItemLabelProvider provider = (IItemLabelProvider) factory.adapt(element, IItemLabelProvider.class);
		return provider == null ? null : images.get(provider.getImage(element), severity.apply(element));
	}

	@Override
	public void dispose() {
		images.dispose();
		super.dispose();
	}
}
