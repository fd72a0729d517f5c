package fr.mutualite.cqp.core.dossier;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.internal.Messages;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.referential.SpreadsheetCsv;

/**
 * Registrations as the observatory's spreadsheets hold them: one row per registration, in UTF-8
 * with commas, or as French Excel saves it (semicolons, Windows-1252, days as DD/MM/YYYY).
 * Reading decodes strictly (a file is UTF-8 or Windows-1252, never a mix read as either), checks
 * every cell and names each refusal by its line and its column: lengths the database holds, text
 * a person can type, days that exist and make sense for the branch's dated rules. Writing never
 * loses a character and never writes a cell a spreadsheet would run ({@link SpreadsheetCsv}).
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
	/**
	 * The longest text each column may hold: the width of the database column it goes to (a test
	 * of the store checks that they stay the same).
	 */
	public static final Map<String, Integer> MAX_LENGTHS = lengths();
	private static final List<String> REQUIRED = List.of("nom", "prenom", "date_naissance", "certification", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"date_inscription", "voie"); //$NON-NLS-1$ //$NON-NLS-2$
	/** The route as the spreadsheets write it. */
	private static final Map<Route, String> ROUTES = Map.of(Route.TRAINING, "FORMATION", Route.VAE, "VAE"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT); //$NON-NLS-1$
	private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT); //$NON-NLS-1$
	/** The ages at registration a candidate of a professional certification can have. */
	private static final int MIN_AGE = 16, MAX_AGE = 80;
	/** Where commons-csv says a quoted cell began. */
	private static final Pattern START_LINE = Pattern.compile("startline (\\d[\\d,.\u00a0\u202f]*)"); //$NON-NLS-1$
	private static final Pattern AT_LINE = Pattern.compile("line: (\\d[\\d,.\u00a0\u202f]*)"); //$NON-NLS-1$
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"); //$NON-NLS-1$
	/** Records read between two reports of progress. */
	private static final int PROGRESS_EVERY = 1000;

	/** A row refused, by its line in the file. */
	public record Problem(long line, String reason) {
		@Override
		public String toString() {
			return NLS.bind(Messages.Csv_line, Long.valueOf(line), reason);
		}
	}

	/**
	 * What reading a file found: its records, the rows given on, those refused (each told to the
	 * caller as it was found), and the dialect it is written in.
	 */
	public record Summary(long lines, long rows, long refused, Dialect dialect) {
	}

	private RegistrationCsv() {
	}

	private static Map<String, Integer> lengths() {
		Map<String, Integer> lengths = new LinkedHashMap<>();
		lengths.put("identifiant_candidat", 40); //$NON-NLS-1$
		lengths.put("nom", 100); //$NON-NLS-1$
		lengths.put("prenom", 100); //$NON-NLS-1$
		lengths.put("courriel", 200); //$NON-NLS-1$
		lengths.put("entreprise", 200); //$NON-NLS-1$
		lengths.put("ville_entreprise", 100); //$NON-NLS-1$
		lengths.put("certification", 16); //$NON-NLS-1$
		lengths.put("organisme", 64); //$NON-NLS-1$
		lengths.put("identifiant_inscription", 40); //$NON-NLS-1$
		return Map.copyOf(lengths);
	}

	/**
	 * Reads and checks every row of {@code file} (its encoding and separator are recognised) as it
	 * streams by, giving each good row to {@code rows} and each refusal to {@code problems}, in the
	 * order of the file: required columns filled, every cell within its length and made of what a
	 * person types, days that exist and make sense (an age of 16 to 80 at registration, a
	 * registration under the dated rules of the certification's referentials, not in the future),
	 * certifications of {@code library}, training bodies of {@code trainingBodies}, each
	 * registration once. The file is never held whole in memory; {@code progress} is told the
	 * bytes read of the file's size. A file that is not a readable CSV stops the reading with a
	 * message naming its line, after the rows before it were given.
	 */
	public static Summary read(Path file, ReferentialLibrary library, Set<String> trainingBodies, LocalDate today,
			Consumer<RegistrationRow> rows, Consumer<Problem> problems, Progress progress) throws CqpException {
		requireReadable(file);
		Encoding encoding = Encoding.of(file);
		Map<String, Certification> certifications = new HashMap<>();
		library.certifications().forEach(c -> certifications.put(c.getCode().toUpperCase(Locale.ROOT), c));
		Map<Certification, RuleBook> rules = new HashMap<>();
		long size = encoding.size;
		long lines = 0, good = 0, refused = 0;
		CSVParser parser = null;
		try (CountingStream bytes = new CountingStream(Files.newInputStream(file), encoding.skip);
				LineCounter reader = new LineCounter(new InputStreamReader(bytes, encoding.decoder()))) {
			Dialect dialect = encoding.excel ? Dialect.EXCEL : Dialect.CSV;
			CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter).setHeader()
					.setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
			parser = format.parse(reader);
			Map<String, Integer> header = new HashMap<>();
			parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(Locale.ROOT), index));
			List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
			if (!missing.isEmpty()) {
				throw new CqpException(NLS.bind(Messages.Csv_missingColumns, file, String.join(", ", missing))); //$NON-NLS-1$
			}
			Map<String, Long> seen = new HashMap<>();
			for (CSVRecord record : parser) {
				lines++;
				long line = reader.lineOf(record.getCharacterPosition());
				List<String> reasons = new ArrayList<>();
				Row row = new Row(record, header);
				if (record.size() != header.size()) {
					reasons.add(NLS.bind(Messages.Csv_columnCount, Integer.valueOf(record.size()),
							Integer.valueOf(header.size())));
				}
				for (String column : header.keySet()) {
					cell(column, row.get(column), reasons);
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
				String code = row.get("certification").toUpperCase(Locale.ROOT); //$NON-NLS-1$
				Certification certification = certifications.get(code);
				if (!code.isEmpty() && certification == null) {
					reasons.add(NLS.bind(Messages.Csv_unknownCertification, code,
							String.join(", ", certifications.keySet().stream().sorted().toList()))); //$NON-NLS-1$
				}
				boolean plausible = registered != null && !registered.isAfter(today) && (certification == null
						|| rulesAt(certification, rules.computeIfAbsent(certification, RuleBook::of), registered,
								row.get("date_inscription"), reasons)); //$NON-NLS-1$
				LocalDate ageDay = plausible ? registered : today;
				if (birth != null && birth.plusYears(MIN_AGE).isAfter(ageDay)) {
					reasons.add(NLS.bind(Messages.Csv_tooYoung, row.get("date_naissance"), Integer.valueOf(MIN_AGE))); //$NON-NLS-1$
				} else if (birth != null && birth.plusYears(MAX_AGE + 1).isBefore(ageDay.plusDays(1))) {
					reasons.add(NLS.bind(Messages.Csv_tooOld, row.get("date_naissance"), Integer.valueOf(MAX_AGE))); //$NON-NLS-1$
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
				if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
					reasons.add(NLS.bind(Messages.Csv_badEmail, email));
				}
				if (reasons.isEmpty()) {
					RegistrationRow parsed = new RegistrationRow(row.optional("identifiant_candidat"), row.get("nom"), //$NON-NLS-1$ //$NON-NLS-2$
							row.get("prenom"), birth, row.optional("courriel"), row.optional("entreprise"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							row.optional("ville_entreprise"), code, registered, route, //$NON-NLS-1$
							body.isEmpty() ? null : body, row.optional("identifiant_inscription")); //$NON-NLS-1$
					Long first = seen.putIfAbsent(parsed.registrationKey(), Long.valueOf(line));
					if (first != null) {
						reasons.add(NLS.bind(Messages.Csv_repeated, first));
					} else {
						good++;
						rows.accept(parsed);
					}
				}
				if (!reasons.isEmpty()) {
					refused++;
					problems.accept(new Problem(line, String.join(" ; ", reasons))); //$NON-NLS-1$
				}
				if (lines % PROGRESS_EVERY == 0) {
					progress.worked(bytes.count(), size);
				}
			}
			progress.worked(size, size);
			return new Summary(lines, good, refused, dialect);
		} catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
			IOException cause = e instanceof UncheckedIOException u ? u.getCause() : e instanceof IOException io ? io : null;
			if (cause instanceof DeviceFailure failure) {
				throw new CqpException(NLS.bind(Messages.Csv_cannotRead, file, IoErrors.reason(failure.cause)), e);
			}
			long at = parser == null ? 1 : parser.getCurrentLineNumber() + 1;
			Matcher where = START_LINE.matcher(String.valueOf(e.getMessage()));
			Matcher alt = AT_LINE.matcher(String.valueOf(e.getMessage()));
			// commons-csv writes the line in the default locale's digits grouping (5,002)
			if (where.find()) {
				at = Long.parseLong(where.group(1).replaceAll("\\D", "")); //$NON-NLS-1$ //$NON-NLS-2$
			} else if (alt.find()) {
				at = Long.parseLong(alt.group(1).replaceAll("\\D", "")); //$NON-NLS-1$ //$NON-NLS-2$
			}
			String reason = String.valueOf(e.getMessage()).contains("EOF") ? Messages.Csv_openQuote : Messages.Csv_badQuote; //$NON-NLS-1$
			throw new CqpException(NLS.bind(Messages.Csv_malformed, new Object[] { file, Long.valueOf(at), reason }), e);
		}
	}

	/** Refuses, in one sentence, a path that is not a regular file that can be read. */
	public static void requireReadable(Path file) throws CqpException {
		if (!Files.isRegularFile(file)) {
			throw new CqpException(NLS.bind(Files.isDirectory(file) ? Messages.Csv_isFolder
					: Files.exists(file) ? Messages.Csv_notRegular : Messages.Csv_noFile, file));
		}
		if (!Files.isReadable(file)) {
			throw new CqpException(NLS.bind(Messages.Csv_cannotRead, file, Messages.Io_denied));
		}
	}

	/** Refuses a cell longer than its column holds, or holding what a person does not type. */
	private static void cell(String column, String value, List<String> reasons) {
		Integer max = MAX_LENGTHS.get(column);
		if (max != null && value.codePointCount(0, value.length()) > max.intValue()) {
			reasons.add(NLS.bind(Messages.Csv_tooLong, new Object[] { column,
					Integer.valueOf(value.codePointCount(0, value.length())), max }));
		}
		int bad = value.codePoints().filter(RegistrationCsv::untypable).findFirst().orElse(-1);
		if (bad == 0xFFFD) {
			reasons.add(NLS.bind(Messages.Csv_badEncoding, column));
		} else if (bad >= 0) {
			reasons.add(NLS.bind(Messages.Csv_control, column, String.format("U+%04X", Integer.valueOf(bad)))); //$NON-NLS-1$
		}
	}

	/**
	 * Whether {@code c} is a character no one types in a name, a city or an address: control
	 * characters (NUL, tabs, line breaks), invisible formatting (right-to-left overrides,
	 * zero-width spaces), unassigned or private ones, and the replacement of an undecodable byte.
	 */
	private static boolean untypable(int c) {
		return switch (Character.getType(c)) {
		case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
				Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
		default -> c == 0xFFFD;
		};
	}

	/** Whether a dated rule of the branch covers a registration on {@code day}; refuses it if not. */
	private static boolean rulesAt(Certification certification, RuleBook book, LocalDate day, String text,
			List<String> reasons) {
		Optional<RuleSet> rules = book.at(day);
		if (rules.isEmpty()) {
			LocalDate first = book.first().map(r -> r.getValidFrom()).orElse(null);
			reasons.add(first == null || !day.isBefore(first) ? NLS.bind(Messages.Csv_noRules, text, certification.getCode())
					: NLS.bind(Messages.Csv_beforeRules, new Object[] { text, certification.getCode(), first }));
			return false;
		}
		return true;
	}

	/**
	 * The characters of a file as the CSV parser reads them, telling the line of a character
	 * (counted from 1) from the line breaks read so far: the parser asks for the lines of its
	 * records in order, so only the breaks of the part it has read ahead are kept.
	 */
	private static final class LineCounter extends FilterReader {
		private final ArrayDeque<Long> breaks = new ArrayDeque<>();
		private long position;
		private long passed;

		LineCounter(Reader in) {
			super(new BufferedReader(in, 1 << 16));
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c >= 0) {
				seen((char) c);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				seen(buffer[offset + i]);
			}
			return n;
		}

		private void seen(char c) {
			if (c == '\n') {
				breaks.addLast(Long.valueOf(position));
			}
			position++;
		}

		long lineOf(long character) {
			while (!breaks.isEmpty() && breaks.peekFirst().longValue() < character) {
				breaks.pollFirst();
				passed++;
			}
			return 1 + passed;
		}
	}

	/**
	 * The bytes of a file, counted; a failure of the device is told apart from a malformed CSV
	 * (the parser reports both as I/O failures).
	 */
	private static final class CountingStream extends FilterInputStream {
		private long count;

		CountingStream(InputStream in, int skip) throws IOException {
			super(new BufferedInputStream(in, 1 << 16));
			count = super.skip(skip);
		}

		@Override
		public int read() throws IOException {
			int b = guarded(() -> super.read());
			count += b >= 0 ? 1 : 0;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = guarded(() -> super.read(buffer, offset, length));
			count += Math.max(0, n);
			return n;
		}

		long count() {
			return count;
		}

		private static int guarded(IoRead read) throws IOException {
			try {
				return read.run();
			} catch (IOException e) {
				throw new DeviceFailure(e);
			}
		}

		@FunctionalInterface
		private interface IoRead {
			int run() throws IOException;
		}
	}

	/** The device failed under the reading (not the CSV's fault). */
	private static final class DeviceFailure extends IOException {
		private static final long serialVersionUID = 1L;
		final IOException cause;

		DeviceFailure(IOException cause) {
			super(cause);
			this.cause = cause;
		}
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
			SpreadsheetCsv printer = new SpreadsheetCsv(writer, format);
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
				printer.record(values);
			}
			printer.flush();
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Csv_cannotWrite, IoErrors.reason(e)), e);
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

	/**
	 * How a file's bytes are text, found in one pass over them: UTF-8 when they are UTF-8 (with or
	 * without mark); Windows-1252 when they hold no UTF-8 sequence at all (what Excel writes);
	 * otherwise the file mixes both, and the bytes that are not UTF-8 become U+FFFD, which refuses
	 * the rows holding them. Excel's dialect when the first line has more semicolons than commas.
	 */
	private record Encoding(long size, int skip, boolean valid, boolean sequences, boolean excel) {

		static Encoding of(Path file) throws CqpException {
			CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
			ByteBuffer in = ByteBuffer.allocate(1 << 16);
			CharBuffer out = CharBuffer.allocate(1 << 16);
			boolean valid = true, sequences = false, firstLine = true, mark = false, start = true;
			long semicolons = 0, commas = 0;
			try (ReadableByteChannel channel = Files.newByteChannel(file)) {
				boolean end = false;
				while (!end) {
					end = channel.read(in) < 0;
					in.flip();
					CoderResult result;
					do {
						result = utf8.decode(in, out, end);
						if (result.isError()) {
							// a byte that is not UTF-8: skipped, the rest is still looked at
							valid = false;
							in.position(in.position() + result.length());
						}
						out.flip();
						while (out.hasRemaining()) {
							char c = out.get();
							mark |= start && c == '\uFEFF';
							start = false;
							sequences |= c >= 0x80;
							if (firstLine) {
								firstLine = c != '\n';
								semicolons += c == ';' ? 1 : 0;
								commas += c == ',' ? 1 : 0;
							}
						}
						out.clear();
					} while (!result.isUnderflow());
					in.compact();
				}
				return new Encoding(Files.size(file), mark && (valid || sequences) ? 3 : 0, valid, sequences,
						semicolons > commas);
			} catch (IOException e) {
				throw new CqpException(NLS.bind(Messages.Csv_cannotRead, file, IoErrors.reason(e)), e);
			}
		}

		CharsetDecoder decoder() {
			if (!valid && !sequences) {
				return Dialect.EXCEL.charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
						.onUnmappableCharacter(CodingErrorAction.REPLACE);
			}
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\uFFFD"); //$NON-NLS-1$
		}
	}

	/** A record read by column name, its cells as written before they were made safe for spreadsheets. */
	private static final class Row {
		private final CSVRecord record;
		private final Map<String, Integer> header;

		Row(CSVRecord record, Map<String, Integer> header) {
			this.record = record;
			this.header = header;
		}

		String get(String column) {
			Integer index = header.get(column);
			return index == null || index.intValue() >= record.size() ? "" //$NON-NLS-1$
					: SpreadsheetCsv.value(record.get(index.intValue()).strip());
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
