package fr.mutualite.cqp.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.ReferentialFiles;
import fr.mutualite.cqp.diagram.DiagramFiles;
import fr.mutualite.cqp.diagram.LayeredLayout;
import fr.mutualite.cqp.diagram.ReferentialGraph;
import fr.mutualite.cqp.core.dossier.Progress;
import fr.mutualite.cqp.core.validation.Validation;
import fr.mutualite.cqp.core.validation.Validation.Problem;
import fr.mutualite.cqp.core.validation.Validation.Severity;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.CompetenceDomain;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Referential;
import fr.mutualite.cqp.referential.CaseExchange;
import fr.mutualite.cqp.referential.ConsistencyReport;
import fr.mutualite.cqp.referential.ConsistencyReport.Difference;
import fr.mutualite.cqp.referential.ReferentialDiff;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialExport;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cqp referential ...}: the certifications' referentials, for administrators and scripts. */
@Command(name = "referential", aliases = "referentiel", mixinStandardHelpOptions = true, subcommands = { ReferentialCommand.ListCommand.class, //$NON-NLS-1$ //$NON-NLS-2$
		ReferentialCommand.ExportCommand.class, ReferentialCommand.CheckCommand.class, ReferentialCommand.DiffCommand.class,
		ReferentialCommand.DiagramCommand.class, ReferentialCommand.ImportCommand.class })
