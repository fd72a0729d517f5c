package fr.mutualite.cqp.diagram;

import java.util.Set;

import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.diagram.LayeredLayout.Layout;
import fr.mutualite.cqp.diagram.LayeredLayout.Placement;
import fr.mutualite.cqp.diagram.LayeredLayout.Route;
import fr.mutualite.cqp.diagram.ReferentialGraph.Edge;
import fr.mutualite.cqp.diagram.ReferentialGraph.Kind;
import fr.mutualite.cqp.diagram.ReferentialGraph.Node;

/**
 * Draws a laid-out referential graph on any {@link Surface}. Each kind of box has its shape and
 * colour; what matters is told by a shape, never by colour alone: a shared element has a double
 * border and a badge «×N» (the number of certifications using it), an element with an error a
 * triangle «!», with a warning a circle «!», a collapsed box a «+N» tab; a selected box a thick
 * outline.
 */
public final class DiagramPainter {

	private static final int TEXT = 0x1F2933, EDGE = 0x6B7785, SHARED_EDGE = 0x8A5A00, SELECTED = 0x1565C0;
	private static final int ERROR = 0xC62828, WARNING = 0xE0A000, BADGE = 0x37474F;

	private DiagramPainter() {
	}

	/** Draws {@code graph} as {@code layout} placed it, {@code selected} box ids outlined. */
	public static void paint(ReferentialGraph graph, Layout layout, Set<String> selected, Surface surface) {
		for (Route route : layout.routes()) {
			Edge edge = edge(graph, route);
			boolean shared = edge != null && edge.shared();
			double[] p = route.points();
			if (p.length >= 4) {
				surface.polyline(p, shared ? SHARED_EDGE : EDGE, shared ? 1.5 : 1, shared);
				arrow(surface, p, shared ? SHARED_EDGE : EDGE);
			}
		}
		for (Node node : graph.nodes()) {
			Placement at = layout.boxes().get(node.id());
			if (at != null) {
				box(node, at, selected.contains(node.id()), surface);
			}
		}
	}

	private static Edge edge(ReferentialGraph graph, Route route) {
		for (Edge edge : graph.edges()) {
			if (edge.source().equals(route.link().source()) && edge.target().equals(route.link().target())) {
				return edge;
			}
		}
		return null;
	}

	private static void arrow(Surface surface, double[] p, int color) {
		int n = p.length;
		double x = p[n - 2], y = p[n - 1], dx = x - p[n - 4], dy = y - p[n - 3];
		double length = Math.hypot(dx, dy);
		if (length == 0) {
			return;
		}
		dx /= length;
		dy /= length;
		double s = 6;
		surface.polygon(new double[] { x, y, x - s * dx - s / 2 * dy, y - s * dy + s / 2 * dx, x - s * dx + s / 2 * dy,
				y - s * dy - s / 2 * dx }, color, color);
	}

	private static void box(Node node, Placement at, boolean selected, Surface surface) {
		surface.beginBox(node.id(), node.label());
		double x = at.x(), y = at.y(), w = at.width(), h = at.height();
		int fill = fill(node.kind());
		int stroke = stroke(node.kind());
		double arc = switch (node.kind()) {
			case CERTIFICATION -> 12;
			case COMPETENCE, CRITERION -> 6;
			default -> 0;
		};
		boolean dashed = node.kind() == Kind.CRITERIA_GROUP;
		surface.rectangle(x, y, w, h, arc, fill, stroke, node.kind() == Kind.CERTIFICATION ? 2 : 1, dashed);
		if (node.shared()) {
			surface.rectangle(x + 3, y + 3, w - 6, h - 6, Math.max(0, arc - 3), fill, stroke, 1, false);
		}
		if (selected) {
			surface.rectangle(x - 2, y - 2, w + 4, h + 4, arc + 2, -1, SELECTED, 3, false);
		}
		double inset = ReferentialGraph.PADDING + (node.shared() ? 3 : 0);
		double textX = x + inset + (node.severity() != null && node.severity() != Severity.INFO ? 16 : 0);
		double line = y + inset - 2;
		surface.text(node.code(), textX, line, ReferentialGraph.FONT, true, TEXT);
		for (String text : node.lines()) {
			line += ReferentialGraph.LINE;
			surface.text(text, x + inset, line, ReferentialGraph.FONT, false, TEXT);
		}
		if (node.severity() == Severity.ERROR) {
			double bx = x + inset, by = y + inset;
			surface.polygon(new double[] { bx + 6, by, bx + 12, by + 11, bx, by + 11 }, ERROR, ERROR);
			surface.text("!", bx + 4.5, by + 1, 9, true, 0xFFFFFF); //$NON-NLS-1$
		} else if (node.severity() == Severity.WARNING) {
			double bx = x + inset, by = y + inset;
			surface.rectangle(bx, by, 12, 12, 12, WARNING, WARNING, 1, false);
			surface.text("!", bx + 4.5, by + 1, 9, true, 0x000000); //$NON-NLS-1$
		}
		if (node.shared()) {
			badge(surface, "\u00d7" + node.usedBy(), x + w - 30, y - 7); //$NON-NLS-1$
		}
		if (node.folded() > 0) {
			badge(surface, "+" + node.folded(), x + w - 14, y + h / 2 - 8); //$NON-NLS-1$
		}
		surface.endBox();
	}

	private static void badge(Surface surface, String text, double x, double y) {
		surface.rectangle(x, y, 28, 15, 7, BADGE, BADGE, 1, false);
		surface.text(text, x + 5, y + 1, 10, true, 0xFFFFFF);
	}

	private static int fill(Kind kind) {
		return switch (kind) {
			case CERTIFICATION -> 0xDCE9F7;
			case DOMAIN -> 0xE6F2E1;
			case COMPETENCE -> 0xFFF8E1;
			case CRITERIA_GROUP -> 0xF3E8F7;
			case CRITERION -> 0xFAFAFA;
		};
	}

	private static int stroke(Kind kind) {
		return switch (kind) {
			case CERTIFICATION -> 0x1F4E79;
			case DOMAIN -> 0x2E6B30;
			case COMPETENCE -> 0x8A6D00;
			case CRITERIA_GROUP -> 0x6A3D7A;
			case CRITERION -> 0x757575;
		};
	}
}
