package fr.mutualite.cqp.diagram;

/**
 * Where a diagram is drawn: the screen (SWT), an SVG document, a PNG image. The
 * {@link DiagramPainter} draws every diagram through these few operations, so that the three
 * look the same. Colours are 0xRRGGBB; coordinates are the layout's.
 */
public interface Surface {

	/** Starts the drawing of one box, named by its id and its whole text (a group in SVG). */
	default void beginBox(String id, String label) {
	}

	/** Ends the box begun last. */
	default void endBox() {
	}

	/** A rectangle, its corners rounded by {@code arc} (0: square), filled then outlined. */
	void rectangle(double x, double y, double width, double height, double arc, int fill, int stroke,
			double strokeWidth, boolean dashed);

	/** A closed polygon of x, y pairs, filled then outlined. */
	void polygon(double[] points, int fill, int stroke);

	/** An open line through x, y pairs. */
	void polyline(double[] points, int color, double width, boolean dashed);

	/** One line of text whose top-left corner is at x, y, of {@code size} pixels. */
	void text(String text, double x, double y, double size, boolean bold, int color);
}
