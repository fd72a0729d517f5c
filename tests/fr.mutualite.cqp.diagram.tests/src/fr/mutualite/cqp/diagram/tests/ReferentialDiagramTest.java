package fr.mutualite.cqp.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.diagram.DiagramFiles;
import fr.mutualite.cqp.diagram.LayeredLayout.Layout;
import fr.mutualite.cqp.diagram.LayeredLayout.Placement;
import fr.mutualite.cqp.diagram.ReferentialGraph;
import fr.mutualite.cqp.diagram.ReferentialGraph.Edge;
import fr.mutualite.cqp.diagram.ReferentialGraph.Filter;
import fr.mutualite.cqp.diagram.ReferentialGraph.Kind;
import fr.mutualite.cqp.diagram.ReferentialGraph.Node;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Competence;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.CriteriaGroup;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.ReferentialFactory;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** The diagram of the six shipped certifications: graph, layout, stability, SVG and PNG. */
class ReferentialDiagramTest {

	private static final Filter EVERYTHING = new Filter(null, true, Set.of());

	private static ReferentialLibrary library;
	private static List<Certification> six;

	@BeforeAll
	static void load() throws Exception {
		library = ReferentialLibrary.shipped();
		six = library.certifications();
		assertEquals(List.of("AC", "CARC", "CMC", "CMI", "CRD", "SPSP"), six.stream().map(Certification::getCode).toList());
	}

	/** The elements of the six certifications, counted from the model, each once. */
	private static Set<EObject> elements(boolean criteria) {
		Set<EObject> all = new LinkedHashSet<>(six);
		for (Certification c : six) {
			for (DomainUse use : c.getDomains()) {
				all.add(use.getDomain());
				all.addAll(use.getDomain().getCompetences());
				all.addAll(use.getSharedCompetences());
				if (criteria) {
					for (CriteriaGroup g : use.getDomain().getCriteriaGroups()) {
						all.add(g);
						all.addAll(g.getCriteria());
					}
				}
			}
		}
		return all;
	}

	@Test
	void everyElementOfTheSixIsDrawnOnceAndNoBoxesOverlap() {
		ReferentialGraph graph = ReferentialGraph.of(six, EVERYTHING, e -> null);
		Set<EObject> expected = elements(true);
		assertEquals(expected, new LinkedHashSet<>(graph.nodes().stream().map(Node::element).toList()));
		assertEquals(expected.size(), graph.nodes().size(), "each element once");
		Layout layout = graph.layout(null);
		assertEquals(graph.nodes().size(), layout.boxes().size());
		List<String> overlaps = new ArrayList<>();
		List<Node> nodes = graph.nodes();
		for (int i = 0; i < nodes.size(); i++) {
			Placement a = layout.boxes().get(nodes.get(i).id());
			assertTrue(a.x() >= 0 && a.y() >= 0 && a.x() + a.width() <= layout.width() && a.y() + a.height() <= layout.height(),
					nodes.get(i).id() + " inside the diagram");
			for (int j = i + 1; j < nodes.size(); j++) {
				if (a.overlaps(layout.boxes().get(nodes.get(j).id()))) {
					overlaps.add(nodes.get(i).id() + " / " + nodes.get(j).id());
				}
			}
		}
		assertEquals(List.of(), overlaps);
		// the certifications in their order, each one's own domains in their numbers' order, top to bottom
		List<Double> tops = six.stream().map(c -> layout.boxes().get(graph.nodeOf(c).id()).y()).toList();
		assertEquals(tops.stream().sorted().toList(), tops);
		for (Certification c : six) {
			List<Double> domains = c.getDomains().stream().map(u -> graph.nodeOf(u.getDomain())).filter(n -> !n.shared())
					.map(n -> layout.boxes().get(n.id()).y()).toList();
			assertEquals(domains.stream().sorted().toList(), domains, c.getCode() + "'s own domains in order");
		}
		// the layers: certifications, domains, competences and groups, criteria, left to right
		double certifications = maxRight(graph, layout, Kind.CERTIFICATION);
		for (Node node : nodes) {
			if (node.kind() == Kind.DOMAIN) {
				assertTrue(layout.boxes().get(node.id()).x() > certifications, node.id());
			}
		}
	}

