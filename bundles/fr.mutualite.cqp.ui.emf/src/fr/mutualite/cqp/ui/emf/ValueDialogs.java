package fr.mutualite.cqp.ui.emf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.dialogs.FilteredList;

import fr.mutualite.cqp.ui.emf.internal.Messages;

/**
 * The dialogs behind the editors of long texts, calendar days and references, shared by the
 * Properties view's cell editors and the editors' forms.
 */
public final class ValueDialogs {

	private ValueDialogs() {
	}

	/** A multi-line text, or empty when the user cancels. */
	public static Optional<String> text(Shell shell, String title, String initial) {
		String[] result = new String[1];
		Dialog dialog = new Dialog(shell) {
			private Text text;

			@Override
			protected void configureShell(Shell newShell) {
				super.configureShell(newShell);
				newShell.setText(title);
			}

			@Override
			protected boolean isResizable() {
				return true;
			}

			@Override
			protected Control createDialogArea(Composite parent) {
				Composite area = (Composite) super.createDialogArea(parent);
				text = new Text(area, SWT.MULTI | SWT.WRAP | SWT.BORDER | SWT.V_SCROLL);
				text.setText(initial == null ? "" : initial); //$NON-NLS-1$
				GridDataFactory.fillDefaults().grab(true, true).hint(480, 200).applyTo(text);
				return area;
			}

			@Override
			protected void okPressed() {
				result[0] = text.getText();
				super.okPressed();
			}
		};
		return dialog.open() == Window.OK ? Optional.of(result[0]) : Optional.empty();
	}

	/**
	 * A calendar day chosen on a calendar: empty when the user cancels, a holder of
	 * {@code null} when they remove the date ({@code optional} dates only).
	 */
	public static Optional<Optional<LocalDate>> day(Shell shell, String title, LocalDate initial, boolean optional) {
		List<Optional<LocalDate>> result = new ArrayList<>(1);
		Dialog dialog = new Dialog(shell) {
			private DateTime calendar;

			@Override
			protected void configureShell(Shell newShell) {
				super.configureShell(newShell);
				newShell.setText(title);
			}

			@Override
			protected Control createDialogArea(Composite parent) {
				Composite area = (Composite) super.createDialogArea(parent);
				calendar = new DateTime(area, SWT.CALENDAR | SWT.BORDER);
				LocalDate day = initial == null ? LocalDate.now() : initial;
				calendar.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
				return area;
			}

			@Override
			protected void createButtonsForButtonBar(Composite parent) {
				if (optional) {
					createButton(parent, IDialogConstants.NO_ID, Messages.Dialogs_noDate, false);
				}
				super.createButtonsForButtonBar(parent);
			}

			@Override
			protected void buttonPressed(int id) {
				if (id == IDialogConstants.NO_ID) {
					result.add(Optional.empty());
					setReturnCode(OK);
					close();
					return;
				}
				super.buttonPressed(id);
			}

			@Override
			protected void okPressed() {
				result.add(Optional.of(LocalDate.of(calendar.getYear(), calendar.getMonth() + 1, calendar.getDay())));
				super.okPressed();
			}
		};
		return dialog.open() == Window.OK && !result.isEmpty() ? Optional.of(result.get(0)) : Optional.empty();
	}

	/**
	 * Elements chosen among {@code choices}, with a search field: one, or several when
	 * {@code many}; empty when the user cancels.
	 */
	public static Optional<List<Object>> choose(Shell shell, String title, Collection<?> choices, Collection<?> selected,
			AdapterFactory factory, boolean many) {
		ModelLabelProvider labels = new ModelLabelProvider(factory);
		try {
			return choose(shell, title, choices, selected, labels, many);
		} finally {
			labels.dispose();
		}
	}

	/**
	 * Elements chosen among {@code choices}, shown by {@code labels}, with a search field that
	 * finds what it is given anywhere in a label (a code, a word of a wording), whatever the case.
	 */
	public static Optional<List<Object>> choose(Shell shell, String title, Collection<?> choices, Collection<?> selected,
			ILabelProvider labels, boolean many) {
		ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, labels) {
			@Override
			protected FilteredList createFilteredList(Composite parent) {
				FilteredList list = super.createFilteredList(parent);
				list.setFilterMatcher(new Anywhere());
				return list;
			}
		};
		dialog.setTitle(title);
		dialog.setMessage(Messages.Dialogs_search);
		dialog.setElements(choices.stream().filter(c -> c != null).toArray());
		dialog.setMultipleSelection(many);
		dialog.setAllowDuplicates(true);
		dialog.setInitialSelections(selected.toArray());
		if (dialog.open() != Window.OK) {
			return Optional.empty();
		}
		return Optional.of(List.of(dialog.getResult()));
	}

	/** Matches labels holding the text typed, anywhere, whatever the case. */
	private static final class Anywhere implements FilteredList.FilterMatcher {
		private String typed = ""; //$NON-NLS-1$

		@Override
		public void setFilter(String pattern, boolean ignoreCase, boolean ignoreWildCards) {
			typed = pattern == null ? "" : pattern.strip().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		}

		@Override
		public boolean match(Object element) {
			return typed.isEmpty() || String.valueOf(element).toLowerCase(Locale.ROOT).contains(typed);
		}
	}
}
