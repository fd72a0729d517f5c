package fr.mutualite.cqp.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.store.StoreBenchmark;
import fr.mutualite.cqp.store.StoreBenchmark.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cqp bench ...}: the product's benchmarks, printing their figures. */
@Command(name = "bench", aliases = "banc", mixinStandardHelpOptions = true, subcommands = { BenchCommand.StoreCommand.class, //$NON-NLS-1$ //$NON-NLS-2$
		BenchCommand.ReportsCommand.class }) //$NON-NLS-1$ //$NON-NLS-2$
final class BenchCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** {@code cqp bench store [--candidates N] [--seed S] [--work DIR]}. */
	@Command(name = "store", aliases = "stockage", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class StoreCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Option(names = "--candidates", paramLabel = "N", defaultValue = "100000", descriptionKey = "bench.store.candidates")
		int candidates;

		@Option(names = "--seed", paramLabel = "GRAINE", defaultValue = "1", descriptionKey = "data.generate.seed")
		long seed;

		@Option(names = "--work", paramLabel = "DOSSIER", descriptionKey = "bench.store.work")
		Path work;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			Path folder;
			try {
				if (work != null && Files.exists(work) && Files.list(work).findAny().isPresent()) {
					throw new CqpException(NLS.bind(Messages.Bench_workNotEmpty, work));
				}
				folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("cqp-banc-"); //$NON-NLS-1$
			} catch (IOException e) {
				throw new CqpException(NLS.bind(Messages.Bench_noWork, work, e.getMessage()), e);
			}
			LocalDate today = LocalDate.now();
			Figures f;
			try {
				f = StoreBenchmark.run(folder, ReferentialCommand.library(), candidates, seed, today, line -> {
					err.println(line);
					err.flush();
				});
			} finally {
				if (work == null) {
					delete(folder);
				}
			}
			out.println(NLS.bind(Messages.Bench_title, Format.number(f.candidates()), Long.valueOf(seed)));
			out.println(NLS.bind(Messages.Bench_generation, new Object[] { Format.number(f.candidates()),
					Format.number(f.generatedRows()), Format.seconds(f.generation()),
					Format.number(Figures.perSecond(f.candidates(), f.generation())),
					Format.number(Figures.perSecond(f.generatedRows(), f.generation())) }));
			out.println(NLS.bind(Messages.Bench_export, Format.number(f.exported()), Format.seconds(f.export())));
			out.println(NLS.bind(Messages.Bench_import, new Object[] { Format.number(f.imported().rows()),
					Format.seconds(f.importing()), Format.number(Figures.perSecond(f.imported().rows(), f.importing())),
					Format.number(f.imported().registrationsAdded()) }));
			out.println(NLS.bind(Messages.Bench_derby, new Object[] { Format.number(f.derbyRows()),
					Format.seconds(f.derbyImport()), Format.number(Figures.perSecond(f.derbyRows(), f.derbyImport())) }));
			out.println(NLS.bind(Messages.Bench_ratio, Format.number(f.importRatio())));
			out.println(NLS.bind(Messages.Bench_list, new Object[] { f.busiestBody(), Format.number(f.listed()),
					Format.millis(f.listFirst()), Format.millis(f.listAgain()) }));
			if (work != null) {
				out.println(NLS.bind(Messages.Bench_kept, folder));
			}
			out.flush();
			return Cli.OK;
		}

		static void delete(Path folder) {
			try (Stream<Path> files = Files.walk(folder)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			} catch (IOException e) {
				// a temporary folder left behind is harmless
			}
		}
	}

	/**
	 * {@code cqp bench reports [--candidates N] [--db DIR] [--format ...]}: the report pack over a
	 * large synthetic branch, cold then warm, against the same SQL aggregates run alone.
	 */
	@Command(name = "reports", aliases = "rapports", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class ReportsCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Option(names = "--candidates", paramLabel = "N", defaultValue = "100000", descriptionKey = "bench.store.candidates")
		int candidates;

		@Option(names = "--seed", paramLabel = "GRAINE", defaultValue = "1", descriptionKey = "data.generate.seed")
		long seed;

		@Option(names = "--db", paramLabel = "DOSSIER", descriptionKey = "bench.reports.db")
		Path db;

		@Option(names = "--format", paramLabel = "pdf|html|xlsx", split = ",", defaultValue = "pdf,html,xlsx", //$NON-NLS-1$
				descriptionKey = "bench.reports.format")
		List<String> formats;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			List<ReportFormat> chosen = ReportCommand.formats(formats);
			Path folder;
			try {
				folder = Files.createTempDirectory("cqp-banc-rapports-"); //$NON-NLS-1$
			} catch (IOException e) {
				throw new CqpException(NLS.bind(Messages.Bench_noWork, System.getProperty("java.io.tmpdir"), e.getMessage()), e); //$NON-NLS-1$
			}
			Path database = db != null ? db.toAbsolutePath() : folder.resolve("base"); //$NON-NLS-1$
			ReferentialLibrary library = ReferentialCommand.library();
			ReportService service = CqpServices.get(ReportService.class);
			try (DossierStore store = CqpServices.get(DossierStoreFactory.class)
					.open(StoreSettings.embedded(database, StoreSettings.OWNER, null), library)) {
				int present = store.candidates().count();
				if (present == 0) {
					long start = System.nanoTime();
					DataCommand.generate(store, library, candidates, seed, LocalDate.now(), err);
					err.println(NLS.bind(Messages.BenchReports_generated, Format.number(store.candidates().count()),
							Format.seconds(Duration.ofNanos(System.nanoTime() - start))));
				}
				DataStore data = store.data();
				List<String> names = service.reports().stream().map(ReportInfo::name).toList();
				Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
				for (String name : names) {
					parameters.put(name, service.parameters(name, Map.of(), data));
				}
				List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
						.filter(p -> p.getType() == MemoryType.HEAP).toList();
				heap.forEach(MemoryPoolMXBean::resetPeakUsage);
				err.println(Messages.BenchReports_cold);
				err.flush();
				Map<String, Duration> cold = pack(service, data, names, chosen, parameters, folder.resolve("froid")); //$NON-NLS-1$
				err.println(Messages.BenchReports_warm);
				err.flush();
				Map<String, Duration> warm = pack(service, data, names, chosen, parameters, folder.resolve("chaud")); //$NON-NLS-1$
				long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
				err.println(Messages.BenchReports_sql);
				err.flush();
				Map<String, Duration> sql = new LinkedHashMap<>();
				long rows = 0;
				for (String name : names) {
					long start = System.nanoTime();
					for (int n = 0; n < chosen.size(); n++) {
						rows += service.query(name, data, parameters.get(name));
					}
					sql.put(name, Duration.ofNanos(System.nanoTime() - start));
				}
				Duration coldTotal = total(cold), warmTotal = total(warm), sqlTotal = total(sql);
				out.println(NLS.bind(Messages.BenchReports_title, new Object[] { Format.number(store.candidates().count()),
						Integer.valueOf(names.size()), String.join(", ", chosen.stream().map(ReportFormat::extension).toList()) })); //$NON-NLS-1$
				for (String name : names) {
					out.println(NLS.bind(Messages.BenchReports_report, new Object[] { name, Format.millis(cold.get(name)),
							Format.millis(warm.get(name)), Format.millis(sql.get(name)) }));
				}
				out.println(NLS.bind(Messages.BenchReports_pack, new Object[] { Format.seconds(coldTotal),
						Format.seconds(warmTotal), Integer.valueOf(names.size() * chosen.size()) }));
				out.println(NLS.bind(Messages.BenchReports_sqlAlone, Format.seconds(sqlTotal), Format.number(rows)));
				out.println(NLS.bind(Messages.BenchReports_ratio,
						Format.number(warmTotal.toNanos() / (double) Math.max(1, sqlTotal.toNanos()))));
				out.println(NLS.bind(Messages.BenchReports_heap, Format.number(peak / (1024.0 * 1024.0)),
						Format.number(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0))));
				out.flush();
			} finally {
				StoreCommand.delete(folder);
			}
			return Cli.OK;
		}

		private static Map<String, Duration> pack(ReportService service, DataStore data, List<String> names,
				List<ReportFormat> formats, Map<String, Map<String, Object>> parameters, Path folder) throws CqpException {
			Map<String, Duration> times = new LinkedHashMap<>();
			for (String name : names) {
				long start = System.nanoTime();
				for (ReportFormat format : formats) {
					service.render(name, data, format, parameters.get(name), folder.resolve(name + '.' + format.extension()));
				}
				times.put(name, Duration.ofNanos(System.nanoTime() - start));
			}
			return times;
		}

		private static Duration total(Map<String, Duration> times) {
			return times.values().stream().reduce(Duration.ZERO, Duration::plus);
		}
	}
}
