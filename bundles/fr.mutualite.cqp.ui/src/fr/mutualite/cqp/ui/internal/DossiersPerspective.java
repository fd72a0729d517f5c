package fr.mutualite.cqp.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The perspective users start in: the navigator on the left, the work area beside it. */
public final class DossiersPerspective implements IPerspectiveFactory {

	public static final String ID = "fr.mutualite.cqp.ui.perspective.dossiers"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(true);
		layout.addView(NavigatorView.ID, IPageLayout.LEFT, 0.28f, layout.getEditorArea());
		layout.getViewLayout(NavigatorView.ID).setCloseable(false);
	}
}
