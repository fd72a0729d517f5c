package fr.mutualite.cqp.ui.booklet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.model.dossier.Answer;
import fr.mutualite.cqp.model.dossier.Assessment;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.Rating;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Scale;
import fr.mutualite.cqp.model.referential.ScaleLevel;

/**
 * The parts of a booklet's page drawn from the referential: the grid of a section (each item with
 * its wording and the levels of its scale, a section's own scales), and the answers to a section's
 * questions. Every choice and every answer is an undoable change of the dossier.
 */
public final class Grids {

	private Grids() {
	}

	/**
	 * The grid of {@code section} for {@code assessment}: a row per item (criteria groups,
	 * criteria, competences, in the referential's order, sub-items indented) with a choice per
	 * level of its scale, and, if {@code sectionScales}, a row per scale of the section itself.
	 */
	public static void ratings(BookletEditor editor, Composite parent, Assessment assessment, BookletSection section,
			boolean sectionScales, boolean editable) {
		Composite grid = editor.toolkit().createComposite(parent);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 4).applyTo(grid);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(grid);
		if (sectionScales) {
			for (Scale scale : section.getDomainScales()) {
				row(editor, grid, assessment, section, null, scale, scale.getTitle(), 0, editable);
			}
		}
		items(editor, grid, assessment, section, section.getItems(), 0, editable);
	}

	private static void items(BookletEditor editor, Composite grid, Assessment assessment, BookletSection section,
			List<BookletItem> items, int depth, boolean editable) {
		for (BookletItem item : items) {
			row(editor, grid, assessment, section, item, item.getScale(), item.getWording(), depth, editable);
			items(editor, grid, assessment, section, item.getChildren(), depth + 1, editable);
		}
	}

	private static void row(BookletEditor editor, Composite grid, Assessment assessment, BookletSection section,
			BookletItem item, Scale scale, String wording, int depth, boolean editable) {
		Label label = editor.toolkit().createLabel(grid, wording, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).indent(depth * 16, 0).applyTo(label);
		Composite levels = editor.toolkit().createComposite(grid);
		RowLayoutFactory.fillDefaults().spacing(10).wrap(false).applyTo(levels);
		if (scale == null) {
			return;
		}
		for (ScaleLevel level : scale.getLevels()) {
			Button choice = editor.toolkit().createButton(levels, level.getLabel(), SWT.RADIO);
			choice.setData("level", level.getCode()); //$NON-NLS-1$
			choice.setEnabled(editable);
			choice.addListener(SWT.Selection, e -> {
				if (choice.getSelection()) {
					rate(editor, assessment, section, item, scale, level);
				}
			});
			editor.onChange(() -> {
				if (!choice.isDisposed()) {
					choice.setSelection(Booklets.rating(assessment, section, item, scale).map(Rating::getLevel).orElse(null) == level);
				}
			});
		}
	}

	/** Rates {@code item} at {@code level}, as an undoable change. */
	public static boolean rate(BookletEditor editor, Assessment assessment, BookletSection section, BookletItem item,
			Scale scale, ScaleLevel level) {
		Optional<Rating> existing = Booklets.rating(assessment, section, item, scale);
		if (existing.isPresent()) {
			return existing.get().getLevel() != level && editor.execute(
					SetCommand.create(editor.domain(), existing.get(), DossierPackage.Literals.RATING__LEVEL, level));
		}
		Rating rating = DossierFactory.eINSTANCE.createRating();
		rating.setSection(section);
		rating.setItem(item);
		rating.setLevel(level);
		return editor.execute(
				AddCommand.create(editor.domain(), assessment, DossierPackage.Literals.ASSESSMENT__RATINGS, rating));
	}

	/**
	 * The questions of {@code section}, each with a field for the candidate's answer, kept in
	 * {@code answers} (a list of {@code owner}'s answers).
	 */
	public static void answers(BookletEditor editor, Composite parent, EObject owner, EReference answers,
			BookletSection section, boolean editable) {
		answers(editor, parent, owner, answers, section, section.getQuestions(), editable);
	}

	/** The answers to {@code questions} about {@code section}, as {@link #answers(BookletEditor, Composite, EObject, EReference, BookletSection, boolean)}. */
	public static void answers(BookletEditor editor, Composite parent, EObject owner, EReference answers,
			BookletSection section, List<String> questions, boolean editable) {
		editor.toolkit().paintBordersFor(parent);
		for (String question : questions) {
			Label label = editor.toolkit().createLabel(parent, question, SWT.WRAP);
			GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(label);
			Text text = editor.toolkit().createText(parent, "", SWT.MULTI | SWT.WRAP | SWT.V_SCROLL); //$NON-NLS-1$
			text.setData("question", question); //$NON-NLS-1$
			text.setEditable(editable);
			GridDataFactory.fillDefaults().grab(true, false).hint(400, 48).applyTo(text);
			// typed[0]: text typed since the field last showed or applied the answer
			boolean[] typed = { false, false };
			text.addListener(SWT.Modify, e -> typed[0] |= !typed[1]);
			text.addListener(SWT.FocusOut, e -> {
				answer(editor, owner, answers, section, question, text.getText());
				typed[0] = false;
			});
			editor.onTyping(text, () -> typed[0] && !text.isDisposed() && text.getEditable(), () -> {
				if (!text.isDisposed() && typed[0]) {
					answer(editor, owner, answers, section, question, text.getText());
					typed[0] = false;
				}
			});
			editor.onChange(() -> {
				if (!text.isDisposed() && !text.isFocusControl()) {
					String shown = answerOf(owner, answers, section, question).map(Answer::getText).orElse(""); //$NON-NLS-1$
					if (!text.getText().equals(shown == null ? "" : shown)) { //$NON-NLS-1$
						typed[1] = true;
						text.setText(shown == null ? "" : shown); //$NON-NLS-1$
						typed[1] = false;
					}
					typed[0] = false;
				}
			});
		}
	}

	@SuppressWarnings("unchecked")
	private static Optional<Answer> answerOf(EObject owner, EReference answers, BookletSection section, String question) {
		return ((List<Answer>) owner.eGet(answers)).stream()
				.filter(a -> a.getSection() == section && Objects.equals(a.getQuestion(), question)).findFirst();
	}

	/** Records {@code typed} as the answer to {@code question}, as an undoable change. */
	public static boolean answer(BookletEditor editor, EObject owner, EReference answers, BookletSection section,
			String question, String typed) {
		String text = typed.isBlank() ? null : typed;
		Optional<Answer> existing = answerOf(owner, answers, section, question);
		if (existing.isPresent()) {
			return !Objects.equals(existing.get().getText(), text) && editor.execute(
					SetCommand.create(editor.domain(), existing.get(), DossierPackage.Literals.ANSWER__TEXT, text));
		}
		if (text == null) {
			return false;
		}
		Answer answer = DossierFactory.eINSTANCE.createAnswer();
		answer.setSection(section);
		answer.setQuestion(question);
		answer.setText(text);
		return editor.execute(AddCommand.create(editor.domain(), owner, answers, answer));
	}
}
