package fr.mutualite.cqp.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;

/**
 * The content of a view that scrolls when the view is smaller than it, instead of squeezing its
 * widgets (a chart a pixel high, buttons out of sight on a laptop's screen). The mouse wheel over
 * one of its drop-down lists scrolls the content too: GTK would change the list's value instead,
 * and a filter would change under a pointer only passing over it.
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
		Listener wheel = this::wheel;
		scrolled.getDisplay().addFilter(SWT.MouseVerticalWheel, wheel);
		scrolled.addListener(SWT.Dispose, e -> e.display.removeFilter(SWT.MouseVerticalWheel, wheel));
	}

	private void wheel(Event e) {
		if (!(e.widget instanceof Combo combo) || !within(combo)) {
			return;
		}
		e.doit = false;
		Point origin = scrolled.getOrigin();
		// a notch is three lines (e.count), down when negative
		scrolled.setOrigin(origin.x, Math.max(0, origin.y - e.count * combo.getItemHeight()));
	}

	private boolean within(Control control) {
		for (Control c = control; c != null; c = c.getParent()) {
			if (c == content) {
				return true;
			}
		}
		return false;
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
