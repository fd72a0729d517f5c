package fr.mutualite.cqp.ui.diagram;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

import fr.mutualite.cqp.diagram.DiagramPainter;
import fr.mutualite.cqp.diagram.LayeredLayout.Layout;
import fr.mutualite.cqp.diagram.LayeredLayout.Placement;
import fr.mutualite.cqp.diagram.ReferentialGraph;
import fr.mutualite.cqp.diagram.ReferentialGraph.Node;
import fr.mutualite.cqp.diagram.Surface;

/**
 * The diagram on screen: draws a laid-out graph through the same painter as the SVG and PNG
 * files, scrolls, zooms (buttons, Ctrl + wheel, + and - keys), fits, and tells which box a click
 * or a double click hits. Arrow keys, Page Up/Down, Home and End scroll; Tab and Shift+Tab go
 * from box to box; Enter opens the box selected.
 */
final class DiagramCanvas {

	static final double MIN_ZOOM = 0.1, MAX_ZOOM = 4;

	private final Canvas canvas;
	private ReferentialGraph graph;
	private Layout layout;
	private double zoom = 1;
	private final Set<String> selected = new LinkedHashSet<>();
	private final Map<Integer, Color> colors = new HashMap<>();
	private final Font regular, bold, small;
	private Consumer<Node> onSelect = n -> {
	};
	private Consumer<Node> onOpen = n -> {
	};
	/** How long the last paint took, in nanoseconds (for the benchmark). */
	private long lastPaint;

