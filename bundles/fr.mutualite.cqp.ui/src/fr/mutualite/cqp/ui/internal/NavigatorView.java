package fr.mutualite.cqp.ui.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
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

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.RegistrationGroup;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.CertificationInput;
import fr.mutualite.cqp.ui.PasswordPrompt;
import fr.mutualite.cqp.ui.RegistrationInput;

/**
 * The navigator: the certifications of the referentials, every version with its validation
 * state, and the candidates of the application's database grouped by training body and
 * certification. Everything is read in background jobs, a branch when it is first opened and
 * candidates a page at a time, so that a database of any size never holds the window; a filter
 * box narrows the certifications (code, title) and the candidates (start of the name or first
 * name). Enter or a double click opens a certification's referential editor, a candidate's
 * dossier, or the next page of candidates.
 */
public final class NavigatorView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.navigator"; //$NON-NLS-1$
	/** Candidates read at a time in a group. */
	private static final int PAGE = 200;
	private int pageSize = PAGE;

	/**
	 * A certification as listed: code, title, version of its referential, whether that version is
	 * in force while others exist, and what its validation found.
	 */
	public record Entry(String code, String title, String version, Boolean inForce, long errors, long warnings) {
	}

	/** A branch whose children are read in the background the first time it is opened. */
	public abstract static class Branch {
		volatile List<Object> children;
		boolean loading;
		/** The branch above, null for the roots. */
		Branch parent;

		abstract List<Object> load(NavigatorView view) throws CqpException;

		/** The children read, or {@code null} while they are not. */
		public List<Object> children() {
			return children;
		}
	}

	/** The certifications, every version. */
	public static final class Certifications extends Branch {
		@Override
		List<Object> load(NavigatorView view) throws CqpException {
			ReferentialLibrary library = view.database().referentials();
			List<Object> entries = new ArrayList<>();
			for (Certification current : library.certifications()) {
				List<Certification> versions = new ArrayList<>(library.versions(current.getCode()));
				Collections.reverse(versions);
				for (Certification version : versions) {
					Entry entry = entry(version, versions.size() == 1 ? null : version == current);
					if (view.matches(entry.code() + ' ' + entry.title())) {
						entries.add(entry);
					}
				}
			}
			view.notices(library.notices().size());
			return entries;
		}
	}

	/** The candidates of the database, by training body. */
	public static final class Candidates extends Branch {
		@Override
		List<Object> load(NavigatorView view) throws CqpException {
			DossierStore store = view.database().store(new PasswordPrompt(view.getSite().getShell()));
			Map<String, Body> bodies = new LinkedHashMap<>();
			for (RegistrationGroup group : store.registrations().groups(view.filterText)) {
				Body body = bodies.computeIfAbsent(String.valueOf(group.trainingBodyCode()),
						k -> new Body(group.trainingBodyCode(), group.trainingBodyName()));
				body.parent = this;
				body.groups.add(new Group(body, group.certificationCode(), group.count()));
				body.count += group.count();
			}
			List<Object> children = new ArrayList<>(bodies.values());
			for (Body body : bodies.values()) {
				body.children = new ArrayList<>(body.groups);
			}
			if (children.isEmpty()) {
				children.add(new Message(view.filterText.isEmpty() ? Messages.Navigator_noCandidates : Messages.Navigator_noMatch));
			}
			return children;
		}
	}

	/** A training body (code null: registrations without one) and how many registrations it follows. */
	public static final class Body extends Branch {
		public final String code, name;
		final List<Group> groups = new ArrayList<>();
		int count;

		Body(String code, String name) {
			this.code = code;
			this.name = name;
		}

		@Override
		List<Object> load(NavigatorView view) {
			return new ArrayList<>(groups);
		}
	}

	/** The registrations of one training body to one certification, read a page at a time. */
	public static final class Group extends Branch {
		public final Body body;
		public final String certification;
		public final int count;

		Group(Body body, String certification, int count) {
			this.body = body;
			this.parent = body;
			this.certification = certification;
			this.count = count;
		}

		@Override
		List<Object> load(NavigatorView view) throws CqpException {
			return page(view, 0);
		}

		List<Object> page(NavigatorView view, int offset) throws CqpException {
			DossierStore store = view.database().store(new PasswordPrompt(view.getSite().getShell()));
			List<Object> rows = new ArrayList<>(store.registrations().page(body.code, certification, view.filterText, offset, view.pageSize));
			if (offset + rows.size() < count && !rows.isEmpty()) {
				rows.add(new More(this, offset + rows.size(), view.pageSize));
			}
			return rows;
		}
	}

	/** "Next candidates": opening it reads the next page ({@code size} candidates) of its group. */
	public record More(Group group, int offset, int size) {
	}

	/** A sentence in the tree: nothing found, a database that cannot be opened. */
	public record Message(String text) {
	}

	private static final Object LOADING = new Message(Messages.Navigator_loading);
	private static final java.time.format.DateTimeFormatter DAYS = java.time.format.DateTimeFormatter
			.ofLocalizedDate(java.time.format.FormatStyle.SHORT);

	private TreeViewer viewer;
	private Text filter;
	private Label status;
	private CurrentDatabase database;
	private volatile String filterText = ""; //$NON-NLS-1$
	private Branch[] roots;
	private final CurrentDatabase.Listener reopened = () -> PlatformUI.getWorkbench().getDisplay().asyncExec(this::reload);

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
		filter.setMessage(Messages.Navigator_filter);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
		viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.setUseHashlookup(true);
		viewer.setContentProvider(new Lazy());
		viewer.setLabelProvider(new Labels());
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		status = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);
		// the filter applies once typing pauses
		filter.addListener(SWT.Modify, e -> {
			String typed = filter.getText();
			filter.getDisplay().timerExec(300, () -> {
				if (!filter.isDisposed() && filter.getText().equals(typed)) {
					filterText = typed.strip();
					reload();
				}
			});
		});
		viewer.addOpenListener(e -> openElement(((IStructuredSelection) e.getSelection()).getFirstElement()));
		getSite().setSelectionProvider(viewer);
		database = getSite().getService(CurrentDatabase.class);
		if (database != null) {
			database.addListener(reopened);
		}
		reload();
	}

	/** Reads everything again: the database or the referentials changed, or the filter. */
	private void reload() {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		status.setText(""); //$NON-NLS-1$
		roots = new Branch[] { new Certifications(), new Candidates() };
		viewer.setInput(roots);
		viewer.expandToLevel(roots[0], 1);
		if (!filterText.isEmpty()) {
			viewer.expandToLevel(roots[1], 1);
		}
	}

	CurrentDatabase database() throws CqpException {
		if (database == null) {
			throw new CqpException(Messages.Navigator_noService);
		}
		return database;
	}

	boolean matches(String text) {
		return filterText.isEmpty() || text.toLowerCase(Locale.ROOT).contains(filterText.toLowerCase(Locale.ROOT));
	}

	void notices(int count) {
		ui(() -> status.setText(count == 0 ? "" : NLS.bind(Messages.Navigator_notices, count))); //$NON-NLS-1$
	}

	/** The children of branches, read in a background job the first time they are asked for. */
	private final class Lazy implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof Object[] array ? array : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			if (!(parent instanceof Branch branch)) {
				return new Object[0];
			}
			if (branch.children != null) {
				return branch.children.toArray();
			}
			if (!branch.loading) {
				branch.loading = true;
				load(branch);
			}
			return new Object[] { LOADING };
		}

		@Override
		public Object getParent(Object element) {
			return switch (element) {
				case Branch branch -> branch.parent;
				case Entry entry -> roots[0];
				case More more -> more.group();
				default -> null;
			};
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof Branch branch && (branch.children == null || !branch.children.isEmpty());
		}
	}

	private void load(Branch branch) {
		Job job = Job.create(Messages.Navigator_loading, (IProgressMonitor monitor) -> {
			List<Object> children;
			try {
				children = branch.load(this);
			} catch (CqpException e) {
				Platform.getLog(NavigatorView.class).log(Status.warning(e.getMessage(), e));
				children = List.of(new Message(e.getMessage()));
			} catch (RuntimeException e) {
				Platform.getLog(NavigatorView.class).log(Status.error(e.getMessage(), e));
				children = List.of(new Message(Messages.Navigator_failed));
			}
			List<Object> read = children;
			// a branch read again meanwhile (the filter changed...) is no longer in the tree: refreshing it does nothing
			ui(() -> {
				branch.children = read;
				branch.loading = false;
				viewer.refresh(branch);
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	/** Opens a certification's editor, or reads the next page of candidates. */
	private void openElement(Object element) {
		if (element instanceof Entry entry) {
			try {
				getSite().getPage().openEditor(new CertificationInput(entry.code(), entry.inForce() == null ? null : entry.version(),
						entry.title()), CertificationInput.EDITOR_ID);
			} catch (PartInitException e) {
				Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
				status.setText(e.getMessage());
			}
		} else if (element instanceof RegistrationSummary registration) {
			RegistrationInput input = new RegistrationInput(registration.registrationId(), null,
					registration.lastName() + ' ' + registration.firstName() + " \u2014 " + registration.certificationCode()); //$NON-NLS-1$
			try {
				getSite().getPage().openEditor(input, input.editorId());
			} catch (PartInitException e) {
				Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
				status.setText(e.getMessage());
			}
		} else if (element instanceof More more) {
			Group group = more.group();
			Job.create(Messages.Navigator_loading, (IProgressMonitor monitor) -> {
				try {
					List<Object> next = group.page(this, more.offset());
					ui(() -> {
						if (group.children != null && group.children.contains(more)) {
							List<Object> rows = new ArrayList<>(group.children);
							rows.remove(more);
							rows.addAll(next);
							group.children = rows;
							viewer.refresh(group);
						}
					});
				} catch (CqpException e) {
					Platform.getLog(NavigatorView.class).log(Status.warning(e.getMessage(), e));
					ui(() -> status.setText(e.getMessage()));
				}
				return Status.OK_STATUS;
			}).schedule();
		}
	}

	private static Entry entry(Certification certification, Boolean inForce) {
		Referential file = ReferentialLibrary.referentialOf(certification);
		List<Problem> problems = Validation.validate(certification);
		return new Entry(certification.getCode(), certification.getTitle(), file == null ? "" : file.getVersion(), inForce, //$NON-NLS-1$
				problems.stream().filter(p -> p.severity() == Severity.ERROR).count(),
				problems.stream().filter(p -> p.severity() == Severity.WARNING).count());
	}

	/** The texts and icons of the tree. */
	private static final class Labels extends LabelProvider {
		@Override
		public String getText(Object element) {
			return switch (element) {
				case Certifications c -> Messages.Navigator_certifications;
				case Candidates c -> Messages.Navigator_candidates;
				case Entry entry -> {
					String state = entry.errors() > 0 ? NLS.bind(Messages.Navigator_errors, entry.errors())
							: entry.warnings() > 0 ? NLS.bind(Messages.Navigator_warnings, entry.warnings()) : Messages.Navigator_valid;
					String version = entry.inForce() == null ? entry.version()
							: NLS.bind(entry.inForce() ? Messages.Navigator_inForce : Messages.Navigator_notInForce, entry.version());
					yield NLS.bind(Messages.Navigator_certification, new Object[] { entry.code(), entry.title(), version, state });
				}
				case Body body -> NLS.bind(Messages.Navigator_body, body.code == null ? Messages.Navigator_noBody
						: body.name == null ? body.code : body.name, body.count);
				case Group group -> NLS.bind(Messages.Navigator_group, group.certification, group.count);
				case RegistrationSummary r -> NLS.bind(Messages.Navigator_candidate, new Object[] { r.lastName(), r.firstName(),
						r.registrationDate() == null ? "" : DAYS.format(r.registrationDate()) }); //$NON-NLS-1$
				case More more -> NLS.bind(Messages.Navigator_more, Math.min(more.size(), more.group().count - more.offset()),
						more.group().count - more.offset());
				case Message message -> message.text();
				default -> String.valueOf(element);
			};
		}

		@Override
		public Image getImage(Object element) {
			ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
			return switch (element) {
				case Entry entry -> images.getImage(entry.errors() > 0 ? ISharedImages.IMG_OBJS_ERROR_TSK
						: entry.warnings() > 0 ? ISharedImages.IMG_OBJS_WARN_TSK : ISharedImages.IMG_OBJS_INFO_TSK);
				case Branch b -> images.getImage(ISharedImages.IMG_OBJ_FOLDER);
				case RegistrationSummary r -> images.getImage(ISharedImages.IMG_OBJ_ELEMENT);
				default -> null;
			};
		}
	}

	private void ui(Runnable r) {
		if (!viewer.getControl().isDisposed()) {
			viewer.getControl().getDisplay().asyncExec(() -> {
				if (!viewer.getControl().isDisposed()) {
					r.run();
				}
			});
		}
	}

	/** Reads candidates {@code size} at a time from now on (the benchmark and tests use small pages). */
	public void setPageSize(int size) {
		pageSize = Math.max(1, size);
	}

	/** Opens {@code element} as a double click does (a certification, the next candidates). */
	public void open(Object element) {
		openElement(element);
	}

	/** The tree, for the views and tests that inspect it. */
	public TreeViewer getViewer() {
		return viewer;
	}

	/** The roots of the tree: the certifications, the candidates. */
	public Branch[] getRoots() {
		return roots.clone();
	}

	/** What the navigator says under its tree (a file left out...), for tests. */
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
