package fr.mutualite.cqp.ui.emf;

import java.util.List;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import fr.mutualite.cqp.core.validation.Labels;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.ui.emf.internal.Messages;

/**
 * The Problems view: the validation problems of the active model editor (severity, message,
 * element), refreshed after each of its validations; a double click (or Enter) shows the element
 * in the editor. The workbench's own Problems view needs a workspace of files the product has not.
 */
public final class ProblemsView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.emf.problems"; //$NON-NLS-1$

	private TableViewer table;
	private ProblemSource source;
	private final Runnable refresh = this::refresh;
	private final IPartListener2 editors = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof IEditorPart editor) {
				follow(editor);
			}
		}

		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof IEditorPart editor && editor.getAdapter(ProblemSource.class) == source) {
				follow(getSite().getPage().getActiveEditor());
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.setContentProvider(ArrayContentProvider.getInstance());
		column(layout, Messages.Problems_severity, 14, new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return severity(((Problem) element).severity());
			}

			@Override
			public Image getImage(Object element) {
				Severity s = ((Problem) element).severity();
				return PlatformUI.getWorkbench().getSharedImages().getImage(s == Severity.ERROR ? ISharedImages.IMG_OBJS_ERROR_TSK
						: s == Severity.WARNING ? ISharedImages.IMG_OBJS_WARN_TSK : ISharedImages.IMG_OBJS_INFO_TSK);
			}
		});
		column(layout, Messages.Problems_message, 60, new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return ((Problem) element).message();
			}
		});
		column(layout, Messages.Problems_element, 26, new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				Problem problem = (Problem) element;
				return problem.element() == null ? "" : Labels.of(problem.element()); //$NON-NLS-1$
			}
		});
		table.addOpenListener(e -> {
			Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
			if (first instanceof Problem problem && problem.element() != null && source != null) {
				source.reveal(problem.element());
			}
		});
		getSite().setSelectionProvider(table);
		getSite().getPage().addPartListener(editors);
		follow(getSite().getPage().getActiveEditor());
	}

	private void column(TableColumnLayout layout, String title, int weight, ColumnLabelProvider labels) {
		TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
		column.getColumn().setText(title);
		column.setLabelProvider(labels);
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
	}

	private static String severity(Severity severity) {
		return severity == Severity.ERROR ? Messages.Problems_error
				: severity == Severity.WARNING ? Messages.Problems_warning : Messages.Problems_info;
	}

	/** Shows the problems of {@code part} when it has some to show. */
	private void follow(IWorkbenchPart part) {
		ProblemSource next = part == null ? null : part.getAdapter(ProblemSource.class);
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
		List<Problem> problems = source == null ? List.of() : source.problems();
		table.setInput(problems);
		long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
		long warnings = problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
		setContentDescription(NLS.bind(Messages.Problems_summary, new Object[] { errors, warnings, problems.size() - errors - warnings }));
	}

	/** The problems shown, for tests. */
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
