package fr.mutualite.cqp.ui.emf;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import fr.mutualite.cqp.core.validation.Validation.Problem;

/**
 * What an editor validating its model gives the Problems view (through {@code getAdapter}): its
 * current problems, a notice when they change, and a way to show the element of one.
 */
public interface ProblemSource {

	/** The problems found by the last validation, most severe first. */
	List<Problem> problems();

	/** {@code listener} runs on the UI thread after each validation. */
	void addProblemListener(Runnable listener);

	void removeProblemListener(Runnable listener);

	/** Selects {@code element} in the editor and brings it to the front. */
	void reveal(EObject element);
}
