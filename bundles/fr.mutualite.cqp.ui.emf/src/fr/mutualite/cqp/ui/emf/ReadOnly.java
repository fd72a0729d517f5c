package fr.mutualite.cqp.ui.emf;

import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.ui.emf.internal.Messages;

/**
 * A form shown without letting it change: for a field that never changes, and for a role that may
 * read what it shows but not write it (the database would refuse the save).
 */
public final class ReadOnly {

	/** The name ({@code getData("name")}) of a button that prints: it stays for a reader. */
	private static final String PRINT = "print"; //$NON-NLS-1$

	/** The open database, as an editor reaches it. */
	@FunctionalInterface
	public interface Store {
		DossierStore get() throws CqpException;
	}

	private ReadOnly() {
	}

	/**
	 * The role of the user of {@code store} when it may not do what {@code may} says (the page is
	 * then read only for it); empty when it may, or when the database cannot say (logged: the
	 * database answers the save).
	 */
	public static Optional<Role> unless(Store store, Predicate<Role> may) {
		try {
			Role role = store.get().role();
			return may.test(role) ? Optional.empty() : Optional.of(role);
		} catch (CqpException e) {
			Platform.getLog(ReadOnly.class).log(Status.warning(e.getMessage(), e));
			return Optional.empty();
		}
	}

	/**
	 * Shows the fields of {@code control} without letting them change: texts read only, other
	 * inputs disabled, buttons that change something hidden; printing stays.
	 */
	public static void apply(Control control) {
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				apply(child);
			}
		}
		if (control instanceof Text text) {
			text.setEditable(false);
		} else if (control instanceof Button button && (button.getStyle() & SWT.PUSH) != 0) {
			if (!(button.getData("name") instanceof String name && name.startsWith(PRINT))) { //$NON-NLS-1$
				button.setVisible(false);
			}
		} else if (!(control instanceof Label) && !(control instanceof Composite)) {
			control.setEnabled(false);
		}
	}

	/**
	 * Says at the top of {@code body} (made by {@code toolkit}) why it is read only for
	 * {@code role}, in one sentence.
	 */
	public static Label say(org.eclipse.ui.forms.widgets.FormToolkit toolkit, Composite body, Role role) {
		Label label = toolkit.createLabel(body, NLS.bind(Messages.ReadOnly_role, role.label()), SWT.WRAP);
		label.setData("name", "readOnly"); //$NON-NLS-1$ //$NON-NLS-2$
		label.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
		label.moveAbove(null);
		org.eclipse.jface.layout.GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(label);
		return label;
	}
}
