package fr.mutualite.cqp.ui.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.dossier.AuditTrail;
import fr.mutualite.cqp.core.dossier.CandidateDossier;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.ui.PasswordPrompt;
import fr.mutualite.cqp.ui.RegistrationInput;

/**
 * "Journal des modifications": the audit trail of the candidate selected in the navigator or
 * edited in the active dossier or booklet, oldest first, as the database lets the user read it
 * (a training body or an evaluator, the lines of their own registrations); exported as CSV by
 * the view's command.
 */
public final class AuditTrailView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.audit"; //$NON-NLS-1$
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withZone(ZoneId.systemDefault());

	private CurrentDatabase database;
	private Label heading;
	private TableViewer viewer;
	/** The candidate shown (id) and their name, or null. */
	private volatile String candidateId, candidateName;
	/** The registration of the editor whose candidate is shown, or null. */
	private String shownRegistration;
	private volatile List<AuditTrail.Line> lines = List.of();
	/** Counts the readings: only the latest one is shown. */
	private volatile int reading;

	private final ISelectionListener selection = this::selected;
	private final CurrentDatabase.Listener reopened = () -> ui(() -> show(null, null));

	@Override
	public void createPartControl(Composite parent) {
		database = getSite().getService(CurrentDatabase.class);
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		heading = new Label(parent, SWT.WRAP);
		heading.setData("name", "heading"); //$NON-NLS-1$ //$NON-NLS-2$
		heading.setText(Messages.Audit_none);
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(heading);
		viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		column(Messages.Audit_when, 130, l -> WHEN.format(l.at()));
		column(Messages.Audit_by, 110, AuditTrail.Line::changedBy);
		column(Messages.Audit_registration, 120, AuditTrail.Line::registrationId);
		column(Messages.Audit_subject, 120, l -> subject(l.subject()));
		column(Messages.Audit_item, 160, AuditTrail.Line::item);
		column(Messages.Audit_before, 160, AuditTrail.Line::before);
		column(Messages.Audit_after, 160, AuditTrail.Line::after);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setInput(List.of());
		getSite().getWorkbenchWindow().getSelectionService().addPostSelectionListener(selection);
		getSite().getPage().addPartListener(editors);
		database.addListener(reopened);
		IEditorPart active = getSite().getPage().getActiveEditor();
		if (active != null) {
			edited(active);
		}
	}

	private void column(String title, int width, java.util.function.Function<AuditTrail.Line, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				String value = text.apply((AuditTrail.Line) element);
				return value == null ? "" : value; //$NON-NLS-1$
			}
		});
	}

	/** The subject of a line in words (the database's code when it is a new one). */
	static String subject(String code) {
		return switch (code) {
		case "EVALUATION" -> Messages.Audit_evaluation; //$NON-NLS-1$
		case "BOOKLET" -> Messages.Audit_booklet; //$NON-NLS-1$
		case "DECISION" -> Messages.Audit_decision; //$NON-NLS-1$
		case "CERTIFICATE" -> Messages.Audit_certificate; //$NON-NLS-1$
		case "ROLE" -> Messages.Audit_role; //$NON-NLS-1$
		case "PERSONAL_DATA" -> Messages.Audit_personalData; //$NON-NLS-1$
		default -> code;
		};
	}

	private final org.eclipse.ui.IPartListener2 editors = new org.eclipse.ui.IPartListener2() {
		@Override
		public void partActivated(org.eclipse.ui.IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof IEditorPart editor) {
				edited(editor);
			}
		}
	};

	private void selected(IWorkbenchPart part, org.eclipse.jface.viewers.ISelection chosen) {
		if (part != this && chosen instanceof IStructuredSelection structured
				&& structured.getFirstElement() instanceof RegistrationSummary r) {
			show(r.candidateId(), r.firstName() + ' ' + r.lastName());
		}
	}

	/** The candidate of the dossier or booklet {@code editor} edits, if it edits one. */
	private void edited(IEditorPart editor) {
		// going from one booklet of a dossier to another shows the same candidate: nothing to read
		if (editor.getEditorInput() instanceof RegistrationInput input && !input.registrationId().equals(shownRegistration)) {
			String registrationId = input.registrationId();
			shownRegistration = registrationId;
			read(store -> {
				Candidate candidate = store.registrations().dossier(registrationId).map(CandidateDossier::candidate)
						.map(v -> v.value()).orElse(null);
				if (candidate != null) {
					candidateName = candidate.getFirstName() + ' ' + candidate.getLastName();
					candidateId = candidate.getId();
					return store.auditTrail(candidate.getId());
				}
				return null;
			});
		}
	}

	/** Shows the audit trail of the candidate {@code id} (null: none), read in the background. */
	public void show(String id, String name) {
		shownRegistration = null;
		candidateId = id;
		candidateName = name;
		if (id == null) {
			reading++;
			lines = List.of();
			viewer.setInput(lines);
			heading.setText(Messages.Audit_none);
			return;
		}
		read(store -> store.auditTrail(id));
	}

	@FunctionalInterface
	private interface Reading {
		/** The lines to show, or null to leave the view as it is. */
		List<AuditTrail.Line> read(DossierStore store) throws CqpException;
	}

	private void read(Reading reading) {
		int mine = ++this.reading;
		heading.setText(Messages.Audit_reading);
		Job job = Job.create(Messages.Audit_reading, monitor -> {
			try {
				List<AuditTrail.Line> read = reading.read(database.store(new PasswordPrompt(getSite().getShell())));
				ui(() -> {
					if (mine == this.reading && read != null) {
						lines = read;
						viewer.setInput(read);
						heading.setText(NLS.bind(Messages.Audit_heading, candidateName, Integer.valueOf(read.size())));
					}
				});
			} catch (CqpException e) {
				Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
				ui(() -> {
					if (mine == this.reading) {
						lines = List.of();
						viewer.setInput(lines);
						heading.setText(e.getMessage());
					}
				});
			}
		});
		job.setSystem(true);
		job.schedule();
	}

	/** The lines shown, for tests and the export. */
	public List<AuditTrail.Line> lines() {
		return lines;
	}

	/** The table of the lines. */
	public TableViewer getViewer() {
		return viewer;
	}

	/** What the heading says. */
	public String heading() {
		return heading.getText();
	}

	/** Asks where to write the lines shown as CSV, and writes them. */
	public void exportCsv() {
		if (candidateId == null) {
			org.eclipse.jface.dialogs.MessageDialog.openInformation(getSite().getShell(), Messages.Audit_exportTitle,
					Messages.Audit_none);
			return;
		}
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFileName(NLS.bind(Messages.Audit_fileName, candidateId) + ".csv"); //$NON-NLS-1$
		dialog.setFilterExtensions(new String[] { "*.csv" }); //$NON-NLS-1$
		String chosen = dialog.open();
		if (chosen != null) {
			exportCsv(Path.of(chosen));
		}
	}

	/** Writes the lines shown into {@code file} as CSV, all or nothing, in a job; the heading says where. */
	public Job exportCsv(Path file) {
		List<AuditTrail.Line> shown = lines;
		Job job = Job.create(Messages.Audit_exportTitle, monitor -> {
			try {
				Path written = OutputFiles.write(file, out -> AuditTrail.write(shown, out));
				ui(() -> heading.setText(NLS.bind(Messages.Audit_exported, Integer.valueOf(shown.size()), written)));
			} catch (CqpException e) {
				Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
				ui(() -> org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), Messages.Audit_exportTitle,
						e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private void ui(Runnable runnable) {
		if (!viewer.getControl().isDisposed()) {
			viewer.getControl().getDisplay().asyncExec(() -> {
				if (!viewer.getControl().isDisposed()) {
					runnable.run();
				}
			});
		}
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		getSite().getWorkbenchWindow().getSelectionService().removePostSelectionListener(selection);
		getSite().getPage().removePartListener(editors);
		if (database != null) {
			database.removeListener(reopened);
		}
		super.dispose();
	}

	/** Toolbar command of the view: exports the trail shown as CSV. */
	public static final class ExportHandler extends org.eclipse.core.commands.AbstractHandler {
		@Override
		public Object execute(org.eclipse.core.commands.ExecutionEvent event) {
			if (org.eclipse.ui.handlers.HandlerUtil.getActivePart(event) instanceof AuditTrailView view) {
				view.exportCsv();
			}
			return null;
		}
	}
}
