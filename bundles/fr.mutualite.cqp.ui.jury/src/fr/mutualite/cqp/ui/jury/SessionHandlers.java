package fr.mutualite.cqp.ui.jury;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.ui.PasswordPrompt;
import fr.mutualite.cqp.ui.emf.Values;

/** Dossiers > Nouvelle session de jury, and Dossiers > Sessions de jury…: the jury's sessions. */
public final class SessionHandlers {

	private SessionHandlers() {
	}

	/** What a session command does with the application's database; it may say that it could not. */
	@FunctionalInterface
	private interface Action {
		void run(IWorkbenchWindow window, DossierStore store) throws CqpException, PartInitException;
	}

	/** Runs {@code action} on the application's database; a failure is said in one sentence titled {@code title}. */
	private static Object run(ExecutionEvent event, String title, Action action) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		if (window == null) {
			return null;
		}
		try {
			action.run(window, window.getService(CurrentDatabase.class).store(new PasswordPrompt(window.getShell())));
		} catch (CqpException | PartInitException e) {
			Platform.getLog(SessionHandlers.class).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(window.getShell(), title, e.getMessage());
		}
		return null;
	}

	/** Adds a session dated today, its members to name, and opens it. */
	public static final class NewSession extends AbstractHandler {
		@Override
		public Object execute(ExecutionEvent event) {
			return run(event, Messages.Jury_newSession, (window, store) -> {
				JurySession session = create(store, LocalDate.now());
				open(window, session.getId(), session.getDate());
			});
		}
	}

	/** Lists the sessions of the last three years and the next one, and opens the one chosen. */
	public static final class OpenSession extends AbstractHandler {
		@Override
		public Object execute(ExecutionEvent event) {
			return run(event, Messages.Jury_sessions, (window, store) -> {
				LocalDate today = LocalDate.now();
				List<JurySession> sessions = new ArrayList<>();
				for (String id : store.juries().between(today.minusYears(3), today.plusYears(1))) {
					store.juries().find(id).ifPresent(v -> sessions.add(v.value()));
				}
				if (sessions.isEmpty()) {
					MessageDialog.openInformation(window.getShell(), Messages.Jury_sessions, Messages.Jury_noSession);
					return;
				}
				ElementListSelectionDialog choose = new ElementListSelectionDialog(window.getShell(), new LabelProvider() {
					@Override
					public String getText(Object element) {
						return label((JurySession) element);
					}
				});
				choose.setTitle(Messages.Jury_sessions);
				choose.setMessage(Messages.Jury_chooseSession);
				choose.setElements(sessions.reversed().toArray());
				choose.setMultipleSelection(false);
				if (choose.open() == Window.OK && choose.getFirstResult() instanceof JurySession chosen) {
					open(window, chosen.getId(), chosen.getDate());
				}
			});
		}
	}

	/** Adds a session on {@code day}, with no member yet. */
	public static JurySession create(DossierStore store, LocalDate day) throws CqpException {
		JurySession session = DossierFactory.eINSTANCE.createJurySession();
		session.setDate(day);
		return store.juries().create(session).value();
	}

	static void open(IWorkbenchWindow window, String id, LocalDate day) throws PartInitException {
		window.getActivePage().openEditor(new JuryInput(id, NLS.bind(Messages.Jury_tab, day == null ? "" : Values.days().format(day))), //$NON-NLS-1$
				JuryInput.EDITOR_ID);
	}

	static String label(JurySession session) {
		return NLS.bind(Messages.Jury_sessionLine, new Object[] { session.getDate() == null ? "" : Values.days().format(session.getDate()), //$NON-NLS-1$
				session.getPlace() == null ? "" : session.getPlace(), Integer.valueOf(session.getDecisions().size()) }); //$NON-NLS-1$
	}
}
