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
 */
public record ReportParameter(String name, String label, Kind kind, boolean required, String defaultValue,
		boolean listed) {

	/** Types of values. */
	public enum Kind {
		TEXT, INTEGER, DECIMAL, DATE, BOOLEAN
	}
}