	private static double maxRight(ReferentialGraph graph, Layout layout, Kind kind) {
		return graph.nodes().stream().filter(n -> n.kind() == kind).mapToDouble(n -> {
			Placement p = layout.boxes().get(n.id());
			return p.x() + p.width();
		}).max().orElseThrow();
	}

	@Test
	void aSharedDomainHasAnEdgeFromEachCertificationUsingIt() {
		ReferentialGraph graph = ReferentialGraph.of(six, EVERYTHING, e -> null);
		Map<String, Set<String>> expected = new TreeMap<>();
		for (Certification c : six) {
			for (DomainUse use : c.getDomains()) {
				expected.computeIfAbsent(use.getDomain().getCode(), k -> new TreeSet<>()).add(c.getCode());
			}
		}
		Map<String, Set<String>> drawn = new TreeMap<>();
		for (Edge edge : graph.edges()) {
			Node from = graph.node(edge.source()), to = graph.node(edge.target());
			if (from.kind() == Kind.CERTIFICATION) {
				drawn.computeIfAbsent(to.code(), k -> new TreeSet<>()).add(from.code());
			}
		}
		assertEquals(expected, drawn);
		Map<String, Integer> shared = new TreeMap<>();
		expected.forEach((domain, users) -> {
			if (users.size() > 1) {
				shared.put(domain, users.size());
			}
		});
		assertTrue(shared.size() >= 3, "the shipped referentials share domains: " + shared);
		Map<String, Integer> marked = new TreeMap<>();
		graph.nodes().stream().filter(n -> n.kind() == Kind.DOMAIN && n.shared()).forEach(n -> marked.put(n.code(), n.usedBy()));
		assertEquals(shared, marked);
	}

