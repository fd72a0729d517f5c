package fr.mutualite.cqp.ui.diagram;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ControlContribution;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.diagram.DiagramFiles;
import fr.mutualite.cqp.diagram.LayeredLayout.Layout;
import fr.mutualite.cqp.diagram.ReferentialGraph;
import fr.mutualite.cqp.diagram.ReferentialGraph.Filter;
import fr.mutualite.cqp.diagram.ReferentialGraph.Node;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.model.referential.ElementWording;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.CertificationInput;
import fr.mutualite.cqp.ui.referential.ModelTreePage;
import fr.mutualite.cqp.ui.referential.ReferentialEditor;

/**
 * The diagram of the referentials of the active referential editor (the role of a Sirius
 * diagram): every certification, its domains and competences, criteria on demand, each shared
 * element once; redrawn after each change, the layout kept. Selecting a box selects the element
 * in the editor and the Properties view, and back; a double click opens it; the context menu is
 * the model trees' one (new elements, attach a shared domain, undo, delete...), each an EMF
 * command on the editor's stack.
 */
public final class DiagramView extends ViewPart implements ReferentialFollower.Listener {

	public static final String ID = "fr.mutualite.cqp.ui.diagram.view"; //$NON-NLS-1$

	private ReferentialFollower follower;
	private DiagramCanvas canvas;
	private Combo certifications;
	private String shownCertification;
	private boolean criteria;
	private IAction criteriaAction;
	private final Set<String> collapsed = new HashSet<>();
	private boolean pending;
	private long lastRebuild;
	private final ElementSelection selections = new ElementSelection();
	private final ISelectionListener fromEditor = this::editorSelected;

	@Override
	public void createPartControl(Composite parent) {
		canvas = new DiagramCanvas(parent);
		canvas.onSelect(this::boxSelected);
		canvas.onOpen(this::open);
		MenuManager menu = new MenuManager("#PopupMenu", ModelTreePage.MENU_ID); //$NON-NLS-1$
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(m -> {
			m.add(new Separator("diagram")); //$NON-NLS-1$
			Node node = selectedNode();
			if (node != null) {
				m.add(action(Messages.Diagram_open, () -> open(node)));
				if (collapsed.contains(node.id()) || node.folded() > 0) {
					m.add(action(Messages.Diagram_expand, () -> fold(node, false)));
				} else if (hasChildren(node)) {
					m.add(action(Messages.Diagram_collapse, () -> fold(node, true)));
				}
			}
			m.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		});
		canvas.control().setMenu(menu.createContextMenu(canvas.control()));
		getSite().registerContextMenu(ModelTreePage.MENU_ID, menu, selections);
		getSite().setSelectionProvider(selections);
		contributeToolBar(getViewSite().getActionBars().getToolBarManager());
		getViewSite().getActionBars().getMenuManager().add(action(Messages.Diagram_exportSvg, () -> export(true)));
		getViewSite().getActionBars().getMenuManager().add(action(Messages.Diagram_exportPng, () -> export(false)));
		getSite().getPage().addPostSelectionListener(fromEditor);
		follower = new ReferentialFollower(getSite().getPage(), this);
		follower.start();
	}

	private static IAction action(String text, Runnable run) {
		return new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
	}

