package fr.mutualite.cqp.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.exchange.ExchangeImport;
import fr.mutualite.cqp.core.exchange.ExchangePackage;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cqp exchange ...}: dossiers sent as a package by a training body that cannot reach the server. */
@Command(name = "exchange", aliases = "echange", mixinStandardHelpOptions = true, subcommands = { //$NON-NLS-1$ //$NON-NLS-2$
		ExchangeCommand.ExportCommand.class, ExchangeCommand.ImportCommand.class })
final class ExchangeCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** {@code cqp exchange export --training-body CODE --out FILE}. */
	@Command(name = "export", aliases = "exporter", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class ExportCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Option(names = "--training-body", paramLabel = "CODE", required = true, descriptionKey = "exchange.export.trainingBody")
		String trainingBody;

		@Option(names = "--out", paramLabel = "FICHIER", required = true, descriptionKey = "exchange.export.out")
		Path out;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			int count;
			try (DossierStore source = store.open(ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING,
					spec.commandLine().getErr())) {
				count = ExchangePackage.export(source, trainingBody.strip(), out);
			}
			spec.commandLine().getOut().println(NLS.bind(Messages.Exchange_exported, new Object[] { Integer.valueOf(count),
					trainingBody.strip(), out.toAbsolutePath() }));
			return Cli.OK;
		}
	}

	/** {@code cqp exchange import FILE}. */
	@Command(name = "import", aliases = "importer", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class ImportCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Parameters(index = "0", paramLabel = "PAQUET", descriptionKey = "exchange.import.PAQUET")
		Path file;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			ReferentialLibrary library = ReferentialCommand.library(spec);
			ExchangePackage.Contents contents = ExchangePackage.read(file, library);
			ExchangeImport.Report report;
			String location;
			try (DossierStore target = store.open(library, DossierStoreFactory.Opening.CREATE_IF_MISSING,
					spec.commandLine().getErr())) {
				report = ExchangeImport.receive(target, contents);
				location = target.data().location();
			} finally {
				ExchangePackage.release(contents);
			}
			PrintWriter out = spec.commandLine().getOut();
			for (String conflict : report.conflicts()) {
				out.println(conflict);
			}
			out.println(NLS.bind(Messages.Exchange_imported, new Object[] { file.toAbsolutePath(), contents.sender().user(),
					contents.sender().trainingBody(), contents.sender().created(), location,
					Integer.valueOf(report.candidatesAdded()), Integer.valueOf(report.registrationsAdded()),
					Integer.valueOf(report.updated()), Integer.valueOf(report.unchanged()),
					Integer.valueOf(report.conflicts().size()) }));
			Cli.requireWritten(out);
			return report.conflicts().isEmpty() ? Cli.OK : Cli.FAILED;
		}
	}
}
