package fr.mutualite.cqp.core.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.model.referential.RuleSet;

/**
 * The dated settings of the certification rules (deadlines, hours, jury composition...), as the
 * referentials define them: the rules in force on a given day.
 */
public final class RuleBook {

	private final List<RuleSet> ruleSets;

	private RuleBook(List<RuleSet> ruleSets) {
		this.ruleSets = ruleSets;
	}

	/** The rule sets of every referential loaded beside {@code object}. */
	public static RuleBook of(EObject object) {
		List<RuleSet> sets = new ArrayList<>();
		Resource resource = object.eResource();
		List<Resource> resources = resource == null ? List.of()
				: resource.getResourceSet() == null ? List.of(resource) : resource.getResourceSet().getResources();
		for (Resource r : resources) {
			for (EObject root : r.getContents()) {
				if (root instanceof Referential referential) {
					sets.addAll(referential.getRuleSets());
				}
			}
		}
		sets.sort(Comparator.comparing(RuleSet::getValidFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new RuleBook(sets);
	}

	/** The rules in force on {@code day}. */
	public Optional<RuleSet> at(LocalDate day) {
		RuleSet found = null;
		for (RuleSet set : ruleSets) {
			LocalDate from = Dates.day(set.getValidFrom());
			LocalDate to = Dates.day(set.getValidTo());
			if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
				found = set;
			}
		}
		return Optional.ofNullable(found);
	}
}