	private void contributeToolBar(IToolBarManager bar) {
		bar.add(new ControlContribution("certification") { //$NON-NLS-1$
			@Override
			protected Control createControl(Composite parent) {
				certifications = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
				certifications.setToolTipText(Messages.Diagram_filterTip);
				fillCertifications();
				certifications.addListener(SWT.Selection, e -> {
					int i = certifications.getSelectionIndex();
					shownCertification = i <= 0 ? null : certifications.getItem(i);
					rebuild(true);
				});
				return certifications;
			}
		});
		criteriaAction = new Action(Messages.Diagram_criteria, IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				criteria = isChecked();
				rebuild(true);
			}
		};
		criteriaAction.setToolTipText(Messages.Diagram_criteriaTip);
		bar.add(criteriaAction);
		bar.add(new Separator());
		bar.add(tool("+", Messages.Diagram_zoomIn, () -> canvas.setZoom(canvas.zoom() * 1.25))); //$NON-NLS-1$
		bar.add(tool("\u2212", Messages.Diagram_zoomOut, () -> canvas.setZoom(canvas.zoom() / 1.25))); //$NON-NLS-1$
		bar.add(tool("100 %", Messages.Diagram_zoomActual, () -> canvas.setZoom(1))); //$NON-NLS-1$
		bar.add(tool(Messages.Diagram_fitShort, Messages.Diagram_fit, canvas::fit));
		bar.add(tool(Messages.Diagram_arrangeShort, Messages.Diagram_arrange, () -> rebuild(false)));
	}

	private static IAction tool(String text, String tip, Runnable run) {
		IAction action = action(text, run);
		action.setToolTipText(tip);
		return action;
	}

	@Override
	public void followed(ReferentialEditor editor) {
		collapsed.clear();
		fillCertifications();
		rebuild(false);
		canvas.setZoom(1);
	}

	/** The filter's choices: every certification, then each by code. */
	private void fillCertifications() {
		if (certifications == null || certifications.isDisposed()) {
			return;
		}
		ReferentialEditor editor = follower == null ? null : follower.editor();
		List<String> items = new ArrayList<>();
		items.add(Messages.Diagram_all);
		if (editor != null) {
			certifications(editor).forEach(c -> items.add(c.getCode()));
		}
		certifications.setItems(items.toArray(String[]::new));
		int at = shownCertification == null ? 0 : items.indexOf(shownCertification);
		if (at < 0) {
			shownCertification = null;
		}
		certifications.select(Math.max(0, at));
		certifications.getParent().layout(true);
	}

	@Override
	public void changed() {
		// several notifications of one change make one redraw
		if (!pending && canvas != null && !canvas.control().isDisposed()) {
			pending = true;
			canvas.control().getDisplay().asyncExec(() -> {
				pending = false;
				if (!canvas.control().isDisposed()) {
					rebuild(true);
				}
			});
		}
	}

	/** The certifications drawn: each in force, the one edited in its own version. */
	private static List<Certification> certifications(ReferentialEditor editor) {
		Certification edited = editor.certification();
		return editor.library().certifications().stream()
				.map(c -> c.getCode().equalsIgnoreCase(edited.getCode()) ? edited : c).toList();
	}

	/** Builds the graph again from the model and lays it out, keeping the layout or not. */
	void rebuild(boolean keep) {
		long start = System.nanoTime();
		ReferentialEditor editor = follower == null ? null : follower.editor();
		if (editor == null || editor.getEditingDomain() == null) {
			canvas.show(null, null);
			setContentDescription(Messages.Diagram_noEditor);
			return;
		}
		Filter filter = new Filter(shownCertification, criteria, Set.copyOf(collapsed));
		ReferentialGraph graph = ReferentialGraph.of(certifications(editor), filter,
				ReferentialGraph.severities(editor.problems()));
		Layout layout = graph.layout(keep ? canvas.layout() : null);
		canvas.show(graph, layout);
		canvas.control().update();
		lastRebuild = System.nanoTime() - start;
		long shared = graph.nodes().stream().filter(Node::shared).count();
		long problems = graph.nodes().stream().filter(n -> n.severity() != null && n.element() instanceof Element).count();
		setContentDescription(NLS.bind(Messages.Diagram_summary, new Object[] { editor.certification().getCode(),
				graph.nodes().size(), shared, problems }));
		Node selected = selectedNode();
		selections.show(selected == null ? null : selected.element());
	}

	private Node selectedNode() {
		ReferentialGraph graph = canvas.graph();
		if (graph == null || canvas.selection().isEmpty()) {
			return null;
		}
		return graph.node(canvas.selection().iterator().next());
	}

	private boolean hasChildren(Node node) {
		return canvas.graph().edges().stream().anyMatch(e -> e.source().equals(node.id()));
	}

	private void fold(Node node, boolean fold) {
		if (fold) {
			collapsed.add(node.id());
		} else {
			collapsed.remove(node.id());
		}
		rebuild(true);
	}

	/** A box clicked: the workbench and the editor select its element. */
	private void boxSelected(Node node) {
		selections.show(node == null ? null : node.element());
		ReferentialEditor editor = follower.editor();
		if (node != null && editor != null && node.element() != editor.certification()) {
			editor.select(node.element());
		}
	}

	/** The editor's selection, shown in the diagram. */
	private void editorSelected(IWorkbenchPart part, ISelection selection) {
		if (part != follower.editor() || canvas.graph() == null || !(selection instanceof IStructuredSelection s)) {
			return;
		}
		Object first = s.getFirstElement();
		EObject element = switch (first) {
			case DomainUse use -> use.getDomain();
			case ElementWording wording -> wording.getElement();
			case EObject object -> object;
			case null, default -> null;
		};
		Node node = null;
		for (EObject e = element; e != null && node == null; e = e.eContainer()) {
			node = canvas.graph().nodeOf(e);
		}
		if (node != null) {
			canvas.selectQuietly(node);
			selections.show(node.element());
		}
	}

	/** A double click: the element in its editor (the certification's own when it is another's). */
	private void open(Node node) {
		ReferentialEditor editor = follower.editor();
		if (editor == null) {
			return;
		}
		EObject element = node.element();
		if (element instanceof Certification c) {
			if (c == editor.certification()) {
				getSite().getPage().activate(editor);
			} else {
				openEditor(c, null);
			}
			return;
		}
		if (editor.select(element)) {
			getSite().getPage().activate(editor);
			return;
		}
		for (Certification c : certifications(editor)) {
			if (c.getDomains().stream().anyMatch(u -> u.getDomain() != null
					&& (EcoreUtil.isAncestor(u.getDomain(), element) || u.getSharedCompetences().contains(element)))) {
				openEditor(c, element);
				return;
			}
		}
	}

	private void openEditor(Certification certification, EObject element) {
		try {
			var part = getSite().getPage().openEditor(new CertificationInput(certification.getCode(),
					ReferentialLibrary.versionOf(certification), certification.getTitle()), CertificationInput.EDITOR_ID);
			if (element != null && part instanceof ReferentialEditor opened) {
				// the editor read its own copy of the referentials: the element of the same code there
				opened.library().referentials().stream().flatMap(r -> {
					List<EObject> all = new ArrayList<>();
					r.eAllContents().forEachRemaining(all::add);
					return all.stream();
				}).filter(o -> o instanceof Element e && e.getCode() != null && e.getCode().equals(((Element) element).getCode()))
						.findFirst().ifPresent(opened::select);
			}
		} catch (PartInitException e) {
			Platform.getLog(getClass()).log(Status.error(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Diagram_openFailedTitle, e.getMessage());
		}
	}

	/** Writes the diagram shown to a file chosen by the user, SVG or PNG, all or nothing. */
	private void export(boolean svg) {
		if (canvas.graph() == null) {
			return;
		}
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { svg ? "*.svg" : "*.png" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setFileName((shownCertification == null ? Messages.Diagram_fileAll : shownCertification.toLowerCase())
				+ (svg ? ".svg" : ".png")); //$NON-NLS-1$ //$NON-NLS-2$
		String chosen = dialog.open();
		if (chosen != null) {
			exportTo(Path.of(chosen), svg);
		}
	}

	/** Writes the diagram shown to {@code file}; a failure is told in one sentence and logged. */
	public boolean exportTo(Path file, boolean svg) {
		ReferentialGraph graph = canvas.graph();
		Layout layout = canvas.layout();
		try {
			OutputFiles.write(file, out -> {
				if (svg) {
					Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
					DiagramFiles.svg(graph, layout, writer);
				} else {
					DiagramFiles.png(graph, layout, 1, out);
				}
			});
			return true;
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Diagram_exportFailedTitle, e.getMessage());
			return false;
		}
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		T followed = follower == null ? null : follower.adapter(adapter);
		return followed != null ? followed : super.getAdapter(adapter);
	}

	/** The drawing's control, for tests. */
	public org.eclipse.swt.widgets.Canvas control() {
		return canvas.control();
	}

	/** Where the centre of {@code element}'s box is on the control, scrolled into view (for tests); {@code null} when not shown. */
	public org.eclipse.swt.graphics.Point pointOf(EObject element) {
		Node node = canvas.graph() == null ? null : canvas.graph().nodeOf(element);
		if (node == null) {
			return null;
		}
		canvas.reveal(node);
		return canvas.centreOf(node);
	}

	/** The zoom, 1 for 100 %. */
	public double zoom() {
		return canvas.zoom();
	}

	/** How long the last rebuild (graph, layout, drawing) took, in nanoseconds. */
	public long lastRebuildNanos() {
		return lastRebuild;
	}

	/** Shows one certification (by code, {@code null}: all), with criteria or not. */
	public void filter(String certification, boolean withCriteria) {
		shownCertification = certification;
		criteria = withCriteria;
		if (criteriaAction != null) {
			criteriaAction.setChecked(withCriteria);
		}
		if (certifications != null && !certifications.isDisposed()) {
			int at = certification == null ? 0 : List.of(certifications.getItems()).indexOf(certification);
			certifications.select(Math.max(0, at));
		}
		rebuild(true);
	}

	/** The graph shown, for tests. */
	public ReferentialGraph graph() {
		return canvas.graph();
	}

	/** The layout shown, for tests. */
	public Layout layout() {
		return canvas.layout();
	}

	/** The ids of the boxes selected, for tests. */
	public Set<String> selectedBoxes() {
		return canvas.selection();
	}

	/** Clicks the box of {@code element} as a user would, for tests. */
	public void click(EObject element) {
		canvas.select(canvas.graph().nodeOf(element));
	}

	@Override
	public void setFocus() {
		canvas.control().setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(fromEditor);
		if (follower != null) {
			follower.dispose();
		}
		super.dispose();
	}
}
