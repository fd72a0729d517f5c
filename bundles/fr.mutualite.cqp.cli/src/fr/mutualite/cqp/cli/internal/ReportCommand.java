package fr.mutualite.cqp.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.report.ReportParameter;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.referential.ReferentialException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cqp report ...}: the observatory's report pack. */
@Command(name = "report", aliases = "rapport", mixinStandardHelpOptions = true, subcommands = { //$NON-NLS-1$ //$NON-NLS-2$
		ReportCommand.ListCommand.class, ReportCommand.RunCommand.class })
final class ReportCommand implements Runnable {

	/** The name asking for every report of the pack. */
	static final String ALL = "all"; //$NON-NLS-1$

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** {@code cqp report list}: the reports and their parameters. */
	@Command(name = "list", aliases = "liste", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class ListCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws CqpException {
			PrintWriter out = spec.commandLine().getOut();
			ReportService service = CqpServices.get(ReportService.class);
			List<ReportInfo> reports = service.reports();
			PrintWriter err = spec.commandLine().getErr();
			for (CqpException refused : service.refusedDesigns()) {
				err.println(refused.getMessage());
				Cli.log(refused.getMessage(), refused.getCause());
			}
			err.flush();
			for (ReportInfo report : reports) {
				out.println(NLS.bind(Messages.Report_line, report.name(), report.title()));
				for (ReportParameter p : report.parameters()) {
					String value = p.defaultValue().isEmpty() ? Messages.Report_noDefault
							: NLS.bind(Messages.Report_default, p.defaultValue());
					out.println(NLS.bind(Messages.Report_parameter, new Object[] { p.name(), p.label(), kind(p), value }));
				}
			}
			out.flush();
			return Cli.OK;
		}

		private static String kind(ReportParameter p) {
			String kind = switch (p.kind()) {
			case INTEGER -> Messages.Report_kindInteger;
			case DECIMAL -> Messages.Report_kindDecimal;
			case DATE -> Messages.Report_kindDate;
			case BOOLEAN -> Messages.Report_kindBoolean;
			case TEXT -> Messages.Report_kindText;
			};
			if (!p.minimum().isEmpty() && !p.maximum().isEmpty()) {
				kind = NLS.bind(Messages.Report_kindRange, new Object[] { kind, p.minimum(), p.maximum() });
			}
			return p.listed() ? NLS.bind(Messages.Report_kindListed, kind) : kind;
		}
	}

	/** {@code cqp report run <name|all> --format pdf|html|xlsx [--param k=v ...] [--out DIR]}. */
	@Command(name = "run", aliases = "produire", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class RunCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Parameters(index = "0", paramLabel = "RAPPORT|all", descriptionKey = "report.run.RAPPORT") //$NON-NLS-1$
		String name;

		@Option(names = "--format", paramLabel = "pdf|html|xlsx", split = ",", defaultValue = "pdf", //$NON-NLS-1$ //$NON-NLS-2$
				descriptionKey = "report.run.format")
		List<String> formats;

		@Option(names = "--param", paramLabel = "NOM=VALEUR", descriptionKey = "report.run.param") //$NON-NLS-1$
		Map<String, String> parameters = new LinkedHashMap<>();

		@Option(names = "--out", paramLabel = "DOSSIER", defaultValue = "rapports", descriptionKey = "report.run.out") //$NON-NLS-1$
		Path out;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			List<ReportFormat> chosen = formats(formats);
			ReportService service = CqpServices.get(ReportService.class);
			List<String> names = ALL.equals(name) ? service.reports().stream().map(ReportInfo::name).toList()
					: List.of(service.report(name).name());
			Path folder = OutputFiles.folder(out);
			try (DossierStore target = store.open(ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING,
					spec.commandLine().getErr())) {
				PrintWriter writer = spec.commandLine().getOut();
				render(service, target.data(), names, chosen, parameters, folder, file -> {
					writer.println(file);
					writer.flush();
				});
			}
			return Cli.OK;
		}
	}

	/** The formats named, refused with the list of the known ones when one is unknown. */
	static List<ReportFormat> formats(List<String> names) throws CqpException {
		Set<ReportFormat> formats = new LinkedHashSet<>();
		for (String f : names) {
			ReportFormat format = ReportFormat.parse(f.strip());
			if (format == null) {
				throw new CqpException(NLS.bind(Messages.Report_badFormat, f));
			}
			formats.add(format);
		}
		if (formats.isEmpty()) {
			throw new CqpException(Messages.Report_noFormat);
		}
		return List.copyOf(formats);
	}

	/**
	 * Renders {@code names} in {@code formats} into {@code folder} ({@code name.extension}), each
	 * file given to {@code written} as soon as it is complete: when a later one fails, those
	 * written before it have been told. Every parameter is checked for every report before the
	 * first file is written. Each parameter goes to the reports that have it; one that no report
	 * has is refused. Returns the number of files written.
	 */
	static int render(ReportService service, DataStore data, List<String> names, List<ReportFormat> formats,
			Map<String, String> values, Path folder, Consumer<Path> written) throws CqpException {
		Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
		if (names.size() == 1) {
			// One report: the service refuses a parameter it does not have, naming those it has.
			parameters.put(names.get(0), service.parameters(names.get(0), values, data));
		} else {
			Set<String> unused = new LinkedHashSet<>(values.keySet());
			for (String report : names) {
				Map<String, String> own = new LinkedHashMap<>();
				for (ReportParameter p : service.report(report).parameters()) {
					if (values.containsKey(p.name())) {
						own.put(p.name(), values.get(p.name()));
					}
				}
				unused.removeAll(own.keySet());
				parameters.put(report, service.parameters(report, own, data));
			}
			if (!unused.isEmpty()) {
				throw new CqpException(NLS.bind(Messages.Report_parameterNowhere, unused.iterator().next()));
			}
		}
		int count = 0;
		for (String report : names) {
			for (ReportFormat format : formats) {
				Path file = folder.resolve(report + '.' + format.extension()).toAbsolutePath();
				service.render(report, data, format, parameters.get(report), file);
				written.accept(file);
				count++;
			}
		}
		return count;
	}
}
