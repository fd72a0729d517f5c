package fr.mutualite.cqp.ui.booklet.finale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import fr.mutualite.cqp.core.validation.Labels;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.model.dossier.Assessment;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.EvaluationCondition;
import fr.mutualite.cqp.model.dossier.Evaluator;
import fr.mutualite.cqp.model.dossier.FinalDomainEvaluation;
import fr.mutualite.cqp.model.dossier.FinalEvaluation;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;
import fr.mutualite.cqp.ui.booklet.BookletEditor;
import fr.mutualite.cqp.ui.booklet.Grids;
import fr.mutualite.cqp.ui.emf.Values;

/**
 * The final in-company evaluation booklet (livret d'évaluation finale en entreprise): the two
 * evaluators (the line manager first) with their functions; per domain of the booklet, the
 * candidate's answers to its questions, the criteria groups on the booklet's scale (OUI / NON),
 * the evaluators' opinion on the competence, their mandatory comments and the synthesis sheet
 * (activities exercised, dates and conditions of the evaluation, the evaluators' agreement and
 * signatures). After a partial award, a domain is evaluated again on a new sheet; the earlier one
 * stays, read only.
 */
public final class FinalEditor extends BookletEditor {

	@Override
	protected BookletKind kind() {
		return BookletKind.FINAL_EVALUATION;
	}

	@Override
	protected boolean concerns(Problem problem) {
		FinalEvaluation evaluation = copy().registration().getFinalEvaluation();
		EObject element = problem.element();
		return evaluation != null && element != null && EcoreUtil.isAncestor(evaluation, element);
	}

