package fr.mutualite.cqp.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.PrivateFiles;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.report.Choice;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.report.ReportParameter;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.ui.PasswordPrompt;

/**
 * The observatory's statistics: the reports of the pack with their parameters, each run as a
 * background job over the database of the preferences; the result is shown as HTML and can be
 * saved as PDF or XLSX. The view talks to the report service only: neither JDBC nor BIRT here.
 */
public final class StatisticsView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.statistics"; //$NON-NLS-1$

	private Display display;
	private TableViewer list;
	private ScrolledContent left;
	private Group form;
	private Label description;
	private final Map<String, Control> fields = new LinkedHashMap<>();
	private Button run, savePdf, saveXlsx;
	private Composite preview;
	private Browser browser;
	private Text fallback;
	private Label status;
	private ReportService service;
	private CurrentDatabase database;
	private ReportInfo current;
	private Path lastHtml;
	/** The report being produced, if any. */
	private Job running;
	/** A report to open with its values once the list is read (asked for by the dashboard). */
	private Map.Entry<String, Map<String, String>> pending;

	@Override
	public void createPartControl(Composite parent) {
		display = parent.getDisplay();
		parent.setLayout(GridLayoutFactory.fillDefaults().create());
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);

		// the list, the parameters and the buttons scroll in a low view (on a laptop's screen,
		// under the dashboard, the buttons were out of sight)
		left = new ScrolledContent(sash, 0);
		Composite panel = left.content();
		GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(panel);
		Label title = new Label(panel, SWT.NONE);
		title.setText(Messages.Statistics_reports);
		list = new TableViewer(panel, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL | SWT.FULL_SELECTION);
		list.setContentProvider(ArrayContentProvider.getInstance());
		list.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((ReportInfo) element).title();
			}
		});
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 150).applyTo(list.getControl());
		list.addSelectionChangedListener(e -> show((ReportInfo) ((IStructuredSelection) e.getSelection()).getFirstElement()));
		// Enter or a double click runs the report, as the button does.
		list.addOpenListener(e -> {
			if (running == null && run.isEnabled()) {
				render(ReportFormat.HTML, null);
			}
		});
		description = new Label(panel, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(description);
		form = new Group(panel, SWT.NONE);
		form.setText(Messages.Statistics_parameters);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
		Composite buttons = new Composite(panel, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(false).applyTo(buttons);
		// "Produire" becomes "Arrêter" while a report is produced
		run = button(buttons, Messages.Statistics_run, () -> {
			if (running != null) {
				running.cancel();
				run.setEnabled(false);
			} else {
				render(ReportFormat.HTML, null);
			}
		});
		int width = 0; // as wide with either text: the buttons beside it stay in place
		for (String text : new String[] { Messages.Statistics_stop, Messages.Statistics_run }) {
			run.setText(text);
			width = Math.max(width, run.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
		}
		GridDataFactory.swtDefaults().hint(width, SWT.DEFAULT).applyTo(run);
		savePdf = button(buttons, Messages.Statistics_savePdf, () -> save(ReportFormat.PDF));
		saveXlsx = button(buttons, Messages.Statistics_saveXlsx, () -> save(ReportFormat.XLSX));
		status = new Label(panel, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(status);

		preview = new Composite(sash, SWT.BORDER);
		StackLayout stack = new StackLayout();
		preview.setLayout(stack);
		fallback = new Text(preview, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
		fallback.setText(Messages.Statistics_empty);
		try {
			browser = new Browser(preview, SWT.NONE);
			stack.topControl = browser;
			browser.setText(page(Messages.Statistics_empty));
		} catch (SWTError e) {
			// No web engine on this machine (WebKitGTK missing): the reports still run and save.
			browser = null;
			stack.topControl = fallback;
		}
		sash.setWeights(33, 67);
		updateButtons();
		service = getSite().getService(ReportService.class);
		database = getSite().getService(CurrentDatabase.class);
		load();
	}

	/** The reports of the pack, read in the background (the report engine starts on first use). */
	private void load() {
		status.setText(Messages.Statistics_loading);
		schedule(new Job(Messages.Statistics_loading) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					if (service == null) {
						throw new CqpException(Messages.Statistics_noService);
					}
					// In the order of their titles, as users read them
					List<ReportInfo> reports = new ArrayList<>(service.reports());
					reports.sort(Comparator.comparing(ReportInfo::title, Collator.getInstance()));
					// the observatory's own designs that cannot be used: said under the list, and logged
					List<CqpException> refused = service.refusedDesigns();
					refused.forEach(e -> Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e)));
					String told = String.join("\n", refused.stream().map(CqpException::getMessage).toList()); //$NON-NLS-1$
					ui(() -> {
						list.setInput(reports);
						status.setForeground(told.isEmpty() ? null : status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
						status.setText(told);
						left.fit();
						if (!reports.isEmpty()) {
							list.setSelection(new StructuredSelection(reports.get(0)), true);
						}
						openPending();
					});
				} catch (CqpException e) {
					failed(e);
				}
				return Status.OK_STATUS;
			}
		});
	}

	/**
	 * Selects the report {@code name}, gives its text parameters {@code values} (the others keep
	 * their defaults) and runs it: how the dashboard opens a figure's full report.
	 */
	public void open(String name, Map<String, String> values) {
		pending = Map.entry(name, values);
		if (list.getInput() != null) {
			openPending();
		}
	}

	private void openPending() {
		if (pending == null) {
			return;
		}
		String name = pending.getKey();
		Map<String, String> values = pending.getValue();
		pending = null;
		for (Object o : (List<?>) list.getInput()) {
			if (o instanceof ReportInfo report && report.name().equals(name)) {
				list.setSelection(new StructuredSelection(report), true);
				values.forEach((parameter, value) -> {
					if (fields.get(parameter) instanceof Text text) {
						text.setText(value);
					}
				});
				render(ReportFormat.HTML, null);
				return;
			}
		}
	}

	/** Shows the parameters of {@code report}, with the values of listed ones read from the database. */
	private void show(ReportInfo report) {
		if (report == null || report.equals(current)) {
			return;
		}
		current = report;
		description.setText(report.description());
		for (Control c : form.getChildren()) {
			c.dispose();
		}
		fields.clear();
		for (ReportParameter p : report.parameters()) {
			Label label = new Label(form, SWT.WRAP);
			label.setText(p.label());
			GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(label);
			Control field;
			if (p.listed()) {
				Combo combo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
				combo.add(Messages.Statistics_all);
				combo.setData(new String[] { "" }); //$NON-NLS-1$
				combo.select(0);
				field = combo;
			} else {
				Text text = new Text(form, SWT.BORDER);
				text.setText(p.defaultValue());
				text.setMessage(p.kind() == ReportParameter.Kind.DATE ? Messages.Statistics_dateHint : ""); //$NON-NLS-1$
				field = text;
			}
			GridDataFactory.fillDefaults().grab(true, false).applyTo(field);
			fields.put(p.name(), field);
		}
		left.fit();
		updateButtons();
		fillChoices(report);
	}

	private void fillChoices(ReportInfo report) {
		List<ReportParameter> listed = report.parameters().stream().filter(ReportParameter::listed).toList();
		if (listed.isEmpty()) {
			return;
		}
		schedule(new Job(NLS.bind(Messages.Statistics_choices, report.title())) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					DossierStore data = store();
					Map<String, List<Choice>> choices = new HashMap<>();
					for (ReportParameter p : listed) {
						choices.put(p.name(), service.choices(report.name(), p.name(), data.data()));
					}
					ui(() -> {
						if (report != current) {
							return;
						}
						choices.forEach((name, values) -> {
							Combo combo = (Combo) fields.get(name);
							String[] codes = new String[values.size() + 1];
							codes[0] = ""; //$NON-NLS-1$
							for (int i = 0; i < values.size(); i++) {
								combo.add(values.get(i).label());
								codes[i + 1] = values.get(i).value();
							}
							combo.setData(codes);
						});
						left.fit();
					});
				} catch (CqpException e) {
					failed(e);
				}
				return Status.OK_STATUS;
			}
		});
	}

	private void save(ReportFormat format) {
		if (current == null) {
			return;
		}
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFileName(current.name() + '.' + format.extension());
		dialog.setFilterExtensions(new String[] { "*." + format.extension() }); //$NON-NLS-1$
		String chosen = dialog.open();
		if (chosen != null) {
			render(format, Path.of(chosen));
		}
	}

	/** Renders the current report in a background job; HTML goes to the preview, other formats to {@code target}. */
	private void render(ReportFormat format, Path target) {
		if (running != null) {
			running.cancel(); // another report asked for (from the dashboard): the one running is stopped
		}
		ReportInfo report = current;
		Map<String, String> values = values();
		status.setForeground(null);
		status.setText(NLS.bind(Messages.Statistics_running, report.title()));
		Job job = new Job(NLS.bind(Messages.Statistics_running, report.title())) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				Job self = this;
				monitor.beginTask(getName(), 3);
				try {
					monitor.subTask(Messages.Statistics_opening);
					DossierStore data = store();
					monitor.worked(1);
					Map<String, Object> parameters = service.parameters(report.name(), values, data.data());
					monitor.worked(1);
					monitor.subTask(NLS.bind(Messages.Statistics_rendering, format.extension().toUpperCase()));
					Path out = target != null ? target : html(report);
					service.render(report.name(), data.data(), format, parameters, out, monitor::isCanceled);
					monitor.worked(1);
					ui(() -> {
						if (target == null) {
							showHtml(out);
							status.setText(NLS.bind(Messages.Statistics_shown, report.title()));
						} else {
							status.setText(NLS.bind(Messages.Statistics_saved, target));
						}
					});
				} catch (CqpException | IOException e) {
					if (monitor.isCanceled()) {
						ui(() -> {
							if (running == self) { // not when another report replaced it
								status.setText(NLS.bind(Messages.Statistics_cancelled, report.title()));
							}
						});
						return Status.CANCEL_STATUS;
					}
					failed(e);
				} finally {
					monitor.done();
					ui(() -> {
						if (running == self) {
							running = null;
						}
						updateButtons();
					});
				}
				return Status.OK_STATUS;
			}
		};
		job.setUser(true);
		running = job;
		updateButtons();
		schedule(job);
	}

	private Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		fields.forEach((name, field) -> {
			if (field instanceof Combo combo) {
				String code = ((String[]) combo.getData())[Math.max(0, combo.getSelectionIndex())];
				if (!code.isEmpty()) {
					values.put(name, code);
				}
			} else {
				values.put(name, ((Text) field).getText());
			}
		});
		return values;
	}

	private Path html(ReportInfo report) throws IOException {
		deleteShown();
		// candidates' names: in the data folder's temporary folder, its owner's alone; deleted when
		// the view closes or the application ends, and, left by an application killed outright,
		// when the reports next sweep that folder (PrivateFiles.deleteEnded)
		Path folder = PrivateFiles.createFolders(DataFolder.temporary());
		lastHtml = PrivateFiles.temporary(
				Files.createTempFile(folder, PrivateFiles.ofThisProcess("apercu", report.name()) + '-', ".html")); //$NON-NLS-1$ //$NON-NLS-2$
		Files.delete(lastHtml);
		return lastHtml;
	}

	private void showHtml(Path file) {
		if (browser != null) {
			browser.setUrl(file.toUri().toString());
		} else {
			fallback.setText(NLS.bind(Messages.Statistics_noBrowser, file));
		}
	}

	/** The application's database, opened on first use. */
	private DossierStore store() throws CqpException {
		if (database == null) {
			throw new CqpException(Messages.Statistics_noService);
		}
		return database.store(new PasswordPrompt(getSite().getShell()));
	}

	/** Says what went wrong under the buttons, in red, until the next run. */
	private void failed(Exception e) {
		// a refusal the user can act on is a warning; anything else an error of the product
		Platform.getLog(getClass()).log(e instanceof CqpException
				? Status.warning(e.getMessage(), e) : Status.error(e.getMessage(), e));
		ui(() -> {
			status.setForeground(status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			status.setText(NLS.bind(Messages.Statistics_failed,
					e instanceof IOException io ? IoErrors.reason(io) : e.getMessage()));
			left.fit();
		});
	}

	/**
	 * The buttons as the view stands: with a report chosen and none being produced, all of them;
	 * while one is produced, only the run button, which stops it.
	 */
	private void updateButtons() {
		boolean busy = running != null;
		boolean ready = !busy && current != null;
		run.setText(busy ? Messages.Statistics_stop : Messages.Statistics_run);
		run.setEnabled(ready || busy);
		run.getParent().layout();
		savePdf.setEnabled(ready);
		saveXlsx.setEnabled(ready);
	}

	private void schedule(Job job) {
		ViewJobs.schedule(getSite(), job);
	}

	private void ui(Runnable r) {
		ViewJobs.ui(display, run, r);
	}

	private static Button button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	private static String page(String text) {
		return "<html><body style=\"font-family:sans-serif;color:#404040;margin:2em\">" + text + "</body></html>"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The report list, for tests. */
	public TableViewer getList() {
		return list;
	}

	/** The text fields and lists of the parameters, by name, for tests. */
	public Map<String, Control> getFields() {
		return fields;
	}

	/** What the view last said (progress, result or problem), for tests. */
	public String getStatus() {
		return status.getText();
	}

	/** The button that produces the report, or stops it while it is produced; for tests. */
	public Button getRunButton() {
		return run;
	}

	/** The HTML file shown last, for tests. */
	public Path getShown() {
		return lastHtml;
	}

	/** Runs the current report into the preview, as the button does. */
	public void runCurrent() {
		render(ReportFormat.HTML, null);
	}

	@Override
	public void setFocus() {
		list.getControl().setFocus();
	}

	/** Deletes the HTML file shown last, if any. */
	private void deleteShown() throws IOException {
		if (lastHtml != null) {
			Files.deleteIfExists(lastHtml);
			PrivateFiles.release(lastHtml);
		}
	}

	@Override
	public void dispose() {
		if (running != null) {
			running.cancel(); // nobody would see it
		}
		try {
			deleteShown();
		} catch (IOException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
		}
		super.dispose();
	}
}
