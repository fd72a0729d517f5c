package fr.mutualite.cqp.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;

/**
 * The observatory's key figures of a year, each read from the data set of the shipped report that
 * shows it in full, with the report's own defaults (the rules of each candidate's referential
 * included): so the dashboard and the report it opens never disagree. Each figure comes with the
 * same figure for the years before it and the filters that open its report on that year.
 */
public final class Dashboard {

	/** Years a figure's chart shows, the chosen one last. */
	public static final int YEARS = 5;

	/** The figures of the dashboard. */
	public enum Kind {
		/** Registrations of the year. */
		REGISTRATIONS("inscriptions"), //$NON-NLS-1$
		/** Jury decisions of the year. */
		DECISIONS("resultats-jurys"), //$NON-NLS-1$
		/** Share of the year's decisions that award the whole certification, in percent. */
		FULL_AWARD_RATE("resultats-jurys"), //$NON-NLS-1$
		/** Candidates without a jury whose limit for a first jury comes within the alert window. */
		NEAR_LIMIT("echeances"), //$NON-NLS-1$
		/** Partial validations that expire within the twelve months after the day. */
		EXPIRING("expirations"); //$NON-NLS-1$

		private final String report;

		Kind(String report) {
			this.report = report;
		}

		/** The report that shows this figure in full. */
		public String report() {
			return report;
		}
	}

	/**
	 * One key figure.
	 *
	 * @param kind         what it counts
	 * @param periods      what each value covers (a year, or the day of a count), oldest first
	 * @param values       the figure for each period; {@code null} where there is nothing to count
	 *                     (a rate without decisions)
	 * @param compared     the figure the chosen one is compared with ({@code null} when there is
	 *                     nothing to count)
	 * @param comparedWith what {@code compared} covers: the year before ({@code 2025}), the same day
	 *                     a year before for a count of a day, and for a figure of the year in
	 *                     progress (which counts up to today) the year before up to the same day
	 *                     ({@code 2025-12-01})
	 * @param filters      the report's parameters that show the chosen period
	 */
	public record Figure(Kind kind, List<String> periods, List<Double> values, Double compared, String comparedWith,
			Map<String, String> filters) {

		/** The figure of the chosen period (the last one). */
		public Double value() {
			return values.get(values.size() - 1);
		}

		/** The report that shows it in full. */
		public String report() {
			return kind.report();
		}
	}

	private Dashboard() {
	}

