package fr.mutualite.cqp.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/**
 * The mouse wheel over a drop-down list inside a scrolled area (a form, a booklet, the reports'
 * parameters, the dashboard) scrolls the area and leaves the list alone: GTK turns the wheel over
 * a list into a choice, so a value changed under a pointer only passing over it while the user
 * scrolled, and the scrolling stopped there. A list outside any scrolled area (a dialog) keeps
 * GTK's behaviour.
 */
final class ListWheel {

	private ListWheel() {
	}

	/** Applies to every window of {@code display}. */
	static void install(Display display) {
		display.addFilter(SWT.MouseVerticalWheel, ListWheel::wheel);
	}

	private static void wheel(Event e) {
		if (!(e.widget instanceof Combo list)) {
			return;
		}
		ScrolledComposite area = area(list);
		if (area == null) {
			return;
		}
		e.doit = false;
		Point origin = area.getOrigin();
		// a notch is three lines (e.count), down when negative
		area.setOrigin(origin.x, Math.max(0, origin.y - e.count * list.getItemHeight()));
	}

	/** The scrolled area {@code control} is in, if any. */
	private static ScrolledComposite area(Control control) {
		for (Control c = control.getParent(); c != null; c = c.getParent()) {
			if (c instanceof ScrolledComposite scrolled) {
				return scrolled;
			}
		}
		return null;
	}
}
