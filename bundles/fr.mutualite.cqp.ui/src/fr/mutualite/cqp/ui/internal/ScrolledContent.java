package fr.mutualite.cqp.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * The content of a view that scrolls when the view is smaller than it, instead of squeezing its
 * widgets (a chart a pixel high, buttons out of sight on a laptop's screen). The wheel over one of
 * its drop-down lists scrolls it too ({@link ListWheel}).
 */
final class ScrolledContent {

	private final ScrolledComposite scrolled;
	private final Composite content;
	private final int minimumWidth;

	/**
	 * Makes the scrolled area in {@code parent}; below {@code minimumWidth} pixels (0: the width
	 * of the view whatever it is), it scrolls sideways too.
	 */
	ScrolledContent(Composite parent, int minimumWidth) {
		this.minimumWidth = minimumWidth;
		scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | (minimumWidth > 0 ? SWT.H_SCROLL : SWT.NONE));
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		// a field reached with the keyboard is scrolled into sight
		scrolled.setShowFocusedControl(true);
		content = new Composite(scrolled, SWT.NONE);
		scrolled.setContent(content);
		scrolled.addListener(SWT.Resize, e -> fit());
	}

	/** Where the view puts its widgets. */
	Composite content() {
		return content;
	}

	/** The control to lay out in the parent. */
	Control control() {
		return scrolled;
	}

	/** Lays the content out again after its widgets changed, and sets the size below which it scrolls. */
	void fit() {
		content.layout(true, true);
		int width = Math.max(scrolled.getClientArea().width, minimumWidth);
		scrolled.setMinSize(new Point(minimumWidth, content.computeSize(width, SWT.DEFAULT).y));
	}
}
