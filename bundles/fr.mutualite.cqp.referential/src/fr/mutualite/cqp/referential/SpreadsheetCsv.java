package fr.mutualite.cqp.referential;

import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV file the product writes goes through here, because spreadsheets open them: a cell
 * that a spreadsheet would run as a formula (one starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, the OWASP rule) is written behind an apostrophe, which
 * spreadsheets show and never run. {@link #value} gives the original back when such a file is
 * read, so that an export read back by an import is exact. The writer it prints to stays open:
 * its owner closes it.
 */
public final class SpreadsheetCsv implements Flushable {

	private static final char MARK = '\'';

	private final CSVPrinter printer;

	/** A writer of CSV records in {@code format} to {@code out}. */
	public SpreadsheetCsv(Appendable out, CSVFormat format) throws IOException {
		this.printer = new CSVPrinter(out, format);
	}

	/** Writes one record, each value made safe for spreadsheets ({@code null} as an empty cell). */
	public void record(Object... values) throws IOException {
		List<String> cells = new ArrayList<>(values.length);
		for (Object value : values) {
			cells.add(value == null ? null : cell(value.toString()));
		}
		printer.printRecord(cells);
	}

	/** Writes one record of {@code values}. */
	public void record(List<?> values) throws IOException {
		record(values.toArray());
	}

	@Override
	public void flush() throws IOException {
		printer.flush();
	}

	/**
	 * {@code text} as a cell no spreadsheet runs: behind an apostrophe when it starts with a
	 * formula character, or with apostrophes before one (so that reading gives it back exactly).
	 */
	public static String cell(String text) {
		return startsFormula(text, 0) ? MARK + text : text;
	}

	/** The text a cell written by {@link #cell} holds: one leading apostrophe fewer when it was added. */
	public static String value(String cell) {
		return !cell.isEmpty() && cell.charAt(0) == MARK && startsFormula(cell, 1) ? cell.substring(1) : cell;
	}

	/** Whether {@code text} starts, after any apostrophes from {@code from}, with a formula character. */
	private static boolean startsFormula(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) == MARK) {
			i++;
		}
		if (i == text.length()) {
			return false;
		}
		return switch (text.charAt(i)) {
		case '=', '+', '-', '@', '\t', '\r' -> true;
		default -> false;
		};
	}
}
