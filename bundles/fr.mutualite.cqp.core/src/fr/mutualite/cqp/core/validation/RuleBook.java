package fr.mutualite.cqp.core.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;

import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.RuleSet;

/**
 * The dated settings of the certification rules (deadlines, hours, jury composition...), as the
 * referentials define them: the rules in force on a given day. For a registration, a booklet or a
 * certification, the rules of the referential version the certification belongs to (a seventh
 * certification's file may carry its own); for anything else, those loaded beside it.
 */
public final class RuleBook {

	private final List<RuleSet> ruleSets;

	private RuleBook(List<RuleSet> ruleSets) {
		this.ruleSets = ruleSets;
	}

	/**
	 * The rule sets of every referential loaded beside {@code object}: in its resource set or,
	 * for a dossier read from the store, in the resource set of the referentials it refers to.
	 */
	public static RuleBook of(EObject object) {
		Certification certification = certificationOf(object);
		if (certification != null) {
			List<RuleSet> own = ruleSetsOf(certification);
			if (!own.isEmpty()) {
				own.sort(Comparator.comparing(RuleSet::getValidFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
				return new RuleBook(own);
			}
		}
		List<RuleSet> sets = ruleSets(object.eResource());
		if (sets.isEmpty()) {
			sets = referencedRuleSets(EcoreUtil.getRootContainer(object));
		}
		sets.sort(Comparator.comparing(RuleSet::getValidFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new RuleBook(sets);
	}

	/**
	 * The certification whose rules apply to {@code object}: that of the registration (or jury
	 * decision) it belongs to, the certification itself, or a booklet's; {@code null} for
	 * anything else.
	 */
	public static Certification certificationOf(EObject object) {
		for (EObject e = object; e != null; e = e.eContainer()) {
			if (e instanceof Registration registration) {
				return registration.getCertification();
			}
			if (e instanceof JuryDecision decision && decision.getRegistration() != null) {
				return decision.getRegistration().getCertification();
			}
			if (e instanceof Certification certification) {
				return certification;
			}
			if (e instanceof Booklet booklet) {
				return booklet.getCertification();
			}
		}
		return null;
	}

	/**
	 * The rule sets of the referential version that defines {@code certification}; when that file
	 * has none, those of the referential its domains come from (the branch's common rules).
	 */
	private static List<RuleSet> ruleSetsOf(Certification certification) {
		if (certification.eIsProxy()) {
			return new ArrayList<>();
		}
		if (EcoreUtil.getRootContainer(certification) instanceof Referential own && !own.getRuleSets().isEmpty()) {
			return new ArrayList<>(own.getRuleSets());
		}
		for (DomainUse use : certification.getDomains()) {
			if (use.getDomain() != null && !use.getDomain().eIsProxy()
					&& EcoreUtil.getRootContainer(use.getDomain()) instanceof Referential shared
					&& !shared.getRuleSets().isEmpty()) {
				return new ArrayList<>(shared.getRuleSets());
			}
		}
		return new ArrayList<>();
	}

	private static List<RuleSet> ruleSets(Resource resource) {
		List<RuleSet> sets = new ArrayList<>();
		List<Resource> resources = resource == null ? List.of()
				: resource.getResourceSet() == null ? List.of(resource) : resource.getResourceSet().getResources();
		for (Resource r : resources) {
			for (EObject root : r.getContents()) {
				if (root instanceof Referential referential) {
					sets.addAll(referential.getRuleSets());
				}
			}
		}
		return sets;
	}

	/** The rule sets beside the first referential element {@code root} or its contents refer to that has some. */
	private static List<RuleSet> referencedRuleSets(EObject root) {
		Set<Resource> seen = new HashSet<>();
		for (TreeIterator<EObject> i = EcoreUtil.<EObject> getAllContents(List.of(root), true); i.hasNext();) {
			for (EObject target : i.next().eCrossReferences()) {
				Resource resource = target.eResource();
				if (resource != null && seen.add(resource) && EcoreUtil.getRootContainer(target) instanceof Referential) {
					List<RuleSet> sets = ruleSets(resource);
					if (!sets.isEmpty()) {
						return sets;
					}
				}
			}
		}
		return new ArrayList<>();
	}

	/**
	 * The days each rule set is in force, as periods that do not overlap, the earliest first: the
	 * rules {@link #at} gives on any day of a period are those of the period (the last period may
	 * have no end). Days no rule covers belong to no period.
	 */
	public List<Period> periods() {
		java.util.TreeSet<LocalDate> bounds = new java.util.TreeSet<>();
		for (RuleSet set : ruleSets) {
			if (set.getValidFrom() != null) {
				bounds.add(set.getValidFrom());
			}
			if (set.getValidTo() != null) {
				bounds.add(set.getValidTo().plusDays(1));
			}
		}
		if (bounds.isEmpty() && !ruleSets.isEmpty()) {
			bounds.add(LocalDate.of(1900, 1, 1));
		}
		List<Period> periods = new ArrayList<>();
		List<LocalDate> days = new ArrayList<>(bounds);
		for (int i = 0; i < days.size(); i++) {
			LocalDate from = days.get(i);
			LocalDate to = i + 1 < days.size() ? days.get(i + 1).minusDays(1) : null;
			Optional<RuleSet> rules = at(from);
			if (rules.isEmpty()) {
				continue;
			}
			Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
			if (last != null && last.rules() == rules.get() && last.to() != null && last.to().plusDays(1).equals(from)) {
				periods.set(periods.size() - 1, new Period(last.from(), to, last.rules()));
			} else {
				periods.add(new Period(from, to, rules.get()));
			}
		}
		return periods;
	}

	/** Rules in force from a day to another ({@code to} is {@code null} when open). */
	public record Period(LocalDate from, LocalDate to, RuleSet rules) {
	}

	/** The earliest rules, if there are any. */
	public Optional<RuleSet> first() {
		return ruleSets.stream().findFirst();
	}

	/** The rules in force on {@code day}. */
	public Optional<RuleSet> at(LocalDate day) {
		RuleSet found = null;
		for (RuleSet set : ruleSets) {
			LocalDate from = set.getValidFrom();
			LocalDate to = set.getValidTo();
			if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
				found = set;
			}
		}
		return Optional.ofNullable(found);
	}
}
