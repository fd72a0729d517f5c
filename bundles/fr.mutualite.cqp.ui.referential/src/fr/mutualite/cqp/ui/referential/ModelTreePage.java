package fr.mutualite.cqp.ui.referential;

import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;

import fr.mutualite.cqp.ui.emf.ModelDragAndDrop;
import fr.mutualite.cqp.ui.emf.PropertyForm;

/**
 * A master-detail page of the referential editor: a tree of model elements (with the model
 * trees' context menu, drag and drop, validation overlays) and, beside it, the form of the
 * element selected.
 */
public final class ModelTreePage extends FormPage {

	/** The model trees' context menu, to which the editing glue contributes. */
	public static final String MENU_ID = "fr.mutualite.cqp.ui.emf.modelTree"; //$NON-NLS-1$

	private final ReferentialEditor editor;
	private final Supplier<Object> input;
	private final String description;
	private TreeViewer tree;
	private PropertyForm details;
	private Section section;

	public ModelTreePage(ReferentialEditor editor, String id, String title, String description, Supplier<Object> input) {
		super(editor, id, title);
		this.editor = editor;
		this.input = input;
		this.description = description;
	}

	@Override
	protected void createFormContent(IManagedForm managed) {
		ScrolledForm form = managed.getForm();
		FormToolkit toolkit = managed.getToolkit();
		form.setText(getTitle());
		toolkit.decorateFormHeading(form.getForm());
		Composite body = form.getBody();
		GridLayoutFactory.fillDefaults().margins(8, 8).applyTo(body);
		toolkit.createLabel(body, description, SWT.WRAP);
		SashForm sash = new SashForm(body, SWT.HORIZONTAL);
		toolkit.adapt(sash);
		GridDataFactory.fillDefaults().grab(true, true).hint(400, 300).applyTo(sash);

		tree = new TreeViewer(sash, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		tree.setContentProvider(new ReferentialContentProvider(editor.adapterFactory()));
		tree.setLabelProvider(editor.labels());
		tree.setInput(input.get());
		tree.expandToLevel(2);
		ModelDragAndDrop.install(tree, editor.getEditingDomain());
		MenuManager menu = new MenuManager("#PopupMenu", MENU_ID); //$NON-NLS-1$
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		tree.getControl().setMenu(menu.createContextMenu(tree.getControl()));
		getEditorSite().registerContextMenu(MENU_ID, menu, tree, false);

		section = toolkit.createSection(sash, Section.TITLE_BAR | Section.DESCRIPTION);
		section.setText(Messages.Page_details);
		section.setDescription(Messages.Page_detailsHint);
		details = new PropertyForm(section, toolkit, editor.adapterFactory(), managed.getMessageManager(), Set.of());
		section.setClient(details.getControl());
		sash.setWeights(45, 55);

		tree.addSelectionChangedListener(e -> {
			Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
			details.setInput(first instanceof EObject object ? object : null);
			details.showProblems(editor.problems());
			section.setText(first == null ? Messages.Page_details : editor.labels().getText(first));
			form.reflow(true);
		});
		tree.getControl().addListener(SWT.FocusIn, e -> editor.selections().follow(tree));
	}

	/** The tree, once the page is shown. */
	public TreeViewer getTree() {
		return tree;
	}

	/** The form of the selected element, once the page is shown. */
	public PropertyForm getDetails() {
		return details;
	}

	/** Selects and shows {@code element} when the tree holds it; says whether it did. */
	public boolean reveal(Object element) {
		if (tree == null) {
			return false;
		}
		tree.setSelection(new StructuredSelection(element), true);
		return !tree.getStructuredSelection().isEmpty();
	}

	/** Shows the latest problems next to the fields. */
	void problemsChanged() {
		if (details != null && !details.getControl().isDisposed()) {
			details.showProblems(editor.problems());
		}
	}

	@Override
	public void setFocus() {
		if (tree != null) {
			tree.getControl().setFocus();
		}
	}

	@Override
	public void dispose() {
		if (details != null) {
			details.setInput(null);
		}
		super.dispose();
	}
}
