package fr.mutualite.cqp.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.referential.ReferentialException;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cqp database show|use}: which database the product works on, kept as a preference. */
@Command(name = "database", aliases = "base", mixinStandardHelpOptions = true, subcommands = { //$NON-NLS-1$ //$NON-NLS-2$
		DatabaseCommand.ShowCommand.class, DatabaseCommand.UseCommand.class, DatabaseCommand.RepairCommand.class,
		DatabaseCommand.BackupCommand.class, DatabaseCommand.EncryptCommand.class })
final class DatabaseCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	static void show(PrintWriter out, StoreSettings settings) {
		if (settings.mode() == StoreSettings.Mode.EMBEDDED) {
			out.println(NLS.bind(Messages.Database_embedded, settings.folder()));
		} else {
			out.println(NLS.bind(Messages.Database_server, new Object[] { settings.host() + ':' + settings.port(),
					settings.database(), settings.user() }));
		}
		out.flush();
	}

	/** {@code cqp database show}. */
	@Command(name = "show", aliases = "afficher", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class ShowCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			show(spec.commandLine().getOut(), DatabaseChoice.read(DataFolder.get(), null));
			return Cli.OK;
		}
	}

	/** {@code cqp database use embedded [--db DIR]} or {@code cqp database use server [HOST:]PORT [--user NAME]}. */
	@Command(name = "use", aliases = "utiliser", mixinStandardHelpOptions = true) //$NON-NLS-1$
	static final class UseCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "embedded|server", descriptionKey = "database.use.mode")
		String mode;

		@Parameters(index = "1", arity = "0..1", paramLabel = "[HOTE:]PORT", descriptionKey = "database.use.address")
		String address;

		@Option(names = "--db", paramLabel = "DOSSIER", descriptionKey = "database.use.db")
		Path db;

		@Option(names = "--user", paramLabel = "NOM", descriptionKey = "store.user")
		String user;

		@Option(names = "--database", paramLabel = "NOM", defaultValue = StoreSettings.DEFAULT_DATABASE, descriptionKey = "server.database")
		String database;

		@Override
		public Integer call() throws CqpException {
			switch (mode.toLowerCase(java.util.Locale.ROOT)) {
			case "embedded", "embarquee" -> { //$NON-NLS-1$ //$NON-NLS-2$
				if (db == null) {
					DatabaseChoice.reset();
				} else {
					DatabaseChoice.write(StoreSettings.embedded(db.toAbsolutePath().normalize()),
							CqpServices.get(DossierStoreFactory.class));
				}
			}
			case "server", "serveur" -> { //$NON-NLS-1$ //$NON-NLS-2$
				StoreSettings at = StoreOptions.server(address == null ? String.valueOf(StoreSettings.DEFAULT_PORT) : address,
						user);
				DatabaseChoice.write(StoreSettings.server(at.host(), at.port(), database, at.user(), null),
						CqpServices.get(DossierStoreFactory.class));
			}
			default -> throw new CqpException(NLS.bind(Messages.Database_badMode, mode));
			}
			show(spec.commandLine().getOut(), DatabaseChoice.read(DataFolder.get(), null));
			return Cli.OK;
		}
	}

	/**
	 * {@code cqp database repair [--db DIR]}: records the upgrade steps an older release, stopped
	 * during an upgrade, applied without recording them; then upgrades the database.
	 */
	@Command(name = "repair", aliases = "reparer", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class RepairCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Option(names = "--db", paramLabel = "DOSSIER", descriptionKey = "store.db")
		Path db;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			StoreSettings chosen = db != null ? StoreSettings.embedded(db.toAbsolutePath().normalize())
					: DatabaseChoice.read(DataFolder.get(), null);
			if (chosen.mode() != StoreSettings.Mode.EMBEDDED) {
				throw new CqpException(Messages.Repair_embeddedOnly);
			}
			StoreSettings settings = StoreSettings.embedded(chosen.folder(), StoreSettings.OWNER,
					Passwords.fromEnvironment(Passwords.DATABASE));
			PrintWriter out = spec.commandLine().getOut();
			List<String> recorded = CqpServices.get(DossierStoreFactory.class).repair(settings);
			out.println(recorded.isEmpty() ? NLS.bind(Messages.Repair_nothing, settings.folder())
					: NLS.bind(Messages.Repair_recorded, settings.folder(), String.join(", ", recorded))); //$NON-NLS-1$
			out.flush();
			CqpServices.get(DossierStoreFactory.class).open(settings, ReferentialCommand.library(spec),
					DossierStoreFactory.Opening.EXISTING, notice -> {
						out.println(notice);
						out.flush();
					}).close();
			out.println(NLS.bind(Messages.Repair_done, settings.folder()));
			out.flush();
			return Cli.OK;
		}
	}

	/**
	 * {@code cqp database backup --to DIR [--db DIR]}: Derby's online backup of the database
	 * chosen (or {@code --db}), while it stays in use, into a new or empty folder.
	 */
	@Command(name = "backup", aliases = "sauvegarder", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class BackupCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Option(names = "--to", paramLabel = "DOSSIER", required = true, descriptionKey = "database.backup.to")
		Path to;

		@Override
		public Integer call() throws CqpException, ReferentialException {
			try (DossierStore opened = store.open(ReferentialCommand.library(spec), DossierStoreFactory.Opening.EXISTING,
					spec.commandLine().getErr())) {
				Path copy = opened.backup(to);
				PrintWriter out = spec.commandLine().getOut();
				out.println(NLS.bind(Messages.Backup_done, opened.data().location(), copy));
				out.flush();
			}
			return Cli.OK;
		}
	}

	/** {@code cqp database encrypt [--db DIR]}: Derby's data encryption for an embedded database. */
	@Command(name = "encrypt", aliases = "chiffrer", mixinStandardHelpOptions = true) //$NON-NLS-1$ //$NON-NLS-2$
	static final class EncryptCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Mixin
		StoreOptions store;

		@Override
		public Integer call() throws CqpException {
			StoreSettings settings = store.settings();
			if (settings.mode() != StoreSettings.Mode.EMBEDDED) {
				throw new CqpException(Messages.Encrypt_embeddedOnly);
			}
			char[] boot = Passwords.get(Passwords.BOOT, settings.folder().toString(), true);
			EmbeddedDerbyStore.encrypt(settings.folder(), settings.user(), settings.password(), boot);
			PrintWriter out = spec.commandLine().getOut();
			out.println(NLS.bind(Messages.Encrypt_done, settings.folder().toAbsolutePath().normalize(), Passwords.BOOT));
			out.flush();
			return Cli.OK;
		}
	}
}
