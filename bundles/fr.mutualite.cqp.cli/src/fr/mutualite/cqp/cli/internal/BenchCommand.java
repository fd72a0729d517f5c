package fr.mutualite.cqp.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.store.StoreBenchmark;
import fr.mutualite.cqp.store.StoreBenchmark.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cqp bench ...}: the product's benchmarks, printing their figures. */
@Command(name = "bench", aliases = "banc", mixinStandardHelpOptions = true, subcommands = BenchCommand.StoreCommand.class) //$NON-NLS-1$ //$NON-NLS-2$
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

		private static void delete(Path folder) {
			try (Stream<Path> files = Files.walk(folder)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			} catch (IOException e) {
				// a temporary folder left behind is harmless
			}
		}
	}
}
