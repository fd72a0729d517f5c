package fr.mutualite.cqp.core.report;

import java.util.List;

/**
 * A report of the pack: its name (the design's file name), title and description in the user's
 * language, and parameters.
 */
public record ReportInfo(String name, String title, String description, List<ReportParameter> parameters) {
}
