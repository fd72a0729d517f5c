package fr.mutualite.cqp.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;

import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.diagram.LayeredLayout.Box;
import fr.mutualite.cqp.diagram.LayeredLayout.Link;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.Criterion;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Element;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * What a diagram of referentials shows: a box per certification, domain, competence and (on
 * demand) criteria group and criterion, each element drawn once however many certifications use
 * it, an edge from each user; the boxes sized for their wrapped wording. Built from the model,
 * headless: the same graph is laid out, drawn on screen and written to SVG or PNG.
 */
public final class ReferentialGraph {

	/** The kinds of boxes, from the left of the diagram to the right. */
	public enum Kind {
		CERTIFICATION(190), DOMAIN(250), COMPETENCE(260), CRITERIA_GROUP(230), CRITERION(260);

		final double width;

		Kind(double width) {
			this.width = width;
		}
	}

	/**
	 * A box: {@code lines} is its wording wrapped to its width; {@code usedBy} how many
	 * certifications of the library use the element; {@code shared} whether it is shared by more
	 * certifications than what holds it (a domain used by several, a competence another domain
	 * borrows), the mark drawn; {@code severity} the worst
	 * problem found on it or inside it ({@code null}: none); {@code folded} how many of its
	 * children a collapsed box hides.
	 */
	public record Node(String id, Kind kind, String code, String wording, List<String> lines, EObject element,
			int usedBy, boolean shared, Severity severity, int folded, double width, double height) {

		/** The box's text: the code, then the wording, as drawn and as written to files. */
		public String label() {
			return code + ' ' + wording;
		}
	}

	/** An edge: {@code shared} for a competence another domain lends. */
	public record Edge(String source, String target, boolean shared) {
	}

	/**
	 * What to show: one certification (by code, {@code null} for all), criteria groups and
	 * criteria or not, and the boxes (by id) whose subtree is collapsed.
	 */
	public record Filter(String certification, boolean criteria, Set<String> collapsed) {

		/** Every certification, without criteria, nothing collapsed. */
		public static final Filter ALL = new Filter(null, false, Set.of());

		/** The same filter with criteria shown or not. */
		public Filter withCriteria(boolean shown) {
			return new Filter(certification, shown, collapsed);
		}
	}

	/** Size of the text, in pixels, and what a line holds. */
	public static final double FONT = 11, LINE = 14, PADDING = 6;
	private static final double CHAR = 6.1;

	private final List<Node> nodes;
	private final List<Edge> edges;
	private final Map<String, Node> byId;
	private final Map<EObject, Node> byElement;

	private ReferentialGraph(List<Node> nodes, List<Edge> edges) {
		this.nodes = List.copyOf(nodes);
		this.edges = List.copyOf(edges);
		this.byId = new HashMap<>();
		this.byElement = new HashMap<>();
		for (Node node : nodes) {
			byId.put(node.id(), node);
			byElement.put(node.element(), node);
		}
	}

	/**
	 * The graph of {@code certifications} (each certification's version given) that {@code filter}
	 * lets through; {@code severities} gives the worst problem of an element and everything inside
	 * it ({@code null} for none).
	 */
	public static ReferentialGraph of(Collection<Certification> certifications, Filter filter,
			Function<EObject, Severity> severities) {
		Map<EObject, Set<Certification>> users = new HashMap<>();
		for (Certification certification : certifications) {
			for (DomainUse use : certification.getDomains()) {
				if (use.getDomain() != null) {
					users.computeIfAbsent(use.getDomain(), k -> new HashSet<>()).add(certification);
					for (Competence c : use.getDomain().getCompetences()) {
						users.computeIfAbsent(c, k -> new HashSet<>()).add(certification);
					}
				}
				for (Competence c : use.getSharedCompetences()) {
					users.computeIfAbsent(c, k -> new HashSet<>()).add(certification);
				}
			}
		}
		Builder builder = new Builder(filter, severities, users);
		for (Certification certification : certifications) {
			if (filter.certification() == null || filter.certification().equalsIgnoreCase(certification.getCode())) {
				builder.certification(certification);
			}
		}
		return new ReferentialGraph(new ArrayList<>(builder.nodes.values()), new ArrayList<>(builder.edges));
	}

	private static final class Builder {
		final Filter filter;
		final Function<EObject, Severity> severities;
		final Map<EObject, Set<Certification>> users;
		final Map<EObject, Node> nodes = new LinkedHashMap<>();
		final Set<Edge> edges = new LinkedHashSet<>();

		Builder(Filter filter, Function<EObject, Severity> severities, Map<EObject, Set<Certification>> users) {
			this.filter = filter;
			this.severities = severities;
			this.users = users;
		}

