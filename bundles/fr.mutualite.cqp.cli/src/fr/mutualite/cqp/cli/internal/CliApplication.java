package fr.mutualite.cqp.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The Eclipse application behind {@code cqp <command> ...}: runs one command, returns its exit code. */
public final class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		return Integer.valueOf(Cli.run(args == null ? new String[0] : args, System.out, System.err));
	}

	@Override
	public void stop() {
		// A command runs to its end; there is nothing to interrupt.
	}
}
