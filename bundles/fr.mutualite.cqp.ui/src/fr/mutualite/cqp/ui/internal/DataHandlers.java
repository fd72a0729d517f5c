package fr.mutualite.cqp.ui.internal;

import java.nio.file.Path;
import java.time.LocalDate;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.PersonalDataExport;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.dossier.Retention;
import fr.mutualite.cqp.core.exchange.ExchangeImport;
import fr.mutualite.cqp.core.exchange.ExchangePackage;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.ui.PasswordPrompt;

/**
 * The "Données" menu: a candidate's personal data handed to them, the retention rule applied,
 * exchange packages sent and received; the application's face of {@code cqp data} and
 * {@code cqp exchange}, through the same core services. Each asks what it needs on the UI thread,
 * works in a job, and ends with one sentence.
 */
public final class DataHandlers {

	private DataHandlers() {
	}

	/** What a command does once the window and the database are known; runs on the UI thread. */
	private abstract static class DataHandler extends AbstractHandler {
		@Override
		public final Object execute(ExecutionEvent event) {
			IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
			if (window != null) {
				start(window, window.getService(CurrentDatabase.class), event);
			}
			return null;
		}

		abstract void start(IWorkbenchWindow window, CurrentDatabase database, ExecutionEvent event);
	}

	/** A step of work in a job, on the open database; returns the sentence that ends it. */
	@FunctionalInterface
	interface Work {
		String run(DossierStore store) throws CqpException;
	}

