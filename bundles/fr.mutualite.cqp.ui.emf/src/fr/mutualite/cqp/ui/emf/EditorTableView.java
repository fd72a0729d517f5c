package fr.mutualite.cqp.ui.emf;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

/**
 * A view showing, as a table, something about the active model editor (its problems, its
 * wordings...): it follows the active editor and reads its rows again after each of the editor's
 * validations, that is after each change.
 */
public abstract class EditorTableView extends ViewPart {

	private TableViewer table;
	private TableColumnLayout layout;
	private ProblemSource source;
	private final Runnable refresh = this::refresh;
	private final IPartListener2 editors = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof org.eclipse.ui.IEditorPart editor) {
				follow(editor);
			}
		}

		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			IWorkbenchPart part = ref.getPart(false);
			if (part != null && source != null && sourceOf(part) == source) {
				follow(getSite().getPage().getActiveEditor() == part ? null : getSite().getPage().getActiveEditor());
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		layout = new TableColumnLayout();
		holder.setLayout(layout);
		table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.setContentProvider(ArrayContentProvider.getInstance());
		createColumns();
		table.addOpenListener(e -> {
			Object first = table.getStructuredSelection().getFirstElement();
			if (first != null && source != null) {
				opened(first, source);
			}
		});
		getSite().setSelectionProvider(table);
		getSite().getPage().addPartListener(editors);
		follow(getSite().getPage().getActiveEditor());
	}

	/** Adds the columns, with {@link #column}. */
	protected abstract void createColumns();

	/** The rows about {@code followed}. */
	protected abstract List<?> rows(ProblemSource followed);

	/** The line above the table, for {@code followed} ({@code null}: no editor) and its rows. */
	protected abstract String description(ProblemSource followed, List<?> rows);

	/** What the view follows in {@code part}, or {@code null}: by default its problems. */
	protected ProblemSource sourceOf(IWorkbenchPart part) {
		return part.getAdapter(ProblemSource.class);
	}

	/** Enter or a double click on {@code row}. */
	protected void opened(Object row, ProblemSource followed) {
		// nothing by default
	}

	/** Adds a column whose cells read {@code text} of each row. */
	protected void column(String title, int weight, Function<Object, String> text) {
		column(title, weight, new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				String value = text.apply(element);
				return value == null ? "" : value.replace('\n', ' '); //$NON-NLS-1$
			}
		});
	}

	/** Adds a column drawn by {@code labels}. */
	protected void column(String title, int weight, CellLabelProvider labels) {
		column(table, layout, title, weight, labels);
	}

	/** Adds to {@code viewer} a column drawn by {@code labels}, {@code weight} parts of the width. */
	public static void column(TableViewer viewer, TableColumnLayout columns, String title, int weight, CellLabelProvider labels) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.setLabelProvider(labels);
		columns.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
	}

	private void follow(IWorkbenchPart part) {
		ProblemSource next = part == null ? null : sourceOf(part);
		if (next == source) {
			return;
		}
		if (source != null) {
			source.removeProblemListener(refresh);
		}
		source = next;
		if (source != null) {
			source.addProblemListener(refresh);
		}
		refresh();
	}

	private void refresh() {
		if (table == null || table.getControl().isDisposed()) {
			return;
		}
		List<?> rows = source == null ? List.of() : rows(source);
		table.setInput(rows);
		setContentDescription(description(source, rows));
	}

	/** The rows shown, for tests. */
	public TableViewer getTable() {
		return table;
	}

	@Override
	public void setFocus() {
		table.getControl().setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(editors);
		if (source != null) {
			source.removeProblemListener(refresh);
		}
		super.dispose();
	}
}
