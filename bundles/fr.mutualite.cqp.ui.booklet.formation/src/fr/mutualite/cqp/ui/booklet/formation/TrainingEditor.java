package fr.mutualite.cqp.ui.booklet.formation;

import java.time.LocalDate;
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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.FormativeEvaluation;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.dossier.TrainingPath;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.ui.booklet.BookletEditor;
import fr.mutualite.cqp.ui.booklet.Grids;
import fr.mutualite.cqp.ui.emf.PropertyForm;

/**
 * The training follow-up booklet (livret de suivi de la formation), filled by the training body:
 * the modules followed (dates, hours, trainer, the one domain each trains) with their total
 * against the hours the rules of the registration's version allow; then, for each domain the
 * booklet evaluates, its dated evaluation sheets (content, method, trainer, each criteria group
 * on the booklet's scale, objective reached or not, the trainer's mandatory comment). A domain
 * whose objective is not reached gets a new dated sheet; the earlier sheets stay as they were,
 * read only.
 */
public final class TrainingEditor extends BookletEditor {

	private static final List<String> PARTS = List.of("DOS-01", "DOS-03", "DOS-06"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	@Override
	protected BookletKind kind() {
		return BookletKind.TRAINING_EVALUATION;
	}

	@Override
	protected boolean concerns(Problem problem) {
		Registration registration = copy().registration();
		EObject element = problem.element();
		if (element == registration) {
			return PARTS.contains(problem.rule());
		}
		return element != null && (registration.getTrainingPath() != null
				&& EcoreUtil.isAncestor(registration.getTrainingPath(), element)
				|| registration.getFormativeEvaluations().stream().anyMatch(f -> EcoreUtil.isAncestor(f, element)));
	}

	@Override
	protected void fill(Composite body) {
		Registration registration = copy().registration();
		Booklet booklet = booklet().orElseThrow();
		modules(body, registration);
		for (BookletSection section : booklet.getSections()) {
			if (section.getDomain() != null && !section.getDomainScales().isEmpty()) {
				sheets(body, registration, booklet, section);
			}
		}
	}

	private void modules(Composite body, Registration registration) {
		Composite part = section(body, Messages.Training_modules, Messages.Training_modulesHint, true);
		Label total = toolkit().createLabel(part, "", SWT.WRAP); //$NON-NLS-1$
		total.setData("name", "hours"); //$NON-NLS-1$ //$NON-NLS-2$
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(total);
		onChange(() -> show(total, hours(copy().registration())));
		TrainingPath path = registration.getTrainingPath();
		int n = 0;
		if (path != null) {
			for (TrainingModule module : path.getModules()) {
				Label title = toolkit().createLabel(part, NLS.bind(Messages.Training_module, ++n), SWT.NONE);
				title.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
				PropertyForm fields = fields(part, module, true, "title", "domains", "startDate", "endDate", "hours", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
						"trainer"); //$NON-NLS-1$
				fields.setChoices("domains", () -> registration.getCertification().getDomains().stream() //$NON-NLS-1$
						.map(DomainUse::getDomain).toList());
				button(part, Messages.Training_removeModule,
						() -> execute(RemoveCommand.create(domain(), path, DossierPackage.Literals.TRAINING_PATH__MODULES, module)));
			}
		}
		button(part, Messages.Training_addModule, () -> addModule(registration)).setData("name", "addModule"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Adds a module to the training path (started if need be), as one undoable change. */
	public boolean addModule(Registration registration) {
		TrainingModule module = DossierFactory.eINSTANCE.createTrainingModule();
		module.setTitle(NLS.bind(Messages.Training_newModule,
				registration.getTrainingPath() == null ? 1 : registration.getTrainingPath().getModules().size() + 1));
		if (registration.getTrainingPath() == null) {
			TrainingPath path = DossierFactory.eINSTANCE.createTrainingPath();
			path.getModules().add(module);
			return execute(SetCommand.create(domain(), registration, DossierPackage.Literals.REGISTRATION__TRAINING_PATH, path));
		}
		return execute(AddCommand.create(domain(), registration.getTrainingPath(),
				DossierPackage.Literals.TRAINING_PATH__MODULES, module));
	}

	/** The hours of the modules, and the range the rules of the registration's version allow. */
	static String hours(Registration registration) {
		int hours = registration.getTrainingPath() == null ? 0
				: registration.getTrainingPath().getModules().stream().mapToInt(TrainingModule::getHours).sum();
		Optional<RuleSet> rules = registration.getDate() == null ? Optional.empty()
				: RuleBook.of(registration).at(registration.getDate());
		return rules.map(r -> NLS.bind(Messages.Training_hours, new Object[] { Integer.valueOf(hours),
				Integer.valueOf(r.getTrainingHoursMin()), Integer.valueOf(r.getTrainingHoursMax()) }))
				.orElse(NLS.bind(Messages.Training_hoursNoRules, Integer.valueOf(hours)));
	}

	/** The sheets of a domain: unfolded while the domain is to evaluate or to evaluate again. */
	private void sheets(Composite body, Registration registration, Booklet booklet, BookletSection section) {
		List<FormativeEvaluation> sheets = registration.getFormativeEvaluations().stream()
				.filter(f -> f.getDomain() == section.getDomain()).toList();
		boolean open = sheets.isEmpty() || !sheets.get(sheets.size() - 1).isObjectiveAchieved();
		section(body, section.getWording() == null ? section.getCode() : section.getWording(), section.getEvaluationModality(),
				open, part -> sheets(part, registration, booklet, section, sheets));
	}

	private void sheets(Composite part, Registration registration, Booklet booklet, BookletSection section,
			List<FormativeEvaluation> sheets) {
		for (int i = 0; i < sheets.size(); i++) {
			FormativeEvaluation sheet = sheets.get(i);
			boolean last = i == sheets.size() - 1;
			Label title = toolkit().createLabel(part, i == 0 ? Messages.Training_sheet
					: last ? Messages.Training_resit : Messages.Training_earlierResit, SWT.NONE);
			title.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
			fields(part, sheet, last, "date", "trainer", "content", "method", "objectiveAchieved", "comment"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Grids.ratings(this, part, sheet, section, false, last);
		}
		FormativeEvaluation latest = sheets.isEmpty() ? null : sheets.get(sheets.size() - 1);
		if (latest == null || !latest.isObjectiveAchieved()) {
			Button add = button(part, latest == null ? Messages.Training_evaluate : Messages.Training_newSheet,
					() -> newSheet(registration, booklet, section, latest));
			add.setData("domain", section.getDomain().getCode()); //$NON-NLS-1$
			onChange(() -> {
				FormativeEvaluation now = registration.getFormativeEvaluations().stream()
						.filter(f -> f.getDomain() == section.getDomain()).reduce((a, b) -> b).orElse(null);
				if (!add.isDisposed()) {
					add.setEnabled(now == null || !now.isObjectiveAchieved());
				}
			});
		}
	}

	/** A new dated evaluation sheet of the domain of {@code section}, after {@code previous} if any. */
	public boolean newSheet(Registration registration, Booklet booklet, BookletSection section,
			FormativeEvaluation previous) {
		FormativeEvaluation sheet = DossierFactory.eINSTANCE.createFormativeEvaluation();
		sheet.setBooklet(booklet);
		sheet.setDomain(section.getDomain());
		sheet.setDate(LocalDate.now());
		sheet.setPrevious(previous);
		if (previous != null) {
			sheet.setTrainer(previous.getTrainer());
		}
		return execute(AddCommand.create(domain(), registration, DossierPackage.Literals.REGISTRATION__FORMATIVE_EVALUATIONS,
				sheet));
	}
}
