package fr.mutualite.cqp.ui.emf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.widgets.FormToolkit;

import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.ui.emf.internal.Messages;

/**
 * A form of the properties of one model object, for the editors' pages: a labelled field per
 * property its item provider describes (text, multi-line text, one line per value, number,
 * calendar day with a calendar, yes/no, enumeration, reference chooser with a search field). A
 * change is applied when the field is left or Enter is pressed, as an undoable command; a value
 * that is not one is refused next to its field and the model is left unchanged. The fields follow
 * the model's changes (an undo shows at once), and validation problems are shown next to the
 * field they concern.
 */
public final class PropertyForm {

	private final Composite body;
	private final FormToolkit toolkit;
	private final AdapterFactory factory;
	private final IMessageManager messages;
	private final Map<EStructuralFeature, Field> fields = new LinkedHashMap<>();
	private final Set<String> shown;
	private final Map<String, Supplier<Collection<?>>> offered = new HashMap<>();
	private Runnable typing = () -> {
		// nobody listens
	};
	private EObject object;
	private final AdapterImpl follower = new AdapterImpl() {
		@Override
		public void notifyChanged(Notification notification) {
			if (notification.getFeature() instanceof EStructuralFeature feature && fields.containsKey(feature)) {
				Field field = fields.get(feature);
				if (!body.isDisposed()) {
					body.getDisplay().asyncExec(() -> {
						if (!body.isDisposed()) {
							field.show();
						}
					});
				}
			}
		}
	};

	/**
	 * A form in {@code parent}; {@code features} names the features shown (by name, in the item
	 * provider's order), or is empty to show all of them.
	 */
	public PropertyForm(Composite parent, FormToolkit toolkit, AdapterFactory factory, IMessageManager messages,
			Set<String> features) {
		this.toolkit = toolkit;
		this.factory = factory;
		this.messages = messages;
		this.shown = features;
		body = toolkit.createComposite(parent);
		GridLayoutFactory.fillDefaults().numColumns(3).spacing(8, 6).applyTo(body);
	}

	public Composite getControl() {
		return body;
	}

	/** The object shown, or {@code null}. */
	public EObject getInput() {
		return object;
	}

	/**
	 * Offers {@code values} to choose from for the reference {@code feature} (by name), instead of
	 * the objects its item provider finds beside the object shown.
	 */
	public void setChoices(String feature, Supplier<Collection<?>> values) {
		offered.put(feature, values);
	}

	/** Shows {@code shownObject}'s properties (none when {@code null}). */
	public void setInput(EObject shownObject) {
		if (shownObject != null && shownObject == object && !body.isDisposed()) {
			return;
		}
		if (object != null) {
			object.eAdapters().remove(follower);
		}
		if (body.isDisposed()) {
			fields.clear();
			object = null;
			return;
		}
		for (Field field : fields.values()) {
			messages.removeMessages(field.control);
		}
		for (Control c : body.getChildren()) {
			c.dispose();
		}
		fields.clear();
		object = shownObject;
		if (object != null) {
			IItemPropertySource source = (IItemPropertySource) factory.adapt(object, IItemPropertySource.class);
			if (source != null) {
				for (IItemPropertyDescriptor descriptor : source.getPropertyDescriptors(object)) {
					if (descriptor.getFeature(object) instanceof EStructuralFeature feature
							&& (shown.isEmpty() || shown.contains(feature.getName()))) {
						Values.Kind kind = Values.kind(descriptor, object);
						if (!(feature instanceof org.eclipse.emf.ecore.EReference r && r.isContainment())) {
							fields.put(feature, new Field(descriptor, feature, kind));
						}
					}
				}
			}
			object.eAdapters().add(follower);
		}
		body.layout(true, true);
	}

	/** Shows next to their fields the problems of {@code problems} that concern the object shown. */
	public void showProblems(List<Problem> problems) {
		for (Field field : fields.values()) {
			messages.removeMessages(field.control);
		}
		if (object == null || fields.isEmpty()) {
			return;
		}
		int n = 0;
		for (Problem problem : problems) {
			if (problem.element() == object) {
				Field field = problem.feature() == null ? null : fields.get(problem.feature());
				Control control = field == null ? fields.values().iterator().next().control : field.control;
				messages.addMessage("problem" + n++, problem.message(), problem, //$NON-NLS-1$
						problem.severity() == Severity.ERROR ? IMessageProvider.ERROR
								: problem.severity() == Severity.WARNING ? IMessageProvider.WARNING : IMessageProvider.INFORMATION,
						control);
			}
		}
	}

