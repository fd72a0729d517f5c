package fr.mutualite.cqp.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import fr.mutualite.cqp.core.CqpProduct;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.ui.RoleSourceProvider;

/**
 * Sets up the workbench: one window titled with the product's name, opening on the referentials;
 * once it is open, the database is opened so that the menus fit the user's role.
 */
final class CqpWorkbenchAdvisor extends WorkbenchAdvisor {

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		configurer.setSaveAndRestore(true);
	}

	@Override
	public void postStartup() {
		IWorkbench workbench = getWorkbenchConfigurer().getWorkbench();
		ListWheel.install(workbench.getDisplay());
		if (workbench.getActiveWorkbenchWindow() != null) {
			RoleSourceProvider.openInBackground(workbench.getService(CurrentDatabase.class),
					workbench.getActiveWorkbenchWindow().getShell());
		}
		UiBenchmark.runIfAsked(getWorkbenchConfigurer().getWorkbench().getDisplay());
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return ReferentialsPerspective.ID;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new WorkbenchWindowAdvisor(configurer) {
			@Override
			public void preWindowOpen() {
				IWorkbenchWindowConfigurer window = getWindowConfigurer();
				window.setInitialSize(new Point(1280, 800));
				window.setShowCoolBar(false);
				window.setShowStatusLine(true);
				window.setShowPerspectiveBar(false);
				window.setTitle(CqpProduct.name());
			}
		};
	}
}
