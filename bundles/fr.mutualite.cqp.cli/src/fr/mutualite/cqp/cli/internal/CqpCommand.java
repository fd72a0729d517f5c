package fr.mutualite.cqp.cli.internal;

import fr.mutualite.cqp.core.CqpProduct;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command {@code cqp}: its options, and the list of its sub-commands. */
@Command(name = "cqp", mixinStandardHelpOptions = true, versionProvider = CqpCommand.Version.class, //$NON-NLS-1$
		usageHelpAutoWidth = true, sortOptions = false, subcommands = { ReferentialCommand.class, DataCommand.class,
		DatabaseCommand.class, ServerCommand.class, UserCommand.class, ExchangeCommand.class, ReportCommand.class, BookletCommand.class, DemoCommand.class, BenchCommand.class })
final class CqpCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** Supplies the product's version line to {@code --version}. */
	static final class Version implements IVersionProvider {
		@Override
		public String[] getVersion() {
			return new String[] { CqpProduct.versionLine() };
		}
	}
}