	@Override
	protected void fill(Composite body) {
		Registration registration = copy().registration();
		Booklet booklet = booklet().orElseThrow();
		FinalEvaluation evaluation = registration.getFinalEvaluation();
		if (evaluation == null) {
			Composite start = section(body, Messages.Final_evaluation, Messages.Final_notStarted, true);
			button(start, Messages.Final_start, () -> start(registration, booklet)).setData("name", "start"); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		Composite head = section(body, Messages.Final_evaluators, booklet.getFilledBy(), true);
		evaluator(head, Messages.Final_evaluator1, evaluation.getEvaluator1());
		evaluator(head, Messages.Final_evaluator2, evaluation.getEvaluator2());
		Label declaration = toolkit().createLabel(head, Messages.Final_declaration, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(declaration);
		boolean first = true;
		for (BookletSection section : booklet.getSections()) {
			List<FinalDomainEvaluation> sheets = sheets(evaluation, section.getDomain());
			boolean open = first || !sheets.isEmpty() && !sheets.get(sheets.size() - 1).isMastered();
			section(body, section.getWording() == null ? section.getCode() : section.getWording(),
					section.getEvaluationModality(), open, part -> domain(part, evaluation, section));
			first = false;
		}
	}

	private void evaluator(Composite parent, String title, Evaluator evaluator) {
		Label label = toolkit().createLabel(parent, title);
		label.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
		fields(parent, evaluator, true, "name", "function"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The part of one domain: the candidate's answers, then each sheet of the evaluators, the last one editable. */
	private void domain(Composite part, FinalEvaluation evaluation, BookletSection section) {
		if (!section.getQuestions().isEmpty()) {
			Label answers = toolkit().createLabel(part, Messages.Final_candidateAnswers);
			answers.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
			Grids.answers(this, part, evaluation, DossierPackage.Literals.FINAL_EVALUATION__ANSWERS, section, true);
		}
		List<FinalDomainEvaluation> sheets = sheets(evaluation, section.getDomain());
		for (int i = 0; i < sheets.size(); i++) {
			FinalDomainEvaluation sheet = sheets.get(i);
			boolean last = i == sheets.size() - 1;
			Label title = toolkit().createLabel(part, NLS.bind(Messages.Final_sheet, sheet.getDate() == null ? "" //$NON-NLS-1$
					: Values.days().format(sheet.getDate())));
			title.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
			Grids.ratings(this, part, sheet, section, false, last);
			for (Scale scale : section.getDomainScales()) {
				opinion(part, sheet, scale, last);
			}
			List<String> features = new ArrayList<>(List.of("date", "activitiesExercised", "comment", "evaluatorsAgree", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"signedByEvaluator1", "signedByEvaluator2")); //$NON-NLS-1$ //$NON-NLS-2$
			if (section.getDomainScales().isEmpty()) {
				// without a scale of its own in the booklet, the opinion on the competence is a plain yes or no
				features.add("mastered"); //$NON-NLS-1$
			}
			fields(part, sheet, last, features.toArray(String[]::new));
			conditions(part, sheet, section, last);
			dates(part, sheet, last);
		}
		if (sheets.isEmpty() || !sheets.get(sheets.size() - 1).isMastered()) {
			button(part, sheets.isEmpty() ? Messages.Final_evaluate : Messages.Final_evaluateAgain,
					() -> addSheet(evaluation, section)).setData("name", "evaluate-" + section.getCode()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/**
	 * The evaluators' opinion on the competence, on the section's scale: its achieved level is
	 * "mastered", the other not; the sheet keeps it as {@code mastered}.
	 */
	private void opinion(Composite part, FinalDomainEvaluation sheet, Scale scale, boolean editable) {
		Label label = toolkit().createLabel(part, scale.getTitle(), SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(label);
		Composite choices = toolkit().createComposite(part);
		RowLayoutFactory.fillDefaults().spacing(10).applyTo(choices);
		for (ScaleLevel level : scale.getLevels()) {
			Button choice = toolkit().createButton(choices, level.getLabel(), SWT.RADIO);
			choice.setData("level", level.getCode()); //$NON-NLS-1$
			choice.setEnabled(editable);
			choice.addListener(SWT.Selection, e -> {
				if (choice.getSelection() && sheet.isMastered() != level.isAchieved()) {
					execute(SetCommand.create(domain(), sheet, DossierPackage.Literals.FINAL_DOMAIN_EVALUATION__MASTERED,
							Boolean.valueOf(level.isAchieved())));
				}
			});
			Runnable show = () -> {
				if (!choice.isDisposed()) {
					choice.setSelection(sheet.isMastered() == level.isAchieved());
				}
			};
			show.run();
			onChange(show);
		}
	}

	/** The conditions of the evaluation (observation, interview, review of the activity), and those the modality asks. */
	private void conditions(Composite part, FinalDomainEvaluation sheet, BookletSection section, boolean editable) {
		toolkit().createLabel(part, Labels.of(DossierPackage.Literals.FINAL_DOMAIN_EVALUATION__CONDITIONS));
		if (!section.getEvaluationConditions().isEmpty()) {
			toolkit().createLabel(part, NLS.bind(Messages.Final_conditionsAsked, section.getEvaluationConditions().stream()
					.map(c -> Labels.of(DossierPackage.Literals.EVALUATION_CONDITION, c)).collect(Collectors.joining(", ")))); //$NON-NLS-1$
		}
		Composite boxes = toolkit().createComposite(part);
		RowLayoutFactory.fillDefaults().spacing(10).applyTo(boxes);
		for (EvaluationCondition condition : EvaluationCondition.VALUES) {
			Button box = toolkit().createButton(boxes, Labels.of(DossierPackage.Literals.EVALUATION_CONDITION, condition),
					SWT.CHECK);
			box.setData("condition", condition.getName()); //$NON-NLS-1$
			box.setEnabled(editable);
			box.addListener(SWT.Selection, e -> {
				if (box.getSelection() && !sheet.getConditions().contains(condition)) {
					execute(AddCommand.create(domain(), sheet, DossierPackage.Literals.FINAL_DOMAIN_EVALUATION__CONDITIONS,
							condition));
				} else if (!box.getSelection() && sheet.getConditions().contains(condition)) {
					execute(RemoveCommand.create(domain(), sheet,
							DossierPackage.Literals.FINAL_DOMAIN_EVALUATION__CONDITIONS, condition));
				}
			});
			Runnable show = () -> {
				if (!box.isDisposed()) {
					box.setSelection(sheet.getConditions().contains(condition));
				}
			};
			show.run();
			onChange(show);
		}
	}

	/** The days of the evaluation, written one after the other, separated by commas. */
	private void dates(Composite part, FinalDomainEvaluation sheet, boolean editable) {
		toolkit().createLabel(part, Labels.of(DossierPackage.Literals.FINAL_DOMAIN_EVALUATION__EVALUATION_DATES));
		Text text = toolkit().createText(part, "", SWT.SINGLE); //$NON-NLS-1$
		text.setData("feature", "evaluationDates"); //$NON-NLS-1$ //$NON-NLS-2$
		text.setEditable(editable);
		text.setMessage(NLS.bind(Messages.Final_datesHint, Values.days().format(LocalDate.of(2026, 9, 1))));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
		Runnable show = () -> {
			if (!text.isDisposed() && !text.isFocusControl()) {
				text.setText(sheet.getEvaluationDates().stream().map(Values.days()::format).collect(Collectors.joining(", "))); //$NON-NLS-1$
			}
		};
		show.run();
		onChange(show);
		text.addListener(SWT.FocusOut, e -> applyDates(text, sheet));
		text.addListener(SWT.DefaultSelection, e -> applyDates(text, sheet));
	}

	/** Applies the days typed, or says which one is not a day and keeps the text. */
	public boolean applyDates(Text text, FinalDomainEvaluation sheet) {
		List<LocalDate> days = new ArrayList<>();
		for (String part : text.getText().split("[,;]")) { //$NON-NLS-1$
			if (part.isBlank()) {
				continue;
			}
			try {
				days.add((LocalDate) Values.parse(DossierPackage.Literals.ASSESSMENT__DATE, part.strip()));
			} catch (IllegalArgumentException e) {
				form().getMessageManager().addMessage(text, e.getMessage(), null, IMessageProvider.ERROR, text);
				return false;
			}
		}
		form().getMessageManager().removeMessage(text, text);
		days.sort(Comparator.naturalOrder());
		if (days.equals(sheet.getEvaluationDates())) {
			return false;
		}
		return execute(SetCommand.create(domain(), sheet, DossierPackage.Literals.FINAL_DOMAIN_EVALUATION__EVALUATION_DATES,
				days));
	}

	/** The evaluators' sheets of {@code domain}, oldest first. */
	static List<FinalDomainEvaluation> sheets(FinalEvaluation evaluation, CompetenceDomain domain) {
		return evaluation.getDomains().stream().filter(d -> d.getDomain() == domain)
				.sorted(Comparator.comparing(Assessment::getDate, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
	}

	/** Starts the booklet: the two evaluators to name, as one undoable change. */
	public boolean start(Registration registration, Booklet booklet) {
		FinalEvaluation evaluation = DossierFactory.eINSTANCE.createFinalEvaluation();
		evaluation.setBooklet(booklet);
		evaluation.setEvaluator1(DossierFactory.eINSTANCE.createEvaluator());
		evaluation.setEvaluator2(DossierFactory.eINSTANCE.createEvaluator());
		return execute(SetCommand.create(domain(), registration, DossierPackage.Literals.REGISTRATION__FINAL_EVALUATION,
				evaluation));
	}

	/** A new sheet for the section's domain, dated today, as an undoable change. */
	public boolean addSheet(FinalEvaluation evaluation, BookletSection section) {
		FinalDomainEvaluation sheet = DossierFactory.eINSTANCE.createFinalDomainEvaluation();
		sheet.setBooklet(evaluation.getBooklet());
		sheet.setDomain(section.getDomain());
		sheet.setDate(LocalDate.now());
		return execute(AddCommand.create(domain(), evaluation, DossierPackage.Literals.FINAL_EVALUATION__DOMAINS, sheet));
	}
}
