package fr.mutualite.cqp.ui.booklet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.events.HyperlinkAdapter;
import org.eclipse.ui.forms.events.HyperlinkEvent;
import org.eclipse.ui.forms.widgets.Hyperlink;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.core.dossier.Deadlines;
import fr.mutualite.cqp.core.validation.Labels;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.ui.RegistrationInput;
import fr.mutualite.cqp.ui.emf.PropertyForm;
import fr.mutualite.cqp.ui.emf.Values;

/**
 * The candidate's dossier: identity, the registration (certification and the referential version
 * it is pinned to, route, date, company, training body), the deadline of the first jury computed
 * from the dated rules of that version, and the booklets of the certification with where each
 * stands, each opening its editor. Shares its working copy with the booklet editors open on the
 * same dossier.
 */
public final class DossierEditor extends BookletEditor {

	@Override
	protected BookletKind kind() {
		return null;
	}

	@Override
	protected boolean concerns(Problem problem) {
		return true;
	}

	@Override
	protected void fill(Composite body) {
		Registration registration = copy().registration();
		Composite identity = section(body, Messages.Dossier_identity, null, true);
		fields(identity, copy().candidate(), true, "lastName", "firstName", "birthDate", "email"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

		Composite registered = section(body, Messages.Dossier_registration, Messages.Dossier_registrationHint, true);
		fields(registered, registration, false, "certification", "referentialVersion"); //$NON-NLS-1$ //$NON-NLS-2$
		PropertyForm editable = fields(registered, registration, true, "date", "route", "company", "trainingBody"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		editable.setChoices("company", () -> choices(true)); //$NON-NLS-1$
		editable.setChoices("trainingBody", () -> choices(false)); //$NON-NLS-1$
		Label deadline = toolkit().createLabel(registered, "", SWT.WRAP); //$NON-NLS-1$
		deadline.setData("name", "deadline"); //$NON-NLS-1$ //$NON-NLS-2$
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(deadline);
		onChange(() -> show(deadline, deadline(copy().registration())));

		Composite booklets = toolkit().createComposite(section(body, Messages.Dossier_booklets, Messages.Dossier_bookletsHint, true));
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(20, 6).applyTo(booklets);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(booklets);
		List<Booklet> defined = Booklets.of(registration.getCertification());
		for (Booklet booklet : defined) {
			bookletRow(booklets, booklet);
		}
		if (defined.isEmpty()) {
			Label none = toolkit().createLabel(booklets,
					NLS.bind(Messages.Dossier_noBooklets, registration.getCertification().getCode()), SWT.WRAP);
			GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(none);
		}
	}

	private void bookletRow(Composite parent, Booklet booklet) {
		String editorId = RegistrationInput.editorId(booklet.getKind());
		boolean editable = PlatformUI.getWorkbench().getEditorRegistry().findEditor(editorId) != null;
		if (editable) {
			Hyperlink link = toolkit().createHyperlink(parent, booklet.getTitle(), SWT.WRAP);
			link.setData("booklet", booklet.getKind().getName()); //$NON-NLS-1$
			link.addHyperlinkListener(new HyperlinkAdapter() {
				@Override
				public void linkActivated(HyperlinkEvent e) {
					openBooklet(booklet.getKind());
				}
			});
			GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(link);
		} else {
			Label title = toolkit().createLabel(parent, NLS.bind(Messages.Dossier_noEditor, booklet.getTitle()), SWT.WRAP);
			GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(title);
		}
		Label state = toolkit().createLabel(parent, ""); //$NON-NLS-1$
		state.setData("state", booklet.getKind().getName()); //$NON-NLS-1$
		GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).applyTo(state);
		onChange(() -> show(state, Labels.of(DossierPackage.Literals.BOOKLET_STATE,
				Booklets.state(copy().registration(), booklet))));
	}

	/** Opens the editor of the booklet of {@code kind} on this dossier. */
	public void openBooklet(BookletKind kind) {
		String name = copy().candidate().getLastName() + " \u2014 " //$NON-NLS-1$
				+ Booklets.of(copy().registration(), kind).map(Booklet::getTitle).orElse(kind.getLiteral());
		RegistrationInput input = new RegistrationInput(copy().registration().getId(), kind, name);
		try {
			getSite().getPage().openEditor(input, input.editorId());
		} catch (PartInitException e) {
			Platform.getLog(getClass()).log(Status.error(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Editor_openFailedTitle, e.getMessage());
		}
	}

	/** The deadline of the first jury, as the dated rules of the registration's version set it. */
	static String deadline(Registration registration) {
		if (registration.getDate() == null) {
			return Messages.Dossier_noDate;
		}
		Optional<RuleSet> rules = RuleBook.of(registration).at(registration.getDate());
		if (rules.isEmpty()) {
			return NLS.bind(Messages.Dossier_noRules, Values.days().format(registration.getDate()));
		}
		return NLS.bind(Messages.Dossier_deadline, Values.days().format(Deadlines.firstJury(registration.getDate(), rules.get())),
				Integer.valueOf(rules.get().getRegistrationDeadlineYears()));
	}

	private Collection<?> choices(boolean companies) {
		try {
			return companies ? copy().store(getSite().getShell()).companies().list()
					: copy().store(getSite().getShell()).trainingBodies().list();
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Save_failedTitle, e.getMessage());
			return List.of();
		}
	}
}
