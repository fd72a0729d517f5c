package fr.mutualite.cqp.core.dossier;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
	private static final Pattern START_LINE = Pattern.compile("startline (\\d+)"); //$NON-NLS-1$
	private static final Pattern AT_LINE = Pattern.compile("line: (\\d+)"); //$NON-NLS-1$

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
	 * Reads and checks every row of {@code file} (its encoding and separator are recognised):
	 * required columns filled, every cell within its length and made of what a person types,
	 * days that exist and make sense (an age of 16 to 80 at registration, a registration under
	 * the dated rules of the certification's referentials, not in the future), certifications of
	 * {@code library}, training bodies of {@code trainingBodies}, each registration once.
	 */
	public static Parsed read(Path file, ReferentialLibrary library, Set<String> trainingBodies, LocalDate today)
			throws CqpException {
		requireReadable(file);
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		} catch (IOException | OutOfMemoryError e) {
			throw new CqpException(NLS.bind(Messages.Csv_cannotRead, file,
					e instanceof IOException io ? IoErrors.reason(io) : Messages.Csv_tooBig), e);
		}
		Map<String, Certification> certifications = new HashMap<>();
		library.certifications().forEach(c -> certifications.put(c.getCode().toUpperCase(Locale.ROOT), c));
		String text = decode(bytes);
		Dialect dialect = firstLine(text).chars().filter(c -> c == ';').count() > firstLine(text).chars()
				.filter(c -> c == ',').count() ? Dialect.EXCEL : Dialect.CSV;
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter).setHeader()
				.setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
		List<RegistrationRow> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		long lines = 0;
		CSVParser parser = null;
		try (Reader reader = new StringReader(text)) {
			parser = format.parse(reader);
			Map<String, Integer> header = new HashMap<>();
			parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(Locale.ROOT), index));
			List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
			if (!missing.isEmpty()) {
				throw new CqpException(NLS.bind(Messages.Csv_missingColumns, file, String.join(", ", missing))); //$NON-NLS-1$
			}
			Map<String, Long> seen = new HashMap<>();
			LineNumbers numbers = new LineNumbers(text);
			for (CSVRecord record : parser) {
				lines++;
				long line = numbers.of(record.getCharacterPosition());
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
				boolean plausible = registered != null && !registered.isAfter(today)
						&& (certification == null || rulesAt(certification, registered, row.get("date_inscription"), reasons)); //$NON-NLS-1$
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
				if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) { //$NON-NLS-1$
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
						rows.add(parsed);
					}
				}
				if (!reasons.isEmpty()) {
					problems.add(new Problem(line, String.join(" ; ", reasons))); //$NON-NLS-1$
				}
			}
		} catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
			long at = parser == null ? 1 : parser.getCurrentLineNumber() + 1;
			Matcher where = START_LINE.matcher(String.valueOf(e.getMessage()));
			Matcher alt = AT_LINE.matcher(String.valueOf(e.getMessage()));
			if (where.find()) {
				at = Long.parseLong(where.group(1));
			} else if (alt.find()) {
				at = Long.parseLong(alt.group(1));
			}
			String reason = String.valueOf(e.getMessage()).contains("EOF") ? Messages.Csv_openQuote : Messages.Csv_badQuote; //$NON-NLS-1$
			throw new CqpException(NLS.bind(Messages.Csv_malformed, new Object[] { file, Long.valueOf(at), reason }), e);
		}
		return new Parsed(rows, problems, dialect, lines);
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
	private static boolean rulesAt(Certification certification, LocalDate day, String text, List<String> reasons) {
		RuleBook book = RuleBook.of(certification);
		Optional<RuleSet> rules = book.at(day);
		if (rules.isEmpty()) {
			LocalDate first = book.first().map(r -> r.getValidFrom()).orElse(null);
			reasons.add(first == null || !day.isBefore(first) ? NLS.bind(Messages.Csv_noRules, text, certification.getCode())
					: NLS.bind(Messages.Csv_beforeRules, new Object[] { text, certification.getCode(), first }));
			return false;
		}
		return true;
	}

	/** The line of a character of a text, counted from 1. */
	private static final class LineNumbers {
		private final int[] breaks;

		LineNumbers(String text) {
			breaks = java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
		}

		long of(long position) {
			int found = java.util.Arrays.binarySearch(breaks, (int) position);
			return 1 + (found >= 0 ? found : -found - 1);
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
	 * The text of a file: UTF-8 when its bytes are UTF-8 (with or without mark); Windows-1252
	 * when they hold no UTF-8 sequence at all (what Excel writes); otherwise the file mixes both,
	 * and the bytes that are not UTF-8 become U+FFFD, which refuses the rows holding them.
	 */
	static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return strictUtf8().decode(content).toString();
		} catch (CharacterCodingException e) {
			if (!hasUtf8Sequence(bytes, start)) {
				return Dialect.EXCEL.charset.decode(ByteBuffer.wrap(bytes)).toString();
			}
			CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\uFFFD"); //$NON-NLS-1$
			try {
				CharBuffer text = lenient.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
				return text.toString();
			} catch (CharacterCodingException impossible) {
				throw new IllegalStateException(impossible);
			}
		}
	}

	private static CharsetDecoder strictUtf8() {
		return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** Whether the bytes hold at least one well-formed UTF-8 sequence of two bytes or more. */
	private static boolean hasUtf8Sequence(byte[] bytes, int start) {
		for (int i = start; i < bytes.length; i++) {
			int b = bytes[i] & 0xFF;
			int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
			if (length > 0 && i + length <= bytes.length) {
				try {
					strictUtf8().decode(ByteBuffer.wrap(bytes, i, length));
					return true;
				} catch (CharacterCodingException e) {
					// not a sequence: go on
				}
			}
		}
		return false;
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return end < 0 ? text : text.substring(0, end);
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