	/**
	 * The key figures of {@code year} from the reports of {@code service} over {@code store}. Counts
	 * of a day (candidates near their limit, expiring validations) are taken on {@code today} for
	 * the current year and on 31 December for a past one, and compared with the same day of the
	 * years before, from today's dossiers. The figures of the current year count up to
	 * {@code today} and are compared with the year before up to the same day.
	 */
	public static List<Figure> figures(ReportService service, DataStore store, int year, LocalDate today)
			throws CqpException {
		int first = year - YEARS + 1;
		List<String> years = new ArrayList<>();
		for (int y = first; y <= year; y++) {
			years.add(Integer.toString(y));
		}
		Map<String, String> yearFilters = Map.of("annee_debut", Integer.toString(year), "annee_fin", //$NON-NLS-1$ //$NON-NLS-2$
				Integer.toString(year));
		Map<String, String> span = Map.of("annee_debut", Integer.toString(first), "annee_fin", Integer.toString(year)); //$NON-NLS-1$ //$NON-NLS-2$

		long[] registrations = new long[YEARS];
		for (Map<String, Object> row : rows(service, store, Kind.REGISTRATIONS.report(), "parAnnee", span)) { //$NON-NLS-1$
			int at = Integer.parseInt(String.valueOf(row.get("ANNEE")).strip()) - first; //$NON-NLS-1$
			registrations[at] += number(row.get("FORMATION")) + number(row.get("VAE")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		long[] decisions = new long[YEARS], full = new long[YEARS];
		for (Map<String, Object> row : rows(service, store, Kind.DECISIONS.report(), "parCertification", span)) { //$NON-NLS-1$
			int at = (int) number(row.get("ANNEE")) - first; //$NON-NLS-1$
			decisions[at] += number(row.get("DECISIONS")); //$NON-NLS-1$
			full[at] += number(row.get("TOTALES")); //$NON-NLS-1$
		}
		List<Double> rates = new ArrayList<>();
		for (int i = 0; i < YEARS; i++) {
			rates.add(rate(full[i], decisions[i]));
		}
		// the year in progress counts up to today: compared with the year before up to the same day
		// (read from the registrations and sessions: the counts are kept by year), a past year
		// with the whole year before
		boolean inProgress = year >= today.getYear();
		String before = Integer.toString(year - 1);
		double registrationsBefore = registrations[YEARS - 2], decisionsBefore = decisions[YEARS - 2];
		Double rateBefore = rates.get(YEARS - 2);
		if (inProgress) {
			before = today.minusYears(1).toString();
			Map<String, String> upTo = Map.of("jusqu_au", before); //$NON-NLS-1$
			registrationsBefore = number(rows(service, store, Kind.REGISTRATIONS.report(), "aDate", upTo).get(0) //$NON-NLS-1$
					.get("INSCRIPTIONS")); //$NON-NLS-1$
			Map<String, Object> decided = rows(service, store, Kind.DECISIONS.report(), "aDate", upTo).get(0); //$NON-NLS-1$
			long decidedBefore = number(decided.get("DECISIONS")); //$NON-NLS-1$
			decisionsBefore = decidedBefore;
			rateBefore = rate(number(decided.get("TOTALES")), decidedBefore); //$NON-NLS-1$
		}

		LocalDate day = inProgress ? today : LocalDate.of(year, 12, 31);
		List<String> days = new ArrayList<>();
		List<Double> near = new ArrayList<>(), expiring = new ArrayList<>();
		for (int back = YEARS - 1; back >= 0; back--) {
			LocalDate at = day.minusYears(back);
			days.add(at.toString());
			Map<String, String> filters = Map.of("date_reference", at.toString()); //$NON-NLS-1$
			near.add((double) rows(service, store, Kind.NEAR_LIMIT.report(), "delais", filters).stream() //$NON-NLS-1$
					.filter(r -> "PROCHE".equals(r.get("ETAT"))).count()); //$NON-NLS-1$ //$NON-NLS-2$
			expiring.add((double) rows(service, store, Kind.EXPIRING.report(), "partielles", filters).size()); //$NON-NLS-1$
		}
		Map<String, String> dayFilters = Map.of("date_reference", day.toString()); //$NON-NLS-1$
		String dayBefore = days.get(YEARS - 2);
		return List.of(new Figure(Kind.REGISTRATIONS, years, list(registrations), registrationsBefore, before, yearFilters),
				new Figure(Kind.DECISIONS, years, list(decisions), decisionsBefore, before, yearFilters),
				new Figure(Kind.FULL_AWARD_RATE, years, rates, rateBefore, before, yearFilters),
				new Figure(Kind.NEAR_LIMIT, days, near, near.get(YEARS - 2), dayBefore, dayFilters),
				new Figure(Kind.EXPIRING, days, expiring, expiring.get(YEARS - 2), dayBefore, dayFilters));
	}

	/** The share of full awards in percent, rounded half up to a tenth as the report rounds its rates; none without decisions. */
	private static Double rate(long full, long decisions) {
		return decisions == 0 ? null : (2000 * full + decisions) / (2 * decisions) / 10.0;
	}

	private static List<Map<String, Object>> rows(ReportService service, DataStore store, String report,
			String dataSet, Map<String, String> values) throws CqpException {
		return service.rows(report, dataSet, store, service.parameters(report, new LinkedHashMap<>(values), store));
	}

	/** A count of a report's row (an SQL sum or count); none when the cell is empty. */
	private static long number(Object value) {
		return value instanceof Number n ? n.longValue() : 0;
	}

	private static List<Double> list(long[] counts) {
		return java.util.Arrays.stream(counts).mapToObj(c -> (double) c).toList();
	}
}
