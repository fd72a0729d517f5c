package fr.mutualite.cqp.core.dossier;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.internal.Messages;
import fr.mutualite.cqp.model.referential.Route;

/**
 * Registrations as the observatory's spreadsheets hold them: one row per registration, in UTF-8
 * with commas, or as French Excel saves it (semicolons, Windows-1252, days as DD/MM/YYYY).
 * Reading checks every row and names each bad one by its line; writing never loses a character.
 * The columns are documented in docs/registrations-csv.md.
 */
public final class RegistrationCsv {

	/** The two spreadsheet dialects. */
	public enum Dialect {
		/** UTF-8, commas, ISO days (2024-09-01): for scripts and other tools. */
		CSV(StandardCharsets.UTF_8, ',', DateTimeFormatter.ISO_LOCAL_DATE),
		/** Windows-1252, semicolons, French days (01/09/2024): what Excel opens and saves in France. */
		EXCEL(Charset.forName("windows-1252"), ';', DateTimeFormatter.ofPattern("dd/MM/uuuu")); //$NON-NLS-1$ //$NON-NLS-2$

		final Charset charset;
		final char delimiter;
		final DateTimeFormatter days;

		Dialect(Charset charset, char delimiter, DateTimeFormatter days) {
			this.charset = charset;
			this.delimiter = delimiter;
			this.days = days;
		}
	}

