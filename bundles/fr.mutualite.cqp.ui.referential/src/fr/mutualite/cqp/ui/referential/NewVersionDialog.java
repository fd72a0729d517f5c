package fr.mutualite.cqp.ui.referential;

import java.time.LocalDate;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** Asks the number and the start of validity of a new version of a referential. */
final class NewVersionDialog extends TitleAreaDialog {

	private final Certification certification;
	private Text number;
	private DateTime start;
	private String version;
	private LocalDate day;

	NewVersionDialog(Shell parent, Certification certification) {
		super(parent);
		this.certification = certification;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.NewVersion_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle(NLS.bind(Messages.NewVersion_heading, certification.getCode(), ReferentialLibrary.versionOf(certification)));
		setMessage(Messages.NewVersion_message);
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
		new Label(body, SWT.NONE).setText(Messages.NewVersion_number);
		number = new Text(body, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(number);
		new Label(body, SWT.NONE).setText(Messages.NewVersion_start);
		start = new DateTime(body, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
		LocalDate today = LocalDate.now();
		start.setDate(today.getYear(), today.getMonthValue() - 1, today.getDayOfMonth());
		return area;
	}

	@Override
	protected void okPressed() {
		version = number.getText().strip();
		day = LocalDate.of(start.getYear(), start.getMonth() + 1, start.getDay());
		if (version.isEmpty()) {
			setErrorMessage(Messages.NewVersion_noNumber);
			return;
		}
		super.okPressed();
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.NewVersion_create, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	String version() {
		return version;
	}

	LocalDate start() {
		return day;
	}
}
