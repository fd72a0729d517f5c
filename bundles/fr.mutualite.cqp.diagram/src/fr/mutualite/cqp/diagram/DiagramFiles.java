package fr.mutualite.cqp.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;

import fr.mutualite.cqp.diagram.LayeredLayout.Layout;

/**
 * A laid-out diagram written to a file: SVG (vector, every box a group titled with its whole
 * text, for print and for the web) or PNG (an image at a chosen scale). Headless: the same
 * drawing as on screen, through {@link DiagramPainter}.
 */
public final class DiagramFiles {

	/** The largest side, in pixels, of a PNG image: beyond, the scale is lowered to fit. */
	public static final int MAX_PIXELS = 16_000;

	private DiagramFiles() {
	}

	/** Writes {@code graph} as {@code layout} placed it, as an SVG document. */
	public static void svg(ReferentialGraph graph, Layout layout, Writer out) throws IOException {
		StringBuilder svg = new StringBuilder(64 * 1024);
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"); //$NON-NLS-1$
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n", //$NON-NLS-1$
				layout.width(), layout.height(), layout.width(), layout.height()));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"); //$NON-NLS-1$
		DiagramPainter.paint(graph, layout, Set.of(), new Svg(svg));
		svg.append("</svg>\n"); //$NON-NLS-1$
		out.write(svg.toString());
		out.flush();
	}

	/**
	 * Writes {@code graph} as {@code layout} placed it, as a PNG image {@code scale} times the
	 * layout's size (lowered so that no side exceeds {@link #MAX_PIXELS}).
	 */
	public static void png(ReferentialGraph graph, Layout layout, double scale, OutputStream out) throws IOException {
		if (!ImageIO.write(image(graph, layout, scale), "png", out)) { //$NON-NLS-1$
			throw new IOException("No PNG writer"); //$NON-NLS-1$
		}
		out.flush();
	}

	/**
	 * {@code graph} as {@code layout} placed it, drawn into an image {@code scale} times the
	 * layout's size (lowered so that no side exceeds {@link #MAX_PIXELS}).
	 */
	public static BufferedImage image(ReferentialGraph graph, Layout layout, double scale) {
		double fit = Math.min(scale, MAX_PIXELS / Math.max(1, Math.max(layout.width(), layout.height())));
		int width = Math.max(1, (int) Math.ceil(layout.width() * fit));
		int height = Math.max(1, (int) Math.ceil(layout.height() * fit));
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.scale(fit, fit);
			DiagramPainter.paint(graph, layout, Set.of(), new Awt(g));
		} finally {
			g.dispose();
		}
		return image;
	}

	/** SVG elements appended to a buffer. */
	private static final class Svg implements Surface {
		private final StringBuilder svg;

		Svg(StringBuilder svg) {
			this.svg = svg;
		}

		@Override
		public void beginBox(String id, String label) {
			svg.append("<g id=\"").append(escape(id)).append("\"><title>").append(escape(label)).append("</title>\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}

		@Override
		public void endBox() {
			svg.append("</g>\n"); //$NON-NLS-1$
		}

		@Override
		public void rectangle(double x, double y, double width, double height, double arc, int fill, int stroke,
				double strokeWidth, boolean dashed) {
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>\n", //$NON-NLS-1$
					x, y, width, height, arc / 2, fill < 0 ? "none" : color(fill), color(stroke), strokeWidth, //$NON-NLS-1$
					dashed ? " stroke-dasharray=\"5 3\"" : "")); //$NON-NLS-1$ //$NON-NLS-2$
		}

		@Override
		public void polygon(double[] points, int fill, int stroke) {
			svg.append("<polygon points=\"").append(points(points)).append("\" fill=\"").append(color(fill)) //$NON-NLS-1$ //$NON-NLS-2$
					.append("\" stroke=\"").append(color(stroke)).append("\"/>\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}

		@Override
		public void polyline(double[] points, int color, double width, boolean dashed) {
			svg.append("<polyline points=\"").append(points(points)).append("\" fill=\"none\" stroke=\"") //$NON-NLS-1$ //$NON-NLS-2$
					.append(color(color)).append(String.format(Locale.ROOT, "\" stroke-width=\"%.1f\"", width)) //$NON-NLS-1$
					.append(dashed ? " stroke-dasharray=\"6 3\"" : "").append("/>\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}

		@Override
		public void text(String text, double x, double y, double size, boolean bold, int color) {
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\"%s fill=\"%s\">", x, //$NON-NLS-1$
					y + size, size, bold ? " font-weight=\"bold\"" : "", color(color))) //$NON-NLS-1$ //$NON-NLS-2$
					.append(escape(text)).append("</text>\n"); //$NON-NLS-1$
		}

		private static String points(double[] points) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i + 1 < points.length; i += 2) {
				text.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", points[i], points[i + 1])); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			return text.toString();
		}

		private static String color(int rgb) {
			return String.format("#%06x", rgb & 0xFFFFFF); //$NON-NLS-1$
		}

		/** Text as XML character data: markup characters and those XML 1.0 forbids are replaced. */
		private static String escape(String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach(c -> {
				switch (c) {
					case '<' -> out.append("&lt;"); //$NON-NLS-1$
					case '>' -> out.append("&gt;"); //$NON-NLS-1$
					case '&' -> out.append("&amp;"); //$NON-NLS-1$
					case '"' -> out.append("&quot;"); //$NON-NLS-1$
					default -> {
						boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
								|| c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
						out.appendCodePoint(allowed ? c : 0xFFFD);
					}
				}
			});
			return out.toString();
		}
	}

	/** Java 2D drawing into an image. */
	private static final class Awt implements Surface {
		private final Graphics2D g;

		Awt(Graphics2D g) {
			this.g = g;
		}

		@Override
		public void rectangle(double x, double y, double width, double height, double arc, int fill, int stroke,
				double strokeWidth, boolean dashed) {
			RoundRectangle2D shape = new RoundRectangle2D.Double(x, y, width, height, arc, arc);
			if (fill >= 0) {
				g.setColor(new Color(fill));
				g.fill(shape);
			}
			g.setColor(new Color(stroke));
			g.setStroke(stroke(strokeWidth, dashed));
			g.draw(shape);
		}

		@Override
		public void polygon(double[] points, int fill, int stroke) {
			Path2D path = path(points);
			path.closePath();
			g.setColor(new Color(fill));
			g.fill(path);
			g.setColor(new Color(stroke));
			g.setStroke(stroke(1, false));
			g.draw(path);
		}

		@Override
		public void polyline(double[] points, int color, double width, boolean dashed) {
			g.setColor(new Color(color));
			g.setStroke(stroke(width, dashed));
			g.draw(path(points));
		}

		@Override
		public void text(String text, double x, double y, double size, boolean bold, int color) {
			Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
			g.setFont(font);
			g.setColor(new Color(color));
			g.drawString(text, (float) x, (float) (y + g.getFontMetrics().getAscent()));
		}

		private static BasicStroke stroke(double width, boolean dashed) {
			return dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
					new float[] { 5, 3 }, 0) : new BasicStroke((float) width);
		}

		private static Path2D path(double[] points) {
			Path2D.Double path = new Path2D.Double();
			path.moveTo(points[0], points[1]);
			for (int i = 2; i + 1 < points.length; i += 2) {
				path.lineTo(points[i], points[i + 1]);
			}
			return path;
		}
	}
}