		void certification(Certification certification) {
			String id = "certification:" + certification.getCode() + '@' + ReferentialLibrary.versionOf(certification); //$NON-NLS-1$
			List<EObject> children = new ArrayList<>();
			for (DomainUse use : certification.getDomains()) {
				if (use.getDomain() != null) {
					children.add(use.getDomain());
				}
			}
			Node node = add(id, Kind.CERTIFICATION, certification.getCode(), certification.getTitle(), certification,
					1, false, children.size());
			if (node.folded() > 0) {
				return;
			}
			for (DomainUse use : certification.getDomains()) {
				CompetenceDomain domain = use.getDomain();
				if (domain == null) {
					continue;
				}
				Node d = element(domain, Kind.DOMAIN, domainChildren(domain).size() + use.getSharedCompetences().size());
				edges.add(new Edge(node.id(), d.id(), false));
				if (d.folded() > 0) {
					continue;
				}
				for (Competence shared : use.getSharedCompetences()) {
					Node c = element(shared, Kind.COMPETENCE, 0);
					edges.add(new Edge(d.id(), c.id(), true));
				}
			}
		}

		private List<EObject> domainChildren(CompetenceDomain domain) {
			List<EObject> children = new ArrayList<>(domain.getCompetences());
			if (filter.criteria()) {
				children.addAll(domain.getCriteriaGroups());
			}
			return children;
		}

		/** The box of an element and, unless collapsed, of what it holds; each once. */
		private Node element(Element element, Kind kind, int childCount) {
			Node known = nodes.get(element);
			if (known != null) {
				return known;
			}
			Set<Certification> using = users.get(element);
			Set<Certification> holding = element.eContainer() == null ? null : users.get(element.eContainer());
			int usedBy = using == null ? 1 : using.size();
			boolean shared = usedBy > 1 && (holding == null || !holding.containsAll(using));
			Node node = add(id(element), kind, element.getCode(), element.getWording(), element, usedBy, shared,
					childCount);
			if (node.folded() == 0) {
				switch (element) {
					case CompetenceDomain domain -> {
						for (Competence c : domain.getCompetences()) {
							edges.add(new Edge(node.id(), element(c, Kind.COMPETENCE, 0).id(), false));
						}
						if (filter.criteria()) {
							for (CriteriaGroup g : domain.getCriteriaGroups()) {
								edges.add(new Edge(node.id(), element(g, Kind.CRITERIA_GROUP, g.getCriteria().size()).id(),
										false));
							}
						}
					}
					case CriteriaGroup group -> {
						for (Criterion c : group.getCriteria()) {
							edges.add(new Edge(node.id(), element(c, Kind.CRITERION, 0).id(), false));
						}
					}
					default -> {
						// a competence or a criterion holds nothing
					}
				}
			}
			return node;
		}

		private Node add(String id, Kind kind, String code, String wording, EObject element, int usedBy, boolean shared,
				int childCount) {
			String text = wording == null ? "" : wording.strip(); //$NON-NLS-1$
			List<String> lines = wrap(text, (int) ((kind.width - 2 * PADDING) / CHAR));
			int folded = childCount > 0 && filter.collapsed().contains(id) ? childCount : 0;
			double height = 2 * PADDING + LINE * (1 + lines.size());
			Node node = new Node(id, kind, code == null ? "" : code, text, lines, element, usedBy, shared, //$NON-NLS-1$
					severities.apply(element), folded, kind.width, height);
			nodes.put(element, node);
			return node;
		}
	}

	/**
	 * The worst of {@code problems} found on each element or inside it: what the boxes show
	 * ({@code null} for an element without problem).
	 */
	public static Function<EObject, Severity> severities(Collection<Problem> problems) {
		Map<EObject, Severity> worst = new HashMap<>();
		for (Problem problem : problems) {
			for (EObject e = problem.element(); e != null; e = e.eContainer()) {
				worst.merge(e, problem.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
			}
		}
		return worst::get;
	}

	/** The identifier of an element's box: its referential's and its own code, stable across edits. */
	private static String id(Element element) {
		var file = ReferentialLibrary.referentialOf(element);
		return element.eClass().getName() + ':' + (file == null ? "" : file.getId()) + '/' + element.getCode(); //$NON-NLS-1$
	}

	/** {@code text} cut in lines of at most {@code width} characters, between words where it can. */
	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) { //$NON-NLS-1$
			if (word.isEmpty()) {
				continue;
			}
			while (word.length() > width) {
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				lines.add(word.substring(0, width));
				word = word.substring(width);
			}
			if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (!line.isEmpty()) {
				line.append(' ');
			}
			line.append(word);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** The boxes, certifications first, each element once. */
	public List<Node> nodes() {
		return nodes;
	}

	/** The edges, from user to used. */
	public List<Edge> edges() {
		return edges;
	}

	/** The box of that id, or {@code null}. */
	public Node node(String id) {
		return byId.get(id);
	}

	/** The box drawing {@code element}, or {@code null} when it is not shown. */
	public Node nodeOf(EObject element) {
		return byElement.get(element);
	}

	/** Lays the graph out, keeping {@code previous} (may be {@code null}) as far as it can. */
	public LayeredLayout.Layout layout(LayeredLayout.Layout previous) {
		List<Box> boxes = nodes.stream().map(n -> new Box(n.id(), n.width(), n.height())).toList();
		List<Link> links = edges.stream().map(e -> new Link(e.source(), e.target())).toList();
		return new LayeredLayout(true, 14).place(boxes, links, previous);
	}
}
