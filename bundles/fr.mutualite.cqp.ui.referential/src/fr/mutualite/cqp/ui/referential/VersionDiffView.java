package fr.mutualite.cqp.ui.referential;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StyledCellLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import fr.mutualite.cqp.referential.ReferentialDiff.Change;
import fr.mutualite.cqp.ui.emf.EditorTableView;
import fr.mutualite.cqp.referential.ReferentialDiff.Kind;

/**
 * The differences between two versions of a referential: one row per element added, removed or
 * changed, the words of a changed wording struck through (removed) or underlined (added), so
 * that the change reads without colour too.
 */
public final class VersionDiffView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.referential.diff"; //$NON-NLS-1$

	private static final Pattern MARKS = Pattern.compile("\\[-(.*?)-\\]|\\{\\+(.*?)\\+\\}", Pattern.DOTALL); //$NON-NLS-1$

	private TableViewer table;

	@Override
	public void createPartControl(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.setContentProvider(ArrayContentProvider.getInstance());
		column(layout, Messages.Diff_kind, 12, new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				Kind kind = ((Change) element).kind();
				return kind == Kind.ADDED ? Messages.Diff_added : kind == Kind.REMOVED ? Messages.Diff_removed : Messages.Diff_changed;
			}
		});
		column(layout, Messages.Diff_element, 28, new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return ((Change) element).element();
			}
		});
		column(layout, Messages.Diff_feature, 14, new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return ((Change) element).feature();
			}
		});
		EditorTableView.column(table, layout, Messages.Diff_words, 46, new StyledCellLabelProvider() {
			@Override
			public void update(ViewerCell cell) {
				Change change = (Change) cell.getElement();
				String marked = change.words() != null ? change.words()
						: change.kind() == Kind.ADDED ? "{+" + text(change.after()) + "+}" //$NON-NLS-1$ //$NON-NLS-2$
								: change.kind() == Kind.REMOVED ? "[-" + text(change.before()) + "-]" //$NON-NLS-1$ //$NON-NLS-2$
										: "[-" + text(change.before()) + "-] {+" + text(change.after()) + "+}"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				StringBuilder shown = new StringBuilder();
				List<StyleRange> styles = new ArrayList<>();
				Matcher m = MARKS.matcher(marked.replace('\n', ' '));
				int at = 0;
				String line = marked.replace('\n', ' ');
				while (m.find()) {
					shown.append(line, at, m.start());
					boolean removed = m.group(1) != null;
					String part = removed ? m.group(1) : m.group(2);
					StyleRange style = new StyleRange(shown.length(), part.length(),
							cell.getControl().getDisplay().getSystemColor(removed ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GREEN), null);
					style.strikeout = removed;
					style.underline = !removed;
					styles.add(style);
					shown.append(part);
					at = m.end();
				}
				shown.append(line.substring(at));
				cell.setText(shown.toString());
				cell.setStyleRanges(styles.toArray(new StyleRange[0]));
				super.update(cell);
			}
		});
	}

	private static String text(String value) {
		return value == null || value.isEmpty() ? Messages.Diff_none : value;
	}

	private void column(TableColumnLayout layout, String title, int weight, ColumnLabelProvider labels) {
		EditorTableView.column(table, layout, title, weight, labels);
	}

	/** Shows {@code changes} from {@code before} to {@code after}. */
	public void show(List<Change> changes, String before, String after) {
		table.setInput(changes);
		setContentDescription(NLS.bind(Messages.Diff_header, new Object[] { before, after, changes.size() }));
	}

	/** The rows shown, for tests. */
	public TableViewer getTable() {
		return table;
	}

	@Override
	public void setFocus() {
		table.getControl().setFocus();
	}
}
