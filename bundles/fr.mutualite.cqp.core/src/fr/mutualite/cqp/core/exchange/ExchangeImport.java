package fr.mutualite.cqp.core.exchange;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CandidateDossier;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.Identity;
import fr.mutualite.cqp.core.dossier.RegistrationSummary;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.core.internal.Messages;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.Registration;

/**
 * A package received into a database. Candidates are matched on their stable key (name, first
 * name, birth date), companies on theirs (name, city), registrations on their candidate,
 * certification and day. What the database does not hold is added (with its own identifiers);
 * a registration held with the same booklets is left as it is; one whose booklets differ is
 * updated when the database's copy was last changed before the package's, and otherwise reported
 * as a conflict and left untouched. Certificates and jury decisions are the branch's: a package
 * never brings any. Receiving the same package twice changes nothing the second time.
 */
public final class ExchangeImport {

	/** What receiving a package did, and the conflicts it left (one sentence each). */
	public record Report(int candidatesAdded, int registrationsAdded, int updated, int unchanged, List<String> conflicts) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss") //$NON-NLS-1$
			.withZone(ZoneId.systemDefault());

	private ExchangeImport() {
	}

	/** Receives {@code contents} into {@code store}; the branch's administrators only. */
	public static Report receive(DossierStore store, ExchangePackage.Contents contents) throws CqpException {
		if (!store.role().administers()) {
			throw new CqpException(NLS.bind(Messages.Exchange_notAdministrator, store.data().location()));
		}
		Map<String, Company> companies = new HashMap<>();
		List<Company> newCompanies = new ArrayList<>();
		List<Candidate> newCandidates = new ArrayList<>();
		List<ExchangePlan.Added> added = new ArrayList<>();
		List<Versioned<Registration>> updates = new ArrayList<>();
		List<String> conflicts = new ArrayList<>();
		int unchanged = 0;
		int newRegistrations = 0;
		for (Candidate candidate : new ArrayList<>(contents.dossiers().getCandidates())) {
			Optional<Versioned<Candidate>> known = store.candidates().findByIdentity(candidate.getLastName(),
					candidate.getFirstName(), candidate.getBirthDate());
			for (Registration registration : candidate.getRegistrations()) {
				registration.setCompany(company(store, registration.getCompany(), companies, newCompanies));
			}
			if (known.isEmpty()) {
				candidate.setId(Identity.newId("C")); //$NON-NLS-1$
				candidate.setCompany(company(store, candidate.getCompany(), companies, newCompanies));
				for (Registration registration : candidate.getRegistrations()) {
					registration.setId(Identity.newId("R")); //$NON-NLS-1$
				}
				newRegistrations += candidate.getRegistrations().size();
				newCandidates.add(candidate);
				continue;
			}
			String candidateId = known.get().value().getId();
			List<RegistrationSummary> held = store.registrations().ofCandidate(candidateId);
			for (Registration registration : new ArrayList<>(candidate.getRegistrations())) {
				ExchangePackage.Stamp stamp = contents.stamps().get(registration.getId());
				Optional<RegistrationSummary> same = held.stream()
						.filter(h -> h.certificationCode().equals(registration.getCertification().getCode())
								&& h.registrationDate().equals(registration.getDate()))
						.findFirst();
				if (same.isEmpty()) {
					registration.setId(Identity.newId("R")); //$NON-NLS-1$
					added.add(new ExchangePlan.Added(candidateId, registration));
					newRegistrations++;
					continue;
				}
				CandidateDossier target = store.registrations().dossier(same.get().registrationId()).orElseThrow(
						() -> new CqpException(NLS.bind(Messages.Exchange_vanished, same.get().registrationId())));
				Versioned<Registration> current = target.registration();
				if (sameBooklets(current.value(), registration)) {
					unchanged++;
				} else if (stamp == null || current.updatedAt().isAfter(stamp.updatedAt())) {
					conflicts.add(NLS.bind(Messages.Exchange_conflict, new Object[] { current.value().getId(),
							candidate.getLastName() + ' ' + candidate.getFirstName(), registration.getCertification().getCode(),
							registration.getDate(), TIME.format(current.updatedAt()), current.updatedBy(),
							stamp == null ? "?" : TIME.format(stamp.updatedAt()) })); //$NON-NLS-1$
				} else {
					registration.setId(current.value().getId());
					updates.add(new Versioned<>(registration, current.version(), current.updatedBy(), current.updatedAt()));
				}
			}
		}
		ExchangePlan plan = new ExchangePlan(newCompanies, newCandidates, added, updates);
		if (!plan.isEmpty()) {
			store.receive(plan);
		}
		return new Report(newCandidates.size(), newRegistrations, updates.size(), unchanged, conflicts);
	}

	/** The database's company for {@code company} (the package's), added to the plan when new. */
	private static Company company(DossierStore store, Company company, Map<String, Company> seen, List<Company> added)
			throws CqpException {
		if (company == null) {
			return null;
		}
		String key = Identity.companyKey(company.getName(), company.getCity());
		Company known = seen.get(key);
		if (known == null) {
			Optional<Versioned<Company>> held = store.companies().findByName(company.getName(), company.getCity());
			if (held.isPresent()) {
				known = held.get().value();
			} else {
				known = EcoreUtil.copy(company);
				known.setId(Identity.newId("E")); //$NON-NLS-1$
				added.add(known);
			}
			seen.put(key, known);
		}
		return known;
	}

	/** Whether the two registrations hold the same booklets (identifiers, companies and certificates aside). */
	static boolean sameBooklets(Registration held, Registration received) {
		Registration a = EcoreUtil.copy(held);
		Registration b = EcoreUtil.copy(received);
		for (Registration r : List.of(a, b)) {
			r.setId(null);
			r.setCompany(null);
			r.setTrainingBody(null);
			ExchangePackage.withoutCertificates(r);
		}
		String heldCompany = held.getCompany() == null ? "" : Identity.companyKey(held.getCompany().getName(), held.getCompany().getCity()); //$NON-NLS-1$
		String receivedCompany = received.getCompany() == null ? "" //$NON-NLS-1$
				: Identity.companyKey(received.getCompany().getName(), received.getCompany().getCity());
		return heldCompany.equals(receivedCompany) && code(held.getTrainingBody()).equals(code(received.getTrainingBody()))
				&& EcoreUtil.equals(a, b);
	}

	private static String code(fr.mutualite.cqp.model.referential.TrainingBody body) {
		return body == null || body.getCode() == null ? "" : body.getCode(); //$NON-NLS-1$
	}
}
