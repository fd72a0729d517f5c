package fr.mutualite.cqp.ui.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CandidateDossier;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.RegistrationGroup;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.ui.CertificationInput;
import fr.mutualite.cqp.ui.PasswordPrompt;
import fr.mutualite.cqp.ui.RegistrationInput;

/**
 * {@code cqp bench ui}: run inside the real application window once it is open, prints the time
 * from the start of the virtual machine to a usable window, the opening of the individuals
 * referential editor, the validation of the six referentials, and the expansion of the
 * navigator over the data folder's database, with the longest time the window's thread was held
 * meanwhile (measured by a watchdog posting to it every 10 ms), the opening of an individuals
 * candidate's dossier with its booklet editors and its saving; then closes the application.
 */
final class UiBenchmark {

	/** The system property that asks for the benchmark. */
	static final String PROPERTY = "cqp.bench.ui"; //$NON-NLS-1$

	private final Display display;
	private final List<String> lines = new ArrayList<>();

	private UiBenchmark(Display display) {
		this.display = display;
	}

	/** Runs the benchmark when the property asks for it; the window has just opened. */
	static void runIfAsked(Display display) {
		if (Boolean.getBoolean(PROPERTY)) {
			long window = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			display.asyncExec(() -> new UiBenchmark(display).run(window));
		}
	}

