package fr.mutualite.cqp.ui.booklet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CandidateDossier;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.StaleVersionException;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.ui.PasswordPrompt;
import fr.mutualite.cqp.ui.emf.ModelEditing;

/**
 * One candidate's dossier as the editors open it: read once from the application's database and
 * shared by the dossier editor and the booklet editors open on it, with one undo history and one
 * dirty state, so that what one editor shows the others show too and a save writes everything
 * typed in any of them, in one transaction. Validated after each change, against the dated rules
 * of the referential version the registration is pinned to. Used on the UI thread only.
 */
public final class WorkingCopy {

	/** Told, on the UI thread, of what happens to the copy. */
	public interface Listener {
		/** After each change, undo, save or validation. */
		void changed();

		/** After the dossier was read again from the database: every object is new. */
		void reloaded();
	}

	private static final Map<String, WorkingCopy> OPEN = new HashMap<>();

	private final String registrationId;
	private final CurrentDatabase database;
	private final ComposedAdapterFactory factory = ModelEditing.adapterFactory();
	private final ResourceSet resources = new ResourceSetImpl();
	private final AdapterFactoryEditingDomain domain = ModelEditing.domain(factory, resources);
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final CommandStackListener commands = event -> Display.getDefault().asyncExec(this::validate);
	private CandidateDossier dossier;
	private List<Problem> problems = List.of();
	private int users;

	private WorkingCopy(String registrationId, CurrentDatabase database) {
		this.registrationId = registrationId;
		this.database = database;
		domain.getCommandStack().addCommandStackListener(commands);
	}

	/**
	 * The working copy of the registration {@code registrationId}, read from {@code database} if no
	 * editor has it open; each call is balanced by a {@link #release()}.
	 */
	public static WorkingCopy acquire(String registrationId, CurrentDatabase database, Shell shell) throws CqpException {
		WorkingCopy copy = OPEN.get(registrationId);
		if (copy == null) {
			copy = new WorkingCopy(registrationId, database);
			copy.load(copy.read(shell));
			OPEN.put(registrationId, copy);
		}
		copy.users++;
		return copy;
	}

	/** The copy of {@code registrationId} some editor has open, or {@code null}. */
	public static WorkingCopy opened(String registrationId) {
		return OPEN.get(registrationId);
	}

	/** One editor less; the last one forgets the copy (its unsaved changes with it). */
	public void release() {
		if (--users == 0) {
			OPEN.remove(registrationId);
			domain.getCommandStack().removeCommandStackListener(commands);
			factory.dispose();
		}
	}

	/** How many editors have the copy open. */
	public int users() {
		return users;
	}

	private CandidateDossier read(Shell shell) throws CqpException {
		return store(shell).registrations().dossier(registrationId)
				.orElseThrow(() -> new CqpException(NLS.bind(Messages.Dossier_gone, registrationId)));
	}

	/** The application's database, asking a server's password on {@code shell} if need be. */
	public DossierStore store(Shell shell) throws CqpException {
		return database.store(new PasswordPrompt(shell));
	}

	private void load(CandidateDossier read) {
		dossier = read;
		resources.getResources().clear();
		Resource resource = read.registration().value().eResource();
		resources.getResources().add(resource);
		domain.getCommandStack().flush();
		validate();
	}

	public Registration registration() {
		return dossier.registration().value();
	}

	public Candidate candidate() {
		return dossier.candidate().value();
	}

	/** The dossier with the versions it was read or last saved with. */
	public CandidateDossier dossier() {
		return dossier;
	}

	public AdapterFactoryEditingDomain domain() {
		return domain;
	}

	public ComposedAdapterFactory adapterFactory() {
		return factory;
	}

	public boolean isDirty() {
		return ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded();
	}

	/** The problems of the dossier found by the last validation, most severe first. */
	public List<Problem> problems() {
		return problems;
	}

	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	/** Checks the dossier against the rules of its referential version; tells the listeners. */
	public void validate() {
		List<Problem> found = new ArrayList<>(Validation.validate(candidate()));
		found.sort(Comparator.comparing(Problem::severity));
		problems = List.copyOf(found);
		for (Listener listener : listeners) {
			listener.changed();
		}
	}

	/**
	 * Writes the dossier in one transaction and says whether it did. Refused because someone saved
	 * it since it was read, it says who changed what and lets the user read it again (losing what
	 * was typed here) or keep editing; any other failure is said in one sentence. Nothing typed is
	 * dropped without the user choosing it.
	 */
	public boolean save(Shell shell) {
		try {
			dossier = store(shell).registrations().save(dossier);
		} catch (StaleVersionException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog dialog = new MessageDialog(shell, Messages.Save_staleTitle, null,
					NLS.bind(Messages.Save_stale, e.getMessage()), MessageDialog.WARNING, 1, Messages.Save_reload,
					Messages.Save_keepEditing);
			if (dialog.open() == 0) {
				reload(shell);
			}
			return false;
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.error(e.getMessage(), e));
			MessageDialog.openError(shell, Messages.Save_failedTitle, e.getMessage());
			return false;
		}
		((BasicCommandStack) domain.getCommandStack()).saveIsDone();
		validate();
		return true;
	}

	/** Reads the dossier again from the database, dropping what was not saved. */
	public void reload(Shell shell) {
		try {
			load(read(shell));
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.error(e.getMessage(), e));
			MessageDialog.openError(shell, Messages.Save_failedTitle, e.getMessage());
			return;
		}
		for (Listener listener : listeners) {
			listener.reloaded();
		}
	}
}
