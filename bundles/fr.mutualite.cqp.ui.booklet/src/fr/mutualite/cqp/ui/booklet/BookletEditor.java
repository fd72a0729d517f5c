package fr.mutualite.cqp.ui.booklet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.eclipse.ui.part.EditorPart;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.Awards;
import fr.mutualite.cqp.core.dossier.Booklets;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.print.BookletSheet;
import fr.mutualite.cqp.core.print.BookletSheets;
import fr.mutualite.cqp.core.validation.Labels;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.dossier.BookletState;
import fr.mutualite.cqp.model.dossier.BookletStatus;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.ui.RegistrationInput;
import fr.mutualite.cqp.ui.emf.ModelEditing;
import fr.mutualite.cqp.ui.emf.ProblemSource;
import fr.mutualite.cqp.ui.emf.PropertyForm;
import fr.mutualite.cqp.ui.emf.ReadOnly;
import fr.mutualite.cqp.ui.emf.Values;

/**
 * The frame of every booklet editor, and of the dossier editor: a form over the candidate's
 * {@link WorkingCopy}, shared with the other editors open on the same dossier (one undo history,
 * one save). A booklet editor is rendered from its booklet in the referential version the
 * registration is pinned to (sections, questions, items, scales and their wordings): a plug-in
 * per booklet says only which parts of the dossier it fills. Its state (empty, in progress,
 * complete, signed) heads the form; a booklet whose parts have errors cannot be declared
 * complete or signed, and the first error says why. Problems are shown next to their fields and in
 * the Problems view.
 */
public abstract class BookletEditor extends EditorPart implements IEditingDomainProvider, ProblemSource {

	private WorkingCopy copy;
	private FormToolkit toolkit;
	private ScrolledForm form;
	private Composite content;
	private Label state;
	private Button complete;
	/** The user's role when it may not change what this editor shows. */
	private Optional<Role> readOnly = Optional.empty();
	private Button sign;
	private final List<PropertyForm> forms = new ArrayList<>();
	private final List<Runnable> refreshers = new ArrayList<>();
	private final List<java.util.function.BooleanSupplier> pendingAnswers = new ArrayList<>();
	private final List<Runnable> answerCommits = new ArrayList<>();
	private final List<Runnable> problemListeners = new CopyOnWriteArrayList<>();
	private List<Problem> problems = List.of();

	private final WorkingCopy.Listener listener = new WorkingCopy.Listener() {
		@Override
		public void changed() {
			if (form != null && !form.isDisposed()) {
				refresh();
			}
		}

		@Override
		public void reloaded() {
			if (form != null && !form.isDisposed()) {
				rebuild();
			}
		}
	};

	/** The booklet this editor fills, or {@code null} for the dossier editor. */
	protected abstract BookletKind kind();

	/** Fills {@code body} with the booklet's parts; called again when the dossier is read again. */
	protected abstract void fill(Composite body);

