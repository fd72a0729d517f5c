package fr.mutualite.cqp.core.dossier;

import java.time.LocalDate;
import java.util.Optional;

import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.RuleSet;

/** The dates the rules set for a registration, from the dated rules of its referential version. */
public final class Deadlines {

	private Deadlines() {
	}

	/**
	 * The last day of the first jury: the registration's day plus the years the rules in force
	 * that day give; empty without a day or without rules then.
	 */
	public static Optional<LocalDate> firstJury(Registration registration) {
		LocalDate registered = registration.getDate();
		if (registered == null) {
			return Optional.empty();
		}
		return RuleBook.of(registration).at(registered).map(rules -> firstJury(registered, rules));
	}

	/** The last day of the first jury for a registration of {@code registered} under {@code rules}. */
	public static LocalDate firstJury(LocalDate registered, RuleSet rules) {
		return registered.plusYears(rules.getRegistrationDeadlineYears());
	}
}
