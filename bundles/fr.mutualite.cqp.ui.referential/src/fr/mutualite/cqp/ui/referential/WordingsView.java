package fr.mutualite.cqp.ui.referential;

import java.util.List;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

import fr.mutualite.cqp.referential.ConsistencyReport;
import fr.mutualite.cqp.referential.ConsistencyReport.Difference;
import fr.mutualite.cqp.referential.ConsistencyReport.Kind;

/**
 * The wording consistency of the certification of the active referential editor: where its
 * booklets, or the certification itself, word an element otherwise than the referential, add
 * items, leave elements out or file them elsewhere; brought up to date after each change.
 */
public final class WordingsView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.referential.wordings"; //$NON-NLS-1$

	private TableViewer table;
	private ReferentialEditor editor;
	private final Runnable refresh = this::refresh;
	private final IPartListener2 editors = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof IEditorPart part) {
				follow(part);
			}
		}

		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			if (ref.getPart(false) == editor) {
				follow(null);
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.setContentProvider(ArrayContentProvider.getInstance());
		column(layout, Messages.Wordings_kind, 12, d -> kind(d.kind()));
		column(layout, Messages.Wordings_booklet, 10, d -> d.booklet() == null ? Messages.Wordings_certification : d.booklet());
		column(layout, Messages.Wordings_element, 14, d -> d.item() != null ? d.item() : d.element() == null ? "" : d.element()); //$NON-NLS-1$
		column(layout, Messages.Wordings_referential, 32, d -> d.referentialWording() == null ? "" : d.referentialWording()); //$NON-NLS-1$
		column(layout, Messages.Wordings_other, 32, d -> d.bookletWording() == null ? "" : d.bookletWording()); //$NON-NLS-1$
		getSite().getPage().addPartListener(editors);
		follow(getSite().getPage().getActiveEditor());
	}

	private void column(TableColumnLayout layout, String title, int weight, java.util.function.Function<Difference, String> text) {
		TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
		column.getColumn().setText(title);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Difference) element).replace('\n', ' ');
			}
		});
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 50));
	}

	private static String kind(Kind kind) {
		return switch (kind) {
			case DIFFERENT_WORDING -> Messages.Wordings_different;
			case ADDED -> Messages.Wordings_added;
			case OMITTED -> Messages.Wordings_omitted;
			case MOVED -> Messages.Wordings_moved;
		};
	}

	private void follow(IEditorPart part) {
		ReferentialEditor next = part instanceof ReferentialEditor e ? e : null;
		if (next == editor) {
			return;
		}
		if (editor != null) {
			editor.removeProblemListener(refresh);
		}
		editor = next;
		if (editor != null) {
			editor.addProblemListener(refresh);
		}
		refresh();
	}

	private void refresh() {
		if (table == null || table.getControl().isDisposed()) {
			return;
		}
		List<Difference> differences = editor == null ? List.of() : ConsistencyReport.of(editor.certification(), editor.library());
		table.setInput(differences);
		setContentDescription(editor == null ? Messages.Wordings_noEditor
				: NLS.bind(Messages.Wordings_summary, editor.certification().getCode(), differences.size()));
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
		if (editor != null) {
			editor.removeProblemListener(refresh);
		}
		super.dispose();
	}
}
