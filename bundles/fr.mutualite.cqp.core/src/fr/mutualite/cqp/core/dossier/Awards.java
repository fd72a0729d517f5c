package fr.mutualite.cqp.core.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.util.EcoreUtil;

import fr.mutualite.cqp.model.dossier.DomainDecision;
import fr.mutualite.cqp.model.dossier.Dossiers;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.CompetenceDomain;

/**
 * What the juries awarded a registration, domain by domain. A domain acquired at a jury stays
 * acquired for the validity the rules give, counted from <em>that first</em> jury: a later
 * decision that restates it does not restart the clock; only once the validity has run out can a
 * new acquisition start a new one.
 */
public final class Awards {

	private Awards() {
	}

	/** The jury decisions on {@code registration} in the dossiers that contain it, by session date. */
	public static List<JuryDecision> decisions(Registration registration) {
		if (!(EcoreUtil.getRootContainer(registration) instanceof Dossiers dossiers)) {
			return List.of();
		}
		List<JuryDecision> decisions = new ArrayList<>();
		for (JurySession session : dossiers.getJurySessions()) {
			for (JuryDecision decision : session.getDecisions()) {
				if (decision.getRegistration() == registration) {
					decisions.add(decision);
				}
			}
		}
		decisions.sort(Comparator.comparing(Awards::day, Comparator.nullsLast(Comparator.naturalOrder())));
		return decisions;
	}

	/** The day of the session that took {@code decision}; {@code null} outside a dated session. */
	public static LocalDate day(JuryDecision decision) {
		return decision.eContainer() instanceof JurySession session ? session.getDate() : null;
	}

	/**
	 * The domains acquired on {@code day} by the decisions taken before it ({@code before} true) or
	 * on it or before ({@code before} false), each with the day its validity of {@code years}
	 * started.
	 */
	public static Map<CompetenceDomain, LocalDate> acquired(Registration registration, LocalDate day, int years,
			boolean before) {
		Map<CompetenceDomain, LocalDate> since = new HashMap<>();
		for (JuryDecision decision : decisions(registration)) {
			LocalDate decided = day(decision);
			if (decided == null || decided.isAfter(day) || before && decided.equals(day)) {
				continue;
			}
			for (DomainDecision d : decision.getDomains()) {
				if (d.isAcquired()) {
					since.merge(d.getDomain(), decided,
							(first, again) -> first.plusYears(years).isBefore(again) ? again : first);
				}
			}
		}
		since.values().removeIf(first -> first.plusYears(years).isBefore(day));
		return since;
	}
}
