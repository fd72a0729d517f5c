package fr.mutualite.cqp.core.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * How long a candidate's personal data are kept, from the dated rules of the referential version
 * each of their registrations is pinned to ({@code personalDataRetentionYears}): a registration
 * ends on its last jury decision or, without one, on the last day it could reach a jury; the data
 * may be removed once every registration's end is more than the rule's years past. Rules that set
 * no retention (0), or no rules at all, keep the data until the candidate asks for their erasure.
 */
public final class Retention {

	/** A registration as retention sees it: whose, to which version, registered and last decided when. */
	public record Path(String candidateId, String certificationCode, String referentialVersion, LocalDate registered,
			LocalDate lastDecision) {
	}

	/** What applying the rule did (or would do) on {@code asOf}: the candidates erased, and those kept. */
	public record Report(LocalDate asOf, List<String> erased, int kept) {
	}

	private Retention() {
	}

	/**
	 * The last day the data of each candidate of {@code paths} must be kept, by candidate in the
	 * order met; empty for a candidate whose data are kept until they ask.
	 */
	public static Map<String, Optional<LocalDate>> keptUntil(Collection<Path> paths, ReferentialLibrary library) {
		Map<String, Optional<LocalDate>> until = new LinkedHashMap<>();
		for (Path path : paths) {
			Optional<LocalDate> mine = keptUntil(path, library);
			until.merge(path.candidateId(), mine, (a, b) -> a.isEmpty() || b.isEmpty() ? Optional.empty()
					: Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get()));
		}
		return until;
	}

	/** The candidates of {@code paths} whose data are no longer to be kept on {@code asOf}, in the order met. */
	public static List<String> due(Collection<Path> paths, ReferentialLibrary library, LocalDate asOf) {
		List<String> due = new ArrayList<>();
		keptUntil(paths, library).forEach((candidate, until) -> {
			if (until.isPresent() && until.get().isBefore(asOf)) {
				due.add(candidate);
			}
		});
		return due;
	}

	private static Optional<LocalDate> keptUntil(Path path, ReferentialLibrary library) {
		Optional<Certification> certification = path.referentialVersion() == null
				? library.certification(path.certificationCode())
				: library.certification(path.certificationCode(), path.referentialVersion());
		if (certification.isEmpty()) {
			return Optional.empty();
		}
		RuleBook book = RuleBook.of(certification.get());
		LocalDate end = path.lastDecision();
		if (end == null) {
			Optional<RuleSet> atRegistration = book.at(path.registered());
			if (atRegistration.isEmpty()) {
				return Optional.empty();
			}
			end = Deadlines.firstJury(path.registered(), atRegistration.get());
		}
		Optional<RuleSet> rules = book.at(end);
		if (rules.isEmpty() || rules.get().getPersonalDataRetentionYears() <= 0) {
			return Optional.empty();
		}
		return Optional.of(end.plusYears(rules.get().getPersonalDataRetentionYears()));
	}
}
