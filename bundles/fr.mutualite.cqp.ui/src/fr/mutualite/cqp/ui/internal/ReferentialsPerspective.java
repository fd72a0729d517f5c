package fr.mutualite.cqp.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The branch administrators' perspective: the navigator, the referential editors, their properties and problems. */
public final class ReferentialsPerspective implements IPerspectiveFactory {

	public static final String ID = "fr.mutualite.cqp.ui.perspective.referentials"; //$NON-NLS-1$
	/** The Problems view of the model editors. */
	public static final String PROBLEMS = "fr.mutualite.cqp.ui.emf.problems"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(true);
		layout.addView(NavigatorView.ID, IPageLayout.LEFT, 0.25f, layout.getEditorArea());
		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.72f, layout.getEditorArea()); //$NON-NLS-1$
		bottom.addView(PROBLEMS);
		bottom.addView(IPageLayout.ID_PROP_SHEET);
	}
}
