package fr.mutualite.cqp.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.AuditTrail;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.ImportReport;
import fr.mutualite.cqp.core.dossier.PersonalDataExport;
import fr.mutualite.cqp.core.dossier.Progress;
import fr.mutualite.cqp.core.dossier.RegistrationCsv;
import fr.mutualite.cqp.core.dossier.RegistrationRow;
import fr.mutualite.cqp.core.dossier.Retention;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cqp data ...}: the candidates' dossiers of a database: synthetic branch, import, export. */
@Command(name = "data", aliases = "donnees", mixinStandardHelpOptions = true, subcommands = { //$NON-NLS-1$ //$NON-NLS-2$
		DataCommand.GenerateCommand.class, DataCommand.ImportCommand.class, DataCommand.ExportCommand.class,
		DataCommand.AuditCommand.class, DataCommand.PersonalCommand.class, DataCommand.EraseCommand.class,
		DataCommand.RetentionCommand.class })
final class DataCommand implements Runnable {

	/** How often long tasks report their progress. */
	private static final int PROGRESS_STEPS = 10;

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** {@code cqp data generate --candidates N --seed S [--as-of DAY] [--db DIR]}. */
	@Command(name = "generate", aliases = "generer", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class GenerateCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Option(names = "--candidates", paramLabel = "N", defaultValue = "2000", descriptionKey = "data.generate.candidates")
		int candidates;

		@Option(names = "--seed", paramLabel = "GRAINE", defaultValue = "1", descriptionKey = "data.generate.seed")
		long seed;

		@Option(names = "--as-of", paramLabel = "AAAA-MM-JJ", descriptionKey = "data.generate.asOf")
		LocalDate asOf;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			if (candidates < 1) {
				throw new CqpException(NLS.bind(Messages.Generate_badCount, Integer.valueOf(candidates)));
			}
			ReferentialLibrary library = ReferentialCommand.library(spec);
			PrintWriter err = spec.commandLine().getErr();
			LocalDate day = asOf == null ? LocalDate.now() : asOf;
			try (DossierStore target = store.open(library, DossierStoreFactory.Opening.CREATE_IF_MISSING, err)) {
				int present = target.candidates().count();
				if (present > 0) {
					throw new CqpException(NLS.bind(Messages.Generate_notEmpty, target.data().location(),
							Integer.valueOf(present)));
				}
				long start = System.nanoTime();
				long rows = generate(target, library, candidates, seed, day, err);
				Duration time = Duration.ofNanos(System.nanoTime() - start);
				PrintWriter out = spec.commandLine().getOut();
				out.println(NLS.bind(Messages.Generate_done, new Object[] { target.data().location(),
						Integer.valueOf(target.candidates().count()), Integer.valueOf(target.registrations().count()),
						Long.valueOf(rows), Format.seconds(time), Format.number(rows / Math.max(0.001, time.toMillis() / 1000.0)),
						Long.valueOf(seed), day }));
				out.flush();
			}
			return Cli.OK;
		}
	}

	/**
	 * Fills {@code target} with a synthetic branch of {@code candidates} candidates, telling
	 * {@code err} how far it is; returns the rows written.
	 */
	static long generate(DossierStore target, ReferentialLibrary library, int candidates, long seed, LocalDate day,
			PrintWriter err) throws CqpException {
		BranchGenerator generator = new BranchGenerator(library, seed, day);
		try (BulkLoader loader = target.bulkLoader()) {
			int step = Math.max(1, candidates / PROGRESS_STEPS);
			generator.generate(candidates, BranchGenerator.into(loader), (done, total) -> {
				if (done % step == 0) {
					err.println(NLS.bind(Messages.Generate_progress, Long.valueOf(done), Long.valueOf(total)));
					err.flush();
				}
			});
			err.println(Messages.Generate_committing);
			err.flush();
			loader.commit();
			return loader.rows();
		}
	}

	/** {@code cqp data import FILE [--db DIR]}. */
	@Command(name = "import", aliases = "importer", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class ImportCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Parameters(index = "0", paramLabel = "FICHIER", descriptionKey = "data.import.FICHIER")
		Path file;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			ReferentialLibrary library = ReferentialCommand.library(spec);
			PrintWriter err = spec.commandLine().getErr();
			PrintWriter out = spec.commandLine().getOut();
			RegistrationCsv.requireReadable(file);
			StoreSettings settings = store.settings();
			LocalDate today = LocalDate.now();
			if (settings.mode() == StoreSettings.Mode.EMBEDDED && !EmbeddedDerbyStore.exists(settings.folder())) {
				// A new database gets the training bodies of the referentials: a file that cannot be
				// read is refused before the database is made (its rows are told when they are imported).
				Set<String> bodies = library.referentials().stream().flatMap(r -> r.getTrainingBodies().stream())
						.map(TrainingBody::getCode).collect(Collectors.toSet());
				RegistrationCsv.read(file, library, bodies, today, row -> {
					// only whether the file can be read
				}, problem -> {
					// told when the file is imported
				}, Progress.NONE);
			}
			try (DossierStore target = store.open(settings, library, DossierStoreFactory.Opening.CREATE_IF_MISSING, err)) {
				Set<String> bodies = target.trainingBodies().list().stream().map(TrainingBody::getCode)
						.collect(Collectors.toSet());
				RegistrationCsv.Summary[] read = new RegistrationCsv.Summary[1];
				long[] told = { 0 };
				ImportReport report = target.importRegistrations(rows -> read[0] = RegistrationCsv.read(file, library,
						bodies, today, rows, problem -> err.println(problem), (done, total) -> {
							long percent = total == 0 ? 100 : done * 100 / total;
							if (percent / PROGRESS_STEPS > told[0] && percent < 100) {
								told[0] = percent / PROGRESS_STEPS;
								err.println(NLS.bind(Messages.Import_progress, Long.valueOf(told[0] * PROGRESS_STEPS)));
								err.flush();
							}
						}));
				RegistrationCsv.Summary parsed = read[0];
				err.println(NLS.bind(Messages.Import_read, new Object[] { file, Long.valueOf(parsed.lines()),
						Long.valueOf(parsed.rows()), Long.valueOf(parsed.refused()) }));
				err.flush();
				if (parsed.rows() > 0) {
					out.println(NLS.bind(Messages.Import_done, new Object[] { target.data().location(),
							Integer.valueOf(report.candidatesAdded()), Integer.valueOf(report.candidatesMatched()),
							Integer.valueOf(report.registrationsAdded()), Integer.valueOf(report.duplicates()),
							Integer.valueOf(report.companiesAdded()) }));
				}
				if (parsed.refused() > 0) {
					out.println(NLS.bind(Messages.Import_refused, Long.valueOf(parsed.refused())));
				}
				out.flush();
				return parsed.refused() == 0 ? Cli.OK : Cli.FAILED;
			}
		}
	}

	/** {@code cqp data export [--format csv|excel] [--out FILE] [--db DIR]}. */
	@Command(name = "export", aliases = "exporter", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class ExportCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Option(names = "--format", paramLabel = "csv|excel", defaultValue = "csv", descriptionKey = "data.export.format")
		String format;

		@Option(names = "--out", paramLabel = "FICHIER", descriptionKey = "data.export.out")
		Path out;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			RegistrationCsv.Dialect dialect;
			try {
				dialect = RegistrationCsv.Dialect.valueOf(format.toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				throw new CqpException(NLS.bind(Messages.DataExport_badFormat, format));
			}
			List<RegistrationRow> rows = new ArrayList<>();
			try (DossierStore source = store.open(ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING,
					spec.commandLine().getErr())) {
				source.exportRegistrations(rows::add);
			}
			if (out == null) {
				if (dialect != RegistrationCsv.Dialect.CSV) {
					throw new CqpException(Messages.DataExport_needsFile);
				}
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				RegistrationCsv.write(rows, dialect, bytes);
				PrintWriter writer = spec.commandLine().getOut();
				writer.print(bytes.toString(StandardCharsets.UTF_8));
				Cli.requireWritten(writer);
				return Cli.OK;
			}
			Path target = OutputFiles.write(out, stream -> RegistrationCsv.write(rows, dialect, stream));
			spec.commandLine().getErr().println(NLS.bind(Messages.DataExport_written, Integer.valueOf(rows.size()), target));
			return Cli.OK;
		}
	}

	/** {@code cqp data audit --candidate ID [--out FILE]}: a candidate's audit trail as CSV. */
	@Command(name = "audit", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class AuditCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Option(names = "--candidate", paramLabel = "IDENTIFIANT", required = true, descriptionKey = "data.audit.candidate")
		String candidate;

		@Option(names = "--out", paramLabel = "FICHIER", descriptionKey = "data.audit.out")
		Path out;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			List<AuditTrail.Line> lines;
			try (DossierStore source = store.open(ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING,
					spec.commandLine().getErr())) {
				lines = source.auditTrail(candidate);
			}
			if (out == null) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				AuditTrail.write(lines, bytes);
				PrintWriter writer = spec.commandLine().getOut();
				writer.print(bytes.toString(StandardCharsets.UTF_8));
				Cli.requireWritten(writer);
				return Cli.OK;
			}
			Path target = OutputFiles.write(out, stream -> AuditTrail.write(lines, stream));
			spec.commandLine().getErr().println(NLS.bind(Messages.DataAudit_written, new Object[] { Integer.valueOf(lines.size()),
					candidate, target }));
			return Cli.OK;
		}
	}

	/** {@code cqp data personal --candidate ID --out FILE}: a candidate's personal data handed to them. */
	@Command(name = "personal", aliases = "personnel", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class PersonalCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Option(names = "--candidate", paramLabel = "IDENTIFIANT", required = true, descriptionKey = "data.personal.candidate")
		String candidate;

		@Option(names = "--out", paramLabel = "FICHIER", required = true, descriptionKey = "data.personal.out")
		Path out;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			Path written;
			try (DossierStore source = store.open(ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING,
					spec.commandLine().getErr())) {
				written = PersonalDataExport.write(source, CqpServices.get(ReportService.class), candidate.strip(), out);
			}
			spec.commandLine().getOut().println(NLS.bind(Messages.DataPersonal_written, candidate.strip(), written));
			return Cli.OK;
		}
	}

	/** {@code cqp data erase --candidate ID --yes}: a candidate's personal data erased at their request. */
	@Command(name = "erase", aliases = "effacer", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class EraseCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Option(names = "--candidate", paramLabel = "IDENTIFIANT", required = true, descriptionKey = "data.erase.candidate")
		String candidate;

		@Option(names = "--yes", descriptionKey = "data.erase.yes")
		boolean yes;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			if (!yes) {
				throw new CqpException(NLS.bind(Messages.DataErase_confirm, candidate));
			}
			try (DossierStore target = store.open(ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING,
					spec.commandLine().getErr())) {
				target.candidates().erase(candidate);
				spec.commandLine().getOut().println(NLS.bind(Messages.DataErase_done, candidate, target.data().location()));
			}
			return Cli.OK;
		}
	}

	/** {@code cqp data retention [--as-of DAY] [--yes]}: the retention rule of the referentials applied. */
	@Command(name = "retention", aliases = "conservation", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class RetentionCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Option(names = "--as-of", paramLabel = "AAAA-MM-JJ", descriptionKey = "data.retention.asOf")
		LocalDate asOf;

		@Option(names = "--yes", descriptionKey = "data.retention.yes")
		boolean yes;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			LocalDate day = asOf == null ? LocalDate.now() : asOf;
			Retention.Report report;
			String location;
			try (DossierStore target = store.open(ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING,
					spec.commandLine().getErr())) {
				report = target.candidates().applyRetention(day, yes);
				location = target.data().location();
			}
			PrintWriter out = spec.commandLine().getOut();
			for (String id : report.erased()) {
				out.println(id);
			}
			out.println(NLS.bind(yes ? Messages.DataRetention_applied : Messages.DataRetention_planned, new Object[] { day,
					location, Integer.valueOf(report.erased().size()), Integer.valueOf(report.kept()) }));
			Cli.requireWritten(out);
			return Cli.OK;
		}
	}
}
