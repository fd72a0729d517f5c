package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.mutualite.cqp.core.dossier.Retention;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/** How long a candidate's personal data are kept: from the dated rules of the shipped referentials. */
class RetentionTest {

	private static ReferentialLibrary library;
	private static Certification certification;
	private static int years;
	private static int deadline;

	@BeforeAll
	static void load() throws Exception {
		library = ReferentialLibrary.shipped();
		certification = library.certifications().get(0);
		RuleSet rules = RuleBook.of(certification).at(LocalDate.of(2020, 1, 1)).orElseThrow();
		years = rules.getPersonalDataRetentionYears();
		deadline = rules.getRegistrationDeadlineYears();
		assertTrue(years > 0, "the shipped rules set a retention");
	}

	private static Retention.Path path(String candidate, LocalDate registered, LocalDate decided) {
		return new Retention.Path(candidate, certification.getCode(), ReferentialLibrary.versionOf(certification), registered,
				decided);
	}

	@Test
	void dataAreKeptTheRulesYearsAfterTheLastDecisionOrTheLastDayToReachAJury() {
		LocalDate decided = LocalDate.of(2018, 6, 14);
		LocalDate registered = LocalDate.of(2019, 3, 1);
		List<Retention.Path> paths = List.of(path("C-1", LocalDate.of(2016, 9, 1), decided),
				path("C-2", registered, null),
				// two registrations: the later end counts
				path("C-3", LocalDate.of(2016, 9, 1), decided), path("C-3", registered, null),
				// a version the library does not hold: no rule, kept until they ask
				new Retention.Path("C-4", certification.getCode(), "9999", registered, decided));
		Map<String, Optional<LocalDate>> until = Retention.keptUntil(paths, library);
		assertEquals(Map.of("C-1", Optional.of(decided.plusYears(years)),
				"C-2", Optional.of(registered.plusYears(deadline).plusYears(years)),
				"C-3", Optional.of(registered.plusYears(deadline).plusYears(years)), "C-4", Optional.empty()), until);
		assertEquals(List.of(), Retention.due(paths, library, decided.plusYears(years)), "kept on its last day");
		assertEquals(List.of("C-1"), Retention.due(paths, library, decided.plusYears(years).plusDays(1)));
		assertEquals(List.of("C-1", "C-2", "C-3"),
				Retention.due(paths, library, registered.plusYears(deadline).plusYears(years).plusDays(1)));
	}

	@Test
	void aRuleSetWithoutRetentionKeepsTheData() throws Exception {
		ReferentialLibrary own = ReferentialLibrary.shipped();
		Certification mine = own.certifications().get(0);
		RuleSet rules = RuleBook.of(mine).at(LocalDate.of(2020, 1, 1)).orElseThrow();
		rules.setPersonalDataRetentionYears(0);
		Retention.Path path = new Retention.Path("C-1", mine.getCode(), ReferentialLibrary.versionOf(mine),
				LocalDate.of(2016, 9, 1), LocalDate.of(2018, 6, 14));
		assertEquals(List.of(), Retention.due(List.of(path), own, LocalDate.of(2100, 1, 1)));
	}
}
