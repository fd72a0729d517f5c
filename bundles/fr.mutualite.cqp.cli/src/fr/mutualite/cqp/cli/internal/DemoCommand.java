package fr.mutualite.cqp.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cqp demo [--out DIR]}: the product's main job on the embedded default. Creates (or
 * reuses) a demonstration database holding the six referentials and a synthetic branch, then
 * renders the observatory's whole report pack in PDF, HTML and XLSX.
 */
@Command(name = "demo", aliases = "demonstration", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
final class DemoCommand implements Callable<Integer> {

	/** Candidates of the demonstration branch. */
	static final int CANDIDATES = 2000;
	private static final long SEED = 1;

	@Spec
	CommandSpec spec;

	@Option(names = "--out", paramLabel = "DOSSIER", descriptionKey = "demo.out") //$NON-NLS-1$
	Path out;

	@Option(names = "--db", paramLabel = "DOSSIER", descriptionKey = "demo.db") //$NON-NLS-1$
	Path db;

	@Override
	public Integer call() throws CqpException, ReferentialException {
		Path folder = DataFolder.get().resolve("demo"); //$NON-NLS-1$
		Path database = (db != null ? db : folder.resolve("base")).toAbsolutePath(); //$NON-NLS-1$
		Path reports = (out != null ? out : folder.resolve("rapports")).toAbsolutePath(); //$NON-NLS-1$
		PrintWriter err = spec.commandLine().getErr();
		PrintWriter writer = spec.commandLine().getOut();
		ReferentialLibrary library = ReferentialCommand.library(spec);
		ReportService service = CqpServices.get(ReportService.class);
		StoreSettings settings = StoreSettings.embedded(database, StoreSettings.OWNER, null);
		OutputFiles.folder(reports);
		try (DossierStore store = CqpServices.get(DossierStoreFactory.class).open(settings, library,
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					err.println(notice);
					err.flush();
				})) {
			int present = store.candidates().count();
			if (present == 0) {
				err.println(NLS.bind(Messages.Demo_generating, Integer.valueOf(CANDIDATES), database));
				err.flush();
				long start = System.nanoTime();
				DataCommand.generate(store, library, CANDIDATES, SEED, LocalDate.now(), err);
				err.println(NLS.bind(Messages.Demo_generated, Format.seconds(Duration.ofNanos(System.nanoTime() - start))));
			} else {
				err.println(NLS.bind(Messages.Demo_reusing, database, Integer.valueOf(present)));
			}
			List<String> names = service.reports().stream().map(ReportInfo::name).toList();
			err.println(NLS.bind(Messages.Demo_rendering, Integer.valueOf(names.size()), reports));
			err.flush();
			long start = System.nanoTime();
			int files = ReportCommand.render(service, store.data(), names, List.of(ReportFormat.values()), Map.of(),
					reports, file -> {
						writer.println(file);
						writer.flush();
					});
			err.println(NLS.bind(Messages.Demo_done, new Object[] { Integer.valueOf(files), reports,
					Format.seconds(Duration.ofNanos(System.nanoTime() - start)) }));
			err.println(NLS.bind(Messages.Demo_openIt, database));
			err.flush();
		}
		return Cli.OK;
	}
}
