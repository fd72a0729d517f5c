package fr.mutualite.cqp.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.AbstractSourceProvider;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.IServiceLocator;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.ui.internal.Messages;

/**
 * What the user of the application's database may do, as variables of the workbench's
 * expressions: menus and handlers name them in {@code visibleWhen} so that a role does not see
 * what the database would refuse it. While the database is not open (the role is not known yet),
 * everything is shown and the database itself says no; once it is, only what the role may do.
 */
public final class RoleSourceProvider extends AbstractSourceProvider {

	/** {@code Boolean}: the user may change referentials, training bodies, users; import and generate. */
	public static final String ADMINISTERS = "fr.mutualite.cqp.ui.administers"; //$NON-NLS-1$
	/** {@code Boolean}: the user may register candidates. */
	public static final String REGISTERS = "fr.mutualite.cqp.ui.registers"; //$NON-NLS-1$
	/** {@code Boolean}: the user may fill and sign booklets. */
	public static final String FILLS_BOOKLETS = "fr.mutualite.cqp.ui.fillsBooklets"; //$NON-NLS-1$
	/** {@code Boolean}: the user may hold jury sessions and record decisions. */
	public static final String DECIDES = "fr.mutualite.cqp.ui.decides"; //$NON-NLS-1$
	/** {@code Boolean}: the user sees every candidate of the branch. */
	public static final String SEES_ALL = "fr.mutualite.cqp.ui.seesAll"; //$NON-NLS-1$

	private static final Map<String, Predicate<Role>> CAPABILITIES = Map.of(ADMINISTERS, Role::administers, REGISTERS,
			Role::registers, FILLS_BOOKLETS, Role::fillsBooklets, DECIDES, Role::decides, SEES_ALL, Role::seesAll);

	private CurrentDatabase database;
	private final CurrentDatabase.Listener listener = new CurrentDatabase.Listener() {
		@Override
		public void reopened() {
			changed();
		}

		@Override
		public void opened() {
			changed();
		}
	};

	@Override
	public void initialize(IServiceLocator locator) {
		database = locator.getService(CurrentDatabase.class);
		if (database != null) {
			database.addListener(listener);
		}
	}

	@Override
	public Map<String, Object> getCurrentState() {
		Optional<Role> role = database == null ? Optional.empty() : database.role();
		Map<String, Object> state = new HashMap<>();
		CAPABILITIES.forEach((name, may) -> state.put(name, Boolean.valueOf(role.map(may::test).orElse(Boolean.TRUE))));
		return state;
	}

	@Override
	public String[] getProvidedSourceNames() {
		return CAPABILITIES.keySet().toArray(String[]::new);
	}

	@Override
	public void dispose() {
		if (database != null) {
			database.removeListener(listener);
		}
	}

	private void changed() {
		if (PlatformUI.isWorkbenchRunning()) {
			PlatformUI.getWorkbench().getDisplay().asyncExec(() -> fireSourceChanged(ISources.WORKBENCH, getCurrentState()));
		}
	}

	/**
	 * Opens the database in the background (asking its password in {@code shell} when it needs
	 * one), so that the menus fit the user's role from the start; a database that cannot be opened
	 * is left to the views, which say why.
	 */
	public static void openInBackground(CurrentDatabase database, Shell shell) {
		Job job = Job.create(Messages.Database_opening, monitor -> {
			try {
				database.store(new PasswordPrompt(shell));
			} catch (CqpException e) {
				Platform.getLog(RoleSourceProvider.class).log(Status.warning(e.getMessage(), e));
			}
		});
		job.setSystem(false);
		job.schedule();
	}
}
