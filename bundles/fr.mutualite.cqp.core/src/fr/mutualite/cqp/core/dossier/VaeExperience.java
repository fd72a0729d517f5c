package fr.mutualite.cqp.core.dossier;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.dossier.ExperiencePeriod;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.dossier.VaeDossier;
import fr.mutualite.cqp.model.referential.RuleSet;

/**
 * The relevant experience a VAE request shows, against what the dated rules of the registration's
 * referential version ask (for instance 3 years within the 12 before the registration): the
 * periods retained added up, a day shared by two periods counted once, ongoing periods counted up
 * to the registration.
 *
 * @param days the days of relevant experience within the window
 * @param since the day that many days before the registration
 * @param registered the registration's day
 * @param minimumYears the years of experience the rules ask
 * @param windowYears the years before the registration the experience is counted in
 */
public record VaeExperience(long days, LocalDate since, LocalDate registered, int minimumYears, int windowYears) {

	/** Whether the experience is enough for the request to be admissible. */
	public boolean enough() {
		return !registered.minusYears(minimumYears).isBefore(since);
	}

	/** The experience of {@code registration}'s VAE dossier; empty without a dossier, a date or rules. */
	public static Optional<VaeExperience> of(Registration registration) {
		VaeDossier dossier = registration.getVaeDossier();
		LocalDate registered = registration.getDate();
		if (dossier == null || registered == null) {
			return Optional.empty();
		}
		return RuleBook.of(registration).at(registered).map(rules -> of(dossier, registered, rules));
	}

	/** The experience of {@code dossier} for a registration of {@code registered} under {@code rules}. */
	public static VaeExperience of(VaeDossier dossier, LocalDate registered, RuleSet rules) {
		long days = relevantDays(dossier, registered.minusYears(rules.getVaeWindowYears()), registered);
		return new VaeExperience(days, registered.minusDays(days), registered, rules.getVaeMinExperienceYears(),
				rules.getVaeWindowYears());
	}

	/** Days of relevant experience between {@code from} and {@code to}, overlapping periods counted once. */
	private static long relevantDays(VaeDossier dossier, LocalDate from, LocalDate to) {
		List<LocalDate[]> spans = new ArrayList<>();
		for (ExperiencePeriod period : dossier.getExperiences()) {
			LocalDate start = period.getStart();
			LocalDate end = period.getEnd() == null ? to : period.getEnd();
			if (!period.isRelevant() || start == null) {
				continue;
			}
			start = start.isBefore(from) ? from : start;
			end = end.isAfter(to) ? to : end;
			if (start.isBefore(end)) {
				spans.add(new LocalDate[] { start, end });
			}
		}
		spans.sort(Comparator.comparing(s -> s[0]));
		long days = 0;
		LocalDate reached = null;
		for (LocalDate[] span : spans) {
			LocalDate start = reached != null && span[0].isBefore(reached) ? reached : span[0];
			if (span[1].isAfter(start)) {
				days += ChronoUnit.DAYS.between(start, span[1]);
				reached = span[1];
			}
		}
		return days;
	}
}
