package fr.mutualite.cqp.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.core.framework.Platform;
import org.eclipse.birt.report.engine.api.EngineConfig;
import org.eclipse.birt.report.engine.api.EngineException;
import org.eclipse.birt.report.engine.api.HTMLRenderOption;
import org.eclipse.birt.report.engine.api.IEngineTask;
import org.eclipse.birt.report.engine.api.IGetParameterDefinitionTask;
import org.eclipse.birt.report.engine.api.IParameterSelectionChoice;
import org.eclipse.birt.report.engine.api.IRenderOption;
import org.eclipse.birt.report.engine.api.IReportEngine;
import org.eclipse.birt.report.engine.api.IReportEngineFactory;
import org.eclipse.birt.report.engine.api.IReportRunnable;
import org.eclipse.birt.report.engine.api.IRunAndRenderTask;
import org.eclipse.birt.report.engine.api.IScalarParameterDefn;
import org.eclipse.birt.report.engine.api.PDFRenderOption;
import org.eclipse.birt.report.engine.api.RenderOption;
import org.eclipse.birt.report.model.api.DesignElementHandle;
import org.eclipse.birt.report.model.api.ExtendedItemHandle;
import org.eclipse.birt.report.model.api.ImageHandle;
import org.eclipse.birt.report.model.api.OdaDataSetHandle;
import org.eclipse.birt.report.model.api.OdaDataSetParameterHandle;
import org.eclipse.birt.report.model.api.OdaDataSourceHandle;
import org.eclipse.birt.report.model.api.ReportDesignHandle;
import org.eclipse.birt.report.model.api.ReportItemHandle;
import org.eclipse.birt.report.model.api.SlotHandle;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.print.BookletSheet;
import fr.mutualite.cqp.core.report.Choice;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.report.ReportParameter;
import fr.mutualite.cqp.core.report.ReportService;
import uk.co.spudsoft.birt.emitters.excel.ExcelEmitter;

/**
 * The report pack ({@code designs/*.rptdesign} of this bundle) rendered with BIRT inside OSGi.
 * The engine starts on first use and is shared; each rendering gets the store's JDBC connection
 * through the application context, so that no design carries a database address. Titles,
 * labels and parameters come from the designs themselves, in the user's language.
 */
@Component(service = ReportService.class)
public final class BirtReportService implements ReportService {

	/** Application-context key of BIRT's JDBC driver for a connection handed in by the caller. */
	private static final String PASS_IN_CONNECTION = "OdaJDBCDriverPassInConnection"; //$NON-NLS-1$
	private static final String CLOSE_AFTER_USE = "OdaJDBCDriverPassInConnectionCloseAfterUse"; //$NON-NLS-1$
	private static final String DESIGNS = "designs"; //$NON-NLS-1$
	/** The one design of every booklet, outside the observatory's pack. */
	private static final String BOOKLET = "livrets/livret.rptdesign"; //$NON-NLS-1$
	/** User properties of a parameter in a design: the range of the values that make sense. */
	private static final String MINIMUM = "minimum", MAXIMUM = "maximum"; //$NON-NLS-1$ //$NON-NLS-2$
	/** Suffixes of two parameters that bound a period: the first may not come after the second. */
	private static final String START = "_debut", END = "_fin"; //$NON-NLS-1$ //$NON-NLS-2$
	private static final String EXTENSION = ".rptdesign"; //$NON-NLS-1$
	/** BIRT's JDBC data source: the one kind the store's connection replaces. */
	private static final String JDBC = "org.eclipse.birt.report.data.oda.jdbc"; //$NON-NLS-1$
	private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu") //$NON-NLS-1$
			.withResolverStyle(ResolverStyle.STRICT);

