package fr.mutualite.cqp.ui.booklet.orientation;

import java.time.LocalDate;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.OrientationInterview;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.ui.booklet.BookletEditor;
import fr.mutualite.cqp.ui.booklet.Grids;

/**
 * The reception and orientation interview guide (guide d'entretien d'accueil et d'orientation),
 * mandatory before any training: the interview's date, interviewer and company contact, the
 * route proposed; then, section by section of the certification's guide, the candidate's answers
 * to its questions and the levels of its scales (experience in the domain, direct evaluation or
 * modules). Everything shown comes from the booklet in the referential.
 */
public final class OrientationEditor extends BookletEditor {

	@Override
	protected BookletKind kind() {
		return BookletKind.ORIENTATION_GUIDE;
	}

	@Override
	protected boolean concerns(Problem problem) {
		OrientationInterview interview = copy().registration().getOrientation();
		return "DOS-01".equals(problem.rule()) //$NON-NLS-1$
				|| interview != null && problem.element() != null && EcoreUtil.isAncestor(interview, problem.element());
	}

	@Override
	protected void fill(Composite body) {
		Registration registration = copy().registration();
		Booklet booklet = booklet().orElseThrow();
		OrientationInterview interview = registration.getOrientation();
		if (interview == null) {
			Composite start = section(body, Messages.Orientation_interview, Messages.Orientation_notStarted, true);
			Button button = toolkit().createButton(start, Messages.Orientation_start, SWT.PUSH);
			button.addListener(SWT.Selection, e -> start(registration, booklet));
			onChange(() -> {
				if (registration.getOrientation() != null) {
					rebuildSoon();
				}
			});
			return;
		}
		Composite head = section(body, Messages.Orientation_interview, booklet.getFilledBy(), true);
		fields(head, interview, true, "date", "trainingBodyInterviewer", "companyContact", "companyContactFunction", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"recommendedRoute", "comment"); //$NON-NLS-1$ //$NON-NLS-2$
		onChange(() -> {
			if (registration.getOrientation() != interview) {
				rebuildSoon();
			}
		});
		boolean first = true;
		for (BookletSection section : booklet.getSections()) {
			section(body, section.getWording() == null ? section.getCode() : section.getWording(),
					section.getEvaluationModality(), first, part -> {
						Grids.answers(this, part, interview, DossierPackage.Literals.ORIENTATION_INTERVIEW__ANSWERS, section, true);
						Grids.ratings(this, part, interview, section, true, true);
					});
			first = false;
		}
	}

	/** Starts the interview, dated today, as an undoable change. */
	private void start(Registration registration, Booklet booklet) {
		OrientationInterview interview = DossierFactory.eINSTANCE.createOrientationInterview();
		interview.setBooklet(booklet);
		interview.setDate(LocalDate.now());
		execute(SetCommand.create(domain(), registration, DossierPackage.Literals.REGISTRATION__ORIENTATION, interview));
	}
}
