package fr.mutualite.cqp.reports.tests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.TrainingModule;
import fr.mutualite.cqp.model.referential.RuleSet;

/**
 * The synthetic branch as the generator made it, in plain Java: what the tests compute the
 * reports' figures from, independently of the database and of the designs' SQL.
 */
final class Branch {

	private final Dossiers dossiers;

	Branch(Dossiers dossiers) {
		this.dossiers = dossiers;
	}

	List<Registration> registrations() {
		List<Registration> all = new ArrayList<>();
		for (Candidate c : dossiers.getCandidates()) {
			all.addAll(c.getRegistrations());
		}
		return all;
	}

	/** The sessions in date order. */
	List<JurySession> sessions() {
		return dossiers.getJurySessions().stream().sorted(Comparator.comparing(JurySession::getDate)).toList();
	}

	/** Every decision with its session. */
	List<Decision> decisions() {
		List<Decision> all = new ArrayList<>();
		for (JurySession s : dossiers.getJurySessions()) {
			for (JuryDecision d : s.getDecisions()) {
				all.add(new Decision(s, d));
			}
		}
		return all;
	}

	static int hours(Registration r) {
		if (r.getTrainingPath() == null) {
			return 0;
		}
		return r.getTrainingPath().getModules().stream().mapToInt(TrainingModule::getHours).sum();
	}

	/** A decision and its session. */
	record Decision(JurySession session, JuryDecision decision) {
		LocalDate day() {
			return session.getDate();
		}

		Registration registration() {
			return decision.getRegistration();
		}

		int domains() {
			return decision.getDomains().size();
		}

		int acquired() {
			return (int) decision.getDomains().stream().filter(DomainDecision::isAcquired).count();
		}
	}

	/** The rules {@code registration} follows on {@code day}: those of its referential version, as the guide dates them. */
	static RuleSet rules(Registration registration, LocalDate day) {
		return RuleBook.of(registration).at(day).orElseThrow(() -> new AssertionError("no rule on " + day));
	}

	/** A percentage rounded half up to a tenth, the way the reports round it. */
	static double tenths(long part, long whole) {
		return (2000 * part + whole) / (2 * whole) / 10.0;
	}
}
