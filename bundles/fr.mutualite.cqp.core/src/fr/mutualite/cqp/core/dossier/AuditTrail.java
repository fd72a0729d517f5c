package fr.mutualite.cqp.core.dossier;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.internal.Messages;
import fr.mutualite.cqp.referential.SpreadsheetCsv;

/**
 * A candidate's audit trail as the database keeps it (append-only), and its CSV export: one row
 * per change, oldest first, in UTF-8, no cell a spreadsheet would read as a formula.
 */
public final class AuditTrail {

	/**
	 * A change: when, by whom (the product's user and the database's), which registration, the
	 * subject (EVALUATION, BOOKLET, DECISION, CERTIFICATE, ROLE, PERSONAL_DATA), the item, the
	 * values before and after ({@code null}: none).
	 */
	public record Line(long id, Instant at, String changedBy, String databaseUser, String registrationId, String subject,
			String item, String before, String after) {
	}

	/** The CSV header. */
	public static final List<String> COLUMNS = List.of("numero", "date", "par", "utilisateur_base", "inscription", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"sujet", "element", "avant", "apres"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private AuditTrail() {
	}

	/** Writes {@code lines} to {@code out} as CSV with its header. */
	public static void write(List<Line> lines, OutputStream out) throws CqpException {
		try {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			SpreadsheetCsv printer = new SpreadsheetCsv(writer,
					CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
			for (Line line : lines) {
				printer.record(String.valueOf(line.id()), line.at().toString(), line.changedBy(), line.databaseUser(),
						line.registrationId(), line.subject(), line.item(), line.before(), line.after());
			}
			printer.flush();
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Csv_cannotWrite, IoErrors.reason(e)), e);
		}
	}
}