	@Test
	void theSvgHoldsEveryBoxWithItsWholeWording() throws Exception {
		ReferentialGraph graph = ReferentialGraph.of(six, EVERYTHING, e -> e == six.get(3) ? Severity.ERROR : null);
		Layout layout = graph.layout(null);
		StringWriter svg = new StringWriter();
		DiagramFiles.svg(graph, layout, svg);
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(svg.toString().getBytes(StandardCharsets.UTF_8)));
		NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
		assertEquals(graph.nodes().size(), groups.getLength());
		Map<String, Element> byId = new HashMap<>();
		for (int i = 0; i < groups.getLength(); i++) {
			Element g = (Element) groups.item(i);
			assertEquals(null, byId.put(g.getAttribute("id"), g), "one group per box");
		}
		for (Node node : graph.nodes()) {
			Element g = byId.get(node.id());
			assertNotNull(g, node.id());
			assertEquals(node.label(), g.getElementsByTagNameNS("*", "title").item(0).getTextContent());
			NodeList texts = g.getElementsByTagNameNS("*", "text");
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < texts.getLength(); i++) {
				lines.add(texts.item(i).getTextContent());
			}
			List<String> expected = new ArrayList<>();
			expected.add(node.code());
			expected.addAll(node.lines());
			if (node.severity() != null) {
				expected.add("!");
			}
			if (node.shared()) {
				expected.add("\u00d7" + node.usedBy());
			}
			assertEquals(expected, lines, node.id());
			assertEquals(node.wording().replaceAll("\\s+", " "), String.join(" ", node.lines()), node.id());
		}
		// the error is a shape (a triangle), on CMI only
		for (Certification c : six) {
			NodeList polygons = byId.get(graph.nodeOf(c).id()).getElementsByTagNameNS("*", "polygon");
			assertEquals(c == six.get(3) ? 1 : 0, polygons.getLength(), c.getCode());
		}
	}

	@Test
	void thePngIsTheLayoutAtTheScaleAsked() throws Exception {
		ReferentialGraph graph = ReferentialGraph.of(six, Filter.ALL, e -> null);
		Layout layout = graph.layout(null);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		DiagramFiles.png(graph, layout, 1.5, png);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
		assertEquals((int) Math.ceil(layout.width() * 1.5), image.getWidth());
		assertEquals((int) Math.ceil(layout.height() * 1.5), image.getHeight());
		// a certification's box is filled with its colour, not left white
		Placement cmi = layout.boxes().get(graph.nodeOf(six.get(3)).id());
		int inside = image.getRGB((int) ((cmi.x() + cmi.width() - 20) * 1.5), (int) ((cmi.y() + cmi.height() - 4) * 1.5));
		assertEquals(0xDCE9F7, inside & 0xFFFFFF);
	}

	@Test
	void filtersShowOneCertificationHideCriteriaAndCollapse() {
		Certification cmi = six.get(3);
		ReferentialGraph one = ReferentialGraph.of(six, new Filter("cmi", false, Set.of()), e -> null);
		Set<EObject> expected = new LinkedHashSet<>();
		expected.add(cmi);
		for (DomainUse use : cmi.getDomains()) {
			expected.add(use.getDomain());
			expected.addAll(use.getDomain().getCompetences());
		}
		assertEquals(expected, new LinkedHashSet<>(one.nodes().stream().map(Node::element).toList()));
		CompetenceDomain first = cmi.getDomains().get(0).getDomain();
		String id = one.nodeOf(first).id();
		ReferentialGraph folded = ReferentialGraph.of(six, new Filter("CMI", false, Set.of(id)), e -> null);
		assertEquals(first.getCompetences().size(), folded.nodeOf(first).folded());
		for (Competence c : first.getCompetences()) {
			assertEquals(null, folded.nodeOf(c), c.getCode() + " hidden");
		}
		assertEquals(one.nodes().size() - first.getCompetences().size(), folded.nodes().size());
	}

	@Test
	void anEditKeepsTheLayoutOfWhatDidNotChange() {
		Certification cmi = six.get(3);
		CompetenceDomain domain = cmi.getDomains().get(0).getDomain();
		ReferentialGraph before = ReferentialGraph.of(six, Filter.ALL, e -> null);
		Layout first = before.layout(null);
		Competence competence = domain.getCompetences().get(0);
		String wording = competence.getWording();
		try {
			// a wording of the same length: nothing moves at all
			competence.setWording(wording.substring(0, wording.length() - 1) + "!");
			ReferentialGraph edited = ReferentialGraph.of(six, Filter.ALL, e -> null);
			assertSame(first, edited.layout(first));
		} finally {
			competence.setWording(wording);
		}
		Competence added = ReferentialFactory.eINSTANCE.createCompetence();
		added.setCode("ZZ-NOUVELLE");
		added.setWording("Une compétence ajoutée");
		domain.getCompetences().add(added);
		try {
			ReferentialGraph grown = ReferentialGraph.of(six, Filter.ALL, e -> null);
			Layout second = grown.layout(first);
			Placement placed = second.boxes().get(grown.nodeOf(added).id());
			Placement sibling = second.boxes().get(grown.nodeOf(competence).id());
			assertEquals(sibling.x(), placed.x(), "in its siblings' layer");
			for (Node node : before.nodes()) {
				Placement was = first.boxes().get(node.id()), now = second.boxes().get(node.id());
				assertEquals(was.x(), now.x(), node.id() + " keeps its column");
				if (was.y() + was.height() <= placed.y()) {
					assertEquals(was.y(), now.y(), node.id() + " above the new box does not move");
				}
				for (Node other : before.nodes()) {
					Placement otherWas = first.boxes().get(other.id()), otherNow = second.boxes().get(other.id());
					if (otherWas.x() == was.x() && otherWas.y() < was.y()) {
						assertTrue(otherNow.y() < now.y(), other.id() + " stays above " + node.id());
					}
				}
			}
		} finally {
			domain.getCompetences().remove(added);
		}
	}
}