	private void run(long windowMs) {
		try {
			line("window", "start to usable window", windowMs, 3000); //$NON-NLS-1$ //$NON-NLS-2$
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			CurrentDatabase database = PlatformUI.getWorkbench().getService(CurrentDatabase.class);
			ReferentialLibrary library = database.referentials();

			for (String when : List.of("first", "again")) { //$NON-NLS-1$ //$NON-NLS-2$
				long t = System.nanoTime();
				page.openEditor(new CertificationInput("CMI", null, "CMI"), CertificationInput.EDITOR_ID); //$NON-NLS-1$ //$NON-NLS-2$
				idle();
				line("editor", "open the individuals referential editor (" + when + ")", ms(t), 500); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				page.closeAllEditors(false);
				idle();
			}

			List<Long> runs = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				long v = System.nanoTime();
				for (Certification c : library.certifications()) {
					Validation.validate(ReferentialLibrary.referentialOf(c));
				}
				runs.add(System.nanoTime() - v);
			}
			runs.sort(Comparator.naturalOrder());
			line("validation", "validate the six referentials (median of 7)", runs.get(3) / 1_000_000, 50); //$NON-NLS-1$ //$NON-NLS-2$

			navigator(page, database);
			dossier(page, database);
		} catch (Exception e) {
			Platform.getLog(UiBenchmark.class).log(Status.error(e.getMessage(), e));
			lines.add("FAILED " + e); //$NON-NLS-1$
		}
		lines.forEach(System.out::println);
		System.out.flush();
		PlatformUI.getWorkbench().close();
	}

	/** Expands the navigator's candidates, the largest training body and its largest group, watching the UI thread. */
	private void navigator(IWorkbenchPage page, CurrentDatabase database) throws Exception {
		NavigatorView view = (NavigatorView) page.showView(NavigatorView.ID);
		int registrations;
		try {
			registrations = database.store(new PasswordPrompt(view.getSite().getShell())).registrations().count();
		} catch (CqpException e) {
			lines.add("navigator: " + e.getMessage()); //$NON-NLS-1$
			return;
		}
		AtomicLong longest = new AtomicLong();
		Thread watchdog = watch(longest);
		long t = System.nanoTime();
		NavigatorView.Branch candidates = view.getRoots()[1];
		view.getViewer().expandToLevel(candidates, 1);
		until(() -> candidates.children() != null);
		long groups = ms(t);
		NavigatorView.Body body = candidates.children().stream().filter(NavigatorView.Body.class::isInstance)
				.map(NavigatorView.Body.class::cast).max(Comparator.comparingInt(b -> b.count)).orElse(null);
		long rows = 0;
		if (body != null) {
			view.getViewer().expandToLevel(body, 1);
			NavigatorView.Group group = body.children().stream().map(NavigatorView.Group.class::cast)
					.max(Comparator.comparingInt(g -> g.count)).orElseThrow();
			long p = System.nanoTime();
			view.getViewer().expandToLevel(group, 1);
			until(() -> group.children() != null);
			rows = ms(p);
		}
		idle();
		watchdog.interrupt();
		watchdog.join();
		lines.add(String.format(Locale.ROOT, "%-10s %,9d registrations in the database", "navigator", registrations)); //$NON-NLS-1$ //$NON-NLS-2$
		line("groups", "candidates grouped by training body and certification", groups, -1); //$NON-NLS-1$ //$NON-NLS-2$
		line("page", "first page of the largest group", rows, -1); //$NON-NLS-1$ //$NON-NLS-2$
		line("ui-block", "longest time the window's thread was held meanwhile", longest.get(), 100); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * Opens the dossier of an individuals candidate with the editor of each of its booklets, then
	 * saves it (identity, registration and every booklet, one transaction) five times.
	 */
	private void dossier(IWorkbenchPage page, CurrentDatabase database) throws Exception {
		page.closeAllEditors(false);
		idle();
		DossierStore store = database.store(new PasswordPrompt(page.getWorkbenchWindow().getShell()));
		RegistrationGroup group = store.registrations().groups("").stream() //$NON-NLS-1$
				.filter(g -> "CMI".equals(g.certificationCode())).findFirst().orElse(null); //$NON-NLS-1$
		if (group == null) {
			lines.add("dossier: no individuals registration in the database"); //$NON-NLS-1$
			return;
		}
		RegistrationSummary summary = store.registrations().page(group.trainingBodyCode(), "CMI", "", 0, 1).get(0); //$NON-NLS-1$ //$NON-NLS-2$
		long r = System.nanoTime();
		store.registrations().dossier(summary.registrationId()).orElseThrow();
		line("read", "read a dossier with all its booklets from the database", ms(r), -1); //$NON-NLS-1$ //$NON-NLS-2$
		for (String when : List.of("first", "again")) { //$NON-NLS-1$ //$NON-NLS-2$
			long t = System.nanoTime();
			page.openEditor(new RegistrationInput(summary.registrationId(), null, summary.lastName()),
					RegistrationInput.DOSSIER_EDITOR_ID);
			idle();
			long dossier = ms(t);
			int booklets = 0;
			for (BookletKind kind : BookletKind.VALUES) {
				if (PlatformUI.getWorkbench().getEditorRegistry().findEditor(RegistrationInput.editorId(kind)) != null) {
					page.openEditor(new RegistrationInput(summary.registrationId(), kind, kind.getName()),
							RegistrationInput.editorId(kind));
					booklets++;
				}
			}
			idle();
			line("dossier", "open a dossier (" + when + ")", dossier, 200); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			line("booklets", "open it with the editors of its " + booklets + " booklets (" + when + ")", ms(t), -1); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			page.closeAllEditors(false);
			idle();
		}
		List<Long> saves = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			CandidateDossier dossier = store.registrations().dossier(summary.registrationId()).orElseThrow();
			if (dossier.registration().value().getOrientation() != null) {
				dossier.registration().value().getOrientation().setComment("Banc d'essai " + i); //$NON-NLS-1$
			}
			long s = System.nanoTime();
			store.registrations().save(dossier);
			saves.add(System.nanoTime() - s);
		}
		saves.sort(Comparator.naturalOrder());
		line("save", "save the dossier and all its booklets, one transaction (median of 5)", saves.get(2) / 1_000_000, 100); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A thread that posts to the UI thread every 10 ms and keeps the longest wait. */
	private Thread watch(AtomicLong longest) {
		Thread thread = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				long posted = System.nanoTime();
				display.syncExec(() -> longest.accumulateAndGet((System.nanoTime() - posted) / 1_000_000, Math::max));
				try {
					Thread.sleep(10);
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "cqp-ui-watchdog"); //$NON-NLS-1$
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private void until(java.util.function.BooleanSupplier done) {
		long end = System.currentTimeMillis() + 600_000;
		while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}

	private void idle() {
		while (display.readAndDispatch()) {
			// let the window paint and settle
		}
	}

	private static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	private void line(String name, String what, long ms, long aim) {
		lines.add(String.format(Locale.ROOT, "%-10s %,9d ms  %s%s", name, ms, what, //$NON-NLS-1$
				aim < 0 ? "" : String.format(Locale.ROOT, " (aim: <= %,d ms%s)", aim, ms <= aim ? "" : ", MISSED"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}
}
