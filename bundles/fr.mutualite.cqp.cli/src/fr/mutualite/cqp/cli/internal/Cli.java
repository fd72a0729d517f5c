package fr.mutualite.cqp.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.referential.ReferentialException;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Parses the arguments of {@code cqp}, runs the command they name and turns every outcome into
 * an exit code and, on failure, one sentence on the error stream.
 */
public final class Cli {

	/** Exit codes of {@code cqp} (those the README and {@code cqp --help} list). */
	public static final int OK = 0, FAILED = 1, USAGE = 2;
	private static final String BUNDLE = "fr.mutualite.cqp.cli"; //$NON-NLS-1$

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
			log(e);
			if (e instanceof CqpException || e instanceof ReferentialException) {
				err.println(e.getMessage());
			} else {
				err.println(NLS.bind(Messages.Cli_unexpected, logFile()));
			}
			return FAILED;
		});
		return commandLine.execute(args);
	}

	/**
	 * Flushes data written to the standard output, and fails when it could not all be written
	 * (a full disk behind a redirection, a reader that stopped): the output is then incomplete.
	 */
	static void requireWritten(PrintWriter out) throws CqpException {
		if (out.checkError()) {
			throw new CqpException(Messages.Cli_outputIncomplete);
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
		if (e instanceof OverwrittenOptionException twice) {
			return NLS.bind(Messages.Cli_twice, name(twice.getOverwritten()), command);
		}
		if (e instanceof MaxValuesExceededException) {
			return NLS.bind(Messages.Cli_tooMany, command);
		}
		ArgSpec argument = e.getArgSpec();
		if (argument != null && e.getValue() != null) {
			return NLS.bind(Messages.Cli_badValue, new Object[] { e.getValue(), name(argument), expected(argument), command });
		}
		return NLS.bind(Messages.Cli_badArguments, command);
	}

	private static String name(ArgSpec argument) {
		return argument instanceof OptionSpec option ? option.longestName() : argument.paramLabel();
	}

	/** What a value of {@code argument} looks like, in the user's language. */
	private static String expected(ArgSpec argument) {
		Class<?> type = argument.type();
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return Messages.Cli_expectInteger;
		}
		if (type == LocalDate.class) {
			return Messages.Cli_expectDate;
		}
		if (type == Path.class) {
			return Messages.Cli_expectPath;
		}
		if (Map.class.isAssignableFrom(type)) {
			return Messages.Cli_expectPair;
		}
		return NLS.bind(Messages.Cli_expectLabel, argument.paramLabel());
	}

	private static String logFile() {
		return Platform.getLogFileLocation() == null ? "" : Platform.getLogFileLocation().toOSString(); //$NON-NLS-1$
	}

	/**
	 * Every failure goes to the log of the data folder with its cause, for a later diagnosis: a
	 * refusal the user can act on as a warning, anything unexpected as an error.
	 */
	private static void log(Exception e) {
		ILog log = Platform.getLog(Cli.class);
		boolean refusal = e instanceof CqpException || e instanceof ReferentialException;
		log.log(new Status(refusal ? IStatus.WARNING : IStatus.ERROR, BUNDLE,
				e.getMessage() == null ? e.toString() : e.getMessage(), e));
	}

	/** A warning told to the user, kept in the log with its cause. */
	static void log(String message, Throwable cause) {
		Platform.getLog(Cli.class).log(new Status(IStatus.WARNING, BUNDLE, message, cause));
	}
}
