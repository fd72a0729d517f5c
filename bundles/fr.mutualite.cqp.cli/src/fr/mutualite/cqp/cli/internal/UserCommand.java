package fr.mutualite.cqp.cli.internal;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.dossier.UserRepository.UserAccount;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.store.DerbyNetworkServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cqp user ...}: the users of the database a server of this machine shares, and their
 * roles, managed by its owner (password in {@code CQP_DB_PASSWORD}, else asked for).
 */
@Command(name = "user", aliases = "utilisateur", mixinStandardHelpOptions = true, subcommands = { //$NON-NLS-1$ //$NON-NLS-2$
		UserCommand.AddCommand.class, UserCommand.ListCommand.class, UserCommand.RemoveCommand.class,
		UserCommand.AssignCommand.class })
final class UserCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** What every user command knows: the server and its database, opened as the owner. */
	abstract static class OnServer {
		@Spec
		CommandSpec spec;

		@Option(names = "--port", paramLabel = "PORT", defaultValue = "1527", descriptionKey = "server.port")
		int port;

		@Option(names = "--database", paramLabel = "NOM", defaultValue = StoreSettings.DEFAULT_DATABASE, descriptionKey = "server.database")
		String database;

		DossierStore owner() throws CqpException, ReferentialException {
			char[] password = Passwords.get(Passwords.DATABASE, StoreSettings.OWNER, false);
			StoreSettings settings = StoreSettings.server(StoreSettings.LOOPBACK, port, database, StoreSettings.OWNER, password);
			PrintWriter err = spec.commandLine().getErr();
			return CqpServices.get(DossierStoreFactory.class).open(settings, ReferentialCommand.library(spec),
					DossierStoreFactory.Opening.EXISTING, notice -> {
						err.println(notice);
						err.flush();
					});
		}

		String where() {
			return DerbyNetworkServer.address(port) + '/' + database;
		}
	}

	/** {@code cqp user add NAME --role ROLE [--training-body CODE]}. */
	@Command(name = "add", aliases = "ajouter", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class AddCommand extends OnServer implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "NOM", descriptionKey = "user.NOM")
		String name;

		@Option(names = "--role", paramLabel = "ROLE", required = true, descriptionKey = "user.role")
		String role;

		@Option(names = "--training-body", paramLabel = "CODE", descriptionKey = "user.trainingBody")
		String trainingBody;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			Role given = Role.ofCommandName(role)
					.orElseThrow(() -> new CqpException(NLS.bind(Messages.User_badRole, role)));
			try (DossierStore store = owner()) {
				char[] password = Passwords.get(Passwords.NEW_USER, name, true);
				UserAccount added = store.users().add(name, password, given, trainingBody);
				spec.commandLine().getOut().println(NLS.bind(Messages.User_added,
						new Object[] { added.name(), describe(added), where() }));
			}
			return Cli.OK;
		}
	}

	/** {@code cqp user list}. */
	@Command(name = "list", aliases = "lister", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class ListCommand extends OnServer implements Callable<Integer> {
		@Override
		public Integer call() throws CqpException, ReferentialException {
			PrintWriter out = spec.commandLine().getOut();
			try (DossierStore store = owner()) {
				List<UserAccount> users = store.users().list();
				DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
				out.println(NLS.bind(Messages.User_listHeader, Integer.valueOf(users.size()), where()));
				for (UserAccount user : users) {
					out.println(user.role() == null ? NLS.bind(Messages.User_lineNoRole, user.name())
							: NLS.bind(Messages.User_line, new Object[] { user.name(), describe(user), user.createdBy(),
									when.format(user.createdAt()) }));
				}
			}
			return Cli.OK;
		}
	}

	/** {@code cqp user remove NAME}. */
	@Command(name = "remove", aliases = "retirer", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class RemoveCommand extends OnServer implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "NOM", descriptionKey = "user.NOM")
		String name;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			try (DossierStore store = owner()) {
				store.users().remove(name);
			}
			spec.commandLine().getOut().println(NLS.bind(Messages.User_removed, name, where()));
			return Cli.OK;
		}
	}

	/** {@code cqp user assign NAME REGISTRATION}: a registration whose booklets an evaluator fills. */
	@Command(name = "assign", aliases = "attribuer", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class AssignCommand extends OnServer implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "NOM", descriptionKey = "user.NOM")
		String name;

		@Parameters(index = "1", paramLabel = "INSCRIPTION", descriptionKey = "user.assign.INSCRIPTION")
		String registration;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			try (DossierStore store = owner()) {
				store.users().assign(name, registration);
			}
			spec.commandLine().getOut().println(NLS.bind(Messages.User_assigned, name, registration));
			return Cli.OK;
		}
	}

	/** A user's role in words, with their training body. */
	static String describe(UserAccount user) {
		String role = user.role() == Role.TRAINING_BODY ? user.role().label() + ' ' + user.trainingBody() : user.role().label();
		return role + " (" + user.role().commandName() + ')'; //$NON-NLS-1$
	}
}
