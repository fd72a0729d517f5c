package fr.mutualite.cqp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * A real turn of the mouse wheel through the X server, with {@code xdotool} (SWT cannot post a
 * wheel event on GTK: {@code Display.post} refuses it).
 */
final class Wheel {

	private Wheel() {
	}

	/** Moves the pointer to the middle of {@code control} and turns the wheel one notch down. */
	static void downOver(Control control) throws IOException {
		Display display = control.getDisplay();
		Rectangle bounds = control.getBounds();
		Point centre = display.map(control.getParent(), null, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
		Process xdotool = new ProcessBuilder("xdotool", "mousemove", "--sync", Integer.toString(centre.x),
				Integer.toString(centre.y), "click", "5").redirectErrorStream(true).start();
		long end = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(30);
		while (xdotool.isAlive()) {
			if (System.currentTimeMillis() > end) {
				xdotool.destroyForcibly();
				fail("xdotool did not turn the wheel within 30 s");
			}
			if (!display.readAndDispatch()) {
				Thread.onSpinWait();
			}
		}
		assertEquals(0, xdotool.exitValue(),
				"xdotool: " + new String(xdotool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}
}