	/** The control editing {@code feature}, for tests and keyboard navigation. */
	public Control control(String feature) {
		return fields.entrySet().stream().filter(e -> e.getKey().getName().equals(feature)).map(e -> e.getValue().control)
				.findFirst().orElse(null);
	}

	/** {@code listener} runs each time something is typed in a field, before it is applied. */
	public void setTypingListener(Runnable listener) {
		typing = listener;
	}

	/** Whether a field holds text typed but not applied yet (its field not left). */
	public boolean hasPendingText() {
		return fields.values().stream().anyMatch(Field::pending);
	}

	/**
	 * Applies the text typed in every field not left yet, as leaving them does (before a save);
	 * says whether all were accepted (a refused one keeps its text and its message).
	 */
	public boolean commitPendingText() {
		boolean all = true;
		for (Field field : fields.values()) {
			if (field.pending()) {
				all &= field.commitText();
			}
		}
		return all;
	}

	/** Applies what is typed in {@code feature}'s field, as leaving it does; says whether it was accepted. */
	public boolean commit(String feature) {
		return fields.entrySet().stream().filter(e -> e.getKey().getName().equals(feature)).findFirst()
				.map(e -> e.getValue().commitText()).orElse(false);
	}

	public void dispose() {
		setInput(null);
		body.dispose();
	}

	/** One labelled field. */
	private final class Field {
		private final IItemPropertyDescriptor descriptor;
		private final EStructuralFeature feature;
		private final Values.Kind kind;
		private final Control control;
		private final List<Object> choices = new ArrayList<>();
		/** Text typed in the field since it last showed or applied the model's value. */
		private boolean typed;
		private boolean showing;

		Field(IItemPropertyDescriptor descriptor, EStructuralFeature feature, Values.Kind kind) {
			this.descriptor = descriptor;
			this.feature = feature;
			this.kind = kind;
			Label label = toolkit.createLabel(body, descriptor.getDisplayName(object) + (feature.isRequired() ? " *" : "")); //$NON-NLS-1$ //$NON-NLS-2$
			label.setToolTipText(descriptor.getDescription(object));
			boolean multi = kind == Values.Kind.MULTI_LINE || kind == Values.Kind.LINES;
			GridDataFactory.fillDefaults().align(SWT.FILL, multi ? SWT.BEGINNING : SWT.CENTER).applyTo(label);
			control = create(multi);
			control.setData("feature", feature.getName()); //$NON-NLS-1$
			show();
		}

		private Control create(boolean multi) {
			Button button = null;
			Control created;
			switch (kind) {
				case BOOLEAN -> {
					Button check = toolkit.createButton(body, "", SWT.CHECK); //$NON-NLS-1$
					check.addListener(SWT.Selection, e -> apply(check.getSelection()));
					created = check;
				}
				case ENUM -> {
					Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
					toolkit.adapt(combo, true, false);
					Collection<?> values = descriptor.getChoiceOfValues(object);
					for (Object choice : values == null ? ((EEnum) feature.getEType()).getELiterals().stream()
							.map(EEnumLiteral::getInstance).toList() : values) {
						choices.add(choice);
						combo.add(descriptor.getLabelProvider(object).getText(choice));
					}
					combo.addListener(SWT.Selection, e -> apply(choices.get(combo.getSelectionIndex())));
					created = combo;
				}
				case REFERENCE, REFERENCES, READ_ONLY -> {
					Text text = toolkit.createText(body, "", SWT.READ_ONLY | (multi ? SWT.MULTI | SWT.WRAP : SWT.SINGLE)); //$NON-NLS-1$
					created = text;
					if (kind != Values.Kind.READ_ONLY) {
						button = toolkit.createButton(body, Messages.Dialogs_choose + '\u2026', SWT.PUSH);
						button.addListener(SWT.Selection, e -> choose());
					}
				}
				default -> {
					Text text = toolkit.createText(body, "", multi ? SWT.MULTI | SWT.WRAP | SWT.V_SCROLL : SWT.SINGLE); //$NON-NLS-1$
					text.addListener(SWT.FocusOut, e -> commitText());
					text.addListener(SWT.Modify, e -> {
						if (!showing) {
							typed = true;
							typing.run();
						}
					});
					if (!multi) {
						text.addListener(SWT.DefaultSelection, e -> commitText());
					}
					created = text;
					if (kind == Values.Kind.DATE) {
						button = toolkit.createButton(body, "\u2026", SWT.PUSH); //$NON-NLS-1$
						button.setToolTipText(Messages.Form_calendar);
						button.addListener(SWT.Selection, e -> calendar());
					}
				}
			}
			GridDataFactory.fillDefaults().grab(true, false).span(button == null ? 2 : 1, 1)
					.hint(200, multi ? 70 : SWT.DEFAULT).applyTo(created);
			return created;
		}

