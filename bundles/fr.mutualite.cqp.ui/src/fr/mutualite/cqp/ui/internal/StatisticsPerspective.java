package fr.mutualite.cqp.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The observatory's perspective: the dashboard of the year above the reports. */
public final class StatisticsPerspective implements IPerspectiveFactory {

	public static final String ID = "fr.mutualite.cqp.ui.perspective.statistics"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		layout.addStandaloneView(StatisticsView.ID, false, IPageLayout.TOP, 1.0f, layout.getEditorArea());
		layout.getViewLayout(StatisticsView.ID).setCloseable(false);
		layout.addStandaloneView(DashboardView.ID, true, IPageLayout.TOP, 0.40f, StatisticsView.ID);
	}
}
