package fr.mutualite.cqp.ui.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/**
 * The navigator: the certifications and candidates' dossiers of the open database. Empty until
 * the referentials and the store are wired in; it says so rather than showing a blank panel.
 */
public final class NavigatorView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.navigator"; //$NON-NLS-1$

	private TreeViewer viewer;
	private Label hint;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		hint = new Label(parent, SWT.WRAP);
		hint.setText(Messages.Navigator_empty);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(hint);
		viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.setContentProvider(new RootsOnly());
		viewer.setInput(new Object[0]);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		getSite().setSelectionProvider(viewer);
	}

	/** The tree of the navigator, for the views and tests that inspect it. */
	public TreeViewer getViewer() {
		return viewer;
	}

	/** Top-level items only, until referentials and dossiers bring their children. */
	private static final class RootsOnly implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof Object[] roots ? roots : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			return new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return false;
		}
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}
}
