package fr.mutualite.cqp.ui.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.CertificationInput;

/**
 * The navigator: the certifications of the referentials with their version and validation
 * state, read in the background from the application's referentials and read again when they
 * change (a referential saved, another database chosen); a filter box narrows the list; Enter or
 * a double click opens the referential editor.
 */
public final class NavigatorView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.navigator"; //$NON-NLS-1$

	/**
	 * A certification as listed: code, title, version of its referential, whether that version is
	 * in force while others exist, and what its validation found.
	 */
	public record Entry(String code, String title, String version, Boolean inForce, long errors, long warnings) {
	}

	private TableViewer viewer;
	private Text filter;
	private Label status;
	private CurrentDatabase database;
	private final CurrentDatabase.Listener reopened = () -> PlatformUI.getWorkbench().getDisplay().asyncExec(this::load);

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
		filter.setMessage(Messages.Navigator_filter);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
		viewer = new TableViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL | SWT.FULL_SELECTION);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				Entry entry = (Entry) element;
				String state = entry.errors() > 0 ? NLS.bind(Messages.Navigator_errors, entry.errors())
						: entry.warnings() > 0 ? NLS.bind(Messages.Navigator_warnings, entry.warnings()) : Messages.Navigator_valid;
				String version = entry.inForce() == null ? entry.version()
						: NLS.bind(entry.inForce() ? Messages.Navigator_inForce : Messages.Navigator_notInForce, entry.version());
				return NLS.bind(Messages.Navigator_certification, new Object[] { entry.code(), entry.title(), version, state });
			}

			@Override
			public Image getImage(Object element) {
				Entry entry = (Entry) element;
				return PlatformUI.getWorkbench().getSharedImages().getImage(entry.errors() > 0 ? ISharedImages.IMG_OBJS_ERROR_TSK
						: entry.warnings() > 0 ? ISharedImages.IMG_OBJS_WARN_TSK : ISharedImages.IMG_OBJS_INFO_TSK);
			}
		});
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(org.eclipse.jface.viewers.Viewer v, Object parentElement, Object element) {
				String typed = filter.getText().strip().toLowerCase(java.util.Locale.ROOT);
				Entry entry = (Entry) element;
				return typed.isEmpty() || (entry.code() + ' ' + entry.title()).toLowerCase(java.util.Locale.ROOT).contains(typed);
			}
		});
		filter.addListener(SWT.Modify, e -> viewer.refresh());
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		status = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);
		viewer.addOpenListener(e -> open((Entry) ((IStructuredSelection) e.getSelection()).getFirstElement()));
		getSite().setSelectionProvider(viewer);
		database = getSite().getService(CurrentDatabase.class);
		if (database != null) {
			database.addListener(reopened);
		}
		load();
	}

	/** Reads the certifications and validates them in the background. */
	private void load() {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		status.setText(Messages.Navigator_loading);
		Job job = new Job(Messages.Navigator_loading) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					if (database == null) {
						throw new CqpException(Messages.Navigator_noService);
					}
					ReferentialLibrary library = database.referentials();
					List<Entry> entries = new ArrayList<>();
					for (Certification current : library.certifications()) {
						List<Certification> versions = new ArrayList<>(library.versions(current.getCode()));
						Collections.reverse(versions);
						for (Certification version : versions) {
							entries.add(entry(version, versions.size() == 1 ? null : version == current));
						}
					}
					show(entries, library.notices().isEmpty() ? "" //$NON-NLS-1$
							: NLS.bind(Messages.Navigator_notices, library.notices().size()));
				} catch (CqpException e) {
					Platform.getLog(NavigatorView.class).log(Status.warning(e.getMessage(), e));
					show(List.of(), e.getMessage());
				}
				return Status.OK_STATUS;
			}
		};
		IWorkbenchSiteProgressService progress = getSite().getService(IWorkbenchSiteProgressService.class);
		if (progress != null) {
			progress.schedule(job);
		} else {
			job.schedule();
		}
	}

	private static Entry entry(Certification certification, Boolean inForce) {
		Referential file = ReferentialLibrary.referentialOf(certification);
		List<Problem> problems = Validation.validate(certification);
		return new Entry(certification.getCode(), certification.getTitle(), file == null ? "" : file.getVersion(), inForce, //$NON-NLS-1$
				problems.stream().filter(p -> p.severity() == Severity.ERROR).count(),
				problems.stream().filter(p -> p.severity() == Severity.WARNING).count());
	}

	private void show(List<Entry> entries, String message) {
		viewer.getControl().getDisplay().asyncExec(() -> {
			if (!viewer.getControl().isDisposed()) {
				viewer.setInput(entries);
				status.setText(message);
				status.getParent().layout(true, true);
			}
		});
	}

	private void open(Entry entry) {
		if (entry == null) {
			return;
		}
		try {
			getSite().getPage().openEditor(new CertificationInput(entry.code(), entry.inForce() == null ? null : entry.version(),
					entry.title()), CertificationInput.EDITOR_ID);
		} catch (PartInitException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			status.setText(e.getMessage());
		}
	}

	/** The list of certifications, for the views and tests that inspect it. */
	public TableViewer getViewer() {
		return viewer;
	}

	/** What the navigator says under its list (a file left out...), for tests. */
	public String getStatus() {
		return status.getText();
	}

	/** The filter box, for tests. */
	public Text getFilter() {
		return filter;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		if (database != null) {
			database.removeListener(reopened);
		}
		super.dispose();
	}
}
