package fr.mutualite.cqp.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the boxes of a diagram (certifications, domains, competences...) in layers with Eclipse
 * ELK's layered algorithm, edges flowing in one direction, routed orthogonally, boxes never
 * overlapping. Given the layout drawn before, it keeps it: the boxes keep their layer, their order
 * and, as far as room allows, their place, a new box going next to its siblings, so that an edit
 * does not make the rest of the diagram jump. Headless: the user interface only draws the result.
 */
public final class LayeredLayout {

	/** A box to place: its identifier and its size. */
	public record Box(String id, double width, double height) {
	}

	/** An edge between two boxes, by identifier. */
	public record Link(String source, String target) {
	}

	/** Where a box was placed: top-left corner and size. */
	public record Placement(double x, double y, double width, double height) {

		/** Whether this placement and {@code other} share some area. */
		public boolean overlaps(Placement other) {
			return x < other.x + other.width && other.x < x + width && y < other.y + other.height
					&& other.y < y + height;
		}

		/** Whether the point lies inside. */
		public boolean contains(double px, double py) {
			return px >= x && px <= x + width && py >= y && py <= y + height;
		}
	}

	/** The path of a link: x, y pairs from its source to its target, bends included. */
	public record Route(Link link, double[] points) {
	}

	/** A placed diagram: its boxes by identifier (in the order given), its routes, its size. */
	public record Layout(Map<String, Placement> boxes, List<Route> routes, double width, double height) {
	}

	private static final double MARGIN = 16;
	private static boolean registered;

	private final Direction direction;
	private final double spacing;

	/**
	 * @param leftToRight edges go from left to right when true, from top to bottom otherwise
	 * @param spacing     minimal gap between two boxes
	 */
	public LayeredLayout(boolean leftToRight, double spacing) {
		this.direction = leftToRight ? Direction.RIGHT : Direction.DOWN;
		this.spacing = spacing;
	}

	/** Places {@code boxes} from scratch; {@code links} between them guide the layers. */
	public Layout place(List<Box> boxes, List<Link> links) {
		return place(boxes, links, null);
	}

