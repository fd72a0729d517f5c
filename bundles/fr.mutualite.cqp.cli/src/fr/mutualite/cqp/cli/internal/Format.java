package fr.mutualite.cqp.cli.internal;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** Numbers and durations as the user's language writes them (1 234,5 in French). */
final class Format {

	private Format() {
	}

	static String number(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.getDefault());
		format.setMaximumFractionDigits(value < 10 ? 2 : 0);
		return format.format(value);
	}

	/** A ratio with two decimals always, so that 0.502 is not read as 0.5 exactly. */
	static String ratio(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.getDefault());
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(value);
	}

	static String seconds(Duration duration) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.getDefault());
		format.setMaximumFractionDigits(duration.toMillis() < 10_000 ? 2 : 1);
		format.setMinimumFractionDigits(1);
		return format.format(duration.toNanos() / 1e9) + " s"; //$NON-NLS-1$
	}

	static String millis(Duration duration) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.getDefault());
		format.setMaximumFractionDigits(1);
		return format.format(duration.toNanos() / 1e6) + " ms"; //$NON-NLS-1$
	}
}
