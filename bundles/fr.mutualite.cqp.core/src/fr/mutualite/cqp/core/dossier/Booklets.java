package fr.mutualite.cqp.core.dossier;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

import fr.mutualite.cqp.model.dossier.Assessment;
import fr.mutualite.cqp.model.dossier.BookletState;
import fr.mutualite.cqp.model.dossier.BookletStatus;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.Scale;

/**
 * The booklets of a registration: those its certification's referential version defines, in
 * their order, and where each stands (empty, in progress, complete, signed).
 */
public final class Booklets {

	private Booklets() {
	}

	/** The booklets the referential of {@code certification} defines for it, in the file's order. */
	public static List<Booklet> of(Certification certification) {
		EObject root = certification == null ? null : EcoreUtil.getRootContainer(certification);
		if (!(root instanceof Referential referential)) {
			return List.of();
		}
		return referential.getBooklets().stream().filter(b -> b.getCertification() == certification).toList();
	}

	/** The booklet of {@code kind} of the registration's certification, if its referential has one. */
	public static Optional<Booklet> of(Registration registration, BookletKind kind) {
		return of(registration.getCertification()).stream().filter(b -> b.getKind() == kind).findFirst();
	}

	/** What was declared of {@code booklet} (complete or signed), if anything. */
	public static Optional<BookletStatus> status(Registration registration, Booklet booklet) {
		return registration.getBookletStatuses().stream().filter(s -> s.getBooklet() == booklet).findFirst();
	}

	/** Where {@code booklet} stands for {@code registration}. */
	public static BookletState state(Registration registration, Booklet booklet) {
		Optional<BookletStatus> status = status(registration, booklet);
		if (status.isPresent()) {
			return status.get().getState();
		}
		if (booklet.getKind() == BookletKind.JURY_DECISION && registration.getCertificate() != null
				&& registration.getCertificate().isFull()) {
			// the jury has awarded the certificate: its decisions are complete
			return BookletState.COMPLETE;
		}
		return hasContent(registration, booklet.getKind()) ? BookletState.IN_PROGRESS : BookletState.EMPTY;
	}

	/** Whether anything was filled in the booklet of {@code kind} (for the jury's: whether it issued a certificate). */
	public static boolean hasContent(Registration registration, BookletKind kind) {
		return switch (kind) {
		case ORIENTATION_GUIDE -> registration.getOrientation() != null;
		case TRAINING_EVALUATION -> registration.getTrainingPath() != null
				&& !registration.getTrainingPath().getModules().isEmpty()
				|| !registration.getFormativeEvaluations().isEmpty();
		case TUTOR_GUIDE -> !registration.getTutorAssessments().isEmpty() || !registration.getProgressReviews().isEmpty();
		case FINAL_EVALUATION -> registration.getFinalEvaluation() != null;
		case VAE_DOSSIER -> registration.getVaeDossier() != null;
		case JURY_DECISION -> registration.getCertificate() != null;
		};
	}

	/** The rating of {@code item} (or of the section on {@code scale} when no item) in {@code assessment}. */
	public static Optional<Rating> rating(Assessment assessment, BookletSection section, BookletItem item, Scale scale) {
		return assessment.getRatings().stream().filter(r -> r.getSection() == section && r.getItem() == item
				&& (item != null || r.getLevel() != null && r.getLevel().eContainer() == scale)).findFirst();
	}
}