	/**
	 * Places {@code boxes}, keeping what {@code previous} (may be {@code null}) placed: with the
	 * same boxes of the same sizes and the same links, it is returned as it is; otherwise each box
	 * it knows starts from its former place and a new one from its siblings' (or its parent's).
	 *
	 * @throws IllegalArgumentException when a link names an unknown box or two boxes share an id
	 */
	public Layout place(List<Box> boxes, List<Link> links, Layout previous) {
		if (previous != null && unchanged(boxes, links, previous)) {
			return previous;
		}
		registerAlgorithm();
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(CoreOptions.DIRECTION, direction);
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		root.setProperty(CoreOptions.SPACING_NODE_NODE, spacing);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, spacing * 2);
		root.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
		root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
		root.setProperty(CoreOptions.RANDOM_SEED, 1);
		// boxes in the model's order (domains by number, competences as listed) as far as crossings allow
		root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
		Map<String, ElkNode> nodes = new LinkedHashMap<>();
		for (Box box : boxes) {
			ElkNode node = ElkGraphUtil.createNode(root);
			node.setIdentifier(box.id());
			node.setDimensions(box.width(), box.height());
			if (nodes.put(box.id(), node) != null) {
				throw new IllegalArgumentException("Duplicate box: " + box.id()); //$NON-NLS-1$
			}
		}
		List<ElkEdge> edges = new ArrayList<>();
		for (Link link : links) {
			edges.add(ElkGraphUtil.createSimpleEdge(node(nodes, link.source()), node(nodes, link.target())));
		}
		if (previous != null) {
			keep(root, nodes, links, previous);
		}
		new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
		Map<String, Placement> placements = new LinkedHashMap<>();
		nodes.forEach((id, n) -> placements.put(id, new Placement(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
		List<Route> routes = new ArrayList<>();
		for (int i = 0; i < links.size(); i++) {
			routes.add(new Route(links.get(i), points(edges.get(i))));
		}
		Layout layout = new Layout(placements, routes, root.getWidth(), root.getHeight());
		return previous == null ? layout : pinColumns(layout, previous);
	}

	/**
	 * The routing between two columns takes more or less room from one layout to the next:
	 * each column is put back where {@code previous} had it, the routes between columns
	 * stretched to match (vertical segments stay vertical), so that columns never slide.
	 */
	private Layout pinColumns(Layout layout, Layout previous) {
		if (direction != Direction.RIGHT) {
			return layout;
		}
		TreeMap<Double, double[]> columns = new TreeMap<>(); // left -> {right, shift}
		layout.boxes().forEach((id, p) -> {
			double[] column = columns.computeIfAbsent(p.x(), k -> new double[] { p.x(), Double.NaN });
			column[0] = Math.max(column[0], p.x() + p.width());
			Placement was = previous.boxes().get(id);
			if (was != null && Double.isNaN(column[1])) {
				column[1] = was.x() - p.x();
			}
		});
		double shift = 0;
		double lastRight = Double.NEGATIVE_INFINITY;
		for (var column : columns.entrySet()) {
			double[] c = column.getValue();
			if (Double.isNaN(c[1])) {
				c[1] = shift;
			}
			if (column.getKey() + c[1] < lastRight) {
				return layout; // the columns changed order: nothing to keep
			}
			shift = c[1];
			lastRight = c[0] + c[1];
		}
		DoubleUnaryOperator move = x -> {
			var at = columns.floorEntry(x);
			if (at == null) {
				return x;
			}
			double[] c = at.getValue();
			if (x <= c[0]) {
				return x + c[1];
			}
			var next = columns.higherEntry(at.getKey());
			if (next == null) {
				return x + c[1];
			}
			double from = c[0], to = next.getKey();
			double newFrom = from + c[1], newTo = to + next.getValue()[1];
			return newFrom + (x - from) * (newTo - newFrom) / (to - from);
		};
		Map<String, Placement> boxes = new LinkedHashMap<>();
		layout.boxes().forEach((id, p) -> boxes.put(id,
				new Placement(move.applyAsDouble(p.x()), p.y(), p.width(), p.height())));
		List<Route> routes = new ArrayList<>();
		for (Route route : layout.routes()) {
			double[] points = route.points().clone();
			for (int i = 0; i < points.length; i += 2) {
				points[i] = move.applyAsDouble(points[i]);
			}
			routes.add(new Route(route.link(), points));
		}
		double width = Math.max(lastRight + MARGIN, move.applyAsDouble(layout.width() - MARGIN) + MARGIN);
		return new Layout(boxes, routes, width, layout.height());
	}

	/** Whether {@code previous} placed exactly these boxes, of these sizes, with these links. */
	private static boolean unchanged(List<Box> boxes, List<Link> links, Layout previous) {
		if (previous.boxes().size() != boxes.size() || previous.routes().size() != links.size()) {
			return false;
		}
		for (Box box : boxes) {
			Placement p = previous.boxes().get(box.id());
			if (p == null || p.width() != box.width() || p.height() != box.height()) {
				return false;
			}
		}
		for (int i = 0; i < links.size(); i++) {
			if (!previous.routes().get(i).link().equals(links.get(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Starts every box from where {@code previous} had it (a new one below its last placed
	 * sibling, or beside its parent) and asks each phase of the layered algorithm to keep these
	 * places: layers, order within a layer, positions.
	 */
	private void keep(ElkNode root, Map<String, ElkNode> nodes, List<Link> links, Layout previous) {
		root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.INTERACTIVE);
		root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.INTERACTIVE);
		root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.INTERACTIVE);
		root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.INTERACTIVE);
		Map<String, List<String>> children = new HashMap<>();
		Map<String, String> parent = new HashMap<>();
		for (Link link : links) {
			children.computeIfAbsent(link.source(), k -> new ArrayList<>()).add(link.target());
			parent.putIfAbsent(link.target(), link.source());
		}
		Map<String, double[]> placed = new HashMap<>();
		previous.boxes().forEach((id, p) -> placed.put(id, new double[] { p.x(), p.y() }));
		for (ElkNode node : nodes.values()) {
			double[] at = start(node.getIdentifier(), placed, children, parent, nodes, 0);
			node.setLocation(at[0], at[1]);
			placed.putIfAbsent(node.getIdentifier(), at);
		}
	}

	private double[] start(String id, Map<String, double[]> placed, Map<String, List<String>> children,
			Map<String, String> parent, Map<String, ElkNode> nodes, int depth) {
		double[] known = placed.get(id);
		if (known != null) {
			return known;
		}
		String up = parent.get(id);
		if (up == null || depth > nodes.size()) {
			return new double[] { MARGIN, MARGIN };
		}
		double[] lowest = null;
		for (String sibling : children.getOrDefault(up, List.of())) {
			double[] at = placed.get(sibling);
			if (!sibling.equals(id) && at != null && (lowest == null || at[1] > lowest[1])) {
				lowest = at;
			}
		}
		if (lowest != null) {
			// just below it: the algorithm keeps the order and makes room
			return new double[] { lowest[0], lowest[1] + 1 };
		}
		double[] from = start(up, placed, children, parent, nodes, depth + 1);
		ElkNode p = nodes.get(up);
		return direction == Direction.RIGHT ? new double[] { from[0] + p.getWidth() + spacing * 2, from[1] }
				: new double[] { from[0], from[1] + p.getHeight() + spacing * 2 };
	}

	private static double[] points(ElkEdge edge) {
		if (edge.getSections().isEmpty()) {
			return new double[0];
		}
		ElkEdgeSection section = edge.getSections().get(0);
		double[] points = new double[4 + section.getBendPoints().size() * 2];
		int i = 0;
		points[i++] = section.getStartX();
		points[i++] = section.getStartY();
		for (ElkBendPoint bend : section.getBendPoints()) {
			points[i++] = bend.getX();
			points[i++] = bend.getY();
		}
		points[i++] = section.getEndX();
		points[i] = section.getEndY();
		return points;
	}

	private static ElkNode node(Map<String, ElkNode> nodes, String id) {
		ElkNode node = nodes.get(id);
		if (node == null) {
			throw new IllegalArgumentException("Unknown box: " + id); //$NON-NLS-1$
		}
		return node;
	}

	/** Inside OSGi, ELK finds no algorithm by itself: the layered one is registered once here. */
	private static synchronized void registerAlgorithm() {
		if (!registered) {
			LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
			registered = true;
		}
	}
}
