package fr.mutualite.cqp.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar days of the model's files. A day is written {@code YYYY-MM-DD}; files written
 * before days were calendar days hold a date and time with a zone
 * ({@code 2013-01-01T00:00:00.000+0100}): the day written is the day meant, whatever the zone of
 * the machine that reads it. A day that does not exist ({@code 2013-02-31}) is an error, never
 * another day.
 */
public final class Days {

	/** A day, optionally followed by a time and a zone as EMF wrote {@code EDate}s. */
	private static final Pattern DAY = Pattern
			.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"); //$NON-NLS-1$

	private Days() {
	}

	/**
	 * The day {@code text} writes, or {@code null} for {@code null}.
	 *
	 * @throws IllegalArgumentException naming the text when it is not a day that exists
	 */
	public static LocalDate parse(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = DAY.matcher(text.strip());
		if (m.matches()) {
			try {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			} catch (DateTimeException e) {
				throw new IllegalArgumentException("LocalDate: " + text, e); //$NON-NLS-1$
			}
		}
		throw new IllegalArgumentException("LocalDate: " + text); //$NON-NLS-1$
	}
}