	/** The columns, in order. */
	public static final List<String> COLUMNS = List.of("identifiant_candidat", "nom", "prenom", "date_naissance", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"courriel", "entreprise", "ville_entreprise", "certification", "date_inscription", "voie", "organisme", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
			"identifiant_inscription"); //$NON-NLS-1$
	private static final List<String> REQUIRED = List.of("nom", "prenom", "date_naissance", "certification", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"date_inscription", "voie"); //$NON-NLS-1$ //$NON-NLS-2$
	/** The route as the spreadsheets write it. */
	private static final Map<Route, String> ROUTES = Map.of(Route.TRAINING, "FORMATION", Route.VAE, "VAE"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT); //$NON-NLS-1$
	private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT); //$NON-NLS-1$
	private static final int MIN_AGE = 16;

	/** A row refused, by its line in the file. */
	public record Problem(long line, String reason) {
		@Override
		public String toString() {
			return NLS.bind(Messages.Csv_line, Long.valueOf(line), reason);
		}
	}

	/** What a file holds: its good rows, and why the others were refused. */
	public record Parsed(List<RegistrationRow> rows, List<Problem> problems, Dialect dialect, long lines) {
	}

	private RegistrationCsv() {
	}

	/**
	 * Reads and checks every row of {@code file} (its encoding and separator are recognised):
	 * required columns filled, days that exist and make sense, certifications of
	 * {@code certifications}, training bodies of {@code trainingBodies}, each registration once.
	 */
	public static Parsed read(Path file, Set<String> certifications, Set<String> trainingBodies, LocalDate today)
			throws CqpException {
		if (!Files.isRegularFile(file)) {
			throw new CqpException(NLS.bind(Messages.Csv_noFile, file));
		}
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Csv_cannotRead, file, e.getMessage()), e);
		}
		String text = decode(bytes);
		Dialect dialect = firstLine(text).chars().filter(c -> c == ';').count() > firstLine(text).chars()
				.filter(c -> c == ',').count() ? Dialect.EXCEL : Dialect.CSV;
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter).setHeader()
				.setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
		List<RegistrationRow> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		long lines = 0;
		try (Reader reader = new StringReader(text); CSVParser parser = format.parse(reader)) {
			Map<String, Integer> header = new HashMap<>();
			parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(Locale.ROOT), index));
			List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
			if (!missing.isEmpty()) {
				throw new CqpException(NLS.bind(Messages.Csv_missingColumns, file, String.join(", ", missing))); //$NON-NLS-1$
			}
			Map<String, Long> seen = new HashMap<>();
			for (CSVRecord record : parser) {
				lines++;
				long line = parser.getCurrentLineNumber();
				List<String> reasons = new ArrayList<>();
				Row row = new Row(record, header);
				if (record.size() != header.size()) {
					reasons.add(NLS.bind(Messages.Csv_columnCount, Integer.valueOf(record.size()),
							Integer.valueOf(header.size())));
				}
				for (String column : REQUIRED) {
					if (row.get(column).isEmpty()) {
						reasons.add(NLS.bind(Messages.Csv_empty, column));
					}
				}
				LocalDate birth = row.day("date_naissance", reasons); //$NON-NLS-1$
				LocalDate registered = row.day("date_inscription", reasons); //$NON-NLS-1$
				if (registered != null && registered.isAfter(today)) {
					reasons.add(NLS.bind(Messages.Csv_future, row.get("date_inscription"))); //$NON-NLS-1$
				}
				if (birth != null && registered != null && birth.plusYears(MIN_AGE).isAfter(registered)) {
					reasons.add(NLS.bind(Messages.Csv_tooYoung, row.get("date_naissance"), Integer.valueOf(MIN_AGE))); //$NON-NLS-1$
				}
				String certification = row.get("certification").toUpperCase(Locale.ROOT); //$NON-NLS-1$
				if (!certification.isEmpty() && !certifications.contains(certification)) {
					reasons.add(NLS.bind(Messages.Csv_unknownCertification, certification,
							String.join(", ", certifications.stream().sorted().toList()))); //$NON-NLS-1$
				}
				Route route = route(row.get("voie")); //$NON-NLS-1$
				if (route == null && !row.get("voie").isEmpty()) { //$NON-NLS-1$
					reasons.add(NLS.bind(Messages.Csv_badRoute, row.get("voie"))); //$NON-NLS-1$
				}
				String body = row.get("organisme"); //$NON-NLS-1$
				if (!body.isEmpty() && !trainingBodies.contains(body)) {
					reasons.add(NLS.bind(Messages.Csv_unknownTrainingBody, body));
				}
				String email = row.get("courriel"); //$NON-NLS-1$
				if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) { //$NON-NLS-1$
					reasons.add(NLS.bind(Messages.Csv_badEmail, email));
				}
				if (reasons.isEmpty()) {
					RegistrationRow parsed = new RegistrationRow(row.optional("identifiant_candidat"), row.get("nom"), //$NON-NLS-1$ //$NON-NLS-2$
							row.get("prenom"), birth, row.optional("courriel"), row.optional("entreprise"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							row.optional("ville_entreprise"), certification, registered, route, //$NON-NLS-1$
							body.isEmpty() ? null : body, row.optional("identifiant_inscription")); //$NON-NLS-1$
					Long first = seen.putIfAbsent(parsed.registrationKey(), Long.valueOf(line));
					if (first != null) {
						reasons.add(NLS.bind(Messages.Csv_repeated, first));
					} else {
						rows.add(parsed);
					}
				}
				if (!reasons.isEmpty()) {
					problems.add(new Problem(line, String.join(" ; ", reasons))); //$NON-NLS-1$
				}
			}
		} catch (IOException | IllegalStateException | IllegalArgumentException e) {
			throw new CqpException(NLS.bind(Messages.Csv_malformed, file, e.getMessage()), e);
		}
		return new Parsed(rows, problems, dialect, lines);
	}

	/**
	 * Writes {@code rows} to {@code out} in {@code dialect}, with its header. A character the
	 * dialect's encoding cannot hold stops the writing with a message naming its row.
	 */
	public static void write(Iterable<RegistrationRow> rows, Dialect dialect, OutputStream out) throws CqpException {
		CharsetEncoder encoder = dialect.charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharsetEncoder check = dialect.charset.newEncoder();
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter)
				.setHeader(COLUMNS.toArray(String[]::new)).get();
		try {
			Writer writer = new OutputStreamWriter(out, encoder);
			CSVPrinter printer = new CSVPrinter(writer, format);
			long line = 1;
			for (RegistrationRow row : rows) {
				line++;
				List<String> values = values(row, dialect);
				for (String value : values) {
					if (value != null && !check.canEncode(value)) {
						throw new CqpException(NLS.bind(Messages.Csv_cannotEncode,
								new Object[] { Long.valueOf(line), value, dialect.charset.displayName() }));
					}
				}
				printer.printRecord(values);
			}
			printer.flush();
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Csv_cannotWrite, e.getMessage()), e);
		}
	}

	private static List<String> values(RegistrationRow row, Dialect dialect) {
		List<String> values = new ArrayList<>();
		values.add(row.candidateId());
		values.add(row.lastName());
		values.add(row.firstName());
		values.add(row.birthDate() == null ? null : dialect.days.format(row.birthDate()));
		values.add(row.email());
		values.add(row.companyName());
		values.add(row.companyCity());
		values.add(row.certificationCode());
		values.add(row.registrationDate() == null ? null : dialect.days.format(row.registrationDate()));
		values.add(ROUTES.get(row.route()));
		values.add(row.trainingBodyCode());
		values.add(row.registrationId());
		return values;
	}

	/** The route a spreadsheet names: FORMATION (or TRAINING) or VAE, in any case. */
	private static Route route(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		for (Map.Entry<Route, String> e : ROUTES.entrySet()) {
			if (e.getValue().equals(upper) || e.getKey().getName().equals(upper)) {
				return e.getKey();
			}
		}
		return null;
	}

	/** UTF-8 when the bytes are UTF-8 (with or without mark), Windows-1252 otherwise. */
	private static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
		} catch (CharacterCodingException e) {
			return Dialect.EXCEL.charset.decode(ByteBuffer.wrap(bytes)).toString();
		}
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return end < 0 ? text : text.substring(0, end);
	}

	/** A record read by column name. */
	private static final class Row {
		private final CSVRecord record;
		private final Map<String, Integer> header;

		Row(CSVRecord record, Map<String, Integer> header) {
			this.record = record;
			this.header = header;
		}

		String get(String column) {
			Integer index = header.get(column);
			return index == null || index.intValue() >= record.size() ? "" : record.get(index.intValue()).strip(); //$NON-NLS-1$
		}

		String optional(String column) {
			String value = get(column);
			return value.isEmpty() ? null : value;
		}

		LocalDate day(String column, List<String> reasons) {
			String value = get(column);
			if (value.isEmpty()) {
				return null;
			}
			for (DateTimeFormatter format : new DateTimeFormatter[] { ISO, FRENCH }) {
				try {
					return LocalDate.parse(value, format);
				} catch (DateTimeParseException e) {
					// try the next way of writing days
				}
			}
			reasons.add(NLS.bind(Messages.Csv_badDate, column, value));
			return null;
		}
	}
}
