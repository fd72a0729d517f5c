package fr.mutualite.cqp.ui.referential;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.ReferentialFiles;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.referential.CaseExchange;
import fr.mutualite.cqp.referential.ReferentialDiff;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.CertificationInput;

/**
 * The referentials as IMS Global CASE 1.1 files from the application: the certification of the
 * active editor exported as it is edited; a file imported after its changes are shown and
 * accepted, written into the user's folder of referentials, then opened.
 */
public final class CaseImport {

	private CaseImport() {
	}

	/** Exports the certification of {@code editor} to a file the user chooses. */
	static void export(Shell shell, ReferentialEditor editor) throws CqpException {
		Certification certification = editor.certification();
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText(Messages.Case_exportTitle);
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { "*.json" }); //$NON-NLS-1$
		dialog.setFileName(certification.getCode().toLowerCase(java.util.Locale.ROOT) + '-'
				+ ReferentialLibrary.versionOf(certification) + "-case.json"); //$NON-NLS-1$
		String chosen = dialog.open();
		if (chosen != null) {
			OutputFiles.write(Path.of(chosen), out -> {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CaseExchange.write(certification, editor.library(), writer);
			});
		}
	}

	/** Asks for a CASE file, shows what importing it changes and, if accepted, imports it. */
	static void run(Shell shell, IWorkbenchPage page) throws CqpException, ReferentialException, PartInitException {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setText(Messages.Case_importTitle);
		dialog.setFilterExtensions(new String[] { "*.json", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		String chosen = dialog.open();
		if (chosen != null) {
			importFile(shell, page, Path.of(chosen), true);
		}
	}

	/**
	 * Imports {@code file} after showing its changes ({@code ask}: for the user to accept);
	 * returns the editor opened on the certification imported, {@code null} when nothing was
	 * imported (also for tests). Refused, in one sentence, while a referential is edited and not saved.
	 */
	public static ReferentialEditor importFile(Shell shell, IWorkbenchPage page, Path file, boolean ask)
			throws CqpException, ReferentialException, PartInitException {
		for (IEditorReference reference : page.getEditorReferences()) {
			if (reference.isDirty() && reference.getEditor(false) instanceof ReferentialEditor) {
				throw new CqpException(Messages.Case_dirty);
			}
		}
		CaseExchange.Package read = CaseExchange.read(file);
		Path folder = DataFolder.referentials();
		CaseExchange.Plan plan = CaseExchange.plan(read, folder);
		String name = read.code() + ' ' + read.version();
		if (plan.unchanged()) {
			if (ask) {
				MessageDialog.openInformation(shell, Messages.Case_importTitle, NLS.bind(Messages.Case_unchanged, name));
			}
			return null;
		}
		StringWriter text = new StringWriter();
		for (String notice : plan.notices()) {
			text.write(notice + '\n');
		}
		try {
			ReferentialDiff.text(plan.changes(), plan.before() == null ? Messages.Case_nothing
					: ReferentialHandler.describe(plan.before()), name, text);
		} catch (IOException e) {
			throw new IllegalStateException(e); // a StringWriter does not fail
		}
		if (ask && new Preview(shell, NLS.bind(Messages.Case_preview, name, plan.changes().size()), text.toString()).open() != Window.OK) {
			return null;
		}
		// an editor of the certification imported reads it again once written
		for (IEditorReference reference : page.getEditorReferences()) {
			if (reference.getEditor(false) instanceof ReferentialEditor open
					&& open.certification().getCode().equalsIgnoreCase(read.code())) {
				page.closeEditor(open, false);
			}
		}
		ReferentialFiles.save(plan.target().eResource(), folder);
		CurrentDatabase database = page.getWorkbenchWindow().getService(CurrentDatabase.class);
		if (database != null) {
			database.reopen();
		}
		IEditorPart opened = page.openEditor(new CertificationInput(read.code(), read.version(), read.title()),
				CertificationInput.EDITOR_ID);
		return opened instanceof ReferentialEditor editor ? editor : null;
	}

	/** What an import changes, to accept or not. */
	private static final class Preview extends Dialog {
		private final String summary;
		private final String changes;

		Preview(Shell shell, String summary, String changes) {
			super(shell);
			this.summary = summary;
			this.changes = changes;
			setShellStyle(getShellStyle() | SWT.RESIZE);
		}

		@Override
		protected void configureShell(Shell shell) {
			super.configureShell(shell);
			shell.setText(Messages.Case_importTitle);
		}

		@Override
		protected Control createDialogArea(Composite parent) {
			Composite area = (Composite) super.createDialogArea(parent);
			Label label = new Label(area, SWT.WRAP);
			label.setText(summary);
			GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(label);
			Text list = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
			list.setText(changes);
			GridDataFactory.fillDefaults().grab(true, true).hint(640, 320).applyTo(list);
			return area;
		}

		@Override
		protected void createButtonsForButtonBar(Composite parent) {
			createButton(parent, IDialogConstants.OK_ID, Messages.Case_apply, false);
			createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
		}
	}
}
