package fr.mutualite.cqp.ui.booklet;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPartSite;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.print.BookletSheet;
import fr.mutualite.cqp.core.report.ReportService;

/**
 * Prints a booklet, a decision sheet or a certificate as the editor shows it: the user chooses
 * the PDF file, BIRT lays it out in a background job with its progress, and the editor is told
 * where it went (or, in one sentence, why it could not be written).
 */
public final class Printing {

	/** Told on the UI thread where the PDF was written. */
	@FunctionalInterface
	public interface Done {
		void printed(Path file);
	}

	private Printing() {
	}

	/** Asks where to write {@code sheet} (proposing {@code name}.pdf), then prints it in a job. */
	public static void print(IWorkbenchPartSite site, BookletSheet sheet, String name, Done done) {
		Shell shell = site.getShell();
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFileName(fileName(name) + ".pdf"); //$NON-NLS-1$
		dialog.setFilterExtensions(new String[] { "*.pdf" }); //$NON-NLS-1$
		String chosen = dialog.open();
		if (chosen != null) {
			print(site, sheet, Path.of(chosen), done);
		}
	}

	/** Prints {@code sheet} into {@code file} in a background job. */
	public static Job print(IWorkbenchPartSite site, BookletSheet sheet, Path file, Done done) {
		ReportService service = site.getService(ReportService.class);
		Shell shell = site.getShell();
		Job job = new Job(NLS.bind(Messages.Print_job, sheet.title())) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
				try {
					service.print(sheet, file);
					shell.getDisplay().asyncExec(() -> done.printed(file));
				} catch (CqpException e) {
					Platform.getLog(Printing.class).log(Status.warning(e.getMessage(), e));
					shell.getDisplay().asyncExec(() -> {
						if (!shell.isDisposed()) {
							MessageDialog.openError(shell, Messages.Print_failed, e.getMessage());
						}
					});
				} finally {
					monitor.done();
				}
				return Status.OK_STATUS;
			}
		};
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** A file name from {@code text}: letters, digits and dashes only. */
	static String fileName(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", ""); //$NON-NLS-1$ //$NON-NLS-2$
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}
}
