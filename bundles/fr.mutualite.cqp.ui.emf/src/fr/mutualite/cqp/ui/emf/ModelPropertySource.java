package fr.mutualite.cqp.ui.emf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.emf.edit.provider.ItemPropertyDescriptor;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.DialogCellEditor;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.IPropertySourceProvider;

import fr.mutualite.cqp.ui.emf.internal.Messages;

/**
 * The Properties view's source over an item provider's {@link IItemPropertySource}: one row per
 * property descriptor, edited with the cell editor its feature needs (text, multi-line text,
 * lines, number, calendar day, yes/no, enumeration, reference chooser); every change is a command
 * of the object's editing domain, so it can be undone (the role of EMF's {@code PropertySource}).
 */
public final class ModelPropertySource implements IPropertySource {

	private final Object object;
	private final IItemPropertySource source;
	private final AdapterFactory factory;

	public ModelPropertySource(Object object, IItemPropertySource source, AdapterFactory factory) {
		this.object = object;
		this.source = source;
		this.factory = factory;
	}

	/** The provider the Properties view asks (through the editor's adapter) for each selected object. */
	public static IPropertySourceProvider provider(AdapterFactory factory) {
		return element -> {
			IItemPropertySource source = (IItemPropertySource) factory.adapt(element, IItemPropertySource.class);
			return source == null ? null : new ModelPropertySource(element, source, factory);
		};
	}

	@Override
	public Object getEditableValue() {
		return object;
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		List<IPropertyDescriptor> rows = new ArrayList<>();
		for (IItemPropertyDescriptor descriptor : source.getPropertyDescriptors(object)) {
			rows.add(new Row(descriptor));
		}
		return rows.toArray(new IPropertyDescriptor[0]);
	}

	private IItemPropertyDescriptor descriptor(Object id) {
		return source.getPropertyDescriptor(object, id);
	}

	@Override
	public Object getPropertyValue(Object id) {
		Object value = descriptor(id).getPropertyValue(object);
		return value instanceof ItemPropertyDescriptor.PropertyValueWrapper wrapper ? wrapper.getEditableValue(object) : value;
	}

	@Override
	public boolean isPropertySet(Object id) {
		return descriptor(id).isPropertySet(object);
	}

	@Override
	public void resetPropertyValue(Object id) {
		descriptor(id).resetPropertyValue(object);
	}

	@Override
	public void setPropertyValue(Object id, Object value) {
		descriptor(id).setPropertyValue(object, value == Cleared.VALUE ? null : value);
	}

	/** One property: its name, category, description, label and cell editor. */
	private final class Row implements IPropertyDescriptor {
		private final IItemPropertyDescriptor descriptor;

		Row(IItemPropertyDescriptor descriptor) {
			this.descriptor = descriptor;
		}

		@Override
		public CellEditor createPropertyEditor(Composite parent) {
			Values.Kind kind = Values.kind(descriptor, object);
			EStructuralFeature feature = descriptor.getFeature(object) instanceof EStructuralFeature f ? f : null;
			String title = descriptor.getDisplayName(object);
			return switch (kind) {
				case READ_ONLY -> null;
				case TEXT, NUMBER -> new ValueCellEditor(parent, feature);
				case MULTI_LINE, LINES -> new DialogEditor(parent, label()) {
					@Override
					protected Object openDialogBox(Control window) {
						return ValueDialogs.text(window.getShell(), title, Values.text(feature, getValue()))
								.map(text -> Values.parse(feature, text)).orElse(null);
					}
				};
				case DATE -> new DialogEditor(parent, label()) {
					@Override
					protected Object openDialogBox(Control window) {
						Object value = getValue();
						return ValueDialogs.day(window.getShell(), title, (java.time.LocalDate) value, !feature.isRequired())
								.map(day -> day.<Object>map(d -> d).orElse(Cleared.VALUE)).orElse(null);
					}
				};
				case BOOLEAN -> new ChoiceEditor(parent, List.of(Boolean.TRUE, Boolean.FALSE),
						List.of(Messages.Dialogs_yes, Messages.Dialogs_no));
				case ENUM -> {
					Collection<?> choices = descriptor.getChoiceOfValues(object);
					List<Object> literals = new ArrayList<>();
					List<String> texts = new ArrayList<>();
					for (Object choice : choices == null ? ((EEnum) feature.getEType()).getELiterals().stream()
							.map(EEnumLiteral::getInstance).toList() : choices) {
						literals.add(choice);
						texts.add(label().getText(choice));
					}
					yield new ChoiceEditor(parent, literals, texts);
				}
				case REFERENCE, REFERENCES -> new DialogEditor(parent, label()) {
					@Override
					protected Object openDialogBox(Control window) {
						Collection<?> choices = descriptor.getChoiceOfValues(object);
						Object value = getValue();
						Collection<?> current = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
						return ValueDialogs.choose(window.getShell(), title, choices == null ? List.of() : choices, current,
								factory, kind == Values.Kind.REFERENCES)
								.map(chosen -> kind == Values.Kind.REFERENCES ? (Object) chosen
										: chosen.isEmpty() ? Cleared.VALUE : chosen.get(0))
								.orElse(null);
					}
				};
			};
		}

