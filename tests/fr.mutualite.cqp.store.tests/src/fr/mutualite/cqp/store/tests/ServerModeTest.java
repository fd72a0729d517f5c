package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.StaleVersionException;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.dossier.Versioned;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.store.DerbyNetworkServer;

/**
 * A database shared by Derby's network server: two users, each with a password, working on the
 * same dossiers at the same time.
 */
class ServerModeTest {

	private static final char[] OWNER_PASSWORD = "secret-proprietaire".toCharArray();
	private static final char[] MARIE_PASSWORD = "secret-marie".toCharArray();

	@TempDir
	static Path tmp;
	private static int port;
	/** The registrations of the generated branch: some candidates hold two. */
	private static long registrations;
	private static Path folder;
	private static DerbyNetworkServer server;
	private static final StringWriter LOG = new StringWriter();

	@BeforeAll
	static void startServer() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		folder = tmp.resolve("partagee").toAbsolutePath();
		assertTrue(DerbyNetworkServer.requireCredentials(folder, OWNER_PASSWORD), "credentials set up once");
		assertFalse(DerbyNetworkServer.requireCredentials(folder, OWNER_PASSWORD), "and kept");
		server = DerbyNetworkServer.start(folder, port, new PrintWriter(LOG, true));
		try (DossierStore owner = open(StoreSettings.OWNER, OWNER_PASSWORD)) {
			registrations = Stores.fill(owner, 3, 30).dossiers().getCandidates().stream()
					.mapToLong(c -> c.getRegistrations().size()).sum();
			owner.users().add("marie", MARIE_PASSWORD, Role.ADMIN, null);
		}
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.stop();
		assertFalse(DerbyNetworkServer.running(port));
	}

	private static StoreSettings settings(String user, char[] password) {
		return StoreSettings.server(StoreSettings.LOOPBACK, port, folder.toString(), user, password);
	}

	private static DossierStore open(String user, char[] password) throws Exception {
		return Stores.factory().open(settings(user, password), Stores.library());
	}

	@Test
	void twoUsersWorkOnTheSameDossiersAndAStaleSaveNamesTheOtherUser() throws Exception {
		try (DossierStore owner = open(StoreSettings.OWNER, OWNER_PASSWORD); DossierStore marie = open("marie", MARIE_PASSWORD)) {
			assertEquals(owner.candidates().count(), marie.candidates().count());
			assertEquals(registrations, marie.registrations().count());
			String id = marie.registrations().ofCandidate("C-0000001").get(0).registrationId();
			Versioned<Registration> hers = marie.registrations().find(id).orElseThrow();
			Versioned<Registration> his = owner.registrations().find(id).orElseThrow();
			hers.value().getOrientation().setCompanyContactFunction("Directrice d'agence");
			marie.registrations().save(hers);
			his.value().getOrientation().setComment("Version du propriétaire");
			StaleVersionException refused = assertThrows(StaleVersionException.class, () -> owner.registrations().save(his));
			assertEquals("marie", refused.changedBy());
			assertTrue(refused.getMessage().contains("marie"), refused.getMessage());
			assertTrue(refused.getMessage().contains("Entretien d'accueil et d'orientation"), refused.getMessage());
			assertEquals("Directrice d'agence",
					owner.registrations().find(id).orElseThrow().value().getOrientation().getCompanyContactFunction());
		}
	}

	@Test
	void aWrongPasswordOrAStoppedServerGetsOneClearSentence() throws Exception {
		CqpException refused = assertThrows(CqpException.class, () -> open("marie", "faux".toCharArray()));
		assertTrue(refused.getMessage().contains("refusé l'utilisateur ou le mot de passe"), refused.getMessage());
		int unused;
		try (ServerSocket socket = new ServerSocket(0)) {
			unused = socket.getLocalPort();
		}
		StoreSettings nowhere = StoreSettings.server(StoreSettings.LOOPBACK, unused, "base", "marie", MARIE_PASSWORD);
		CqpException down = assertThrows(CqpException.class, () -> Stores.factory().open(nowhere, Stores.library()));
		assertTrue(down.getMessage().contains("cqp server start"), down.getMessage());
		CqpException embedded = assertThrows(CqpException.class, () -> Stores.open(tmp.resolve("partagee-copie")
				.resolveSibling("partagee")));
		assertTrue(embedded.getMessage().contains("partagee"), embedded.getMessage());
	}

	@Test
	void aProtectedDatabaseOpensEmbeddedWithItsOwnersPasswordOnly() throws Exception {
		Path protectedFolder = tmp.resolve("protegee").toAbsolutePath();
		assertTrue(DerbyNetworkServer.requireCredentials(protectedFolder, OWNER_PASSWORD));
		try (DossierStore owner = Stores.factory().open(
				StoreSettings.embedded(protectedFolder, StoreSettings.OWNER, OWNER_PASSWORD), Stores.library())) {
			assertEquals(0, owner.candidates().count());
			assertFalse(owner.trainingBodies().list().isEmpty(), "schema created and referential copied");
		}
		CqpException refused = assertThrows(CqpException.class, () -> Stores.open(protectedFolder));
		assertTrue(refused.getMessage().contains("refusé l'utilisateur ou le mot de passe"), refused.getMessage());
	}

	@Test
	void aDatabaseSharedAfterItWasFilledIsOpenToTheUsersAddedToIt() throws Exception {
		Path existing = tmp.resolve("existante").toAbsolutePath();
		try (DossierStore alone = Stores.open(existing)) {
			Stores.fill(alone, 8, 12);
		}
		assertTrue(DerbyNetworkServer.requireCredentials(existing, OWNER_PASSWORD));
		// what cqp server start does before the server answers: its owner opens it
		Stores.factory().open(StoreSettings.embedded(existing, StoreSettings.OWNER, OWNER_PASSWORD), Stores.library()).close();
		StoreSettings owner = StoreSettings.server(StoreSettings.LOOPBACK, port, existing.toString(), StoreSettings.OWNER,
				OWNER_PASSWORD);
		try (DossierStore his = Stores.factory().open(owner, Stores.library())) {
			his.users().add("paul", "secret-de-paul".toCharArray(), Role.ADMIN, null);
		}
		StoreSettings paul = StoreSettings.server(StoreSettings.LOOPBACK, port, existing.toString(), "paul",
				"secret-de-paul".toCharArray());
		try (DossierStore his = Stores.factory().open(paul, Stores.library())) {
			assertEquals(12, his.candidates().count());
			String id = his.registrations().ofCandidate("C-0000001").get(0).registrationId();
			Versioned<Registration> registration = his.registrations().find(id).orElseThrow();
			registration.value().getOrientation().setComment("Relu par Paul");
			his.registrations().save(registration);
		}
		try (DossierStore again = Stores.factory().open(paul, Stores.library())) {
			String id = again.registrations().ofCandidate("C-0000001").get(0).registrationId();
			assertEquals("Relu par Paul", again.registrations().find(id).orElseThrow().value().getOrientation().getComment());
		}
	}

	@Test
	void aPasswordTooShortIsRefusedForANewUserAndForTheOwner() throws Exception {
		for (String shortOne : new String[] { "", "a", "1234567" }) {
			CqpException user;
			try (DossierStore owner = open(StoreSettings.OWNER, OWNER_PASSWORD)) {
				user = assertThrows(CqpException.class, () -> owner.users().add("court", shortOne.toCharArray(), Role.ADMIN, null));
			}
			assertEquals("Le mot de passe de court est trop court : il en faut un d'au moins 8 caractères.", user.getMessage());
			Path folder = tmp.resolve("courte-" + shortOne.length());
			CqpException ownerRefused = assertThrows(CqpException.class,
					() -> DerbyNetworkServer.requireCredentials(folder, shortOne.toCharArray()));
			assertEquals("Le mot de passe de CQP est trop court : il en faut un d'au moins 8 caractères.",
					ownerRefused.getMessage());
		}
		try (DossierStore marie = open("marie", MARIE_PASSWORD)) {
			assertEquals(registrations, marie.registrations().count(), "no user was added");
		}
		assertThrows(CqpException.class, () -> open("court", "12345678".toCharArray()));
	}
}
