package fr.mutualite.cqp.ui.internal;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/** The background work of the statistics views: jobs shown busy on their view, results brought back to the UI thread. */
final class ViewJobs {

	private ViewJobs() {
	}

	/** Schedules {@code job}, the view of {@code site} shown busy while it runs. */
	static void schedule(IWorkbenchPartSite site, Job job) {
		IWorkbenchSiteProgressService progress = site.getService(IWorkbenchSiteProgressService.class);
		if (progress != null) {
			progress.schedule(job);
		} else {
			job.schedule();
		}
	}

	/**
	 * Runs {@code r} on the UI thread of {@code display} unless {@code alive} (a widget of the
	 * view) was disposed meanwhile: a job may outlive its view.
	 */
	static void ui(Display display, Widget alive, Runnable r) {
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (!alive.isDisposed()) {
					r.run();
				}
			});
		}
	}
}
