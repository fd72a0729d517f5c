package fr.mutualite.cqp.ui.jury;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
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
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.dossier.Admissibility;
import fr.mutualite.cqp.model.dossier.BookletState;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Certificate;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.DossierFactory;
import fr.mutualite.cqp.model.dossier.DossierPackage;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.JurySide;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.ui.PasswordPrompt;
import fr.mutualite.cqp.ui.emf.ModelEditing;
import fr.mutualite.cqp.ui.emf.ProblemSource;
import fr.mutualite.cqp.ui.emf.PropertyForm;
import fr.mutualite.cqp.ui.emf.ReadOnly;
import fr.mutualite.cqp.ui.emf.Values;

/**
 * A session of the joint jury: its day and place, its members (two per side, by the rules of the
 * certifications it decides on) and its president, then the decision sheet of each candidate:
 * each domain still missing acquired or not (a domain acquired at an earlier jury keeps its
 * validity, counted from that jury, and is shown, not decided again). Saved as one session;
 * the certificates are issued from the saved decisions. Every change is undoable; the rules are
 * checked after each one, and certificates are refused while an error remains.
 */
public final class JuryEditor extends EditorPart implements IEditingDomainProvider, ProblemSource {

	/** How far back the previous session is looked for. */
	private static final int PREVIOUS_YEARS = 3;

