package fr.mutualite.cqp.core;

import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders a report design over a data store. Implemented with BIRT by the reports bundle and
 * published as an OSGi service; callers never see BIRT.
 */
public interface ReportRenderer {

	/**
	 * Renders {@code design} with the connection of {@code store} into {@code output}. The file
	 * appears only when rendering succeeded; on failure nothing is left at {@code output}.
	 *
	 * @param parameters values of the design's parameters, by name
	 */
	void render(URL design, DataStore store, ReportFormat format, Map<String, Object> parameters, Path output)
			throws CqpException;
}