	/**
	 * Runs {@code work} in a user job titled {@code title}; its sentence (or the failure's) is
	 * said in a dialog; returns the job.
	 */
	static Job inBackground(Shell shell, CurrentDatabase database, String title, Work work) {
		Job job = Job.create(title, monitor -> {
			String said;
			boolean failed = false;
			try {
				said = work.run(database.store(new PasswordPrompt(shell)));
			} catch (CqpException e) {
				Platform.getLog(DataHandlers.class).log(Status.warning(e.getMessage(), e));
				said = e.getMessage();
				failed = true;
			}
			String sentence = said;
			boolean error = failed;
			if (sentence != null && !shell.isDisposed()) {
				shell.getDisplay().asyncExec(() -> {
					if (!shell.isDisposed()) {
						if (error) {
							MessageDialog.openError(shell, title, sentence);
						} else {
							MessageDialog.openInformation(shell, title, sentence);
						}
					}
				});
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** The file the user chooses to write, proposing {@code name}; null when they cancel. */
	private static Path saveAs(Shell shell, String name) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFileName(name);
		dialog.setFilterExtensions(new String[] { "*.zip" }); //$NON-NLS-1$
		String chosen = dialog.open();
		return chosen == null ? null : Path.of(chosen);
	}

	/**
	 * The candidate's registration selected in the navigator; {@code null}, said in a dialog titled
	 * {@code title}, when there is none.
	 */
	private static RegistrationSummary selected(IWorkbenchWindow window, ExecutionEvent event, String title) {
		if (HandlerUtil.getCurrentStructuredSelection(event).getFirstElement() instanceof RegistrationSummary r) {
			return r;
		}
		MessageDialog.openInformation(window.getShell(), title, Messages.Data_selectCandidate);
		return null;
	}

	/** Données > Données personnelles du candidat…: the candidate selected in the navigator, as one ZIP. */
	public static final class PersonalData extends DataHandler {
		@Override
		void start(IWorkbenchWindow window, CurrentDatabase database, ExecutionEvent event) {
			RegistrationSummary r = selected(window, event, Messages.Data_personalTitle);
			if (r == null) {
				return;
			}
			Path file = saveAs(window.getShell(), NLS.bind(Messages.Data_personalFile, r.candidateId()) + ".zip"); //$NON-NLS-1$
			if (file != null) {
				personalData(window.getShell(), database, window.getService(ReportService.class), r.candidateId(), file);
			}
		}
	}

	/** Writes the personal data of the candidate {@code candidateId} into {@code file}, in a job. */
	public static Job personalData(Shell shell, CurrentDatabase database, ReportService reports, String candidateId, Path file) {
		return inBackground(shell, database, Messages.Data_personalTitle, store -> NLS.bind(Messages.Data_personalDone,
				candidateId, PersonalDataExport.write(store, reports, candidateId, file)));
	}

	/** Données > Effacer les données personnelles du candidat…: at the candidate's request, once confirmed. */
	public static final class Erase extends DataHandler {
		@Override
		void start(IWorkbenchWindow window, CurrentDatabase database, ExecutionEvent event) {
			RegistrationSummary r = selected(window, event, Messages.Data_eraseTitle);
			if (r != null && MessageDialog.openConfirm(window.getShell(), Messages.Data_eraseTitle, NLS.bind(Messages.Data_eraseConfirm,
					new Object[] { r.firstName(), r.lastName(), r.candidateId() }))) {
				erase(window.getShell(), database, r.candidateId());
			}
		}
	}

	/** Erases the personal data of the candidate {@code candidateId} (the statistics' figures kept), in a job. */
	public static Job erase(Shell shell, CurrentDatabase database, String candidateId) {
		return inBackground(shell, database, Messages.Data_eraseTitle, store -> {
			store.candidates().erase(candidateId);
			return NLS.bind(Messages.Data_eraseDone, candidateId);
		});
	}

	/** Données > Envoyer un paquet d'échange…: a training body's dossiers, as one file for the branch. */
	public static final class ExchangeExport extends DataHandler {
		@Override
		void start(IWorkbenchWindow window, CurrentDatabase database, ExecutionEvent event) {
			Shell shell = window.getShell();
			java.util.List<TrainingBody> bodies;
			try {
				bodies = database.store(new PasswordPrompt(shell)).trainingBodies().list();
			} catch (CqpException e) {
				Platform.getLog(DataHandlers.class).log(Status.warning(e.getMessage(), e));
				MessageDialog.openError(shell, Messages.Data_exportTitle, e.getMessage());
				return;
			}
			ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, new LabelProvider() {
				@Override
				public String getText(Object element) {
					TrainingBody body = (TrainingBody) element;
					return body.getCode() + " \u2014 " + body.getName(); //$NON-NLS-1$
				}
			});
			dialog.setTitle(Messages.Data_exportTitle);
			dialog.setMessage(Messages.Data_chooseBody);
			dialog.setElements(bodies.toArray());
			dialog.setMultipleSelection(false);
			if (dialog.open() != Window.OK || dialog.getFirstResult() == null) {
				return;
			}
			String code = ((TrainingBody) dialog.getFirstResult()).getCode();
			Path file = saveAs(shell, NLS.bind(Messages.Data_exchangeFile, code, LocalDate.now()) + ".zip"); //$NON-NLS-1$
			if (file != null) {
				exchangeExport(shell, database, code, file);
			}
		}
	}

	/** Writes the exchange package of the training body {@code code} into {@code file}, in a job. */
	public static Job exchangeExport(Shell shell, CurrentDatabase database, String code, Path file) {
		return inBackground(shell, database, Messages.Data_exportTitle, store -> NLS.bind(Messages.Data_exportDone,
				new Object[] { Integer.valueOf(ExchangePackage.export(store, code, file)), code, file.toAbsolutePath() }));
	}

	/** Données > Recevoir un paquet d'échange…: a training body's package checked, then imported. */
	public static final class ExchangeReceive extends DataHandler {
		@Override
		void start(IWorkbenchWindow window, CurrentDatabase database, ExecutionEvent event) {
			FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN);
			dialog.setFilterExtensions(new String[] { "*.zip", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
			String chosen = dialog.open();
			if (chosen != null) {
				exchangeReceive(window.getShell(), database, Path.of(chosen));
			}
		}
	}

	/** Receives the exchange package {@code file}, in a job: what it added, updated, and its conflicts. */
	public static Job exchangeReceive(Shell shell, CurrentDatabase database, Path file) {
		return inBackground(shell, database, Messages.Data_importTitle, store -> {
			ExchangePackage.Contents contents = ExchangePackage.read(file, store.library());
			ExchangeImport.Report report;
			try {
				report = ExchangeImport.receive(store, contents);
			} finally {
				ExchangePackage.release(contents);
			}
			String done = NLS.bind(Messages.Data_importDone, new Object[] { contents.sender().trainingBody(),
					Integer.valueOf(report.candidatesAdded()), Integer.valueOf(report.registrationsAdded()),
					Integer.valueOf(report.updated()), Integer.valueOf(report.unchanged()) });
			if (!report.conflicts().isEmpty()) {
				done += '\n' + NLS.bind(Messages.Data_importConflicts, Integer.valueOf(report.conflicts().size()),
						String.join("\n", report.conflicts())); //$NON-NLS-1$
			}
			return done;
		});
	}

	/** Données > Appliquer la durée de conservation…: who is due is said first, erased once confirmed. */
	public static final class ApplyRetention extends DataHandler {
		@Override
		void start(IWorkbenchWindow window, CurrentDatabase database, ExecutionEvent event) {
			retention(window.getShell(), database, LocalDate.now());
		}
	}

	/**
	 * Counts, in a job, the candidates whose personal data the retention rule removes on
	 * {@code asOf}; when there are some, asks, then applies it.
	 */
	public static Job retention(Shell shell, CurrentDatabase database, LocalDate asOf) {
		return inBackground(shell, database, Messages.Data_retentionTitle, store -> {
			Retention.Report due = store.candidates().applyRetention(asOf, false);
			if (due.erased().isEmpty()) {
				return NLS.bind(Messages.Data_retentionNone, asOf, Integer.valueOf(due.kept()));
			}
			shell.getDisplay().asyncExec(() -> {
				if (!shell.isDisposed() && MessageDialog.openConfirm(shell, Messages.Data_retentionTitle,
						NLS.bind(Messages.Data_retentionDue, new Object[] { Integer.valueOf(due.erased().size()), asOf,
								Integer.valueOf(due.kept()) }))) {
					apply(shell, database, asOf);
				}
			});
			return null;
		});
	}

	/** Applies the retention rule on {@code asOf}, in a job. */
	public static Job apply(Shell shell, CurrentDatabase database, LocalDate asOf) {
		return inBackground(shell, database, Messages.Data_retentionTitle, store -> {
			Retention.Report done = store.candidates().applyRetention(asOf, true);
			return NLS.bind(Messages.Data_retentionDone, Integer.valueOf(done.erased().size()), asOf);
		});
	}
}