final class ReferentialCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/**
	 * The referentials in use: the shipped ones and those of the data folder. What the user should
	 * know about them (a file left out, a code defined twice) is told on the error stream, one
	 * line each, and goes to the log.
	 */
	static ReferentialLibrary library(CommandSpec spec) throws ReferentialException {
		ReferentialLibrary library = ReferentialLibrary.withFolder(DataFolder.referentials());
		PrintWriter err = spec.commandLine().getErr();
		for (ReferentialLibrary.Notice notice : library.notices()) {
			err.println(notice.message());
			Cli.log(notice.message(), notice.cause());
		}
		err.flush();
		return library;
	}

	static Certification certification(ReferentialLibrary library, String code) throws CqpException {
		Optional<Certification> found = library.certification(code);
		if (found.isEmpty()) {
			throw new CqpException(NLS.bind(Messages.Referential_unknown, code,
					String.join(", ", library.certifications().stream().map(Certification::getCode).toList()))); //$NON-NLS-1$
		}
		return found.get();
	}

	/** {@code cqp referential list}. */
	@Command(name = "list", mixinStandardHelpOptions = true)
	static final class ListCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws ReferentialException {
			PrintWriter out = spec.commandLine().getOut();
			ReferentialLibrary library = library(spec);
			String row = "%-6s %-8s %-11s %8s %11s %8s %8s %7s  %s%n"; //$NON-NLS-1$
			out.printf(row, Messages.List_code, Messages.List_version, Messages.List_validFrom, Messages.List_domains,
					Messages.List_competences, Messages.List_groups, Messages.List_criteria, Messages.List_booklets,
					Messages.List_title);
			for (Certification c : library.certifications().stream().flatMap(c -> library.versions(c.getCode()).stream()).toList()) {
				Referential r = ReferentialLibrary.referentialOf(c);
				int competences = 0, groups = 0, criteria = 0;
				for (DomainUse use : c.getDomains()) {
					CompetenceDomain d = use.getDomain();
					competences += d.getCompetences().size();
					groups += d.getCriteriaGroups().size();
					criteria += d.getCriteriaGroups().stream().mapToInt(g -> g.getCriteria().size()).sum();
				}
				out.printf(row, c.getCode(), r.getVersion(), r.getValidFrom(), c.getDomains().size(), competences,
						groups, criteria, library.booklets(c).size(), c.getTitle());
			}
			out.flush();
			return Cli.OK;
		}
	}

	/** Text written by a command. */
	@FunctionalInterface
	interface Text {
		void to(Writer writer) throws IOException;
	}

	/**
	 * Writes {@code text} to the output, or to the file {@code out} (all or nothing) when given;
	 * returns the file written, or {@code null} for the output.
	 */
	static Path write(CommandSpec spec, Path out, Text text) throws CqpException {
		if (out == null) {
			PrintWriter writer = spec.commandLine().getOut();
			try {
				text.to(writer);
			} catch (IOException e) {
				throw new IllegalStateException(e); // a PrintWriter reports no error
			}
			Cli.requireWritten(writer);
			return null;
		}
		return OutputFiles.write(out, stream -> {
			Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
			text.to(writer);
			writer.flush();
		});
	}

	/** {@code cqp referential export <code> --format json|csv [--out FILE]}. */
	@Command(name = "export", mixinStandardHelpOptions = true)
	static final class ExportCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "CODE", descriptionKey = "referential.export.CODE")
		String code;

		@Option(names = "--format", paramLabel = "json|csv|case", defaultValue = "json", descriptionKey = "referential.export.format")
		String format;

		@Option(names = "--out", paramLabel = "FICHIER", descriptionKey = "referential.export.out")
		Path out;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			ReferentialExport.Format f;
			try {
				f = ReferentialExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				throw new CqpException(NLS.bind(Messages.Export_badFormat, format));
			}
			ReferentialLibrary library = library(spec);
			Certification certification = certification(library, code);
			Path target = write(spec, out, writer -> ReferentialExport.write(certification, library, f, writer));
			if (target != null) {
				spec.commandLine().getErr().println(NLS.bind(Messages.Export_written, certification.getCode(), target));
			}
			return Cli.OK;
		}
	}

	/** {@code cqp referential diff <A> <B> [--format text|json] [--out FILE]}. */
	@Command(name = "diff", mixinStandardHelpOptions = true)
	static final class DiffCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "A", descriptionKey = "referential.diff.A")
		String before;

		@Parameters(index = "1", paramLabel = "B", descriptionKey = "referential.diff.B")
		String after;

		@Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "referential.diff.format")
		String format;

		@Option(names = "--out", paramLabel = "FICHIER", descriptionKey = "referential.diff.out")
		Path out;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			boolean json = switch (format.toLowerCase(Locale.ROOT)) {
				case "text", "texte" -> false; //$NON-NLS-1$ //$NON-NLS-2$
				case "json" -> true; //$NON-NLS-1$
				default -> throw new CqpException(NLS.bind(Messages.Diff_badFormat, format));
			};
			ReferentialLibrary library = library(spec);
			Certification a = version(library, before);
			Certification b = version(library, after);
			List<ReferentialDiff.Change> changes = ReferentialDiff.of(a, b, library);
			String nameA = describe(a), nameB = describe(b);
			Path target = ReferentialCommand.write(spec, out, writer -> print(changes, nameA, nameB, json, writer));
			if (target != null) {
				spec.commandLine().getErr().println(NLS.bind(Messages.Diff_written, changes.size(), target));
			}
			return Cli.OK;
		}

		private static void print(List<ReferentialDiff.Change> changes, String a, String b, boolean json, Writer writer)
				throws IOException {
			if (json) {
				ReferentialDiff.json(changes, a, b, writer);
			} else {
				ReferentialDiff.text(changes, a, b, writer);
			}
		}

		/** "CMI 1.0 (2013-01-01)". */
		private static String describe(Certification certification) {
			Referential file = ReferentialLibrary.referentialOf(certification);
			return certification.getCode() + ' ' + file.getVersion() + " (" + file.getValidFrom() + ')'; //$NON-NLS-1$
		}

		/**
		 * The certification {@code spec} names: a referential file (defining one certification),
		 * {@code CODE@VERSION}, or a code (the version in force).
		 */
		private static Certification version(ReferentialLibrary library, String spec) throws CqpException, ReferentialException {
			Path file = Path.of(spec);
			if (ReferentialLibrary.isReferentialFile(file) || Files.exists(file)) {
				Referential referential = library.add(file);
				library.requireResolved(referential);
				if (referential.getCertifications().size() != 1) {
					throw new CqpException(NLS.bind(Messages.Diff_notOne, file, referential.getCertifications().size()));
				}
				return referential.getCertifications().get(0);
			}
			int at = spec.indexOf('@');
			if (at < 0) {
				return certification(library, spec);
			}
			String code = spec.substring(0, at), number = spec.substring(at + 1);
			Certification current = certification(library, code);
			return library.certification(code, number).orElseThrow(() -> new CqpException(NLS.bind(Messages.Diff_noVersion,
					new Object[] { current.getCode(), number, String.join(", ", library.versions(code).stream() //$NON-NLS-1$
							.map(ReferentialLibrary::versionOf).toList()) })));
		}
	}

	/** From this size, a file's reading and checking tell their progress. */
	static final long BIG_FILE = 5_000_000;

	/** Tells {@code report} each tenth of a task. */
	static final class Steps {
		private final long total;
		private final Progress report;
		private long next;

		Steps(long total, Progress report) {
			this.total = total;
			this.report = report;
		}

		void at(long done) {
			worked(done, total);
		}

		void worked(long done, long all) {
			if (all > 0 && done * 10 >= next * all && next <= 10) {
				if (next > 0) {
					report.worked(done, all);
				}
				next = done * 10 / all + 1;
			}
		}
	}

	/** {@code cqp referential check <code|FILE>}. */
	@Command(name = "check", mixinStandardHelpOptions = true)
	static final class CheckCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "CODE|FICHIER", descriptionKey = "referential.check.CODE|FICHIER")
		String target;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			PrintWriter out = spec.commandLine().getOut();
			ReferentialLibrary library = library(spec);
			Path file = Path.of(target);
			Referential referential;
			List<Certification> certifications = new ArrayList<>();
			PrintWriter err = spec.commandLine().getErr();
			long size = Files.isRegularFile(file) ? sizeOf(file) : 0;
			boolean big = size >= BIG_FILE;
			if (Files.exists(file) || ReferentialLibrary.isReferentialFile(file)) {
				referential = library.add(file, !big ? null : new Steps(size, (done, total) -> err.println(NLS.bind(
						Messages.Check_reading, new Object[] { file, Long.valueOf(100 * done / total),
								Format.number(done / 1_000_000.0), Format.number(total / 1_000_000.0) })))::at);
				certifications.addAll(referential.getCertifications());
			} else {
				Optional<Certification> certification = library.certification(target);
				Optional<Referential> byId = library.referentials().stream().filter(r -> r.getId().equalsIgnoreCase(target))
						.findFirst();
				if (certification.isPresent()) {
					referential = ReferentialLibrary.referentialOf(certification.get());
					certifications.add(certification.get());
				} else if (byId.isPresent()) {
					referential = byId.get();
					certifications.addAll(referential.getCertifications());
				} else {
					throw new CqpException(NLS.bind(Messages.Check_unknown, target));
				}
			}
			out.println(NLS.bind(Messages.Check_title, new Object[] { referential.getId(),
					referential.eResource().getURI().lastSegment(), referential.getVersion() }));
			Progress checking = !big ? Progress.NONE : new Steps(0, (done, total) -> {
				err.println(NLS.bind(Messages.Check_checking, Format.number(done), Format.number(total)));
				err.flush();
			})::worked;
			List<Problem> problems = new ArrayList<>(Validation.validate(referential, LocalDate.now(), checking));
			for (Certification c : certifications) {
				for (DomainUse use : c.getDomains()) {
					EObject domain = use.getDomain();
					if (domain != null && !domain.eIsProxy() && ReferentialLibrary.referentialOf(domain) != referential) {
						problems.addAll(Validation.validate(domain, LocalDate.now()));
					}
				}
			}
			long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
			long warnings = problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
			out.println(NLS.bind(Messages.Check_summary, errors, warnings));
			for (Problem p : problems) {
				out.println("  " + (p.severity() == Severity.ERROR ? Messages.Check_error : Messages.Check_warning) + "  " //$NON-NLS-1$ //$NON-NLS-2$
						+ p.message());
			}
			for (Certification c : certifications) {
				wordings(out, c, library);
			}
			out.flush();
			return errors > 0 ? Cli.FAILED : Cli.OK;
		}

		private static long sizeOf(Path file) {
			try {
				return Files.size(file);
			} catch (java.io.IOException e) {
				return 0;
			}
		}

		private static void wordings(PrintWriter out, Certification certification, ReferentialLibrary library) {
			List<Difference> differences = ConsistencyReport.of(certification, library);
			out.println();
			out.println(NLS.bind(Messages.Check_wordings, certification.getCode(), differences.size()));
			for (Difference d : differences) {
				String where = d.booklet() == null ? Messages.Check_certificationWording
						: d.booklet() + (d.section() == null ? "" : " / " + (d.item() == null ? d.section() : d.item())); //$NON-NLS-1$ //$NON-NLS-2$
				out.println("  [" + kind(d.kind()) + "] " + where + (d.element() == null ? "" : " (" + d.element() + ")")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				if (d.referentialWording() != null) {
					out.println("      " + Messages.Check_referentialSays + " " + d.referentialWording()); //$NON-NLS-1$ //$NON-NLS-2$
				}
				if (d.bookletWording() != null) {
					out.println("      " + Messages.Check_bookletSays + " " + d.bookletWording()); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}

		private static String kind(ConsistencyReport.Kind kind) {
			return switch (kind) {
			case DIFFERENT_WORDING -> Messages.Check_kindDifferent;
			case ADDED -> Messages.Check_kindAdded;
			case OMITTED -> Messages.Check_kindOmitted;
			case MOVED -> Messages.Check_kindMoved;
			};
		}
	}

	/** {@code cqp referential diagram <code|all> --format svg|png --out FILE [--criteria] [--scale N]}. */
	@Command(name = "diagram", aliases = "diagramme", mixinStandardHelpOptions = true)
	static final class DiagramCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "CODE|all", descriptionKey = "referential.diagram.CODE")
		String code;

		@Option(names = "--format", paramLabel = "svg|png", defaultValue = "svg", descriptionKey = "referential.diagram.format")
		String format;

		@Option(names = "--out", paramLabel = "FICHIER", required = true, descriptionKey = "referential.diagram.out")
		Path out;

		@Option(names = { "--criteria", "--criteres" }, descriptionKey = "referential.diagram.criteria")
		boolean criteria;

		@Option(names = "--scale", paramLabel = "N", defaultValue = "1", descriptionKey = "referential.diagram.scale")
		String scale;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			boolean svg = switch (format.toLowerCase(Locale.ROOT)) {
				case "svg" -> true; //$NON-NLS-1$
				case "png" -> false; //$NON-NLS-1$
				default -> throw new CqpException(NLS.bind(Messages.Diagram_badFormat, format));
			};
			double factor;
			try {
				factor = Double.parseDouble(scale.strip().replace(',', '.'));
			} catch (NumberFormatException e) {
				factor = Double.NaN;
			}
			if (!(factor >= 0.25 && factor <= 4)) {
				throw new CqpException(NLS.bind(Messages.Diagram_badScale, scale));
			}
			double size = factor;
			ReferentialLibrary library = library(spec);
			boolean all = code.equalsIgnoreCase("all") || code.equalsIgnoreCase("tous"); //$NON-NLS-1$ //$NON-NLS-2$
			String shown = all ? null : certification(library, code).getCode();
			ReferentialGraph graph = ReferentialGraph.of(library.certifications(),
					new ReferentialGraph.Filter(shown, criteria, java.util.Set.of()), severities(library));
			LayeredLayout.Layout layout = graph.layout(null);
			Path target = OutputFiles.write(out, stream -> {
				if (svg) {
					Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
					DiagramFiles.svg(graph, layout, writer);
				} else {
					DiagramFiles.png(graph, layout, size, stream);
				}
			});
			spec.commandLine().getErr().println(NLS.bind(Messages.Diagram_written, graph.nodes().size(), target));
			return Cli.OK;
		}

		/** The problems of every referential file. */
		private static java.util.function.Function<EObject, Severity> severities(ReferentialLibrary library) {
			List<Problem> problems = new ArrayList<>();
			for (Referential referential : library.referentials()) {
				problems.addAll(Validation.validate(referential));
			}
			return ReferentialGraph.severities(problems);
		}
	}

	/** {@code cqp referential import FILE [--yes]}: a CASE 1.1 package, shown then imported. */
	@Command(name = "import", mixinStandardHelpOptions = true)
	static final class ImportCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "FICHIER", descriptionKey = "referential.import.FILE")
		Path file;

		@Option(names = { "--yes", "--oui" }, descriptionKey = "referential.import.yes")
		boolean yes;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			CaseExchange.Package read = CaseExchange.read(file);
			Path folder = DataFolder.referentials();
			CaseExchange.Plan plan = CaseExchange.plan(read, folder);
			PrintWriter out = spec.commandLine().getOut();
			String name = read.code() + ' ' + read.version();
			for (String notice : plan.notices()) {
				out.println(notice);
			}
			if (plan.unchanged()) {
				out.println(NLS.bind(Messages.Import_unchanged, name));
				out.flush();
				return Cli.OK;
			}
			try {
				ReferentialDiff.text(plan.changes(), plan.before() == null ? Messages.Import_nothing
						: plan.before().getCode() + ' ' + ReferentialLibrary.versionOf(plan.before()), name, out);
			} catch (IOException e) {
				throw new IllegalStateException(e); // a PrintWriter reports no error
			}
			out.flush();
			if (!yes) {
				spec.commandLine().getErr().println(Messages.Import_dryRun);
				return Cli.OK;
			}
			Path written = ReferentialFiles.save(plan.target().eResource(), folder);
			spec.commandLine().getErr().println(NLS.bind(Messages.Import_written, name, written));
			return Cli.OK;
		}
	}
}
