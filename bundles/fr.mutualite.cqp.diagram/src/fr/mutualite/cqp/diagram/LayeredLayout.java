package fr.mutualite.cqp.diagram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the boxes of a diagram (a referential's certification, domains, competences...) in
 * layers with Eclipse ELK's layered algorithm, so that edges flow in one direction and boxes
 * never overlap. Headless: the user interface only draws the placements it returns.
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
	}

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

	/**
	 * Places {@code boxes}; {@code links} between them guide the layers.
	 *
	 * @return the placement of every box, by identifier, in the order of {@code boxes}
	 * @throws IllegalArgumentException when a link names an unknown box or two boxes share an id
	 */
	public Map<String, Placement> place(List<Box> boxes, List<Link> links) {
		registerAlgorithm();
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(CoreOptions.DIRECTION, direction);
		root.setProperty(CoreOptions.SPACING_NODE_NODE, spacing);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, spacing);
		Map<String, ElkNode> nodes = new LinkedHashMap<>();
		for (Box box : boxes) {
			ElkNode node = ElkGraphUtil.createNode(root);
			node.setIdentifier(box.id());
			node.setDimensions(box.width(), box.height());
			if (nodes.put(box.id(), node) != null) {
				throw new IllegalArgumentException("Duplicate box: " + box.id()); //$NON-NLS-1$
			}
		}
		for (Link link : links) {
			ElkGraphUtil.createSimpleEdge(node(nodes, link.source()), node(nodes, link.target()));
		}
		new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
		Map<String, Placement> placements = new LinkedHashMap<>();
		nodes.forEach((id, n) -> placements.put(id, new Placement(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
		return placements;
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
