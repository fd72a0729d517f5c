package fr.mutualite.cqp.core.report;

/** One value a listed parameter accepts, with what users read. */
public record Choice(String value, String label) {
}
