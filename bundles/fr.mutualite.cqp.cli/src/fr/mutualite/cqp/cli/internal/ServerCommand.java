package fr.mutualite.cqp.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.IoErrors;
import fr.mutualite.cqp.core.PrivateFiles;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.store.DerbyNetworkServer;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cqp server ...}: Derby's network server on this machine, sharing a database of the data
 * folder with several users, each with a password.
 */
@Command(name = "server", aliases = "serveur", mixinStandardHelpOptions = true, subcommands = { //$NON-NLS-1$ //$NON-NLS-2$
		ServerCommand.StartCommand.class, ServerCommand.RunCommand.class, ServerCommand.StopCommand.class,
		ServerCommand.StatusCommand.class })
final class ServerCommand implements Runnable {

	private static final long START_TIMEOUT_S = 60;

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** What every server command knows: the port of the server. */
	static class OnPort {
		@Spec
		CommandSpec spec;

		@Option(names = "--port", paramLabel = "PORT", defaultValue = "1527", descriptionKey = "server.port")
		int port;
	}

	/** And for the commands that start a server, its database. */
	static class Where extends OnPort {
		@Option(names = "--db", paramLabel = "DOSSIER", descriptionKey = "server.db")
		Path db;

		Path folder() {
			return (db != null ? db : DataFolder.get().resolve(DatabaseChoice.DEFAULT_FOLDER)).toAbsolutePath()
					.normalize();
		}
	}

	/** {@code cqp server start}: prepares the database, then runs the server in the background. */
	@Command(name = "start", aliases = "demarrer", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class StartCommand extends Where implements Callable<Integer> {
		@Override
		public Integer call() throws CqpException, ReferentialException {
			PrintWriter out = spec.commandLine().getOut();
			if (DerbyNetworkServer.running(port)) {
				throw new CqpException(NLS.bind(Messages.Server_alreadyRunning, DerbyNetworkServer.address(port)));
			}
			Path folder = folder();
			boolean fresh = !EmbeddedDerbyStore.exists(folder);
			char[] password = Passwords.get(Passwords.DATABASE, StoreSettings.OWNER, fresh);
			if (DerbyNetworkServer.requireCredentials(folder, password)) {
				out.println(NLS.bind(Messages.Server_secured, folder, StoreSettings.OWNER));
			}
			// The owner brings the schema up to date before anyone connects.
			CqpServices.get(DossierStoreFactory.class).open(StoreSettings.embedded(folder, StoreSettings.OWNER, password),
					ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING, notice -> {
						out.println(notice);
						out.flush();
					}).close();
			Path log = folder.resolveSibling(folder.getFileName() + "-serveur.log"); //$NON-NLS-1$
			try {
				if (Files.exists(log)) {
					PrivateFiles.restrict(log);
				} else {
					PrivateFiles.createFile(log);
				}
			} catch (IOException e) {
				throw new CqpException(NLS.bind(Messages.Server_noLog, log, IoErrors.reason(e)), e);
			}
			Process child = background(spec, folder, port, log);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
			while (!DerbyNetworkServer.running(port)) {
				if (!child.isAlive() || System.nanoTime() > deadline) {
					child.destroy();
					throw new CqpException(NLS.bind(Messages.Server_didNotStart, DerbyNetworkServer.address(port), log));
				}
				sleep();
			}
			out.println(NLS.bind(Messages.Server_started, new Object[] { DerbyNetworkServer.address(port), folder,
					Long.valueOf(child.pid()), log, folder.getFileName() }));
			out.flush();
			return Cli.OK;
		}

		/** Starts {@code cqp server run} as a process of its own, which outlives this command. */
		private static Process background(CommandSpec spec, Path folder, int port, Path log) throws CqpException {
			ProcessHandle.Info info = ProcessHandle.current().info();
			Optional<String> java = info.command();
			Optional<String[]> arguments = info.arguments();
			List<String> original = spec.root().commandLine().getParseResult().originalArgs();
			if (java.isEmpty() || arguments.isEmpty() || arguments.get().length < original.size()) {
				throw new CqpException(Messages.Server_noCommandLine);
			}
			List<String> command = new ArrayList<>();
			Path setsid = Path.of("/usr/bin/setsid"); //$NON-NLS-1$
			if (Files.isExecutable(setsid)) {
				command.add(setsid.toString());
			}
			command.add(java.get());
			String[] all = arguments.get();
			for (int i = 0; i < all.length - original.size(); i++) {
				command.add(all[i]);
			}
			command.addAll(List.of("server", "run", "--port", String.valueOf(port), "--db", folder.toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
					.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))); //$NON-NLS-1$
			builder.environment().remove(Passwords.DATABASE);
			try {
				return builder.start();
			} catch (IOException e) {
				throw new CqpException(NLS.bind(Messages.Server_didNotStart, DerbyNetworkServer.address(port), log), e);
			}
		}
	}

	/** {@code cqp server run}: the server in the foreground, until {@code cqp server stop}. */
	@Command(name = "run", aliases = "executer", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class RunCommand extends Where implements Callable<Integer> {
		@Override
		public Integer call() throws CqpException {
			Path folder = folder();
			if (!EmbeddedDerbyStore.exists(folder)) {
				throw new CqpException(NLS.bind(Messages.Server_noDatabase, folder));
			}
			PrintWriter out = spec.commandLine().getOut();
			DerbyNetworkServer server = DerbyNetworkServer.start(folder, port, out);
			out.println(NLS.bind(Messages.Server_listening, new Object[] { DerbyNetworkServer.address(port), folder,
					folder.getFileName() }));
			out.flush();
			server.awaitStop();
			out.println(Messages.Server_stopped);
			out.flush();
			return Cli.OK;
		}
	}

	/** {@code cqp server stop}. */
	@Command(name = "stop", aliases = "arreter", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class StopCommand extends OnPort implements Callable<Integer> {
		@Override
		public Integer call() throws CqpException {
			char[] password = Passwords.fromEnvironment(Passwords.DATABASE);
			try {
				DerbyNetworkServer.stop(port, StoreSettings.OWNER, password);
			} catch (CqpException e) {
				if (password != null || !DerbyNetworkServer.running(port)) {
					throw e;
				}
				// The server asks for its owner's credentials to stop.
				DerbyNetworkServer.stop(port, StoreSettings.OWNER,
						Passwords.get(Passwords.DATABASE, StoreSettings.OWNER, false));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
			while (DerbyNetworkServer.running(port) && System.nanoTime() < deadline) {
				sleep();
			}
			spec.commandLine().getOut().println(NLS.bind(Messages.Server_stoppedOn, DerbyNetworkServer.address(port)));
			return Cli.OK;
		}
	}

	/** {@code cqp server status}: exit code 0 when a server answers. */
	@Command(name = "status", aliases = "etat", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class StatusCommand extends OnPort implements Callable<Integer> {
		@Override
		public Integer call() throws CqpException {
			boolean running = DerbyNetworkServer.running(port);
			spec.commandLine().getOut().println(NLS.bind(running ? Messages.Server_answers : Messages.Server_silent,
					DerbyNetworkServer.address(port)));
			return running ? Cli.OK : Cli.FAILED;
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
