package fr.mutualite.cqp.core.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.print.BookletSheet;

/**
 * The observatory's report pack and its rendering (an OSGi service; BIRT stays behind it). The
 * data come from the store's connection, never from an address written in a design; the
 * aggregations are done by the database.
 */
public interface ReportService {

	/**
	 * The reports by name: the shipped pack, and the designs the observatory drops in the data
	 * folder's {@code rapports} (see {@link fr.mutualite.cqp.core.DataFolder#reports()}).
	 */
	List<ReportInfo> reports() throws CqpException;

	/** The report {@code name}; an unknown name gets a message listing the known ones. */
	ReportInfo report(String name) throws CqpException;

	/** The values a listed parameter accepts, some read from {@code store}. */
	List<Choice> choices(String report, String parameter, DataStore store) throws CqpException;

	/**
	 * The values of the report's parameters from their text: defaults for those not given;
	 * refused with a message naming the parameter when a name is unknown, a value is not of the
	 * parameter's type or not in its list, or a required one is missing.
	 */
	Map<String, Object> parameters(String report, Map<String, String> values, DataStore store) throws CqpException;

	/**
	 * Renders the report {@code name} into {@code output}. The file appears only when rendering
	 * succeeded; on failure nothing is left at {@code output}.
	 */
	default void render(String report, DataStore store, ReportFormat format, Map<String, Object> parameters, Path output)
			throws CqpException {
		render(report, store, format, parameters, output, () -> false);
	}

	/**
	 * Renders the report {@code name} into {@code output}, stopping as soon as {@code cancelled}
	 * says so (asked several times a second): a rendering stopped is refused with a message
	 * saying so, and leaves nothing at {@code output}.
	 */
	void render(String report, DataStore store, ReportFormat format, Map<String, Object> parameters, Path output,
			BooleanSupplier cancelled) throws CqpException;

	/**
	 * Runs the database queries of the report alone, without laying anything out: each data set
	 * its items are bound to, once, reading every row. Returns the rows read. The benchmark
	 * compares this with the rendering.
	 */
	long query(String report, DataStore store, Map<String, Object> parameters) throws CqpException;

	/**
	 * The rows of the data set {@code dataSet} of the report, its parameters bound to
	 * {@code parameters} (as {@link #parameters} gives them), each row by column label in capitals:
	 * what the dashboard reads its figures from. An unknown data set is refused in one sentence.
	 */
	List<Map<String, Object>> rows(String report, String dataSet, DataStore store, Map<String, Object> parameters)
			throws CqpException;

	/**
	 * The designs of the data folder's {@code rapports} that cannot be used, one sentence each
	 * with its cause (a file that does not parse, named as a shipped report, or reading another
	 * source than the database); the others are listed with the shipped reports.
	 */
	List<CqpException> refusedDesigns();

	/**
	 * Prints a booklet, blank or filled, as a PDF laid out like the paper booklet. The file
	 * appears only when printing succeeded; on failure nothing is left at {@code output}.
	 */
	void print(BookletSheet sheet, Path output) throws CqpException;
}
