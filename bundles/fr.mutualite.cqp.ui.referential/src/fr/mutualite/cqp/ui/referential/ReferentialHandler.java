package fr.mutualite.cqp.ui.referential;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.CertificationInput;
import fr.mutualite.cqp.ui.emf.ValueDialogs;
import fr.mutualite.cqp.ui.emf.Values;

/**
 * The commands of the referentials: of the active referential editor, attach a shared domain,
 * make a new version, compare with another version, show the wording consistency, export as
 * CASE; and import a CASE file, with or without an editor. The operation is the data of the
 * handler's class in {@code plugin.xml}, e.g. {@code ReferentialHandler:attach}.
 */
public final class ReferentialHandler extends AbstractHandler implements IExecutableExtension {

	private String operation;

	@Override
	public void setInitializationData(IConfigurationElement config, String property, Object data) {
		operation = String.valueOf(data).toLowerCase(Locale.ROOT);
	}

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		Shell shell = HandlerUtil.getActiveShellChecked(event);
		if (operation.equals("importcase")) { //$NON-NLS-1$
			try {
				CaseImport.run(shell, HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage());
			} catch (CqpException | ReferentialException | PartInitException e) {
				Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
				MessageDialog.openError(shell, Messages.Command_failed, e.getMessage());
			}
			return null;
		}
		if (!(HandlerUtil.getActiveEditor(event) instanceof ReferentialEditor editor)) {
			return null;
		}
		IWorkbenchPage page = editor.getSite().getPage();
		try {
			switch (operation) {
				case "exportcase" -> CaseImport.export(shell, editor); //$NON-NLS-1$
				case "attach" -> attach(shell, editor); //$NON-NLS-1$
				case "attachcompetence" -> attachCompetence(shell, editor); //$NON-NLS-1$
				case "newversion" -> newVersion(shell, editor, page); //$NON-NLS-1$
				case "compare" -> compare(shell, editor); //$NON-NLS-1$
				case "wordings" -> page.showView(WordingsView.ID); //$NON-NLS-1$
				default -> throw new ExecutionException(operation);
			}
		} catch (CqpException | PartInitException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(shell, Messages.Command_failed, e.getMessage());
		}
		return null;
	}

	private static void attach(Shell shell, ReferentialEditor editor) {
		List<CompetenceDomain> domains = editor.attachableDomains();
		choose(shell, editor, Messages.Attach_title, domains)
				.ifPresent(chosen -> editor.attach((CompetenceDomain) chosen));
	}

	private static void attachCompetence(Shell shell, ReferentialEditor editor) throws CqpException {
		DomainUse use = editor.selectedUse().orElseThrow(() -> new CqpException(Messages.AttachCompetence_noDomain));
		List<Competence> competences = editor.attachableCompetences(use);
		choose(shell, editor, Messages.AttachCompetence_title, competences)
				.ifPresent(chosen -> editor.attach(use, (Competence) chosen));
	}

	/** One of {@code choices}, shown as the editor's trees show them ("CODE — wording"), or none. */
	private static java.util.Optional<Object> choose(Shell shell, ReferentialEditor editor, String title, List<?> choices) {
		ReferentialLabels labels = new ReferentialLabels(editor.adapterFactory());
		try {
			return ValueDialogs.choose(shell, title, choices, List.of(), labels, false).filter(chosen -> !chosen.isEmpty())
					.map(chosen -> chosen.get(0));
		} finally {
			labels.dispose();
		}
	}

	private static void newVersion(Shell shell, ReferentialEditor editor, IWorkbenchPage page)
			throws CqpException, PartInitException {
		NewVersionDialog dialog = new NewVersionDialog(shell, editor.certification());
		if (dialog.open() == Window.OK) {
			CertificationInput input = editor.newVersion(dialog.version(), dialog.start());
			page.openEditor(input, CertificationInput.EDITOR_ID);
		}
	}

	private static void compare(Shell shell, ReferentialEditor editor) throws PartInitException {
		Certification shown = editor.certification();
		ReferentialLibrary library = editor.library();
		List<Certification> others = library.versions(shown.getCode()).stream().filter(c -> c != shown).toList();
		if (others.isEmpty()) {
			MessageDialog.openInformation(shell, Messages.Compare_title, NLS.bind(Messages.Compare_none, shown.getCode()));
			return;
		}
		ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, new LabelProvider() {
			@Override
			public String getText(Object element) {
				return describe((Certification) element);
			}
		});
		dialog.setTitle(Messages.Compare_title);
		dialog.setMessage(Messages.Compare_choose);
		dialog.setElements(others.toArray());
		if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof Certification other) {
			editor.compareWith(other);
		}
	}

	/** "CMI 1.0 (01/01/2013)": a version as users name it. */
	static String describe(Certification certification) {
		LocalDate from = ReferentialLibrary.referentialOf(certification).getValidFrom();
		return NLS.bind(Messages.Compare_version, new Object[] { certification.getCode(), ReferentialLibrary.versionOf(certification),
				from == null ? "" : Values.days().format(from) }); //$NON-NLS-1$
	}
}
