package fr.mutualite.cqp.ui.referential;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.ReferentialFiles;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.DomainUses;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.model.referential.ReferentialPackage;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.referential.ReferentialDiff;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.CertificationInput;
import fr.mutualite.cqp.ui.emf.ModelEditing;
import fr.mutualite.cqp.ui.emf.ModelLabelProvider;
import fr.mutualite.cqp.ui.emf.ModelPropertySource;
import fr.mutualite.cqp.ui.emf.ProblemSource;

/**
 * The referential editor of one certification: an overview (identity, job, version and
 * validity), its domains, competences, criteria groups and criteria, its booklets' grids, and the
 * dated rules, each a page of forms. Every change is an undoable command; the certification is
 * validated after each one (overlays in the trees, messages next to the fields, the Problems
 * view). Saving writes every file changed, all or nothing each, into the user's data folder
 * (never into the installed product: a shipped file is saved there under its own name and read
 * in its place from then on).
 */
public final class ReferentialEditor extends FormEditor implements IEditingDomainProvider, ProblemSource {

	private ReferentialLibrary library;
	/** When the files saved to were last written, as this editor knows them. */
	private java.util.Map<Resource, java.nio.file.attribute.FileTime> fileStates;
	private Certification certification;
	private ComposedAdapterFactory factory;
	private AdapterFactoryEditingDomain domain;
	private ModelLabelProvider labels;
	private final SelectionRelay selections = new SelectionRelay();
	private List<Problem> problems = List.of();
	private final List<Runnable> problemListeners = new CopyOnWriteArrayList<>();
	private boolean validationPending;
	private OverviewPage overview;
	private final List<ModelTreePage> trees = new ArrayList<>();
	private final CommandStackListener changes = event -> getSite().getShell().getDisplay().asyncExec(this::changed);

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof CertificationInput certificationInput)) {
			throw new PartInitException(Messages.Editor_badInput);
		}
		try {
			library = ReferentialLibrary.withFolder(DataFolder.referentials());
		} catch (ReferentialException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			throw new PartInitException(e.getMessage(), e);
		}
		for (ReferentialLibrary.Notice notice : library.notices()) {
			Platform.getLog(getClass()).log(Status.warning(notice.message(), notice.cause()));
		}
		certification = (certificationInput.version() == null ? library.certification(certificationInput.code())
				: library.certification(certificationInput.code(), certificationInput.version())).orElseThrow(
						() -> new PartInitException(NLS.bind(Messages.Editor_unknown, input.getName())));
		factory = ModelEditing.adapterFactory();
		domain = ModelEditing.domain(factory, library.resourceSet());
		for (Resource resource : library.resourceSet().getResources()) {
			resource.setTrackingModification(true);
		}
		domain.getCommandStack().addCommandStackListener(changes);
		fileStates = ReferentialFiles.states(library, DataFolder.referentials());
		labels = new ReferentialLabels(factory);
		super.init(site, input);
		site.setSelectionProvider(selections);
		setPartName(certification.getCode() + ' ' + ReferentialLibrary.versionOf(certification));
		setTitleToolTip(certification.getTitle());
	}

	@Override
	protected void addPages() {
		try {
			overview = new OverviewPage(this);
			addPage(overview);
			Referential file = referentialOf(certification);
			addTree(new ModelTreePage(this, "structure", Messages.Page_structure, Messages.Page_structureHint, //$NON-NLS-1$
					() -> certification));
			addTree(new ModelTreePage(this, "booklets", Messages.Page_booklets, Messages.Page_bookletsHint, //$NON-NLS-1$
					() -> (Supplier<List<?>>) () -> library.booklets(certification)));
			addTree(new ModelTreePage(this, "rules", Messages.Page_rules, Messages.Page_rulesHint, //$NON-NLS-1$
					() -> (Supplier<List<?>>) file::getRuleSets));
		} catch (PartInitException e) {
			Platform.getLog(getClass()).log(Status.error(e.getMessage(), e));
		}
		// checked once the editor shows, like after each change
		validateSoon();
	}

	private void addTree(ModelTreePage page) throws PartInitException {
		trees.add(page);
		addPage(page);
	}

	@Override
	protected void pageChange(int newPageIndex) {
		super.pageChange(newPageIndex);
		if (getActivePageInstance() instanceof ModelTreePage page && page.getTree() != null) {
			selections.follow(page.getTree());
		} else {
			selections.show(new StructuredSelection(certification));
		}
	}

	/** After each command: the dirty mark, the selection of what changed, a new validation. */
	private void changed() {
		if (getContainer() == null || getContainer().isDisposed()) {
			return;
		}
		firePropertyChange(PROP_DIRTY);
		Command last = domain.getCommandStack().getMostRecentCommand();
		if (last != null && getActivePageInstance() instanceof ModelTreePage page && page.getTree() != null) {
			Collection<?> affected = last.getAffectedObjects();
			if (!affected.isEmpty() && affected.stream().allMatch(EObject.class::isInstance)) {
				page.getTree().setSelection(new StructuredSelection(new ArrayList<>(affected)), true);
			}
		}
		validateSoon();
	}

	private void validateSoon() {
		if (!validationPending) {
			validationPending = true;
			getSite().getShell().getDisplay().asyncExec(() -> {
				validationPending = false;
				if (getContainer() != null && !getContainer().isDisposed()) {
					validate();
				}
			});
		}
	}

	/** Checks the certification, its domains, booklets and rules; shows what is found. */
	void validate() {
		Set<EObject> scope = scope();
		Set<Referential> roots = new LinkedHashSet<>();
		for (EObject object : scope) {
			Referential root = ReferentialLibrary.referentialOf(object);
			if (root != null) {
				roots.add(root);
			}
		}
		List<Problem> found = new ArrayList<>();
		for (Referential root : roots) {
			for (Problem problem : Validation.validate(root)) {
				if (problem.element() == null || scope.contains(problem.element())) {
					found.add(problem);
				}
			}
		}
		found.sort(Comparator.comparing(Problem::severity));
		problems = List.copyOf(found);
		Map<Object, Severity> worst = new HashMap<>();
		for (Problem problem : problems) {
			for (EObject e = problem.element(); e != null; e = e.eContainer()) {
				worst.merge(e, problem.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
			}
		}
		for (DomainUse use : certification.getDomains()) {
			Severity severity = worst.get(use.getDomain());
			if (severity != null) {
				worst.merge(use, severity, (a, b) -> a.compareTo(b) <= 0 ? a : b);
				worst.merge(certification, severity, (a, b) -> a.compareTo(b) <= 0 ? a : b);
			}
		}
		labels.setSeverities(worst::get);
		if (overview != null) {
			overview.problemsChanged();
		}
		for (ModelTreePage page : trees) {
			page.problemsChanged();
		}
		for (Runnable listener : problemListeners) {
			listener.run();
		}
	}

	/** Every element the certification is made of, its shared domains, booklets and rules included. */
	private Set<EObject> scope() {
		Set<EObject> scope = new HashSet<>();
		Referential file = referentialOf(certification);
		scope.add(file);
		addAll(scope, certification);
		for (DomainUse use : certification.getDomains()) {
			if (use.getDomain() != null) {
				addAll(scope, use.getDomain());
			}
		}
		library.booklets(certification).forEach(b -> addAll(scope, b));
		file.getRuleSets().forEach(r -> addAll(scope, r));
		return scope;
	}

	private static void addAll(Set<EObject> scope, EObject object) {
		scope.add(object);
		object.eAllContents().forEachRemaining(scope::add);
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		if (!save()) {
			monitor.setCanceled(true);
		}
	}

	/**
	 * Writes each changed file, all or nothing; says whether all were written. A file that
	 * cannot be written is named with the reason, and the editor stays dirty.
	 */
	public boolean save() {
		try {
			ReferentialFiles.saveChanged(library, DataFolder.referentials(), fileStates);
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Editor_saveFailedTitle,
					NLS.bind(Messages.Editor_saveFailed, e.getMessage()));
			return false;
		}
		((BasicCommandStack) domain.getCommandStack()).saveIsDone();
		firePropertyChange(PROP_DIRTY);
		CurrentDatabase database = getSite().getService(CurrentDatabase.class);
		if (database != null) {
			database.reopen();
		}
		return true;
	}

	@Override
	public boolean isDirty() {
		return domain != null && ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded();
	}

	@Override
	public void doSaveAs() {
		// a referential is saved in the user's data folder under its own name only
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public EditingDomain getEditingDomain() {
		return domain;
	}

	/** The referentials the editor works on (its own copy, until saved). */
	public ReferentialLibrary library() {
		return library;
	}

	/** The domains of every referential this certification does not use yet, by code. */
	public List<CompetenceDomain> attachableDomains() {
		Set<CompetenceDomain> used = new HashSet<>();
		certification.getDomains().forEach(u -> used.add(u.getDomain()));
		return library.referentials().stream().flatMap(r -> r.getDomains().stream()).filter(d -> !used.contains(d))
				.sorted(Comparator.comparing(CompetenceDomain::getCode)).toList();
	}

	/**
	 * Makes {@code shared} the certification's next domain (a domain another certification
	 * defines or uses), by an undoable command; says whether it did.
	 */
	public boolean attach(CompetenceDomain shared) {
		if (DomainUses.of(certification, shared).isPresent()) {
			return false;
		}
		DomainUse use = ReferentialFactory.eINSTANCE.createDomainUse();
		use.setNumber(certification.getDomains().stream().mapToInt(DomainUse::getNumber).max().orElse(0) + 1);
		use.setDomain(shared);
		return ModelEditing.execute(domain,
				AddCommand.create(domain, certification, ReferentialPackage.Literals.CERTIFICATION__DOMAINS, use));
	}

	/**
	 * The competences of the other certifications' domains that {@code use} could share: those of
	 * every domain but its own, not attached to it yet, by code.
	 */
	public List<Competence> attachableCompetences(DomainUse use) {
		Set<Competence> present = new HashSet<>(DomainUses.competences(use));
		return library.referentials().stream().flatMap(r -> r.getDomains().stream()).filter(d -> d != use.getDomain())
				.flatMap(d -> d.getCompetences().stream()).filter(c -> !present.contains(c))
				.sorted(Comparator.comparing(Competence::getCode)).toList();
	}

	/**
	 * Attaches {@code shared}, a competence of another certification's domain, to this
	 * certification's use of a domain, by an undoable command; says whether it did.
	 */
	public boolean attach(DomainUse use, Competence shared) {
		if (use.eContainer() != certification || DomainUses.competences(use).contains(shared)) {
			return false;
		}
		return ModelEditing.execute(domain,
				AddCommand.create(domain, use, ReferentialPackage.Literals.DOMAIN_USE__SHARED_COMPETENCES, shared));
	}

	/** The certification's use of a domain selected in the active tree page, if one is. */
	public java.util.Optional<DomainUse> selectedUse() {
		if (getActivePageInstance() instanceof ModelTreePage page && page.getTree() != null
				&& page.getTree().getStructuredSelection().getFirstElement() instanceof DomainUse use
				&& use.eContainer() == certification) {
			return java.util.Optional.of(use);
		}
		return java.util.Optional.empty();
	}

	/**
	 * Writes a new version {@code version} of the certification's referential file, valid from
	 * {@code from}, into the data folder, and returns what opens it; the version edited stays as
	 * it is. Refuses in one sentence a version that exists or a file that cannot be written.
	 */
	public CertificationInput newVersion(String version, LocalDate from) throws CqpException {
		Path folder = DataFolder.referentials();
		Referential copy;
		try {
			copy = library.newVersion(certification, version, from, folder);
		} catch (ReferentialException e) {
			throw new CqpException(e.getMessage(), e);
		}
		try {
			ReferentialFiles.save(copy.eResource(), folder);
		} catch (CqpException e) {
			library.resourceSet().getResources().remove(copy.eResource());
			throw e;
		}
		CurrentDatabase database = getSite().getService(CurrentDatabase.class);
		if (database != null) {
			database.reopen();
		}
		return new CertificationInput(certification.getCode(), copy.getVersion(), certification.getTitle());
	}

	/** Shows, in the view of differences, what changed from {@code other} to the version edited. */
	public VersionDiffView compareWith(Certification other) throws PartInitException {
		VersionDiffView view = (VersionDiffView) getSite().getPage().showView(VersionDiffView.ID);
		view.show(ReferentialDiff.of(other, certification, library), ReferentialHandler.describe(other),
				ReferentialHandler.describe(certification));
		return view;
	}

	/**
	 * Selects {@code element} in the structure page (shown if another page is), without taking
	 * the focus: a domain as the certification's use of it. Says whether the page holds it.
	 */
	public boolean select(EObject element) {
		Object shown = element instanceof CompetenceDomain d ? DomainUses.of(certification, d).orElse(null) : element;
		if (shown == null || trees.isEmpty()) {
			return false;
		}
		ModelTreePage structure = trees.get(0);
		if (getActivePageInstance() != structure) {
			setActivePage(structure.getId());
		}
		return structure.reveal(shown);
	}

	/** The certification edited. */
	public Certification certification() {
		return certification;
	}

	/** The referential file that defines {@code object}. */
	Referential referentialOf(EObject object) {
		return ReferentialLibrary.referentialOf(object);
	}

	/** Where the certification's file comes from, and where saving writes it. */
	String origin() {
		Resource resource = certification.eResource();
		Path target = ReferentialLibrary.savedPath(resource.getURI(), DataFolder.referentials());
		if (resource.getURI().isPlatformPlugin() && !library.resourceSet().getURIConverter().getURIMap().containsKey(resource.getURI())) {
			return NLS.bind(Messages.Editor_shipped, target);
		}
		return NLS.bind(Messages.Editor_file, target);
	}

	ComposedAdapterFactory adapterFactory() {
		return factory;
	}

	ModelLabelProvider labels() {
		return labels;
	}

	SelectionRelay selections() {
		return selections;
	}

	/** The form of the certification on the overview page, for tests. */
	public fr.mutualite.cqp.ui.emf.PropertyForm overviewForm() {
		return overview.certificationForm();
	}

	/** The tree pages (structure, booklets, rules), for tests. */
	public List<ModelTreePage> treePages() {
		return List.copyOf(trees);
	}

	@Override
	public List<Problem> problems() {
		return problems;
	}

	@Override
	public void addProblemListener(Runnable listener) {
		problemListeners.add(listener);
	}

	@Override
	public void removeProblemListener(Runnable listener) {
		problemListeners.remove(listener);
	}

	@Override
	public void reveal(EObject element) {
		getSite().getPage().activate(this);
		for (ModelTreePage page : trees) {
			setActivePage(page.getId());
			if (page.reveal(element)) {
				return;
			}
		}
		setActivePage(OverviewPage.ID);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IPropertySheetPage.class) {
			PropertySheetPage page = new PropertySheetPage();
			page.setPropertySourceProvider(ModelPropertySource.provider(factory));
			return adapter.cast(page);
		}
		if (adapter == ProblemSource.class || adapter == IEditingDomainProvider.class) {
			return adapter.cast(this);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void dispose() {
		if (domain != null) {
			domain.getCommandStack().removeCommandStackListener(changes);
		}
		super.dispose();
		if (labels != null) {
			labels.dispose();
		}
		if (factory != null) {
			factory.dispose();
		}
	}
}
