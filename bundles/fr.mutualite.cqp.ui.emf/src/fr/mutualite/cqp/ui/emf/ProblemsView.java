package fr.mutualite.cqp.ui.emf;

import java.util.List;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import fr.mutualite.cqp.core.validation.Labels;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.ui.emf.internal.Messages;

/**
 * The Problems view: the validation problems of the active model editor (severity, message,
 * element), refreshed after each of its validations; a double click (or Enter) shows the element
 * in the editor. The workbench's own Problems view needs a workspace of files the product has not.
 */
public final class ProblemsView extends EditorTableView {

	public static final String ID = "fr.mutualite.cqp.ui.emf.problems"; //$NON-NLS-1$

	@Override
	protected void createColumns() {
		column(Messages.Problems_severity, 14, new ColumnLabelProvider() {
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
		column(Messages.Problems_message, 60, row -> ((Problem) row).message());
		column(Messages.Problems_element, 26, row -> ((Problem) row).element() == null ? "" : Labels.of(((Problem) row).element())); //$NON-NLS-1$
	}

	private static String severity(Severity severity) {
		return severity == Severity.ERROR ? Messages.Problems_error
				: severity == Severity.WARNING ? Messages.Problems_warning : Messages.Problems_info;
	}

	@Override
	protected List<?> rows(ProblemSource followed) {
		return followed.problems();
	}

	@Override
	protected String description(ProblemSource followed, List<?> rows) {
		long errors = rows.stream().filter(p -> ((Problem) p).severity() == Severity.ERROR).count();
		long warnings = rows.stream().filter(p -> ((Problem) p).severity() == Severity.WARNING).count();
		return NLS.bind(Messages.Problems_summary, new Object[] { errors, warnings, rows.size() - errors - warnings });
	}

	@Override
	protected void opened(Object row, ProblemSource followed) {
		if (((Problem) row).element() != null) {
			followed.reveal(((Problem) row).element());
		}
	}
}
