package fr.mutualite.cqp.ui.booklet.tuteur;

import java.time.LocalDate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;

import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.ProgressReview;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TutorAssessment;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.ui.booklet.BookletEditor;
import fr.mutualite.cqp.ui.booklet.Grids;

/**
 * The tutor's guide (guide du tuteur): the tutor's dated intermediate grids, each criteria group
 * of each domain on the guide's scale (for instance Acquis, Non acquis, A améliorer), with the
 * tutor's name; and the dated progress reviews held with the candidate.
 */
public final class TutorEditor extends BookletEditor {

	@Override
	protected BookletKind kind() {
		return BookletKind.TUTOR_GUIDE;
	}

	@Override
	protected boolean concerns(Problem problem) {
		Registration registration = copy().registration();
		EObject element = problem.element();
		return element != null && (registration.getTutorAssessments().stream().anyMatch(t -> EcoreUtil.isAncestor(t, element))
				|| registration.getProgressReviews().stream().anyMatch(r -> EcoreUtil.isAncestor(r, element)));
	}

	@Override
	protected void fill(Composite body) {
		Registration registration = copy().registration();
		Booklet booklet = booklet().orElseThrow();
		int n = 0;
		for (TutorAssessment grid : registration.getTutorAssessments()) {
			boolean latest = ++n == registration.getTutorAssessments().size();
			section(body, NLS.bind(Messages.Tutor_grid, n), null, latest, part -> {
				fields(part, grid, true, "date", "tutor", "comment"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				boolean first = true;
				for (BookletSection section : booklet.getSections()) {
					section(part, section.getWording() == null ? section.getCode() : section.getWording(), null, first,
							domain -> Grids.ratings(this, domain, grid, section, true, true));
					first = false;
				}
			});
		}
		button(body, Messages.Tutor_addGrid, () -> addGrid(registration, booklet)).setData("name", "addGrid"); //$NON-NLS-1$ //$NON-NLS-2$
		Composite reviews = section(body, Messages.Tutor_reviews, Messages.Tutor_reviewsHint, true);
		for (ProgressReview review : registration.getProgressReviews()) {
			fields(reviews, review, true, "date", "withWhom", "strengths", "objectives"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			button(reviews, Messages.Tutor_removeReview, () -> execute(
					RemoveCommand.create(domain(), registration, DossierPackage.Literals.REGISTRATION__PROGRESS_REVIEWS, review)));
		}
		button(reviews, Messages.Tutor_addReview, () -> addReview(registration)).setData("name", "addReview"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A new grid, dated today, with the tutor of the previous one. */
	public boolean addGrid(Registration registration, Booklet booklet) {
		TutorAssessment grid = DossierFactory.eINSTANCE.createTutorAssessment();
		grid.setBooklet(booklet);
		grid.setDate(LocalDate.now());
		registration.getTutorAssessments().stream().reduce((a, b) -> b).ifPresent(previous -> grid.setTutor(previous.getTutor()));
		return execute(AddCommand.create(domain(), registration, DossierPackage.Literals.REGISTRATION__TUTOR_ASSESSMENTS, grid));
	}

	/** A new progress review, dated today. */
	public boolean addReview(Registration registration) {
		ProgressReview review = DossierFactory.eINSTANCE.createProgressReview();
		review.setDate(LocalDate.now());
		return execute(AddCommand.create(domain(), registration, DossierPackage.Literals.REGISTRATION__PROGRESS_REVIEWS, review));
	}
}
