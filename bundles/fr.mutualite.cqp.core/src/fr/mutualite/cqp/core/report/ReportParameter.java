package fr.mutualite.cqp.core.report;

/**
 * A parameter of a report, as its design declares it.
 *
 * @param name         the name given on the command line ({@code --param name=value})
 * @param label        what users read, in their language
 * @param kind         the type of its value
 * @param required     whether a value must be given (else the default applies)
 * @param defaultValue the default, as text (may be empty)
 * @param listed       whether its values are chosen from a list (see {@link ReportService#choices})
 * @param minimum      the smallest value that makes sense, as text (empty when any goes)
 * @param maximum      the largest value that makes sense, as text (empty when any goes)
 */
public record ReportParameter(String name, String label, Kind kind, boolean required, String defaultValue,
		boolean listed, String minimum, String maximum) {

	/** Types of values. */
	public enum Kind {
		TEXT, INTEGER, DECIMAL, DATE, BOOLEAN
	}
}
