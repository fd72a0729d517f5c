package fr.mutualite.cqp.ui.booklet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.core.validation.Labels;
import fr.mutualite.cqp.ui.PasswordPrompt;
import fr.mutualite.cqp.ui.RegistrationInput;
import fr.mutualite.cqp.ui.emf.Values;

/**
 * Dossiers > Nouveau candidat: asks the identity and the registration (certification, route,
 * date, training body), adds the candidate (or finds them by their stable key) and the
 * registration, pinned to the referential version in force on its date, and opens the dossier.
 */
public final class NewCandidateHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		if (window == null) {
			return null;
		}
		Shell shell = window.getShell();
		CurrentDatabase database = window.getService(CurrentDatabase.class);
		DossierStore store;
		List<Certification> certifications;
		List<TrainingBody> bodies;
		try {
			store = database.store(new PasswordPrompt(shell));
			certifications = new ArrayList<>(database.referentials().certifications());
			bodies = new ArrayList<>(store.trainingBodies().list());
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(shell, Messages.NewCandidate_title, e.getMessage());
			return null;
		}
		certifications.sort(Comparator.comparing(Certification::getCode));
		bodies.sort(Comparator.comparing(TrainingBody::getName));
		NewCandidateDialog dialog = new NewCandidateDialog(shell, certifications, bodies);
		if (dialog.open() != Window.OK) {
			return null;
		}
		try {
			String id = create(store, database.referentials(), dialog.result);
			RegistrationInput input = new RegistrationInput(id, null, dialog.result.candidate.getLastName());
			window.getActivePage().openEditor(input, input.editorId());
		} catch (CqpException | PartInitException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(shell, Messages.NewCandidate_title, e.getMessage());
		}
		return null;
	}

	/** What the dialog asked: the identity and the registration, not yet stored. */
	public record NewDossier(Candidate candidate, Registration registration) {
	}

	/**
	 * Adds the candidate (unless one with the same stable key exists) and the registration,
	 * pinned to the version of its certification in force on its date; returns its id.
	 */
	public static String create(DossierStore store, ReferentialLibrary library, NewDossier dossier) throws CqpException {
		Candidate candidate = dossier.candidate();
		Registration registration = dossier.registration();
		Certification pinned = pinned(library, registration.getCertification().getCode(), registration.getDate());
		registration.setCertification(pinned);
		registration.setReferentialVersion(ReferentialLibrary.versionOf(pinned));
		Optional<String> known = store.candidates().knownId(candidate.getLastName(), candidate.getFirstName(),
				candidate.getBirthDate());
		String candidateId = known.isPresent() ? known.get() : store.candidates().create(candidate).value().getId();
		return store.registrations().create(candidateId, registration).value().getId();
	}

	/** The version of {@code code} in force on {@code day}: the latest valid from that day or before. */
	static Certification pinned(ReferentialLibrary library, String code, LocalDate day) {
		Certification found = null;
		for (Certification version : library.versions(code)) {
			Referential file = ReferentialLibrary.referentialOf(version);
			if (file != null && (file.getValidFrom() == null || !file.getValidFrom().isAfter(day))) {
				found = version;
			}
		}
		return found != null ? found : library.certification(code).orElseThrow();
	}

	/** The identity and registration of a new candidate, each field checked as it is typed. */
	static final class NewCandidateDialog extends TitleAreaDialog {

		private final List<Certification> certifications;
		private final List<TrainingBody> bodies;
		private Text lastName;
		private Text firstName;
		private Text birthDate;
		private Combo certification;
		private Combo route;
		private Text date;
		private Combo body;
		NewDossier result;

		NewCandidateDialog(Shell shell, List<Certification> certifications, List<TrainingBody> bodies) {
			super(shell);
			this.certifications = certifications;
			this.bodies = bodies;
		}

		@Override
		protected Control createDialogArea(Composite parent) {
			getShell().setText(Messages.NewCandidate_title);
			setTitle(Messages.NewCandidate_title);
			setMessage(Messages.NewCandidate_message);
			Composite area = (Composite) super.createDialogArea(parent);
			Composite fields = new Composite(area, SWT.NONE);
			GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(fields);
			GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
			lastName = text(fields, Labels.of(DossierPackage.Literals.CANDIDATE__LAST_NAME) + " *", "lastName"); //$NON-NLS-1$ //$NON-NLS-2$
			firstName = text(fields, Labels.of(DossierPackage.Literals.CANDIDATE__FIRST_NAME) + " *", "firstName"); //$NON-NLS-1$ //$NON-NLS-2$
			birthDate = text(fields, NLS.bind(Messages.NewCandidate_day, Labels.of(DossierPackage.Literals.CANDIDATE__BIRTH_DATE)),
					"birthDate"); //$NON-NLS-1$
			certification = combo(fields, Labels.of(DossierPackage.Literals.REGISTRATION__CERTIFICATION) + " *", "certification", //$NON-NLS-1$ //$NON-NLS-2$
					certifications.stream().map(c -> c.getCode() + " \u2014 " + c.getTitle()).toList()); //$NON-NLS-1$
			route = combo(fields, Labels.of(DossierPackage.Literals.REGISTRATION__ROUTE) + " *", "route", //$NON-NLS-1$ //$NON-NLS-2$
					Route.VALUES.stream().map(r -> Labels.of(fr.mutualite.cqp.model.referential.ReferentialPackage.Literals.ROUTE, r))
							.toList());
			route.select(0);
			date = text(fields, NLS.bind(Messages.NewCandidate_day, Labels.of(DossierPackage.Literals.REGISTRATION__DATE)) + " *", //$NON-NLS-1$
					"date"); //$NON-NLS-1$
			date.setText(Values.days().format(LocalDate.now()));
			List<String> names = new ArrayList<>();
			names.add(Messages.NewCandidate_noBody);
			bodies.forEach(b -> names.add(b.getName()));
			body = combo(fields, Labels.of(DossierPackage.Literals.REGISTRATION__TRAINING_BODY), "trainingBody", names); //$NON-NLS-1$
			body.select(0);
			return area;
		}

		private static Text text(Composite parent, String label, String name) {
			new Label(parent, SWT.NONE).setText(label);
			Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
			text.setData("name", name); //$NON-NLS-1$
			GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
			return text;
		}

		private static Combo combo(Composite parent, String label, String name, List<String> items) {
			new Label(parent, SWT.NONE).setText(label);
			Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
			combo.setData("name", name); //$NON-NLS-1$
			items.forEach(combo::add);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
			return combo;
		}

		@Override
		protected void okPressed() {
			try {
				result = read();
			} catch (IllegalArgumentException e) {
				setErrorMessage(e.getMessage());
				return;
			}
			super.okPressed();
		}

		/** The dossier typed; refuses, in one sentence, what is missing or not a value. */
		private NewDossier read() {
			DossierFactory f = DossierFactory.eINSTANCE;
			Candidate candidate = f.createCandidate();
			candidate.setLastName(required(lastName, DossierPackage.Literals.CANDIDATE__LAST_NAME));
			candidate.setFirstName(required(firstName, DossierPackage.Literals.CANDIDATE__FIRST_NAME));
			candidate.setBirthDate((LocalDate) value(DossierPackage.Literals.CANDIDATE__BIRTH_DATE, birthDate));
			if (certification.getSelectionIndex() < 0) {
				throw new IllegalArgumentException(NLS.bind(Messages.NewCandidate_required,
						Labels.of(DossierPackage.Literals.REGISTRATION__CERTIFICATION)));
			}
			Registration registration = f.createRegistration();
			registration.setCertification(certifications.get(certification.getSelectionIndex()));
			registration.setRoute(Route.VALUES.get(route.getSelectionIndex()));
			LocalDate day = (LocalDate) value(DossierPackage.Literals.REGISTRATION__DATE, date);
			if (day == null) {
				throw new IllegalArgumentException(NLS.bind(Messages.NewCandidate_required,
						Labels.of(DossierPackage.Literals.REGISTRATION__DATE)));
			}
			registration.setDate(day);
			if (body.getSelectionIndex() > 0) {
				registration.setTrainingBody(bodies.get(body.getSelectionIndex() - 1));
			}
			candidate.getRegistrations().add(registration);
			return new NewDossier(candidate, registration);
		}

		/** The value typed in {@code text}; one that is not a value is refused naming the field. */
		private static Object value(org.eclipse.emf.ecore.EStructuralFeature feature, Text text) {
			try {
				return Values.parse(feature, text.getText());
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(NLS.bind(Messages.NewCandidate_invalid, Labels.of(feature), e.getMessage()), e);
			}
		}

		private static String required(Text text, org.eclipse.emf.ecore.EStructuralFeature feature) {
			String value = text.getText().strip();
			if (value.isEmpty()) {
				throw new IllegalArgumentException(NLS.bind(Messages.NewCandidate_required, Labels.of(feature)));
			}
			return value;
		}

		@Override
		protected void createButtonsForButtonBar(Composite parent) {
			createButton(parent, IDialogConstants.OK_ID, Messages.NewCandidate_create, true);
			createButton(parent, IDialogConstants.CANCEL_ID, Messages.NewCandidate_cancel, false);
		}
	}
}