	/** Whether {@code problem} concerns what this editor fills. */
	protected abstract boolean concerns(Problem problem);

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof RegistrationInput registrationInput)) {
			throw new PartInitException(Messages.Editor_badInput);
		}
		setSite(site);
		setInput(input);
		CurrentDatabase database = site.getService(CurrentDatabase.class);
		try {
			copy = WorkingCopy.acquire(registrationInput.registrationId(), database, site.getShell());
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			throw new PartInitException(e.getMessage(), e);
		}
		copy.addListener(listener);
		setPartName(input.getName());
	}

	@Override
	public void createPartControl(Composite parent) {
		toolkit = new FormToolkit(parent.getDisplay());
		form = toolkit.createScrolledForm(parent);
		toolkit.decorateFormHeading(form.getForm());
		GridLayoutFactory.fillDefaults().margins(10, 8).applyTo(form.getBody());
		rebuild();
	}

	/** Draws the form again from the dossier; laid out once, at the end. */
	private void rebuild() {
		form.setRedraw(false);
		form.getBody().setLayoutDeferred(true);
		try {
			build();
		} finally {
			form.getBody().setLayoutDeferred(false);
			form.setRedraw(true);
		}
		form.reflow(true);
	}

	private void build() {
		for (PropertyForm f : forms) {
			f.dispose();
		}
		forms.clear();
		refreshers.clear();
		pendingAnswers.clear();
		answerCommits.clear();
		for (Control c : form.getBody().getChildren()) {
			c.dispose();
		}
		form.getMessageManager().removeAllMessages();
		Registration registration = copy.registration();
		form.setText(title());
		if (kind() != null) {
			Optional<Booklet> booklet = booklet();
			if (booklet.isEmpty()) {
				toolkit.createLabel(form.getBody(), NLS.bind(Messages.Booklet_missing,
						registration.getCertification().getCode(), Labels.of(DossierPackage.Literals.REGISTRATION__CERTIFICATION)),
						SWT.WRAP);
				return;
			}
			statusBar(form.getBody(), booklet.get());
		}
		content = toolkit.createComposite(form.getBody());
		GridLayoutFactory.fillDefaults().spacing(0, 10).applyTo(content);
		// a small preferred width: the form wraps its texts at the window's width instead of widening
		GridDataFactory.fillDefaults().grab(true, true).hint(300, SWT.DEFAULT).applyTo(content);
		// the dossier is the registering roles', a booklet the roles' that fill booklets
		readOnly = ReadOnly.unless(() -> copy.store(getSite().getShell()), kind() == null ? Role::registers : Role::fillsBooklets);
		fill(content);
		readOnly.ifPresent(role -> {
			ReadOnly.apply(content);
			for (Button b : new Button[] { complete, sign }) {
				if (b != null) {
					b.setVisible(false);
				}
			}
			ReadOnly.say(toolkit, form.getBody(), role);
		});
		refresh();
	}


	/** The form's title: the candidate, the certification, and the booklet's title. */
	protected String title() {
		Registration registration = copy.registration();
		String who = copy.candidate().getFirstName() + ' ' + copy.candidate().getLastName();
		String what = registration.getCertification().getCode();
		return booklet().map(b -> NLS.bind(Messages.Booklet_title, new Object[] { b.getTitle(), who, what }))
				.orElse(NLS.bind(Messages.Dossier_title, who, what));
	}

	/** The booklet of the referential version the registration is pinned to. */
	protected Optional<Booklet> booklet() {
		return kind() == null ? Optional.empty() : Booklets.of(copy.registration(), kind());
	}

	private void statusBar(Composite parent, Booklet booklet) {
		Composite bar = toolkit.createComposite(parent);
		GridLayoutFactory.fillDefaults().numColumns(4).applyTo(bar);
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(bar);
		state = toolkit.createLabel(bar, "", SWT.WRAP); //$NON-NLS-1$
		GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(state);
		complete = toolkit.createButton(bar, Messages.Booklet_complete, SWT.PUSH);
		complete.addListener(SWT.Selection, e -> declareOrSay(booklet, BookletState.COMPLETE));
		sign = toolkit.createButton(bar, Messages.Booklet_sign, SWT.PUSH);
		sign.addListener(SWT.Selection, e -> declareOrSay(booklet, BookletState.SIGNED));
		Button print = toolkit.createButton(bar, Messages.Print_button, SWT.PUSH);
		print.setData("name", "print"); //$NON-NLS-1$ //$NON-NLS-2$
		print.addListener(SWT.Selection, e -> Printing.print(getSite(), sheet(), booklet.getTitle() + ' '
				+ copy.candidate().getLastName(), this::printed));
		if (booklet.getInstructions() != null && !booklet.getInstructions().isBlank()) {
			Label instructions = toolkit.createLabel(parent, booklet.getInstructions(), SWT.WRAP);
			GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(instructions);
		}
	}

	/**
	 * Declares the booklet complete or signs it, by the database's user today, as an undoable
	 * change; refused, saying why, while its parts have errors.
	 */
	public boolean declare(Booklet booklet, BookletState newState) {
		if (refusal().isPresent()) {
			return false;
		}
		String user;
		try {
			user = copy.store(getSite().getShell()).user();
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Save_failedTitle, e.getMessage());
			return false;
		}
		Registration registration = copy.registration();
		BookletStatus status = DossierFactory.eINSTANCE.createBookletStatus();
		status.setBooklet(booklet);
		status.setState(newState);
		status.setDeclaredBy(user);
		status.setDeclaredOn(LocalDate.now());
		CompoundCommand command = new CompoundCommand();
		Booklets.status(registration, booklet).ifPresent(old -> command.append(RemoveCommand.create(domain(),
				registration, DossierPackage.Literals.REGISTRATION__BOOKLET_STATUSES, old)));
		command.append(AddCommand.create(domain(), registration, DossierPackage.Literals.REGISTRATION__BOOKLET_STATUSES,
				status));
		return ModelEditing.execute(domain(), command);
	}

	/** The booklet as it prints now, with what the editors hold (saved or not). */
	public BookletSheet sheet() {
		return BookletSheets.filled(copy.registration(), kind(), Awards.decisions(copy.registration()));
	}

	/** Says, in the form's heading, where the booklet was printed. */
	public void printed(java.nio.file.Path file) {
		if (form != null && !form.isDisposed()) {
			form.setMessage(NLS.bind(Messages.Print_done, file), org.eclipse.jface.dialogs.IMessageProvider.INFORMATION);
		}
	}

	/** Why the booklet cannot be declared complete or signed now (its first error), if it cannot. */
	public Optional<String> refusal() {
		return problems.stream().filter(p -> p.severity() == Severity.ERROR).findFirst()
				.map(p -> NLS.bind(Messages.Booklet_refused, p.message()));
	}

	private void declareOrSay(Booklet booklet, BookletState newState) {
		Optional<String> refusal = refusal();
		if (refusal.isPresent()) {
			MessageDialog.openWarning(getSite().getShell(), Messages.Booklet_refusedTitle, refusal.get());
		} else {
			declare(booklet, newState);
		}
	}

	/** After a change: the dirty mark, the state, the problems next to their fields. */
	private void refresh() {
		firePropertyChange(PROP_DIRTY);
		problems = copy.problems().stream().filter(this::concerns).toList();
		for (PropertyForm f : forms) {
			f.showProblems(problems);
		}
		for (Runnable r : refreshers) {
			r.run();
		}
		booklet().ifPresent(this::showState);
		for (Runnable r : problemListeners) {
			r.run();
		}
	}

	/**
	 * Shows {@code text} in {@code label}; only a text that changed lays out again what holds
	 * it (laying out the whole form after each change would hold a long booklet's window).
	 */
	public static void show(Label label, String text) {
		if (!label.isDisposed() && !label.getText().equals(text)) {
			label.setText(text);
			label.requestLayout();
		}
	}

	private void showState(Booklet booklet) {
		if (state == null || state.isDisposed()) {
			return;
		}
		BookletState now = Booklets.state(copy.registration(), booklet);
		String label = Labels.of(DossierPackage.Literals.BOOKLET_STATE, now);
		String text = NLS.bind(Messages.Booklet_state, label);
		Optional<BookletStatus> status = Booklets.status(copy.registration(), booklet);
		if (status.isPresent() && status.get().getDeclaredBy() != null) {
			LocalDate on = status.get().getDeclaredOn();
			text = NLS.bind(Messages.Booklet_stateBy, new Object[] { label, status.get().getDeclaredBy(),
					on == null ? "?" : Values.days().format(on) }); //$NON-NLS-1$
		}
		long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
		if (errors > 0) {
			text += ' ' + NLS.bind(Messages.Booklet_blocked, errors);
		}
		show(state, text);
		complete.setEnabled(errors == 0 && now != BookletState.COMPLETE && now != BookletState.SIGNED);
		sign.setEnabled(errors == 0 && now != BookletState.SIGNED);
	}

	// ---- what the booklets' plug-ins build with

	/** The form the editor shows. */
	public ScrolledForm form() {
		return form;
	}

	public FormToolkit toolkit() {
		return toolkit;
	}

	/** The dossier edited. */
	public WorkingCopy copy() {
		return copy;
	}

	public EditingDomain domain() {
		return copy.domain();
	}

	/** Runs {@code command} as an undoable change; says whether it could. */
	public boolean execute(Command command) {
		return ModelEditing.execute(domain(), command);
	}

	/**
	 * A titled part of the form, filled by {@code fill} now if it is {@code expanded}, else the
	 * first time it is unfolded: a long booklet opens with only the parts in progress drawn.
	 */
	public void section(Composite parent, String title, String description, boolean expanded,
			java.util.function.Consumer<Composite> fill) {
		Composite client = section(parent, title, description, expanded);
		Section section = (Section) client.getParent();
		if (expanded) {
			fill.accept(client);
			return;
		}
		section.addExpansionListener(new org.eclipse.ui.forms.events.ExpansionAdapter() {
			private boolean filled;

			@Override
			public void expansionStateChanging(org.eclipse.ui.forms.events.ExpansionEvent e) {
				if (!filled && e.getState()) {
					filled = true;
					fill.accept(client);
					if (readOnly.isPresent()) {
						ReadOnly.apply(client);
					}
					refresh();
					form.reflow(true);
				}
			}
		});
	}

	/** A titled part of the form, folded or not; returns the composite to fill. */
	public Composite section(Composite parent, String title, String description, boolean expanded) {
		Section section = toolkit.createSection(parent, ExpandableComposite.SHORT_TITLE_BAR | ExpandableComposite.TWISTIE
				| (expanded ? ExpandableComposite.EXPANDED : 0));
		section.setText(title);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(section);
		Composite client = toolkit.createComposite(section);
		GridLayoutFactory.fillDefaults().margins(4, 4).spacing(6, 6).applyTo(client);
		if (description != null && !description.isBlank()) {
			// wrapped at the form's width, not the text's (a section's own description would widen the form)
			Label text = toolkit.createLabel(client, description, SWT.WRAP);
			GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(text);
		}
		section.setClient(client);
		section.addExpansionListener(org.eclipse.ui.forms.events.IExpansionListener.expansionStateChangedAdapter(
				e -> form.reflow(true)));
		return client;
	}

	/** The fields of {@code object} named by {@code features} (in its item provider's order), editable or not. */
	public PropertyForm fields(Composite parent, EObject object, boolean editable, String... features) {
		PropertyForm fields = new PropertyForm(parent, toolkit, copy.adapterFactory(), form.getMessageManager(),
				java.util.Set.of(features));
		fields.setInput(object);
		fields.setTypingListener(() -> firePropertyChange(PROP_DIRTY));
		toolkit.paintBordersFor(fields.getControl());
		GridDataFactory.fillDefaults().grab(true, false).applyTo(fields.getControl());
		if (!editable) {
			ReadOnly.apply(fields.getControl());
		}
		forms.add(fields);
		return fields;
	}

	/**
	 * A button that makes {@code change} (an undoable change adding or removing a part) and,
	 * when it was made, draws the form again.
	 */
	public Button button(Composite parent, String label, java.util.function.BooleanSupplier change) {
		Button button = toolkit.createButton(parent, label, SWT.PUSH);
		button.addListener(SWT.Selection, e -> {
			if (change.getAsBoolean()) {
				rebuildSoon();
			}
		});
		return button;
	}

	/** Runs {@code refresher} after every change (to show a total, a computed date, a list). */
	public void onChange(Runnable refresher) {
		refreshers.add(refresher);
	}

	/** Builds the form again (after a part was added or removed). */
	public void rebuildSoon() {
		form.getDisplay().asyncExec(() -> {
			if (!form.isDisposed()) {
				rebuild();
			}
		});
	}

	// ---- editor

	@Override
	public void setFocus() {
		if (form != null && !form.isDisposed()) {
			form.setFocus();
		}
	}

	/**
	 * Dirty when the dossier has unsaved changes, or when a field holds text typed but not
	 * applied yet: saving applies it first, closing asks about it.
	 */
	@Override
	public boolean isDirty() {
		return copy != null && (copy.isDirty() || hasPendingText());
	}

	/** Whether a field of this editor holds text typed but not applied yet. */
	private boolean hasPendingText() {
		return forms.stream().anyMatch(PropertyForm::hasPendingText)
				|| pendingAnswers.stream().anyMatch(java.util.function.BooleanSupplier::getAsBoolean);
	}

	/** Asks to save when closing only if no other editor keeps the changes open. */
	@Override
	public boolean isSaveOnCloseNeeded() {
		return isDirty() && (copy.users() == 1 || hasPendingText());
	}

	/** Saves the dossier, what is typed in a field not left yet included. */
	@Override
	public void doSave(IProgressMonitor monitor) {
		for (PropertyForm f : List.copyOf(forms)) {
			f.commitPendingText();
		}
		for (Runnable commit : List.copyOf(answerCommits)) {
			commit.run();
		}
		if (!copy.save(getSite().getShell())) {
			monitor.setCanceled(true);
		}
	}

	/**
	 * Registers a free-text field of the booklet that applies its text when left: {@code pending}
	 * says whether it holds text not applied yet, {@code commit} applies it (before a save).
	 */
	public void onTyping(org.eclipse.swt.widgets.Text text, java.util.function.BooleanSupplier pending, Runnable commit) {
		pendingAnswers.add(pending);
		answerCommits.add(commit);
		text.addListener(SWT.Modify, e -> firePropertyChange(PROP_DIRTY));
	}

	@Override
	public void doSaveAs() {
		// a dossier is saved in its database only
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public EditingDomain getEditingDomain() {
		return copy.domain();
	}

	@Override
	public List<Problem> problems() {
		return problems;
	}

	@Override
	public void addProblemListener(Runnable problemListener) {
		problemListeners.add(problemListener);
	}

	@Override
	public void removeProblemListener(Runnable problemListener) {
		problemListeners.remove(problemListener);
	}

	@Override
	public void reveal(EObject element) {
		for (PropertyForm f : forms) {
			if (f.getInput() != null && (f.getInput() == element || EcoreUtil.isAncestor(element, f.getInput())
					|| EcoreUtil.isAncestor(f.getInput(), element))) {
				Control control = f.getControl();
				form.showControl(control);
				control.setFocus();
				return;
			}
		}
	}

	@Override
	public void dispose() {
		if (copy != null) {
			copy.removeListener(listener);
			copy.release();
		}
		for (PropertyForm f : forms) {
			f.dispose();
		}
		if (toolkit != null) {
			toolkit.dispose();
		}
		super.dispose();
	}
}