		/** Whether the field's text differs from the model's value (typed, not applied yet). */
		boolean pending() {
			if (!(control instanceof Text text) || control.isDisposed() || !text.getEditable()
					|| kind == Values.Kind.REFERENCE || kind == Values.Kind.REFERENCES || kind == Values.Kind.READ_ONLY) {
				return false;
			}
			return typed && !text.getText().equals(Values.text(feature, object.eGet(feature)));
		}

		/** Shows the model's value. */
		void show() {
			if (control.isDisposed()) {
				return;
			}
			Object value = object.eGet(feature);
			if (control instanceof Button check) {
				check.setSelection(Boolean.TRUE.equals(value));
			} else if (control instanceof Combo combo) {
				combo.select(choices.indexOf(value));
			} else if (control instanceof Text text) {
				String shownText = kind == Values.Kind.REFERENCE || kind == Values.Kind.REFERENCES || kind == Values.Kind.READ_ONLY
						? references(value) : Values.text(feature, value);
				if (!text.getText().equals(shownText)) {
					showing = true;
					try {
						text.setText(shownText);
					} finally {
						showing = false;
					}
				}
				typed = false;
			}
		}

		private String references(Object value) {
			if (value instanceof Collection<?> many) {
				return String.join(", ", many.stream().map(v -> descriptor.getLabelProvider(object).getText(v)).toList()); //$NON-NLS-1$
			}
			return value == null ? "" : descriptor.getLabelProvider(object).getText(value); //$NON-NLS-1$
		}

		/** Applies the text typed; refuses, next to the field, what is not a value. */
		boolean commitText() {
			if (!(control instanceof Text text) || control.isDisposed()) {
				return false;
			}
			try {
				Object value = Values.parse(feature, text.getText());
				messages.removeMessage(this, control);
				apply(value);
				return true;
			} catch (IllegalArgumentException e) {
				messages.addMessage(this, e.getMessage(), null, IMessageProvider.ERROR, control);
				return false;
			}
		}

		private void apply(Object value) {
			Object current = object.eGet(feature);
			if (!Objects.equals(current, value) && !(value == null && current instanceof Collection<?> c && c.isEmpty())) {
				descriptor.setPropertyValue(object, value);
			}
		}

		private void calendar() {
			LocalDate day = (LocalDate) object.eGet(feature);
			ValueDialogs.day(body.getShell(), descriptor.getDisplayName(object), day, !feature.isRequired()).ifPresent(chosen -> {
				messages.removeMessage(this, control);
				apply(chosen.orElse(null));
			});
		}

		private void choose() {
			Supplier<Collection<?>> given = offered.get(feature.getName());
			Collection<?> values = given != null ? given.get() : descriptor.getChoiceOfValues(object);
			Object value = object.eGet(feature);
			Collection<?> current = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
			ValueDialogs.choose(body.getShell(), descriptor.getDisplayName(object), values == null ? List.of() : values, current,
					factory, kind == Values.Kind.REFERENCES).ifPresent(chosen -> apply(
							kind == Values.Kind.REFERENCES ? chosen : chosen.isEmpty() ? null : chosen.get(0)));
		}
	}
}
