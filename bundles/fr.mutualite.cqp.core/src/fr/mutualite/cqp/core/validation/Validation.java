package fr.mutualite.cqp.core.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.impl.EValidatorRegistryImpl;
import org.eclipse.emf.ecore.util.Diagnostician;

import fr.mutualite.cqp.core.dossier.Progress;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.referential.ReferentialPackage;

/** Checks referentials and dossiers against the rules of the branch's guide. */
public final class Validation {

	/** How serious a problem is. */
	public enum Severity {
		ERROR, WARNING, INFO
	}

	/**
	 * One problem: its severity, the rule broken (e.g. {@code DOS-04}; empty for EMF's basic checks
	 * of required values and references), the element concerned and the message, in the user's
	 * language, naming both; the feature concerned when the check names one (EMF's basic checks do).
	 */
	public record Problem(Severity severity, String rule, EObject element, EStructuralFeature feature, String message) {
	}

	private static final EValidator.Registry REGISTRY = new EValidatorRegistryImpl();

	static {
		REGISTRY.put(ReferentialPackage.eINSTANCE, CqpValidator.INSTANCE);
		REGISTRY.put(DossierPackage.eINSTANCE, CqpValidator.INSTANCE);
	}

	/** Labels objects and features in messages as the edit layer does; tells how many elements it checked. */
	private static final class CqpDiagnostician extends Diagnostician {
		private final Progress progress;
		private final long total;
		private long done;

		CqpDiagnostician(Progress progress, long total) {
			super(REGISTRY);
			this.progress = progress;
			this.total = total;
		}

		@Override
		public boolean validate(EClass eClass, EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
			progress.worked(++done, total);
			return super.validate(eClass, eObject, diagnostics, context);
		}

		@Override
		public String getObjectLabel(EObject object) {
			return Labels.of(object);
		}

		@Override
		public String getFeatureLabel(EStructuralFeature feature) {
			return Labels.of(feature);
		}
	}

	private Validation() {
	}

	/** Checks {@code root} and all it contains, as of today. */
	public static List<Problem> validate(EObject root) {
		return validate(root, LocalDate.now());
	}

	/** Checks {@code root} and all it contains, as of {@code today}. */
	public static List<Problem> validate(EObject root, LocalDate today) {
		return validate(root, today, Progress.NONE);
	}

	/**
	 * Checks {@code root} and all it contains, as of {@code today}, telling {@code progress} how
	 * many elements of how many were checked.
	 */
	public static List<Problem> validate(EObject root, LocalDate today, Progress progress) {
		long total = 1;
		if (progress != Progress.NONE) {
			for (TreeIterator<EObject> i = root.eAllContents(); i.hasNext(); i.next()) {
				total++;
			}
		}
		CqpDiagnostician diagnostician = new CqpDiagnostician(progress, total);
		Map<Object, Object> context = diagnostician.createDefaultContext();
		context.put(CqpValidator.TODAY, today);
		Diagnostic diagnostic = diagnostician.validate(root, context);
		List<Problem> problems = new ArrayList<>();
		collect(diagnostic, problems);
		return problems;
	}

	private static void collect(Diagnostic diagnostic, List<Problem> problems) {
		for (Diagnostic child : diagnostic.getChildren()) {
			if (child.getSeverity() != Diagnostic.OK) {
				List<?> data = child.getData();
				EObject element = !data.isEmpty() && data.get(0) instanceof EObject e ? e : null;
				String rule = data.size() > 1 && data.get(1) instanceof String s ? s : ""; //$NON-NLS-1$
				EStructuralFeature feature = data.size() > 1 && data.get(1) instanceof EStructuralFeature f ? f : null;
				problems.add(new Problem(severity(child.getSeverity()), rule, element, feature, child.getMessage()));
			}
			collect(child, problems);
		}
	}

	private static Severity severity(int severity) {
		return (severity & Diagnostic.ERROR) != 0 ? Severity.ERROR
				: (severity & Diagnostic.WARNING) != 0 ? Severity.WARNING : Severity.INFO;
	}

	/** Whether {@code problems} holds an error. */
	public static boolean hasErrors(List<Problem> problems) {
		return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
	}
}