		@Override
		public String getCategory() {
			return descriptor.getCategory(object);
		}

		@Override
		public String getDescription() {
			return descriptor.getDescription(object);
		}

		@Override
		public String getDisplayName() {
			return descriptor.getDisplayName(object);
		}

		@Override
		public String[] getFilterFlags() {
			return descriptor.getFilterFlags(object);
		}

		@Override
		public Object getHelpContextIds() {
			return null;
		}

		@Override
		public Object getId() {
			return descriptor.getId(object);
		}

		@Override
		public ILabelProvider getLabelProvider() {
			return label();
		}

		private ILabelProvider label() {
			IItemLabelProvider labels = descriptor.getLabelProvider(object);
			EStructuralFeature feature = descriptor.getFeature(object) instanceof EStructuralFeature f ? f : null;
			return new LabelProvider() {
				@Override
				public String getText(Object element) {
					if (feature != null && !(feature instanceof org.eclipse.emf.ecore.EReference)
							&& !(element instanceof EEnumLiteral) && !(feature.getEType() instanceof EEnum)) {
						return Values.text(feature, element);
					}
					return labels.getText(element);
				}
			};
		}

		@Override
		public boolean isCompatibleWith(IPropertyDescriptor other) {
			return false;
		}
	}

	/** The value a cell editor returns to remove a value (a cell editor's {@code null} means "unchanged"). */
	enum Cleared {
		VALUE
	}

	/** A text cell editor converting to and from the feature's values, refusing what is not one. */
	static final class ValueCellEditor extends TextCellEditor {
		private final EStructuralFeature feature;

		ValueCellEditor(Composite parent, EStructuralFeature feature) {
			super(parent, SWT.SINGLE);
			this.feature = feature;
			setValidator(value -> {
				try {
					Values.parse(feature, String.valueOf(value));
					return null;
				} catch (IllegalArgumentException e) {
					// the text editor formats the message with MessageFormat: quote what it would read as a pattern
					return e.getMessage().replace("'", "''").replace("{", "'{'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				}
			});
		}

		@Override
		protected void doSetValue(Object value) {
			super.doSetValue(Values.text(feature, value));
		}

		@Override
		protected Object doGetValue() {
			Object value = Values.parse(feature, (String) super.doGetValue());
			return value == null ? Cleared.VALUE : value;
		}
	}

	/** A choice among fixed values (an enumeration's literals, yes and no). */
	static final class ChoiceEditor extends ComboBoxCellEditor {
		private final List<Object> values;

		ChoiceEditor(Composite parent, List<Object> values, List<String> texts) {
			super(parent, texts.toArray(new String[0]), SWT.READ_ONLY);
			this.values = values;
		}

		@Override
		protected void doSetValue(Object value) {
			super.doSetValue(Math.max(0, values.indexOf(value)));
		}

		@Override
		protected Object doGetValue() {
			int index = (Integer) super.doGetValue();
			return index < 0 ? null : values.get(index);
		}
	}

	/** A cell showing the value's text, with a button opening a dialog. */
	abstract static class DialogEditor extends DialogCellEditor {
		private final ILabelProvider labels;

		DialogEditor(Composite parent, ILabelProvider labels) {
			super(parent);
			this.labels = labels;
		}

		@Override
		protected void updateContents(Object value) {
			if (getDefaultLabel() != null && !getDefaultLabel().isDisposed()) {
				getDefaultLabel().setText(value == null || value == Cleared.VALUE ? "" : labels.getText(value)); //$NON-NLS-1$
			}
		}
	}
}
