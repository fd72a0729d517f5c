package fr.mutualite.cqp.cli.internal;

import fr.mutualite.cqp.core.OutputFiles;

import java.nio.file.Path;

import java.io.IOException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.OutputFiles;
import fr.mutualite.cqp.referential.ReferentialException;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Parses the arguments of {@code cqp}, runs the command they name and turns every outcome into
 * an exit code and, on failure, one sentence on the error stream.
 */
public final class Cli {

	/** Exit codes of {@code cqp}. */
	public static final int OK = 0, FAILED = 1, USAGE = 2, INTERNAL = 70;

	private Cli() {
	}

	/** Runs {@code cqp args}, writing to {@code out} and {@code err}; returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		CommandLine commandLine = new CommandLine(new CqpCommand());
		ResourceBundle usage = ResourceBundle.getBundle("fr.mutualite.cqp.cli.internal.usage", //$NON-NLS-1$
				Locale.getDefault(), Cli.class.getClassLoader());
		commandLine.setResourceBundle(usage);
		commandLine.getSubcommands().values().forEach(sub -> sub.setResourceBundle(usage));
		commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
		commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
		commandLine.setParameterExceptionHandler((e, a) -> {
			err.println(usageError(e));
			return USAGE;
		});
		commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
			if (e instanceof CqpException || e instanceof ReferentialException) {
				err.println(e.getMessage());
				return FAILED;
			}
			err.println(NLS.bind(Messages.Cli_unexpected, e, logFile()));
			log(e);
			return INTERNAL;
		});
		return commandLine.execute(args);
	}

	/** Writes an export file all or nothing (see {@link OutputFiles}), or says why it cannot. */
	static Path export(Path file, OutputFiles.Content content) throws CqpException {
		try {
			return OutputFiles.write(file, content);
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Export_cannotWrite, file.toAbsolutePath(), e.getMessage()), e);
		}
	}

	private static String usageError(ParameterException e) {
		String command = e.getCommandLine().getCommandSpec().qualifiedName();
		if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			String first = unmatched.getUnmatched().get(0);
			String template = first.startsWith("-") ? Messages.Cli_unknownOption //$NON-NLS-1$
					: Messages.Cli_unknownCommand;
			return NLS.bind(template, new Object[] { first, command });
		}
		if (e instanceof MissingParameterException missing) {
			return NLS.bind(Messages.Cli_missing, missing.getMissing().get(0).paramLabel(), command);
		}
		return NLS.bind(Messages.Cli_badArguments, e.getMessage(), command);
	}

	private static String logFile() {
		return Platform.getLogFileLocation() == null ? "" : Platform.getLogFileLocation().toOSString(); //$NON-NLS-1$
	}

	private static void log(Exception e) {
		ILog log = Platform.getLog(Cli.class);
		log.log(new Status(IStatus.ERROR, "fr.mutualite.cqp.cli", e.toString(), e)); //$NON-NLS-1$
	}
}
