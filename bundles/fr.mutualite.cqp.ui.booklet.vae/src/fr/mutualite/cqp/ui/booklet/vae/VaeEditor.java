package fr.mutualite.cqp.ui.booklet.vae;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import fr.mutualite.cqp.core.dossier.VaeExperience;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.ExperiencePeriod;
import fr.mutualite.cqp.model.dossier.Proof;
import fr.mutualite.cqp.model.dossier.ProofKind;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.ui.booklet.BookletEditor;
import fr.mutualite.cqp.ui.booklet.Grids;

/**
 * The VAE dossier: the curriculum vitae and the accompaniment, the positions held with their
 * proofs, the admissibility (the experience the positions retained add up to, against what the
 * dated rules of the registration's version ask, and the decision recorded: admissible, or not
 * with its reason), then the candidate's answers domain by domain: the booklet's questions, or
 * one answer about the domain when the referential gives none.
 */
public final class VaeEditor extends BookletEditor {

	@Override
	protected BookletKind kind() {
		return BookletKind.VAE_DOSSIER;
	}

	@Override
	protected boolean concerns(Problem problem) {
		Registration registration = copy().registration();
		EObject element = problem.element();
		// the admissibility is reported on the registration itself
		return element != null && (element == registration && "DOS-11".equals(problem.rule()) //$NON-NLS-1$
				|| registration.getVaeDossier() != null && EcoreUtil.isAncestor(registration.getVaeDossier(), element));
	}

	@Override
	protected void fill(Composite body) {
		Registration registration = copy().registration();
		Booklet booklet = booklet().orElseThrow();
		VaeDossier dossier = registration.getVaeDossier();
		if (dossier == null) {
			Composite start = section(body, Messages.Vae_dossier, Messages.Vae_notStarted, true);
			button(start, Messages.Vae_start, () -> execute(SetCommand.create(domain(), registration,
					DossierPackage.Literals.REGISTRATION__VAE_DOSSIER, DossierFactory.eINSTANCE.createVaeDossier())))
					.setData("name", "start"); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		Composite admissibility = section(body, Messages.Vae_admissibility, Messages.Vae_admissibilityHint, true);
		Label experience = toolkit().createLabel(admissibility, "", SWT.WRAP); //$NON-NLS-1$
		experience.setData("name", "experience"); //$NON-NLS-1$ //$NON-NLS-2$
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(experience);
		Runnable total = () -> show(experience, experience(registration));
		total.run();
		onChange(total);
		fields(admissibility, dossier, true, "cvProvided", "accompaniment", "admissibility", "admissibilityDate", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"admissibilityReason"); //$NON-NLS-1$

		Composite positions = section(body, Messages.Vae_positions, Messages.Vae_positionsHint, true);
		int n = 0;
		for (ExperiencePeriod period : dossier.getExperiences()) {
			Label title = toolkit().createLabel(positions, NLS.bind(Messages.Vae_position, ++n));
			title.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
			fields(positions, period, true, "employer", "position", "start", "end", "relevant"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			for (Proof proof : period.getProofs()) {
				fields(positions, proof, true, "kind", "description"); //$NON-NLS-1$ //$NON-NLS-2$
				button(positions, Messages.Vae_removeProof, () -> execute(
						RemoveCommand.create(domain(), period, DossierPackage.Literals.EXPERIENCE_PERIOD__PROOFS, proof)));
			}
			button(positions, Messages.Vae_addProof, () -> addProof(period)).setData("name", "addProof-" + n); //$NON-NLS-1$ //$NON-NLS-2$
			button(positions, Messages.Vae_removePosition, () -> execute(
					RemoveCommand.create(domain(), dossier, DossierPackage.Literals.VAE_DOSSIER__EXPERIENCES, period)));
		}
		button(positions, Messages.Vae_addPosition, () -> addPosition(dossier)).setData("name", "addPosition"); //$NON-NLS-1$ //$NON-NLS-2$

		boolean first = true;
		for (BookletSection section : booklet.getSections()) {
			// the referential's questions, or one answer about the domain when it gives none
			List<String> questions = section.getQuestions().isEmpty()
					? List.of(section.getWording() != null ? section.getWording() : section.getDomain().getWording())
					: section.getQuestions();
			section(body, section.getWording() == null ? section.getCode() : section.getWording(), Messages.Vae_answersHint,
					first, part -> Grids.answers(this, part, dossier, DossierPackage.Literals.VAE_DOSSIER__ANSWERS, section,
							questions, true));
			first = false;
		}
	}

	/** The experience retained, against what the rules ask, in one sentence. */
	static String experience(Registration registration) {
		Optional<VaeExperience> experience = VaeExperience.of(registration);
		if (experience.isEmpty()) {
			return Messages.Vae_noRules;
		}
		VaeExperience e = experience.get();
		Period period = Period.between(e.since(), e.registered());
		long days = ChronoUnit.DAYS.between(e.since().plusYears(period.getYears()), e.registered());
		return NLS.bind(e.enough() ? Messages.Vae_enough : Messages.Vae_notEnough, new Object[] {
				Integer.valueOf(period.getYears()), Long.valueOf(days), Integer.valueOf(e.windowYears()),
				Integer.valueOf(e.minimumYears()) });
	}

	/** A new position, relevant by default, as an undoable change. */
	public boolean addPosition(VaeDossier dossier) {
		ExperiencePeriod period = DossierFactory.eINSTANCE.createExperiencePeriod();
		period.setRelevant(true);
		period.setStart(LocalDate.now());
		return execute(AddCommand.create(domain(), dossier, DossierPackage.Literals.VAE_DOSSIER__EXPERIENCES, period));
	}

	/** A new proof of {@code period} (an employer's certificate by default), as an undoable change. */
	public boolean addProof(ExperiencePeriod period) {
		Proof proof = DossierFactory.eINSTANCE.createProof();
		proof.setKind(ProofKind.EMPLOYER_CERTIFICATE);
		return execute(AddCommand.create(domain(), period, DossierPackage.Literals.EXPERIENCE_PERIOD__PROOFS, proof));
	}
}
