package fr.mutualite.cqp.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.CqpServices;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import picocli.CommandLine.Option;

/**
 * Which database a command works on: {@code --db} (an embedded database folder) or
 * {@code --server} (a server of this machine), else the user's preference (see
 * {@code cqp database use}), else the embedded database of the data folder.
 */
final class StoreOptions {

	@Option(names = "--db", paramLabel = "DOSSIER", descriptionKey = "store.db")
	Path db;

	@Option(names = "--server", paramLabel = "[HOTE:]PORT", descriptionKey = "store.server")
	String server;

	@Option(names = "--user", paramLabel = "NOM", descriptionKey = "store.user")
	String user;

	@Option(names = "--database", paramLabel = "NOM", descriptionKey = "store.database")
	String database;

	/** The database chosen, with its password when it needs one. */
	StoreSettings settings() throws CqpException {
		if (db != null && server != null) {
			throw new CqpException(Messages.Store_dbOrServer);
		}
		char[] password = Passwords.fromEnvironment(Passwords.DATABASE);
		char[] boot = Passwords.fromEnvironment(Passwords.BOOT);
		if (db != null) {
			return StoreSettings.embedded(db.toAbsolutePath(), StoreSettings.OWNER, password).withBootPassword(boot);
		}
		StoreSettings chosen = server != null ? server(server, user)
				: DatabaseChoice.read(DataFolder.get(), password);
		if (chosen.mode() == StoreSettings.Mode.EMBEDDED) {
			return chosen.withBootPassword(boot);
		}
		String name = user != null ? user : chosen.user();
		char[] secret = password != null ? password
				: Passwords.get(Passwords.DATABASE, name + '@' + chosen.host() + ':' + chosen.port(), false);
		return StoreSettings.server(chosen.host(), chosen.port(), database != null ? database : chosen.database(), name,
				secret);
	}

	/**
	 * Opens the database chosen, over {@code library}: an existing one, or one created when
	 * missing if {@code opening} says so; what happens to it (created, upgraded) is told on
	 * {@code err}.
	 */
	DossierStore open(ReferentialLibrary library, DossierStoreFactory.Opening opening, PrintWriter err)
			throws CqpException {
		return open(settings(), library, opening, err);
	}

	/** Opens the database of {@code settings} (see {@link #open(ReferentialLibrary, DossierStoreFactory.Opening, PrintWriter)}). */
	DossierStore open(StoreSettings settings, ReferentialLibrary library, DossierStoreFactory.Opening opening,
			PrintWriter err) throws CqpException {
		return CqpServices.get(DossierStoreFactory.class).open(settings, library, opening, notice -> {
			err.println(notice);
			err.flush();
		});
	}

	/** Settings of a server given as {@code [host:]port}, without password yet. */
	static StoreSettings server(String address, String user) throws CqpException {
		String host = StoreSettings.LOOPBACK;
		String port = address;
		int colon = address.lastIndexOf(':');
		if (colon >= 0) {
			host = address.substring(0, colon);
			port = address.substring(colon + 1);
		}
		try {
			return StoreSettings.server(host.isEmpty() ? StoreSettings.LOOPBACK : host, Integer.parseInt(port),
					StoreSettings.DEFAULT_DATABASE, user == null ? StoreSettings.OWNER : user, null);
		} catch (NumberFormatException e) {
			throw new CqpException(NLS.bind(Messages.Store_badAddress, address), e);
		}
	}
}