	private final ComposedAdapterFactory factory = ModelEditing.adapterFactory();
	private final ResourceSet resources = new ResourceSetImpl();
	private final AdapterFactoryEditingDomain domain = ModelEditing.domain(factory, resources);
	private final CommandStackListener commands = event -> getSite().getShell().getDisplay().asyncExec(this::changed);
	private final List<PropertyForm> forms = new ArrayList<>();
	private final List<Runnable> refreshers = new ArrayList<>();
	private final List<Runnable> problemListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
	/** For each registration decided on, the domains acquired at an earlier jury, with the day of that jury. */
	private final Map<Registration, Map<CompetenceDomain, LocalDate>> earlier = new HashMap<>();
	private CurrentDatabase database;
	private Versioned<JurySession> session;
	private List<Problem> problems = List.of();
	private FormToolkit toolkit;
	private ScrolledForm form;
	private Label problemsLabel;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof JuryInput juryInput)) {
			throw new PartInitException(Messages.Jury_badInput);
		}
		setSite(site);
		setInput(input);
		database = site.getService(CurrentDatabase.class);
		try {
			read(juryInput.sessionId());
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			throw new PartInitException(e.getMessage(), e);
		}
		domain.getCommandStack().addCommandStackListener(commands);
		setPartName(input.getName());
	}

	private DossierStore store() throws CqpException {
		return database.store(new PasswordPrompt(getSite().getShell()));
	}

	/**
	 * Reads the session, and the earlier sessions that decided on its candidates, into one set of
	 * dossiers, each decision pointing to the same registration: the rules and the validity of
	 * the domains acquired earlier are then computed as on the whole branch.
	 */
	private void read(String id) throws CqpException {
		DossierStore store = store();
		Versioned<JurySession> read = store.juries().find(id)
				.orElseThrow(() -> new CqpException(NLS.bind(Messages.Jury_notFound, id)));
		resources.getResources().clear();
		Resource resource = resources.createResource(org.eclipse.emf.common.util.URI.createURI("memory:/session.dossiers")); //$NON-NLS-1$
		Dossiers dossiers = DossierFactory.eINSTANCE.createDossiers();
		resource.getContents().add(dossiers);
		dossiers.getJurySessions().add(read.value());
		session = read;
		for (JuryDecision decision : List.copyOf(read.value().getDecisions())) {
			// the whole dossier: the rules look at the booklets the jury rules on
			String registrationId = decision.getRegistration().getId();
			decision.setRegistration(store.registrations().find(registrationId).map(Versioned::value)
					.orElseThrow(() -> new CqpException(NLS.bind(Messages.Jury_notFound, registrationId))));
			addEarlierSessions(store, dossiers, decision.getRegistration());
		}
		previousSession(store, dossiers);
		((BasicCommandStack) domain.getCommandStack()).flush();
		computeEarlier();
	}

	/** The session held just before this one: its president's side alternates with this one's. */
	private void previousSession(DossierStore store, Dossiers dossiers) throws CqpException {
		LocalDate day = session.value().getDate();
		if (day == null) {
			return;
		}
		List<String> before = store.juries().between(day.minusYears(PREVIOUS_YEARS), day.minusDays(1));
		if (before.isEmpty()) {
			return;
		}
		String previous = before.get(before.size() - 1);
		if (dossiers.getJurySessions().stream().noneMatch(s -> previous.equals(s.getId()))) {
			// whole, as the earlier sessions of the candidates: a candidate added later finds their decisions in it
			store.juries().find(previous).map(Versioned::value).ifPresent(dossiers.getJurySessions()::add);
		}
	}

	/**
	 * The other sessions that decided on {@code registration}, their decisions on it pointing to
	 * it; its candidate joins the same dossiers, so that the rules find these decisions.
	 */
	private void addEarlierSessions(DossierStore store, Dossiers dossiers, Registration registration) throws CqpException {
		if (registration.eContainer() instanceof Candidate candidate && candidate.eContainer() != dossiers) {
			dossiers.getCandidates().add(candidate);
		}
		for (String other : store.juries().deciding(registration.getId())) {
			if (other.equals(session.value().getId())) {
				continue;
			}
			// each earlier session read once, whole: its decisions on the candidates of this one point to them
			JurySession earlierSession = dossiers.getJurySessions().stream().filter(s -> other.equals(s.getId())).findFirst()
					.orElse(null);
			if (earlierSession == null) {
				earlierSession = store.juries().find(other).map(Versioned::value).orElse(null);
				if (earlierSession == null) {
					continue;
				}
				dossiers.getJurySessions().add(earlierSession);
			}
			earlierSession.getDecisions().stream().filter(d -> registration.getId().equals(d.getRegistration().getId()))
					.forEach(d -> d.setRegistration(registration));
		}
	}

	private void computeEarlier() {
		earlier.clear();
		LocalDate day = session.value().getDate();
		for (JuryDecision decision : session.value().getDecisions()) {
			Registration registration = decision.getRegistration();
			int years = day == null ? 0 : RuleBook.of(registration).at(day).map(RuleSet::getPartialValidityYears).orElse(0);
			earlier.put(registration, day == null ? Map.of() : Awards.acquired(registration, day, years, true));
		}
	}

	@Override
	public void createPartControl(Composite parent) {
		toolkit = new FormToolkit(parent.getDisplay());
		form = toolkit.createScrolledForm(parent);
		toolkit.decorateFormHeading(form.getForm());
		GridLayoutFactory.fillDefaults().margins(10, 8).applyTo(form.getBody());
		rebuild();
	}

	/** Draws the form again from the session. */
	private void rebuild() {
		form.setRedraw(false);
		try {
			for (PropertyForm f : forms) {
				f.dispose();
			}
			forms.clear();
			refreshers.clear();
			for (Control c : form.getBody().getChildren()) {
				c.dispose();
			}
			JurySession s = session.value();
			form.setText(NLS.bind(Messages.Jury_title, s.getDate() == null ? "" : Values.days().format(s.getDate()))); //$NON-NLS-1$
			problemsLabel = toolkit.createLabel(form.getBody(), "", SWT.WRAP); //$NON-NLS-1$
			problemsLabel.setData("name", "problems"); //$NON-NLS-1$ //$NON-NLS-2$
			problemsLabel.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(problemsLabel);
			Composite head = section(Messages.Jury_session, Messages.Jury_sessionHint);
			fields(head, s, "date", "place"); //$NON-NLS-1$ //$NON-NLS-2$
			members(section(Messages.Jury_members, Messages.Jury_membersHint), s);
			Composite decisions = section(Messages.Jury_decisions, Messages.Jury_decisionsHint);
			for (JuryDecision decision : s.getDecisions()) {
				decision(decisions, decision);
			}
			button(decisions, Messages.Jury_addCandidate, this::addCandidate).setData("name", "addCandidate"); //$NON-NLS-1$ //$NON-NLS-2$
			Composite end = section(Messages.Jury_certificates, Messages.Jury_certificatesHint);
			Button issue = toolkit.createButton(end, Messages.Jury_issue, SWT.PUSH);
			issue.setData("name", "issue"); //$NON-NLS-1$ //$NON-NLS-2$
			issue.addListener(SWT.Selection, e -> issueOrSay());
			refreshers.add(() -> issue.setEnabled(!isDirty() && !Validation.hasErrors(problems)
					&& !session.value().getDecisions().isEmpty()));
			ReadOnly.unless(this::store, Role::decides).ifPresent(role -> {
				ReadOnly.apply(form.getBody());
				ReadOnly.say(toolkit, form.getBody(), role);
			});
		} finally {
			form.setRedraw(true);
		}
		changed();
		form.reflow(true);
	}


	private Composite section(String title, String description) {
		Section section = toolkit.createSection(form.getBody(), ExpandableComposite.SHORT_TITLE_BAR | ExpandableComposite.EXPANDED
				| ExpandableComposite.TWISTIE);
		section.setText(title);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(section);
		Composite client = toolkit.createComposite(section);
		GridLayoutFactory.fillDefaults().margins(4, 4).spacing(6, 6).applyTo(client);
		Label text = toolkit.createLabel(client, description, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(text);
		section.setClient(client);
		return client;
	}

	private PropertyForm fields(Composite parent, org.eclipse.emf.ecore.EObject object, String... features) {
		PropertyForm fields = new PropertyForm(parent, toolkit, factory, form.getMessageManager(), java.util.Set.of(features));
		fields.setInput(object);
		fields.setTypingListener(() -> firePropertyChange(PROP_DIRTY));
		toolkit.paintBordersFor(fields.getControl());
		GridDataFactory.fillDefaults().grab(true, false).applyTo(fields.getControl());
		forms.add(fields);
		return fields;
	}

	private Button button(Composite parent, String label, java.util.function.BooleanSupplier change) {
		Button button = toolkit.createButton(parent, label, SWT.PUSH);
		button.addListener(SWT.Selection, e -> {
			if (change.getAsBoolean()) {
				rebuildSoon();
			}
		});
		return button;
	}

	private void rebuildSoon() {
		form.getDisplay().asyncExec(() -> {
			if (!form.isDisposed()) {
				rebuild();
			}
		});
	}

	/** The members: name, side, organisation, and who presides. */
	private void members(Composite parent, JurySession s) {
		// two members a row: a jury of four fits in the window
		Composite table = toolkit.createComposite(parent);
		GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(16, 10).applyTo(table);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(table);
		int n = 0;
		for (JuryMember member : s.getMembers()) {
			n++;
			Composite cell = toolkit.createComposite(table);
			GridLayoutFactory.fillDefaults().applyTo(cell);
			GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(cell);
			fields(cell, member, "name", "side", "organisation"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Composite row = toolkit.createComposite(cell);
			RowLayoutFactory.fillDefaults().spacing(10).applyTo(row);
			Button president = toolkit.createButton(row, Messages.Jury_president, SWT.RADIO);
			president.setData("president", Integer.valueOf(n)); //$NON-NLS-1$
			president.addListener(SWT.Selection, e -> {
				if (president.getSelection() && s.getPresident() != member) {
					execute(SetCommand.create(domain, s, DossierPackage.Literals.JURY_SESSION__PRESIDENT, member));
				}
			});
			refreshers.add(() -> {
				if (!president.isDisposed()) {
					president.setSelection(s.getPresident() == member);
				}
			});
			Button remove = toolkit.createButton(row, Messages.Jury_removeMember, SWT.PUSH);
			remove.addListener(SWT.Selection, e -> {
				if (execute(RemoveCommand.create(domain, s, DossierPackage.Literals.JURY_SESSION__MEMBERS, member))) {
					rebuildSoon();
				}
			});
		}
		button(parent, Messages.Jury_addMember, () -> {
			JuryMember member = DossierFactory.eINSTANCE.createJuryMember();
			long employers = s.getMembers().stream().filter(m -> m.getSide() == JurySide.EMPLOYER).count();
			member.setSide(employers * 2 < s.getMembers().size() + 1 ? JurySide.EMPLOYER : JurySide.EMPLOYEE);
			return execute(AddCommand.create(domain, s, DossierPackage.Literals.JURY_SESSION__MEMBERS, member));
		}).setData("name", "addMember"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The decision sheet of one candidate: each domain still missing acquired or not. */
	private void decision(Composite parent, JuryDecision decision) {
		Registration registration = decision.getRegistration();
		Candidate candidate = (Candidate) registration.eContainer();
		Label who = toolkit.createLabel(parent, NLS.bind(Messages.Jury_candidate, new Object[] { candidate.getLastName(),
				candidate.getFirstName(), registration.getCertification().getCode(), registration.getId() }));
		who.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
		Composite grid = toolkit.createComposite(parent);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 4).applyTo(grid);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(grid);
		Map<CompetenceDomain, LocalDate> acquired = earlier.getOrDefault(registration, Map.of());
		int years = session.value().getDate() == null ? 0
				: RuleBook.of(registration).at(session.value().getDate()).map(RuleSet::getPartialValidityYears).orElse(0);
		for (DomainUse use : registration.getCertification().getDomains()) {
			Label label = toolkit.createLabel(grid, NLS.bind(Messages.Jury_domain, Integer.valueOf(use.getNumber()),
					use.getWording() != null ? use.getWording() : use.getDomain().getWording()), SWT.WRAP);
			GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(label);
			Composite choices = toolkit.createComposite(grid);
			RowLayoutFactory.fillDefaults().spacing(10).applyTo(choices);
			LocalDate since = acquired.get(use.getDomain());
			Optional<DomainDecision> ruled = decision.getDomains().stream().filter(d -> d.getDomain() == use.getDomain()).findFirst();
			if (since != null && ruled.isEmpty()) {
				toolkit.createLabel(choices, NLS.bind(Messages.Jury_acquiredEarlier, Values.days().format(since),
						Values.days().format(since.plusYears(years))));
				continue;
			}
			for (boolean value : new boolean[] { true, false }) {
				Button choice = toolkit.createButton(choices, value ? Messages.Jury_acquired : Messages.Jury_notAcquired, SWT.RADIO);
				choice.setData("domain", use.getDomain().getCode() + (value ? "+" : "-")); //$NON-NLS-1$ //$NON-NLS-2$
				choice.setData("registration", registration.getId()); //$NON-NLS-1$
				choice.addListener(SWT.Selection, e -> {
					if (choice.getSelection()) {
						rule(decision, use.getDomain(), value);
					}
				});
				refreshers.add(() -> {
					if (!choice.isDisposed()) {
						choice.setSelection(decision.getDomains().stream()
								.anyMatch(d -> d.getDomain() == use.getDomain() && d.isAcquired() == value));
					}
				});
			}
		}
		Label award = toolkit.createLabel(parent, "", SWT.WRAP); //$NON-NLS-1$
		award.setData("award", registration.getId()); //$NON-NLS-1$
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(award);
		refreshers.add(() -> {
			if (!award.isDisposed()) {
				award.setText(award(decision));
				award.requestLayout();
			}
		});
		fields(parent, decision, "advice"); //$NON-NLS-1$
		button(parent, Messages.Jury_removeCandidate, () -> execute(
				RemoveCommand.create(domain, session.value(), DossierPackage.Literals.JURY_SESSION__DECISIONS, decision)));
	}

	/** What the decision gives as it stands: the CQP in full, in part, or nothing yet. */
	private String award(JuryDecision decision) {
		Registration registration = decision.getRegistration();
		LocalDate day = session.value().getDate();
		if (day == null) {
			return ""; //$NON-NLS-1$
		}
		int years = RuleBook.of(registration).at(day).map(RuleSet::getPartialValidityYears).orElse(0);
		Map<CompetenceDomain, LocalDate> now = Awards.acquired(registration, day, years, false);
		long missing = registration.getCertification().getDomains().stream().filter(u -> !now.containsKey(u.getDomain())).count();
		return missing == 0 ? Messages.Jury_fullAward
				: now.isEmpty() ? Messages.Jury_refused : NLS.bind(Messages.Jury_partialAward, Long.valueOf(missing));
	}

	/** Decides {@code domain}: acquired or not, as an undoable change. */
	public boolean rule(JuryDecision decision, CompetenceDomain competenceDomain, boolean acquired) {
		Optional<DomainDecision> existing = decision.getDomains().stream().filter(d -> d.getDomain() == competenceDomain).findFirst();
		if (existing.isPresent()) {
			return existing.get().isAcquired() != acquired && execute(SetCommand.create(domain, existing.get(),
					DossierPackage.Literals.DOMAIN_DECISION__ACQUIRED, Boolean.valueOf(acquired)));
		}
		DomainDecision d = DossierFactory.eINSTANCE.createDomainDecision();
		d.setDomain(competenceDomain);
		d.setAcquired(acquired);
		return execute(AddCommand.create(domain, decision, DossierPackage.Literals.JURY_DECISION__DOMAINS, d));
	}

	/** Asks for a candidate by name, then their registration, and adds their decision sheet (which draws the form again). */
	private boolean addCandidate() {
		InputDialog ask = new InputDialog(getSite().getShell(), Messages.Jury_addCandidate, Messages.Jury_searchPrompt, "", //$NON-NLS-1$
				text -> text.strip().length() < 2 ? Messages.Jury_searchShort : null);
		if (ask.open() != Window.OK) {
			return false;
		}
		try {
			DossierStore store = store();
			List<RegistrationSummary> found = new ArrayList<>();
			for (var candidate : store.candidates().search(ask.getValue().strip(), 50)) {
				found.addAll(store.registrations().ofCandidate(candidate.value().getId()));
			}
			if (found.isEmpty()) {
				MessageDialog.openInformation(getSite().getShell(), Messages.Jury_addCandidate,
						NLS.bind(Messages.Jury_nobody, ask.getValue().strip()));
				return false;
			}
			ElementListSelectionDialog choose = new ElementListSelectionDialog(getSite().getShell(),
					new org.eclipse.jface.viewers.LabelProvider() {
						@Override
						public String getText(Object element) {
							RegistrationSummary r = (RegistrationSummary) element;
							return NLS.bind(Messages.Jury_registration, new Object[] { r.lastName(), r.firstName(),
									r.certificationCode(), Values.days().format(r.registrationDate()), r.registrationId() });
						}
					});
			choose.setTitle(Messages.Jury_addCandidate);
			choose.setMessage(Messages.Jury_chooseRegistration);
			choose.setElements(found.toArray());
			choose.setMultipleSelection(false);
			if (choose.open() != Window.OK || choose.getFirstResult() == null) {
				return false;
			}
			add(((RegistrationSummary) choose.getFirstResult()).registrationId())
					.ifPresent(refusal -> MessageDialog.openWarning(getSite().getShell(), Messages.Jury_addCandidate, refusal));
			return false;
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Jury_addCandidate, e.getMessage());
			return false;
		}
	}

	/**
	 * Adds the decision sheet of the registration {@code registrationId}, as an undoable change;
	 * returns why it is refused, if it is: a candidate already in the session, a final evaluation
	 * (or VAE dossier, declared admissible) not declared complete, or nothing left to decide.
	 */
	public Optional<String> add(String registrationId) throws CqpException {
		JurySession s = session.value();
		if (s.getDecisions().stream().anyMatch(d -> d.getRegistration().getId().equals(registrationId))) {
			return Optional.of(Messages.Jury_already);
		}
		DossierStore store = store();
		Registration registration = store.registrations().find(registrationId).map(Versioned::value)
				.orElseThrow(() -> new CqpException(NLS.bind(Messages.Jury_notFound, registrationId)));
		Candidate candidate = (Candidate) registration.eContainer();
		String who = candidate.getFirstName() + ' ' + candidate.getLastName();
		BookletKind kind = registration.getRoute() == Route.VAE ? BookletKind.VAE_DOSSIER : BookletKind.FINAL_EVALUATION;
		if (registration.getRoute() == Route.VAE && (registration.getVaeDossier() == null
				|| registration.getVaeDossier().getAdmissibility() != Admissibility.ADMISSIBLE)) {
			return Optional.of(NLS.bind(Messages.Jury_notAdmissible, who));
		}
		BookletState state = Booklets.of(registration, kind).map(b -> Booklets.state(registration, b)).orElse(BookletState.EMPTY);
		if (state != BookletState.COMPLETE && state != BookletState.SIGNED) {
			return Optional.of(NLS.bind(Messages.Jury_notReady, who,
					fr.mutualite.cqp.core.validation.Labels.of(fr.mutualite.cqp.model.referential.ReferentialPackage.Literals.BOOKLET_KIND, kind)));
		}
		// the candidate's other sessions, so that what they acquired there is known
		addEarlierSessions(store, (Dossiers) s.eContainer(), registration);
		JuryDecision decision = DossierFactory.eINSTANCE.createJuryDecision();
		decision.setRegistration(registration);
		if (!execute(AddCommand.create(domain, s, DossierPackage.Literals.JURY_SESSION__DECISIONS, decision))) {
			return Optional.of(Messages.Jury_already);
		}
		computeEarlier();
		if (earlier.get(registration).keySet().containsAll(registration.getCertification().getDomains().stream()
				.map(DomainUse::getDomain).toList())) {
			domain.getCommandStack().undo();
			return Optional.of(NLS.bind(Messages.Jury_nothingLeft, who));
		}
		rebuildSoon();
		return Optional.empty();
	}

	private boolean execute(org.eclipse.emf.common.command.Command command) {
		return ModelEditing.execute(domain, command);
	}

	/** After a change: the rules, the dirty mark, what each part shows. */
	private void changed() {
		if (form == null || form.isDisposed()) {
			return;
		}
		computeEarlier();
		problems = Validation.validate(session.value(), LocalDate.now()).stream()
				.filter(p -> p.severity() != Severity.INFO).toList();
		for (PropertyForm f : forms) {
			f.showProblems(problems);
		}
		String text = problems.stream().filter(p -> p.severity() == Severity.ERROR).map(Problem::message)
				.collect(Collectors.joining("\n")); //$NON-NLS-1$
		if (!problemsLabel.isDisposed() && !problemsLabel.getText().equals(text)) {
			problemsLabel.setText(text);
			problemsLabel.requestLayout();
		}
		refreshers.forEach(Runnable::run);
		problemListeners.forEach(Runnable::run);
		firePropertyChange(PROP_DIRTY);
	}

	/** The rules broken now (errors and warnings). */
	@Override
	public List<Problem> problems() {
		return problems;
	}

	@Override
	public void addProblemListener(Runnable listener) {
		problemListeners.add(listener);
	}

	@Override
	public void removeProblemListener(Runnable listener) {
		problemListeners.remove(listener);
	}

	@Override
	public void reveal(org.eclipse.emf.ecore.EObject element) {
		setFocus();
	}

	/** Issues the certificates of the saved session, saying which; refused while it has errors or unsaved changes. */
	private void issueOrSay() {
		try {
			List<String> issued = issue();
			MessageDialog.openInformation(getSite().getShell(), Messages.Jury_certificates, String.join("\n", issued)); //$NON-NLS-1$
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Jury_certificates, e.getMessage());
		}
	}

	/** Issues the certificates of the saved session; returns one line per candidate. */
	public List<String> issue() throws CqpException {
		if (isDirty()) {
			throw new CqpException(Messages.Jury_saveFirst);
		}
		Optional<Problem> error = problems.stream().filter(p -> p.severity() == Severity.ERROR).findFirst();
		if (error.isPresent()) {
			throw new CqpException(NLS.bind(Messages.Jury_errorsFirst, error.get().message()));
		}
		Map<String, Certificate> certificates = store().juries().issueCertificates(session.value().getId());
		List<String> lines = new ArrayList<>();
		for (JuryDecision decision : session.value().getDecisions()) {
			Candidate candidate = (Candidate) decision.getRegistration().eContainer();
			String who = candidate.getFirstName() + ' ' + candidate.getLastName();
			Certificate c = certificates.get(decision.getRegistration().getId());
			lines.add(c == null ? NLS.bind(Messages.Jury_issuedNothing, who)
					: NLS.bind(c.isFull() ? Messages.Jury_issuedFull : Messages.Jury_issuedPartial, who, c.getNumber()));
		}
		return lines;
	}

	// ---- editor

	@Override
	public void doSave(IProgressMonitor monitor) {
		for (PropertyForm f : forms) {
			f.commitPendingText();
		}
		try {
			Versioned<JurySession> saved = store().juries().save(session);
			read(saved.value().getId());
			rebuild();
		} catch (CqpException e) {
			Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
			MessageDialog.openError(getSite().getShell(), Messages.Jury_saveFailed, e.getMessage());
		}
	}

	@Override
	public void doSaveAs() {
		// a session is saved where it was read
	}

	@Override
	public boolean isDirty() {
		return ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded()
				|| forms.stream().anyMatch(PropertyForm::hasPendingText);
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public void setFocus() {
		if (form != null && !form.isDisposed()) {
			form.setFocus();
		}
	}

	@Override
	public EditingDomain getEditingDomain() {
		return domain;
	}

	/** The session edited. */
	public JurySession session() {
		return session.value();
	}

	/** The form shown (for the tests). */
	public ScrolledForm form() {
		return form;
	}

	@Override
	public void dispose() {
		domain.getCommandStack().removeCommandStackListener(commands);
		for (PropertyForm f : forms) {
			f.dispose();
		}
		if (toolkit != null) {
			toolkit.dispose();
		}
		factory.dispose();
		super.dispose();
	}
}
