package fr.mutualite.cqp.ui.referential;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchPart;

import fr.mutualite.cqp.referential.ConsistencyReport;
import fr.mutualite.cqp.referential.ConsistencyReport.Difference;
import fr.mutualite.cqp.referential.ConsistencyReport.Kind;
import fr.mutualite.cqp.ui.emf.EditorTableView;
import fr.mutualite.cqp.ui.emf.ProblemSource;

/**
 * The wording consistency of the certification of the active referential editor: where its
 * booklets, or the certification itself, word an element otherwise than the referential, add
 * items, leave elements out or file them elsewhere; brought up to date after each change.
 */
public final class WordingsView extends EditorTableView {

	public static final String ID = "fr.mutualite.cqp.ui.referential.wordings"; //$NON-NLS-1$

	@Override
	protected void createColumns() {
		column(Messages.Wordings_kind, 12, d -> kind(((Difference) d).kind()));
		column(Messages.Wordings_booklet, 10, d -> ((Difference) d).booklet() == null ? Messages.Wordings_certification
				: ((Difference) d).booklet());
		column(Messages.Wordings_element, 14, d -> ((Difference) d).item() != null ? ((Difference) d).item() : ((Difference) d).element());
		column(Messages.Wordings_referential, 32, d -> ((Difference) d).referentialWording());
		column(Messages.Wordings_other, 32, d -> ((Difference) d).bookletWording());
	}

	private static String kind(Kind kind) {
		return switch (kind) {
			case DIFFERENT_WORDING -> Messages.Wordings_different;
			case ADDED -> Messages.Wordings_added;
			case OMITTED -> Messages.Wordings_omitted;
			case MOVED -> Messages.Wordings_moved;
		};
	}

	/** Referential editors only. */
	@Override
	protected ProblemSource sourceOf(IWorkbenchPart part) {
		return part instanceof ReferentialEditor editor ? editor : null;
	}

	@Override
	protected List<?> rows(ProblemSource followed) {
		ReferentialEditor editor = (ReferentialEditor) followed;
		return ConsistencyReport.of(editor.certification(), editor.library());
	}

	@Override
	protected String description(ProblemSource followed, List<?> rows) {
		return followed == null ? Messages.Wordings_noEditor
				: NLS.bind(Messages.Wordings_summary, ((ReferentialEditor) followed).certification().getCode(), rows.size());
	}
}
