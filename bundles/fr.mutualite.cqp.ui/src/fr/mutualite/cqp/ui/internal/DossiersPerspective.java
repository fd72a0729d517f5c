package fr.mutualite.cqp.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The training bodies' perspective, "Candidats et livrets": the navigator, the editors, their properties and the candidate's change log. */
public final class DossiersPerspective implements IPerspectiveFactory {

	public static final String ID = "fr.mutualite.cqp.ui.perspective.dossiers"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(true);
		layout.addView(NavigatorView.ID, IPageLayout.LEFT, 0.28f, layout.getEditorArea());
		layout.getViewLayout(NavigatorView.ID).setCloseable(false);
		org.eclipse.ui.IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.72f, layout.getEditorArea()); //$NON-NLS-1$
		bottom.addView(IPageLayout.ID_PROP_SHEET);
		bottom.addView(AuditTrailView.ID);
	}
}