	/** Loggers of BIRT's data layer, held so that their level stays set. */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.eclipse.birt"), //$NON-NLS-1$
			Logger.getLogger("org.eclipse.datatools")); //$NON-NLS-1$

	/** How often a rendering asks whether it was cancelled, in milliseconds. */
	private static final long CANCEL_CHECK = 100;

	private IReportEngine engine;
	/** The reports' temporary files, {@code null} before the engine starts or when the data folder has none. */
	private TemporaryFolder temporary;
	private ScheduledExecutorService watcher;
	private Map<String, URL> designs;
	/** The designs parsed, by address. */
	private final Map<String, Opened> runnables = new ConcurrentHashMap<>();
	/** The designs of the data folder refused when last listed. */
	private final List<CqpException> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Override
	public List<ReportInfo> reports() throws CqpException {
		List<ReportInfo> reports = new ArrayList<>();
		for (String name : designs().keySet()) {
			reports.add(report(name));
		}
		return reports;
	}

	@Override
	public ReportInfo report(String name) throws CqpException {
		IReportRunnable runnable = runnable(name);
		ReportDesignHandle handle = (ReportDesignHandle) runnable.getDesignHandle();
		Locale locale = Locale.getDefault();
		String title = text(handle, handle.getStringProperty(ReportDesignHandle.TITLE_ID_PROP), handle.getTitle(), locale);
		String description = text(handle, handle.getStringProperty(ReportDesignHandle.DESCRIPTION_ID_PROP),
				handle.getDescription(), locale);
		return new ReportInfo(name, title == null ? name : title, description == null ? "" : description, //$NON-NLS-1$
				declared(runnable, false));
	}

	/**
	 * The parameters the design of {@code runnable} declares, those it hides too when
	 * {@code hidden} (given by the product, never asked: {@code jusqu_au} of the dashboard).
	 */
	private List<ReportParameter> declared(IReportRunnable runnable, boolean hidden) throws CqpException {
		ReportDesignHandle handle = (ReportDesignHandle) runnable.getDesignHandle();
		IGetParameterDefinitionTask task = engine().createGetParameterDefinitionTask(runnable);
		try {
			task.setLocale(Locale.getDefault());
			List<ReportParameter> parameters = new ArrayList<>();
			for (Object o : task.getParameterDefns(false)) {
				if (o instanceof IScalarParameterDefn p && (hidden || !p.isHidden())) {
					Object value = task.getDefaultValue(p);
					DesignElementHandle declared = handle.findParameter(p.getName());
					parameters.add(new ReportParameter(p.getName(), p.getPromptText() == null ? p.getName() : p.getPromptText(),
							kind(p), p.isRequired(), value == null ? "" : text(value), //$NON-NLS-1$
							p.getControlType() == IScalarParameterDefn.LIST_BOX, limit(declared, MINIMUM),
							limit(declared, MAXIMUM)));
				}
			}
			return List.copyOf(parameters);
		} finally {
			task.close();
		}
	}

	@Override
	public List<Choice> choices(String report, String parameter, DataStore store) throws CqpException {
		IReportRunnable runnable = runnable(report);
		try (Connection connection = store.connect()) {
			IGetParameterDefinitionTask task = engine().createGetParameterDefinitionTask(runnable);
			try {
				task.setLocale(Locale.getDefault());
				task.setAppContext(context(connection));
				Collection<?> list = task.getSelectionList(parameter);
				List<Choice> choices = new ArrayList<>();
				if (list != null) {
					for (Object o : list) {
						IParameterSelectionChoice c = (IParameterSelectionChoice) o;
						String value = c.getValue() == null ? "" : text(c.getValue()); //$NON-NLS-1$
						choices.add(new Choice(value, c.getLabel() == null ? value : c.getLabel()));
					}
				}
				return choices;
			} finally {
				task.close();
			}
		} catch (SQLException e) {
			throw new CqpException(NLS.bind(Messages.Render_database, store.location(), reason(e)), e);
		}
	}

	@Override
	public Map<String, Object> parameters(String report, Map<String, String> values, DataStore store)
			throws CqpException {
		Map<String, ReportParameter> known = new LinkedHashMap<>();
		declared(runnable(report), true).forEach(p -> known.put(p.name(), p));
		for (String name : values.keySet()) {
			if (!known.containsKey(name)) {
				List<String> asked = report(report).parameters().stream().map(ReportParameter::name).toList();
				throw new CqpException(NLS.bind(Messages.Parameter_unknown, new Object[] { name, report,
						asked.isEmpty() ? Messages.Parameter_none : String.join(", ", asked) })); //$NON-NLS-1$
			}
		}
		Map<String, Object> converted = new HashMap<>();
		for (ReportParameter p : known.values()) {
			String text = values.getOrDefault(p.name(), p.defaultValue()).strip();
			if (text.isEmpty()) {
				if (p.required() && p.kind() != ReportParameter.Kind.TEXT) {
					throw new CqpException(NLS.bind(Messages.Parameter_missing, p.name(), report));
				}
				converted.put(p.name(), p.kind() == ReportParameter.Kind.TEXT ? "" : null); //$NON-NLS-1$
				continue;
			}
			Object value = convert(p, text, report);
			within(p, value, report);
			if (p.listed() && values.containsKey(p.name())) {
				List<Choice> choices = choices(report, p.name(), store);
				String canonical = text(value);
				if (choices.stream().noneMatch(c -> c.value().equals(canonical))) {
					throw new CqpException(NLS.bind(Messages.Parameter_notInList, new Object[] { text, p.name(),
							String.join(", ", choices.stream().map(Choice::value).filter(v -> !v.isEmpty()).toList()) })); //$NON-NLS-1$
				}
			}
			converted.put(p.name(), value);
		}
		for (ReportParameter p : known.values()) {
			if (p.name().endsWith(START)) {
				String end = p.name().substring(0, p.name().length() - START.length()) + END;
				Object from = converted.get(p.name());
				Object to = converted.get(end);
				if (from instanceof Comparable<?> && to != null && compare(from, to) > 0) {
					throw new CqpException(NLS.bind(Messages.Parameter_order, new Object[] { p.name(), text(from), end,
							text(to), report }));
				}
			}
		}
		return converted;
	}

	/** Refuses a value outside the range its design gives the parameter. */
	private static void within(ReportParameter p, Object value, String report) throws CqpException {
		if (p.minimum().isEmpty() && p.maximum().isEmpty() || !(value instanceof Comparable<?>)) {
			return;
		}
		Object minimum = p.minimum().isEmpty() ? null : convert(p, p.minimum(), report);
		Object maximum = p.maximum().isEmpty() ? null : convert(p, p.maximum(), report);
		if (minimum != null && compare(value, minimum) < 0 || maximum != null && compare(value, maximum) > 0) {
			throw new CqpException(NLS.bind(Messages.Parameter_outOfRange, new Object[] { text(value), p.name(), report,
					p.minimum().isEmpty() ? "" : text(minimum), p.maximum().isEmpty() ? "" : text(maximum) })); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(Object a, Object b) {
		return ((Comparable) a).compareTo(b);
	}

	@Override
	public long query(String report, DataStore store, Map<String, Object> parameters) throws CqpException {
		return connected(report, store, (runnable, connection) -> {
			ReportDesignHandle handle = (ReportDesignHandle) runnable.getDesignHandle();
			Set<String> uses = new HashSet<>();
			collectUses(handle.getBody(), uses);
			long rows = 0;
			for (Object o : handle.getAllDataSets()) {
				if (o instanceof OdaDataSetHandle dataSet && uses.contains(dataSet.getName())) {
					rows += query(connection, dataSet, parameters, null);
				}
			}
			return rows;
		});
	}

	/** The data sets the items of {@code slot} (and their contents) are bound to. */
	private static void collectUses(SlotHandle slot, Set<String> uses) {
		for (Object o : slot.getContents()) {
			collectUses((DesignElementHandle) o, uses);
		}
	}

	private static void collectUses(DesignElementHandle element, Set<String> uses) {
		if (element instanceof ReportItemHandle item && item.getDataSet() != null) {
			uses.add(item.getDataSet().getName());
		}
		for (int i = 0; i < element.getDefn().getSlotCount(); i++) {
			collectUses(element.getSlot(i), uses);
		}
	}

	@Override
	public List<Map<String, Object>> rows(String report, String dataSet, DataStore store, Map<String, Object> parameters)
			throws CqpException {
		return connected(report, store, (runnable, connection) -> {
			if (!(((ReportDesignHandle) runnable.getDesignHandle()).findDataSet(dataSet) instanceof OdaDataSetHandle found)) {
				throw new CqpException(NLS.bind(Messages.Rows_noDataSet, dataSet, report));
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			query(connection, found, parameters, rows::add);
			return rows;
		});
	}

	/**
	 * Runs the query of {@code dataSet} with its parameters bound, reading every row; gives each
	 * to {@code sink} by column label when there is one. Returns the rows read.
	 */
	private static long query(Connection connection, OdaDataSetHandle dataSet, Map<String, Object> parameters,
			java.util.function.Consumer<Map<String, Object>> sink) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(dataSet.getQueryText())) {
			for (var i = dataSet.parametersIterator(); i.hasNext();) {
				OdaDataSetParameterHandle p = (OdaDataSetParameterHandle) i.next();
				statement.setObject(p.getPosition().intValue(), parameters.get(p.getParamName()));
			}
			long rows = 0;
			try (ResultSet result = statement.executeQuery()) {
				var meta = result.getMetaData();
				int columns = meta.getColumnCount();
				while (result.next()) {
					Map<String, Object> row = sink == null ? null : new LinkedHashMap<>();
					for (int c = 1; c <= columns; c++) {
						Object value = result.getObject(c);
						if (row != null) {
							row.put(meta.getColumnLabel(c).toUpperCase(Locale.ROOT), value);
						}
					}
					if (sink != null) {
						sink.accept(row);
					}
					rows++;
				}
			}
			return rows;
		}
	}

	@Override
	public void render(String report, DataStore store, ReportFormat format, Map<String, Object> parameters,
			Path output, BooleanSupplier cancelled) throws CqpException {
		IReportEngine reportEngine = engine();
		sweepTemporaryFiles();
		connected(report, store, (runnable, connection) -> {
			OutputFiles.write(output, out -> run(reportEngine, runnable, context(connection), format, parameters, out,
					cancelled));
			return null;
		});
	}

	/** Work done with a report's design and the store's connection for it. */
	@FunctionalInterface
	private interface Connected<T> {
		T run(IReportRunnable runnable, Connection connection) throws CqpException, SQLException;
	}

	/**
	 * Runs {@code work} over the design of {@code report} and the store's connection for it
	 * ({@link #connect}); a failure of the database is told in one sentence.
	 */
	private <T> T connected(String report, DataStore store, Connected<T> work) throws CqpException {
		URL design = design(report);
		IReportRunnable runnable = opened(design);
		try (Connection connection = connect(store, runnable, userFile(design))) {
			return work.run(runnable, connection);
		} catch (SQLException e) {
			throw new CqpException(NLS.bind(Messages.Render_database, store.location(), reason(e)), e);
		}
	}

	/**
	 * The store's connection for {@code runnable}; for a design of the data folder ({@code file}),
	 * its queries checked against the schema first, and the connection read only.
	 */
	private static Connection connect(DataStore store, IReportRunnable runnable, Path file) throws CqpException, SQLException {
		Connection connection = store.connect();
		try {
			if (file != null) {
				check(runnable, file, connection);
				connection.setReadOnly(true);
			}
			return connection;
		} catch (CqpException | SQLException | RuntimeException e) {
			connection.close();
			throw e;
		}
	}

	/**
	 * Prepares every query of a design of the data folder against the database before anything
	 * runs: one that names a table, view or column the schema does not have, or that is not a
	 * query, is refused in one sentence naming it.
	 */
	private static void check(IReportRunnable runnable, Path file, Connection connection) throws CqpException {
		ReportDesignHandle handle = (ReportDesignHandle) runnable.getDesignHandle();
		String name = name(runnable);
		for (Object o : handle.getAllDataSets()) {
			if (!(o instanceof OdaDataSetHandle dataSet) || dataSet.getQueryText() == null) {
				continue;
			}
			String query = dataSet.getQueryText().strip();
			String first = query.replaceAll("(?s)^(--[^\\n]*\\n|/\\*.*?\\*/|\\s)+", "").toUpperCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
			if (!first.startsWith("SELECT") && !first.startsWith("VALUES")) { //$NON-NLS-1$ //$NON-NLS-2$
				throw new CqpException(NLS.bind(Messages.User_notAQuery, new Object[] { name, file, dataSet.getName() }));
			}
			try (PreparedStatement statement = connection.prepareStatement(query)) {
				// compiled, not run
			} catch (SQLException e) {
				String state = e.getSQLState() == null ? "" : e.getSQLState(); //$NON-NLS-1$
				java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("'([^']+)'").matcher(String.valueOf(e.getMessage())); //$NON-NLS-1$
				if (Set.of("42X05", "42X04", "42Y07", "42X14").contains(state) && quoted.find()) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					throw new CqpException(NLS.bind(Messages.User_unknownName, new Object[] { name, file, dataSet.getName(),
							quoted.group(1) }), e);
				}
				throw new CqpException(NLS.bind(Messages.User_badQuery, new Object[] { name, file, dataSet.getName(), state }), e);
			}
		}
	}

	@Override
	public void print(BookletSheet sheet, Path output) throws CqpException {
		IReportEngine reportEngine = engine();
		Bundle bundle = FrameworkUtil.getBundle(BirtReportService.class);
		URL design = bundle == null ? null : bundle.getEntry(BOOKLET);
		if (design == null) {
			throw new CqpException(NLS.bind(Messages.Render_designMissing, BOOKLET));
		}
		IReportRunnable booklet = opened(design);
		Map<String, Object> context = new HashMap<>();
		context.put("cqp.title", List.<Object[]> of(new Object[] { sheet.title(), sheet.certification(), //$NON-NLS-1$
				switch (sheet.copy()) {
				case BLANK -> Messages.Print_blank;
				case FILLED -> Messages.Print_filled;
				case ISSUED -> ""; //$NON-NLS-1$
				} }));
		context.put("cqp.header", sheet.header().stream().map(f -> new Object[] { f.label(), f.value() }).toList()); //$NON-NLS-1$
		context.put("cqp.notes", sheet.notes().stream().map(n -> new Object[] { n }).toList()); //$NON-NLS-1$
		context.put("cqp.lines", sheet.lines().stream().map(l -> new Object[] { Integer.valueOf(l.section()), l.heading(), //$NON-NLS-1$
				Integer.valueOf(l.depth()), l.text(), l.answer() }).toList());
		context.put("cqp.footer", Messages.Print_footer); //$NON-NLS-1$
		OutputFiles.write(output, out -> run(reportEngine, booklet, context, ReportFormat.PDF, Map.of(), out, () -> false));
	}

	private void run(IReportEngine reportEngine, IReportRunnable runnable, Map<String, Object> context,
			ReportFormat format, Map<String, Object> parameters, OutputStream out, BooleanSupplier cancelled)
			throws CqpException {
		IRunAndRenderTask task = reportEngine.createRunAndRenderTask(runnable);
		ScheduledFuture<?> watch = null;
		try {
			task.setAppContext(context);
			task.setLocale(Locale.getDefault());
			task.setParameterValues(parameters);
			if (!task.validateParameters()) {
				throw new CqpException(NLS.bind(Messages.Render_badParameters, name(runnable)));
			}
			task.setRenderOption(renderOption(format, out, runnable));
			// BIRT stops between two rows or items of the report once the task is cancelled
			watch = watcher().scheduleWithFixedDelay(() -> {
				if (cancelled.getAsBoolean()) {
					task.cancel();
				}
			}, CANCEL_CHECK, CANCEL_CHECK, TimeUnit.MILLISECONDS);
			task.run();
			if (cancelled.getAsBoolean() || task.getStatus() == IEngineTask.STATUS_CANCELLED) {
				throw new CqpException(NLS.bind(Messages.Render_cancelled, name(runnable)));
			}
			List<?> errors = task.getErrors();
			if (!errors.isEmpty()) {
				Throwable first = (Throwable) errors.get(0);
				throw new CqpException(NLS.bind(Messages.Render_failed, name(runnable), reason(first)), first);
			}
		} catch (EngineException e) {
			throw new CqpException(NLS.bind(Messages.Render_failed, name(runnable), reason(e)), e);
		} finally {
			if (watch != null) {
				watch.cancel(false);
			}
			task.close();
		}
	}

	/** The thread that tells the renderings running whether they were cancelled. */
	private synchronized ScheduledExecutorService watcher() {
		if (watcher == null) {
			watcher = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread thread = new Thread(r, "cqp-rapports-annulation"); //$NON-NLS-1$
				thread.setDaemon(true);
				return thread;
			});
		}
		return watcher;
	}

	private static Map<String, Object> context(Connection connection) {
		Map<String, Object> appContext = new HashMap<>();
		appContext.put(PASS_IN_CONNECTION, connection);
		appContext.put(CLOSE_AFTER_USE, Boolean.FALSE);
		return appContext;
	}

	/**
	 * Whether a workbook of the design may be written as it goes: only without images or charts,
	 * which the Excel emitter places once their page ends, on rows a streamed workbook has
	 * already written out.
	 */
	private static boolean streamable(DesignElementHandle element) {
		if (element instanceof ImageHandle || element instanceof ExtendedItemHandle) {
			return false;
		}
		for (int slot = 0; slot < element.getDefn().getSlotCount(); slot++) {
			for (Object content : element.getSlot(slot).getContents()) {
				if (content instanceof DesignElementHandle child && !streamable(child)) {
					return false;
				}
			}
		}
		return true;
	}

	private static IRenderOption renderOption(ReportFormat format, OutputStream out, IReportRunnable runnable) {
		RenderOption option = switch (format) {
		case PDF -> new PDFRenderOption();
		case HTML -> {
			HTMLRenderOption html = new HTMLRenderOption();
			html.setEmbeddable(false);
			html.setImageHandler(new DataUriImageHandler());
			html.setSupportedImageFormats("PNG;GIF;JPG;BMP"); //$NON-NLS-1$
			yield html;
		}
		case XLSX -> {
			RenderOption xlsx = new RenderOption();
			// one sheet for the whole report, its tables' headers once (by default, a sheet for
			// each page of 40 rows)
			xlsx.setOption(IRenderOption.HTML_PAGINATION, Boolean.FALSE);
			// the rows written as they come, kept on disk in the reports' temporary folder
			// (TemporaryFolder) rather than all in memory: a fifth faster on long lists
			xlsx.setOption(ExcelEmitter.STREAMING_XLSX, Boolean.valueOf(streamable(runnable.getDesignHandle())));
			yield xlsx;
		}
		};
		option.setOutputFormat(format.extension());
		option.setOutputStream(out);
		return option;
	}

	private static Object convert(ReportParameter p, String text, String report) throws CqpException {
		try {
			return switch (p.kind()) {
			case INTEGER -> Integer.valueOf(text);
			case DECIMAL -> new BigDecimal(text.replace(',', '.'));
			case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "vrai", "oui", "yes" -> Boolean.TRUE; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			case "false", "faux", "non", "no" -> Boolean.FALSE; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			default -> throw new IllegalArgumentException(text);
			};
			case DATE -> java.sql.Date.valueOf(day(text));
			case TEXT -> text;
			};
		} catch (IllegalArgumentException | DateTimeParseException e) {
			throw new CqpException(NLS.bind(Messages.Parameter_badValue, new Object[] { text, p.name(), report,
					kindLabel(p.kind()) }), e);
		}
	}

	private static LocalDate day(String text) {
		try {
			return LocalDate.parse(text);
		} catch (DateTimeParseException e) {
			return LocalDate.parse(text, FRENCH_DAY);
		}
	}

	private static String kindLabel(ReportParameter.Kind kind) {
		return switch (kind) {
		case INTEGER -> Messages.Kind_integer;
		case DECIMAL -> Messages.Kind_decimal;
		case BOOLEAN -> Messages.Kind_boolean;
		case DATE -> Messages.Kind_date;
		case TEXT -> Messages.Kind_text;
		};
	}

	private static ReportParameter.Kind kind(IScalarParameterDefn p) {
		return switch (p.getDataType()) {
		case IScalarParameterDefn.TYPE_INTEGER -> ReportParameter.Kind.INTEGER;
		case IScalarParameterDefn.TYPE_DECIMAL, IScalarParameterDefn.TYPE_FLOAT -> ReportParameter.Kind.DECIMAL;
		case IScalarParameterDefn.TYPE_BOOLEAN -> ReportParameter.Kind.BOOLEAN;
		case IScalarParameterDefn.TYPE_DATE, IScalarParameterDefn.TYPE_DATE_TIME -> ReportParameter.Kind.DATE;
		default -> ReportParameter.Kind.TEXT;
		};
	}

	/** A value as its parameter writes it: days in ISO form. */
	private static String text(Object value) {
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate().toString();
		}
		if (value instanceof java.util.Date d) {
			return new java.sql.Date(d.getTime()).toLocalDate().toString();
		}
		return String.valueOf(value);
	}

	/** A limit the design gives a parameter as a user property, as text; empty when it gives none. */
	private static String limit(DesignElementHandle parameter, String property) {
		Object value = parameter == null || parameter.getPropertyDefn(property) == null ? null
				: parameter.getProperty(property);
		return value == null ? "" : value.toString().strip(); //$NON-NLS-1$
	}

	private static String text(ReportDesignHandle handle, String key, String fallback, Locale locale) {
		if (key != null) {
			String message = handle.getMessage(key, locale);
			if (message != null && !message.isEmpty()) {
				return message;
			}
		}
		return fallback;
	}

	/** The shipped designs, then the usable ones of the data folder, by name. */
	private synchronized Map<String, URL> designs() {
		if (designs == null) {
			Map<String, URL> found = new TreeMap<>();
			Bundle bundle = FrameworkUtil.getBundle(BirtReportService.class);
			Enumeration<URL> entries = bundle == null ? null : bundle.findEntries(DESIGNS, "*" + EXTENSION, false); //$NON-NLS-1$
			for (URL url : entries == null ? Collections.<URL> emptyList() : Collections.list(entries)) {
				String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
				found.put(file.substring(0, file.length() - EXTENSION.length()), url);
			}
			designs = found;
		}
		Map<String, URL> all = new LinkedHashMap<>(designs);
		refused.clear();
		for (Map.Entry<String, Path> user : userDesigns().entrySet()) {
			try {
				URL url = user.getValue().toUri().toURL();
				if (designs.containsKey(user.getKey())) {
					throw new CqpException(NLS.bind(Messages.User_shipped, user.getValue(), user.getKey()));
				}
				usable(user.getKey(), user.getValue(), opened(url));
				all.put(user.getKey(), url);
			} catch (CqpException e) {
				refused.add(e);
			} catch (java.net.MalformedURLException e) {
				refused.add(new CqpException(NLS.bind(Messages.Render_designMissing, user.getValue()), e));
			}
		}
		return all;
	}

	/** The {@code .rptdesign} files of the data folder's {@code rapports}, by name. */
	private static Map<String, Path> userDesigns() {
		Map<String, Path> found = new TreeMap<>();
		Path folder = DataFolder.reports();
		if (!Files.isDirectory(folder)) {
			return found;
		}
		try (java.util.stream.Stream<Path> files = Files.list(folder)) {
			files.filter(f -> f.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(f)).forEach(f -> {
				String file = f.getFileName().toString();
				found.put(file.substring(0, file.length() - EXTENSION.length()), f);
			});
		} catch (IOException e) {
			// an unreadable folder lists no design of its own
		}
		return found;
	}

	/** A design of the data folder whose data sources are not the product's database is refused. */
	private static void usable(String name, Path file, IReportRunnable runnable) throws CqpException {
		ReportDesignHandle handle = (ReportDesignHandle) runnable.getDesignHandle();
		for (Object o : handle.getAllDataSources()) {
			String type = o instanceof OdaDataSourceHandle oda ? oda.getExtensionID() : null;
			if (!JDBC.equals(type)) {
				throw new CqpException(NLS.bind(Messages.User_dataSource, new Object[] { file, ((DesignElementHandle) o).getName(),
						type == null ? ((DesignElementHandle) o).getDefn().getName() : type }));
			}
		}
		if (handle.getAllDataSets().isEmpty()) {
			throw new CqpException(NLS.bind(Messages.User_noData, file, name));
		}
	}

	private URL design(String name) throws CqpException {
		Map<String, URL> all = designs();
		URL url = all.get(name);
		if (url == null) {
			throw new CqpException(NLS.bind(Messages.Report_unknown, name, String.join(", ", all.keySet()))); //$NON-NLS-1$
		}
		return url;
	}

	/**
	 * The design {@code name}, parsed once: a shipped design does not change while the product
	 * runs; one of the data folder is parsed again when its file changed.
	 */
	private IReportRunnable runnable(String name) throws CqpException {
		return opened(design(name));
	}

	private IReportRunnable opened(URL url) throws CqpException {
		String key = url.toExternalForm();
		String stamp = ""; //$NON-NLS-1$
		if ("file".equals(url.getProtocol())) { //$NON-NLS-1$
			try {
				Path file = Path.of(url.toURI());
				stamp = Files.getLastModifiedTime(file) + "/" + Files.size(file); //$NON-NLS-1$
			} catch (IOException | java.net.URISyntaxException e) {
				throw new CqpException(NLS.bind(Messages.Render_designMissing, url), e);
			}
		}
		Opened known = runnables.get(key);
		if (known == null || !known.stamp().equals(stamp)) {
			known = new Opened(open(url), stamp);
			runnables.put(key, known);
		}
		return known.runnable();
	}

	/** A parsed design and the state of its file when parsed. */
	private record Opened(IReportRunnable runnable, String stamp) {
	}

	/** The file of a design of the data folder (the only ones read from files); {@code null} for a shipped one. */
	private static Path userFile(URL design) throws CqpException {
		try {
			return "file".equals(design.getProtocol()) ? Path.of(design.toURI()) : null; //$NON-NLS-1$
		} catch (java.net.URISyntaxException e) {
			throw new CqpException(NLS.bind(Messages.Render_designMissing, design), e);
		}
	}

	@Override
	public List<CqpException> refusedDesigns() {
		designs();
		return List.copyOf(refused);
	}

	private IReportRunnable open(URL design) throws CqpException {
		Object shown = design;
		try {
			shown = "file".equals(design.getProtocol()) ? Path.of(design.toURI()) : design; //$NON-NLS-1$
		} catch (java.net.URISyntaxException | IllegalArgumentException e) {
			// shown as an address
		}
		try (InputStream in = design.openStream()) {
			return engine().openReportDesign(design.toExternalForm(), in);
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Render_designMissing, shown), e);
		} catch (EngineException e) {
			throw new CqpException(NLS.bind(Messages.Render_designInvalid, shown, where(e)), e);
		}
	}

	/** Where a design does not parse: the line BIRT names, else the log. */
	private static String where(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof org.eclipse.birt.report.model.api.DesignFileException file && !file.getErrorList().isEmpty()
					&& file.getErrorList().get(0) instanceof org.eclipse.birt.report.model.api.ErrorDetail detail
					&& detail.getLineNo() > 0) {
				return NLS.bind(Messages.Render_line, Integer.valueOf(detail.getLineNo()));
			}
		}
		return Messages.Render_seeLog;
	}

	/** The design's name: its file name without extension. */
	private static String name(IReportRunnable runnable) {
		String path = runnable.getReportName();
		String file = path.substring(path.lastIndexOf('/') + 1);
		return file.endsWith(EXTENSION) ? file.substring(0, file.length() - EXTENSION.length()) : file;
	}

	/**
	 * What went wrong, in the user's language: Derby's state code when the database failed, else
	 * where the detail is. BIRT's and Derby's own texts are English and go to the log with the
	 * exception.
	 */
	private static String reason(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				// what a query of the observatory's own designs may run into, said in words
				String what = switch (sql.getSQLState()) {
				case "22012" -> Messages.Render_divisionByZero; //$NON-NLS-1$
				case "22003" -> Messages.Render_outOfRange; //$NON-NLS-1$
				case "22018" -> Messages.Render_badConversion; //$NON-NLS-1$
				case "22007", "22008" -> Messages.Render_badDate; //$NON-NLS-1$ //$NON-NLS-2$
				default -> null;
				};
				return what == null ? NLS.bind(Messages.Render_sqlState, sql.getSQLState())
						: NLS.bind(Messages.Render_sqlStateSaid, what, sql.getSQLState());
			}
		}
		return Messages.Render_seeLog;
	}

	private synchronized void sweepTemporaryFiles() {
		if (temporary != null) {
			temporary.sweep();
		}
	}

	private synchronized IReportEngine engine() throws CqpException {
		if (engine == null) {
			EngineConfig config = new EngineConfig();
			// Failures reach users as one message; BIRT's own log would repeat them with stack traces.
			config.setLogConfig(null, Level.OFF);
			config.setResourceLocator(new ShippedResources(DESIGNS));
			temporary = TemporaryFolder.use(DataFolder.temporary(), config);
			QUIET.forEach(logger -> logger.setLevel(Level.OFF));
			try {
				Platform.startup(config);
			} catch (BirtException e) {
				throw new CqpException(NLS.bind(Messages.Engine_cannotStart, Messages.Render_seeLog), e);
			}
			IReportEngineFactory factory = (IReportEngineFactory) Platform
					.createFactoryObject(IReportEngineFactory.EXTENSION_REPORT_ENGINE_FACTORY);
			if (factory == null) {
				throw new CqpException(NLS.bind(Messages.Engine_cannotStart, IReportEngineFactory.EXTENSION_REPORT_ENGINE_FACTORY));
			}
			engine = factory.createReportEngine(config);
		}
		return engine;
	}

	@Deactivate
	synchronized void deactivate() {
		runnables.clear();
		if (watcher != null) {
			watcher.shutdownNow();
			watcher = null;
		}
		if (engine != null) {
			engine.destroy();
			engine = null;
		}
		if (temporary != null) {
			temporary.close();
			temporary = null;
		}
	}
}
