package fr.mutualite.cqp.core.validation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/** Conversions between the model's dates and calendar days (in the user's time zone). */
public final class Dates {

	private Dates() {
	}

	/** The day of {@code date}, or {@code null}. */
	public static LocalDate day(Date date) {
		return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
	}

	/** The model date of the start of {@code day}, or {@code null}. */
	public static Date date(LocalDate day) {
		return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}
}
