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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.events.HyperlinkAdapter;
import org.eclipse.ui.forms.events.HyperlinkEvent;
import org.eclipse.ui.forms.widgets.Hyperlink;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.print.BookletSheets;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.JuryDecision;

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
		award(section(body, Messages.Dossier_award, Messages.Dossier_awardHint, true), registration);
	}

	/** The certificate held, those issued before, and what prints the jury's decisions and the certificate. */
	private void award(Composite parent, Registration registration) {
		Certificate current = registration.getCertificate();
		Label held = toolkit().createLabel(parent, current == null ? Messages.Dossier_noCertificate
				: NLS.bind(current.isFull() ? Messages.Dossier_certificate : Messages.Dossier_partial, current.getNumber(),
						current.getDate() == null ? "" : Values.days().format(current.getDate())), SWT.WRAP); //$NON-NLS-1$
		held.setData("name", "certificate"); //$NON-NLS-1$ //$NON-NLS-2$
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(held);
		for (Certificate earlier : registration.getCertificateHistory()) {
			toolkit().createLabel(parent, NLS.bind(earlier.isFull() ? Messages.Dossier_earlierCertificate : Messages.Dossier_earlierPartial,
					earlier.getNumber(), earlier.getDate() == null ? "" : Values.days().format(earlier.getDate()))); //$NON-NLS-1$
		}
		Composite buttons = toolkit().createComposite(parent);
		org.eclipse.jface.layout.RowLayoutFactory.fillDefaults().spacing(10).applyTo(buttons);
		Button sheet = toolkit().createButton(buttons, Messages.Dossier_printDecisions, SWT.PUSH);
		sheet.setData("name", "printDecisions"); //$NON-NLS-1$ //$NON-NLS-2$
		sheet.addListener(SWT.Selection, e -> decisions().ifPresent(decisions -> Printing.print(getSite(),
				BookletSheets.filled(copy().registration(), BookletKind.JURY_DECISION, decisions),
				Messages.Dossier_decisionsFile + ' ' + copy().candidate().getLastName(), this::printed)));
		Button certificate = toolkit().createButton(buttons, Messages.Print_certificate, SWT.PUSH);
		certificate.setData("name", "printCertificate"); //$NON-NLS-1$ //$NON-NLS-2$
		certificate.setEnabled(current != null);
		certificate.addListener(SWT.Selection, e -> decisions().flatMap(decisions -> BookletSheets.certificate(
				copy().registration(), decisions)).ifPresent(printed -> Printing.print(getSite(), printed,
						printed.header().get(3).value(), this::printed)));
	}

	/** The jury's decisions on the registration, read from the database; empty when it cannot be read (said). */
	private Optional<List<JuryDecision>> decisions() {
		try {
			return Optional.of(copy().store(getSite().getShell()).juries().decisionsOn(copy().registration().getId()));
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Print_failed, e.getMessage());
			return Optional.empty();
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
			// the jury's decision sheets are filled in its sessions
			Label title = toolkit().createLabel(parent, NLS.bind(booklet.getKind() == BookletKind.JURY_DECISION
					? Messages.Dossier_inSession : Messages.Dossier_noEditor, booklet.getTitle()), SWT.WRAP);
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