	DiagramCanvas(Composite parent) {
		canvas = new Canvas(parent, SWT.H_SCROLL | SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		FontData base = parent.getDisplay().getSystemFont().getFontData()[0];
		regular = new Font(parent.getDisplay(), base.getName(), 8, SWT.NORMAL);
		bold = new Font(parent.getDisplay(), base.getName(), 8, SWT.BOLD);
		small = new Font(parent.getDisplay(), base.getName(), 7, SWT.BOLD);
		canvas.addListener(SWT.Paint, this::paint);
		canvas.addListener(SWT.Resize, e -> updateScrollBars());
		canvas.getHorizontalBar().addListener(SWT.Selection, e -> canvas.redraw());
		canvas.getVerticalBar().addListener(SWT.Selection, e -> canvas.redraw());
		canvas.addListener(SWT.MouseDown, e -> {
			canvas.setFocus();
			if (e.button == 1 || e.button == 3) {
				Node hit = nodeAt(e.x, e.y);
				if (e.button == 1 || hit != null && !selected.contains(hit.id())) {
					select(hit);
				}
			}
		});
		canvas.addListener(SWT.MouseDoubleClick, e -> {
			Node hit = nodeAt(e.x, e.y);
			if (hit != null) {
				onOpen.accept(hit);
			}
		});
		canvas.addListener(SWT.MouseVerticalWheel, e -> {
			if ((e.stateMask & SWT.MOD1) != 0) {
				setZoom(zoom * (e.count > 0 ? 1.1 : 1 / 1.1));
				e.doit = false;
			}
		});
		canvas.addListener(SWT.KeyDown, this::key);
		canvas.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
				e.doit = false;
				step(e.detail == SWT.TRAVERSE_TAB_NEXT ? 1 : -1);
			}
		});
		canvas.addListener(SWT.Dispose, e -> {
			colors.values().forEach(Color::dispose);
			regular.dispose();
			bold.dispose();
			small.dispose();
		});
	}

	Canvas control() {
		return canvas;
	}

	void onSelect(Consumer<Node> listener) {
		onSelect = listener;
	}

	void onOpen(Consumer<Node> listener) {
		onOpen = listener;
	}

	/** Shows {@code graph} as {@code layout} placed it; the selection keeps the boxes still shown. */
	void show(ReferentialGraph shown, Layout placed) {
		this.graph = shown;
		this.layout = placed;
		selected.removeIf(id -> shown == null || shown.node(id) == null);
		updateScrollBars();
		canvas.redraw();
	}

	ReferentialGraph graph() {
		return graph;
	}

	Layout layout() {
		return layout;
	}

	double zoom() {
		return zoom;
	}

	Set<String> selection() {
		return Set.copyOf(selected);
	}

	long lastPaintNanos() {
		return lastPaint;
	}

	/** Selects {@code node} ({@code null}: nothing) as if clicked. */
	void select(Node node) {
		selectQuietly(node);
		onSelect.accept(node);
	}

	/** Selects {@code node} and scrolls it into view, without telling anyone (it comes from elsewhere). */
	void selectQuietly(Node node) {
		selected.clear();
		if (node != null) {
			selected.add(node.id());
			reveal(node);
		}
		canvas.redraw();
	}

	private void step(int direction) {
		if (graph == null || graph.nodes().isEmpty()) {
			return;
		}
		int at = -1;
		if (!selected.isEmpty()) {
			String current = selected.iterator().next();
			for (int i = 0; i < graph.nodes().size(); i++) {
				if (graph.nodes().get(i).id().equals(current)) {
					at = i;
				}
			}
		}
		int size = graph.nodes().size();
		select(graph.nodes().get(((at < 0 && direction < 0 ? 0 : at) + direction + size) % size));
	}

	private void key(Event e) {
		ScrollBar h = canvas.getHorizontalBar(), v = canvas.getVerticalBar();
		switch (e.keyCode) {
			case '+', SWT.KEYPAD_ADD, '=' -> setZoom(zoom * 1.25);
			case '-', SWT.KEYPAD_SUBTRACT -> setZoom(zoom / 1.25);
			case '0', SWT.KEYPAD_0 -> fit();
			case SWT.ARROW_LEFT -> scrollTo(h.getSelection() - 40, v.getSelection());
			case SWT.ARROW_RIGHT -> scrollTo(h.getSelection() + 40, v.getSelection());
			case SWT.ARROW_UP -> scrollTo(h.getSelection(), v.getSelection() - 40);
			case SWT.ARROW_DOWN -> scrollTo(h.getSelection(), v.getSelection() + 40);
			case SWT.PAGE_UP -> scrollTo(h.getSelection(), v.getSelection() - v.getThumb());
			case SWT.PAGE_DOWN -> scrollTo(h.getSelection(), v.getSelection() + v.getThumb());
			case SWT.HOME -> scrollTo(0, 0);
			case SWT.END -> scrollTo(0, v.getMaximum());
			case SWT.CR, SWT.KEYPAD_CR -> {
				if (!selected.isEmpty()) {
					onOpen.accept(graph.node(selected.iterator().next()));
				}
			}
			default -> {
				return;
			}
		}
		e.doit = false;
	}

	/** Zooms to {@code factor}, keeping the centre of the view where it is. */
	void setZoom(double factor) {
		double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, factor));
		Rectangle area = canvas.getClientArea();
		double cx = (canvas.getHorizontalBar().getSelection() + area.width / 2.0) / zoom;
		double cy = (canvas.getVerticalBar().getSelection() + area.height / 2.0) / zoom;
		zoom = next;
		updateScrollBars();
		scrollTo((int) (cx * zoom - area.width / 2.0), (int) (cy * zoom - area.height / 2.0));
	}

	/** Zooms so that the whole diagram fits the view (never above 100 %). */
	void fit() {
		if (layout == null) {
			return;
		}
		Rectangle area = canvas.getClientArea();
		zoom = Math.max(MIN_ZOOM, Math.min(1, Math.min(area.width / layout.width(), area.height / layout.height())));
		updateScrollBars();
		scrollTo(0, 0);
	}

	/** Scrolls so that {@code node}'s box is in view. */
	void reveal(Node node) {
		Placement p = layout == null ? null : layout.boxes().get(node.id());
		if (p == null) {
			return;
		}
		Rectangle area = canvas.getClientArea();
		int x = canvas.getHorizontalBar().getSelection(), y = canvas.getVerticalBar().getSelection();
		int left = (int) (p.x() * zoom), top = (int) (p.y() * zoom);
		int right = (int) ((p.x() + p.width()) * zoom), bottom = (int) ((p.y() + p.height()) * zoom);
		if (left < x || right > x + area.width) {
			x = left - 20;
		}
		if (top < y || bottom > y + area.height) {
			y = top - 20;
		}
		scrollTo(x, y);
	}

	private void scrollTo(int x, int y) {
		canvas.getHorizontalBar().setSelection(Math.max(0, x));
		canvas.getVerticalBar().setSelection(Math.max(0, y));
		canvas.redraw();
	}

	private void updateScrollBars() {
		Rectangle area = canvas.getClientArea();
		int width = layout == null ? 0 : (int) Math.ceil(layout.width() * zoom);
		int height = layout == null ? 0 : (int) Math.ceil(layout.height() * zoom);
		bar(canvas.getHorizontalBar(), width, area.width);
		bar(canvas.getVerticalBar(), height, area.height);
	}

	private static void bar(ScrollBar bar, int content, int visible) {
		int selection = bar.getSelection();
		bar.setMaximum(Math.max(1, content));
		bar.setThumb(Math.max(1, Math.min(content, visible)));
		bar.setPageIncrement(Math.max(1, visible - 20));
		bar.setIncrement(20);
		bar.setSelection(Math.min(selection, Math.max(0, content - visible)));
		bar.setVisible(content > visible);
	}

	/** The box under the point {@code x, y} of the view, or {@code null}. */
	Node nodeAt(int x, int y) {
		if (graph == null || layout == null) {
			return null;
		}
		double mx = (x + canvas.getHorizontalBar().getSelection()) / zoom;
		double my = (y + canvas.getVerticalBar().getSelection()) / zoom;
		for (Node node : graph.nodes()) {
			Placement p = layout.boxes().get(node.id());
			if (p != null && p.contains(mx, my)) {
				return node;
			}
		}
		return null;
	}

	/** Where the centre of {@code node}'s box is, in the view's pixels (for tests and the keyboard). */
	org.eclipse.swt.graphics.Point centreOf(Node node) {
		Placement p = layout.boxes().get(node.id());
		return new org.eclipse.swt.graphics.Point(
				(int) ((p.x() + p.width() / 2) * zoom) - canvas.getHorizontalBar().getSelection(),
				(int) ((p.y() + p.height() / 2) * zoom) - canvas.getVerticalBar().getSelection());
	}

	private void paint(Event e) {
		long start = System.nanoTime();
		GC gc = e.gc;
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(canvas.getClientArea());
		if (graph == null || layout == null) {
			return;
		}
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		Transform transform = new Transform(canvas.getDisplay());
		try {
			transform.translate(-canvas.getHorizontalBar().getSelection(), -canvas.getVerticalBar().getSelection());
			transform.scale((float) zoom, (float) zoom);
			gc.setTransform(transform);
			DiagramPainter.paint(graph, layout, selected, new Swt(gc));
			gc.setTransform(null);
		} finally {
			transform.dispose();
		}
		lastPaint = System.nanoTime() - start;
	}

	private Color color(int rgb) {
		return colors.computeIfAbsent(rgb, c -> new Color(canvas.getDisplay(), (c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
	}

	/** SWT drawing of the painter's shapes. */
	private final class Swt implements Surface {
		private final GC gc;

		Swt(GC gc) {
			this.gc = gc;
		}

		@Override
		public void rectangle(double x, double y, double width, double height, double arc, int fill, int stroke,
				double strokeWidth, boolean dashed) {
			int ix = (int) Math.round(x), iy = (int) Math.round(y), w = (int) Math.round(width), h = (int) Math.round(height);
			if (fill >= 0) {
				gc.setBackground(color(fill));
				gc.fillRoundRectangle(ix, iy, w, h, (int) arc, (int) arc);
			}
			gc.setForeground(color(stroke));
			gc.setLineWidth((int) Math.max(1, Math.round(strokeWidth)));
			gc.setLineStyle(dashed ? SWT.LINE_DASH : SWT.LINE_SOLID);
			gc.drawRoundRectangle(ix, iy, w, h, (int) arc, (int) arc);
			gc.setLineStyle(SWT.LINE_SOLID);
		}

		@Override
		public void polygon(double[] points, int fill, int stroke) {
			int[] p = ints(points);
			gc.setBackground(color(fill));
			gc.fillPolygon(p);
			gc.setForeground(color(stroke));
			gc.setLineWidth(1);
			gc.drawPolygon(p);
		}

		@Override
		public void polyline(double[] points, int rgb, double width, boolean dashed) {
			gc.setForeground(color(rgb));
			gc.setLineWidth((int) Math.max(1, Math.round(width)));
			gc.setLineStyle(dashed ? SWT.LINE_DASH : SWT.LINE_SOLID);
			Path path = new Path(canvas.getDisplay());
			try {
				path.moveTo((float) points[0], (float) points[1]);
				for (int i = 2; i + 1 < points.length; i += 2) {
					path.lineTo((float) points[i], (float) points[i + 1]);
				}
				gc.drawPath(path);
			} finally {
				path.dispose();
			}
			gc.setLineStyle(SWT.LINE_SOLID);
		}

		@Override
		public void text(String text, double x, double y, double size, boolean strong, int rgb) {
			gc.setFont(size < ReferentialGraph.FONT ? small : strong ? bold : regular);
			gc.setForeground(color(rgb));
			gc.drawText(text, (int) Math.round(x), (int) Math.round(y), true);
		}

		private static int[] ints(double[] points) {
			int[] ints = new int[points.length];
			for (int i = 0; i < points.length; i++) {
				ints[i] = (int) Math.round(points[i]);
			}
			return ints;
		}
	}
}
