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

	/** A jury's ruling on one domain (the domain as the caller knows it: an object or a code). */
	public record Ruling<K>(LocalDate day, K domain, boolean acquired) {
	}

	/**
	 * The domains acquired on {@code day} by the decisions taken before it ({@code before} true) or
	 * on it or before ({@code before} false), each with the day its validity of {@code years}
	 * started.
	 */
	public static Map<CompetenceDomain, LocalDate> acquired(Registration registration, LocalDate day, int years,
			boolean before) {
		List<Ruling<CompetenceDomain>> rulings = new ArrayList<>();
		for (JuryDecision decision : decisions(registration)) {
			for (DomainDecision d : decision.getDomains()) {
				rulings.add(new Ruling<>(day(decision), d.getDomain(), d.isAcquired()));
			}
		}
		return acquired(rulings, day, years, before);
	}

	/** {@link #acquired(Registration, LocalDate, int, boolean)} from the rulings themselves, in any order. */
	public static <K> Map<K, LocalDate> acquired(List<Ruling<K>> rulings, LocalDate day, int years, boolean before) {
		List<Ruling<K>> sorted = rulings.stream().filter(r -> r.day() != null && r.acquired() && !r.day().isAfter(day)
				&& !(before && r.day().equals(day))).sorted(Comparator.comparing(Ruling::day)).toList();
		Map<K, LocalDate> since = new HashMap<>();
		for (Ruling<K> r : sorted) {
			since.merge(r.domain(), r.day(), (first, again) -> first.plusYears(years).isBefore(again) ? again : first);
		}
		since.values().removeIf(first -> first.plusYears(years).isBefore(day));
		return since;
	}
}
