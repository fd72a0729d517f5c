package fr.mutualite.cqp.ui;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;

import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.ui.internal.Messages;

/**
 * Asks, on the UI thread and from any thread, the password of a database on a server or the boot
 * password of an encrypted one: the credentials every view gives the application's database.
 */
public final class PasswordPrompt implements CurrentDatabase.Credentials {

	private final Shell shell;

	public PasswordPrompt(Shell shell) {
		this.shell = shell;
	}

	@Override
	public char[] password(StoreSettings settings) {
		return ask(Messages.Statistics_passwordTitle, NLS.bind(Messages.Statistics_password, settings.user(), settings.location()));
	}

	@Override
	public char[] bootPassword(StoreSettings settings, boolean retry) {
		return ask(Messages.Boot_title, NLS.bind(retry ? Messages.Boot_retry : Messages.Boot_password, settings.location()));
	}

	/** Asks a password (its characters hidden) in a dialog titled {@code title}; null when declined. */
	private char[] ask(String title, String question) {
		char[][] password = new char[1][];
		if (shell.isDisposed()) {
			return null;
		}
		shell.getDisplay().syncExec(() -> {
			InputDialog dialog = new InputDialog(shell, title, question, "", null) { //$NON-NLS-1$
				@Override
				protected int getInputTextStyle() {
					return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
				}
			};
			if (dialog.open() == Window.OK) {
				password[0] = dialog.getValue().toCharArray();
			}
		});
		return password[0];
	}
}
