package fr.mutualite.cqp.referential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.mutualite.cqp.model.DomainUses;
import fr.mutualite.cqp.model.referential.Booklet;
import fr.mutualite.cqp.model.referential.BookletItem;
import fr.mutualite.cqp.model.referential.BookletSection;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.model.referential.ElementWording;
import fr.mutualite.cqp.model.referential.ItemKind;

/**
 * Where the booklets of a certification word its referential differently: items whose wording
 * differs from the element they rate, items a booklet adds, elements a booklet omits, criteria a
 * booklet files under another heading; and domains the certification words differently from
 * the shared domain it uses.
 */
public final class ConsistencyReport {

	/** The kinds of difference. */
	public enum Kind {
		/** The booklet words the element differently. */
		DIFFERENT_WORDING,
		/** The booklet has an item that stands for no element of the referential. */
		ADDED,
		/** The booklet leaves out an element it lists the like of. */
		OMITTED,
		/** The booklet files a criterion under another heading. */
		MOVED
	}

	/**
	 * One difference. {@code booklet} and {@code section} are empty for the certification's own
	 * wording of a domain; {@code item} is empty for omissions and section titles.
	 */
	public record Difference(Kind kind, String booklet, String section, String item, String element,
			String referentialWording, String bookletWording) {
	}

	private ConsistencyReport() {
	}

	/** The differences for {@code certification}, with the booklets of {@code library}. */
	public static List<Difference> of(Certification certification, ReferentialLibrary library) {
		List<Difference> differences = new ArrayList<>();
		Map<Element, String> wordings = wordings(certification);
		for (DomainUse use : certification.getDomains()) {
			CompetenceDomain domain = use.getDomain();
			if (use.getWording() != null && domain != null && !Wordings.same(use.getWording(), domain.getWording())) {
				differences.add(new Difference(Kind.DIFFERENT_WORDING, null, null, null, domain.getCode(),
						domain.getWording(), use.getWording()));
			}
			for (ElementWording own : use.getElementWordings()) {
				Element element = own.getElement();
				if (element != null && !Wordings.same(own.getWording(), element.getWording())) {
					differences.add(new Difference(Kind.DIFFERENT_WORDING, null, null, null, element.getCode(),
							element.getWording(), own.getWording()));
				}
			}
		}
		for (Booklet booklet : library.booklets(certification)) {
			Set<Element> rated = new LinkedHashSet<>();
			Set<ItemKind> kinds = new LinkedHashSet<>();
			Set<CompetenceDomain> domains = new LinkedHashSet<>();
			for (BookletSection section : booklet.getSections()) {
				CompetenceDomain domain = section.getDomain();
				if (domain != null) {
					domains.add(domain);
					String expected = wordings.getOrDefault(domain, domain.getWording());
					if (section.getWording() != null && !Wordings.same(section.getWording(), expected)) {
						differences.add(new Difference(Kind.DIFFERENT_WORDING, booklet.getCode(), section.getCode(), null,
								domain.getCode(), expected, section.getWording()));
					}
				}
				for (BookletItem item : section.getItems()) {
					visit(booklet, section, item, null, wordings, rated, kinds, differences);
				}
			}
			for (CompetenceDomain domain : domains) {
				omitted(booklet, certification, domain, rated, kinds, differences);
			}
		}
		return differences;
	}

	/**
	 * The certification's own wordings of its domains and of their competences, criteria groups
	 * and criteria, where it words them otherwise than the referential (an element missing from
	 * the map has the referential's wording).
	 */
	public static Map<Element, String> wordings(Certification certification) {
		Map<Element, String> wordings = new HashMap<>();
		for (DomainUse use : certification.getDomains()) {
			if (use.getDomain() != null && use.getWording() != null) {
				wordings.putIfAbsent(use.getDomain(), use.getWording());
			}
			for (ElementWording own : use.getElementWordings()) {
				if (own.getElement() != null && own.getWording() != null) {
					wordings.putIfAbsent(own.getElement(), own.getWording());
				}
			}
		}
		return wordings;
	}

	private static void visit(Booklet booklet, BookletSection section, BookletItem item, BookletItem parent,
			Map<Element, String> wordings, Set<Element> rated, Set<ItemKind> kinds, List<Difference> differences) {
		kinds.add(item.getKind());
		Element element = item.getRates();
		if (element == null) {
			differences.add(new Difference(Kind.ADDED, booklet.getCode(), section.getCode(), item.getCode(), null, null,
					item.getWording()));
		} else {
			rated.add(element);
			String expected = wordings.getOrDefault(element, element.getWording());
			if (!Wordings.same(item.getWording(), expected)) {
				differences.add(new Difference(Kind.DIFFERENT_WORDING, booklet.getCode(), section.getCode(),
						item.getCode(), element.getCode(), expected, item.getWording()));
			}
			if (element instanceof Criterion && parent != null && parent.getRates() instanceof CriteriaGroup group
					&& element.eContainer() != group) {
				Element home = (Element) element.eContainer();
				differences.add(new Difference(Kind.MOVED, booklet.getCode(), section.getCode(), item.getCode(),
						element.getCode(), home.getWording(), parent.getWording()));
			}
		}
		for (BookletItem child : item.getChildren()) {
			visit(booklet, section, child, item, wordings, rated, kinds, differences);
		}
	}

	private static void omitted(Booklet booklet, Certification certification, CompetenceDomain domain, Set<Element> rated,
			Set<ItemKind> kinds, List<Difference> differences) {
		List<Element> expected = new ArrayList<>();
		if (kinds.contains(ItemKind.COMPETENCE)) {
			expected.addAll(DomainUses.of(certification, domain).map(DomainUses::competences).orElse(domain.getCompetences()));
		}
		for (CriteriaGroup group : domain.getCriteriaGroups()) {
			if (kinds.contains(ItemKind.CRITERIA_GROUP)) {
				expected.add(group);
			}
			if (kinds.contains(ItemKind.CRITERION)) {
				expected.addAll(group.getCriteria());
			}
		}
		for (Element element : expected) {
			if (!rated.contains(element)) {
				differences.add(new Difference(Kind.OMITTED, booklet.getCode(), null, null, element.getCode(),
						element.getWording(), null));
			}
		}
	}
}
