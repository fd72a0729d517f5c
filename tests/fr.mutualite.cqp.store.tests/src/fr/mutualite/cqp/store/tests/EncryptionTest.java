package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.dossier.DatabaseChoice;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.Role;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;

/**
 * Encryption at rest of an embedded database (a training body's laptop): an existing database
 * encrypted, one created encrypted; without its boot password, or with a wrong one, one sentence
 * and nothing readable on disk.
 */
class EncryptionTest {

	private static final char[] BOOT = "secret-de-demarrage".toCharArray();

	@TempDir
	Path tmp;

	private static DossierStore open(StoreSettings settings) throws Exception {
		return Stores.factory().open(settings, Stores.library(), DossierStoreFactory.Opening.CREATE_IF_MISSING, n -> {
		});
	}

	/** Whether some file of {@code folder} holds {@code text} in clear. */
	private static boolean inClear(Path folder, String text) throws IOException {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				if (content.contains(new String(needle, StandardCharsets.ISO_8859_1))) {
					return true;
				}
			}
		}
		return false;
	}

	@Test
	void anExistingDatabaseIsEncryptedAndOpensWithItsBootPasswordOnly() throws Exception {
		Path folder = tmp.resolve("portable");
		String lastName;
		try (DossierStore store = Stores.open(folder)) {
			Stores.fill(store, 21, 15);
			lastName = store.candidates().find("C-0000001").orElseThrow().value().getLastName();
		}
		assertTrue(inClear(folder.resolve("seg0"), lastName), "a name in clear before");
		EmbeddedDerbyStore.encrypt(folder, StoreSettings.OWNER, null, BOOT);
		assertEquals(List.of(false, false), List.of(inClear(folder.resolve("seg0"), lastName), inClear(folder.resolve("log"), lastName)),
				"no name in clear after");
		String sentence = "La base de données " + folder + " est chiffrée : son mot de passe de démarrage manque ou est faux (CQP_BOOT_PASSWORD).";
		assertEquals(sentence, assertThrows(CqpException.class, () -> Stores.open(folder)).getMessage());
		assertEquals(sentence, assertThrows(CqpException.class,
				() -> open(StoreSettings.embedded(folder).withBootPassword("mauvais-mot-de-passe".toCharArray()))).getMessage());
		try (DossierStore store = open(StoreSettings.embedded(folder).withBootPassword(BOOT))) {
			assertEquals(15, store.candidates().count());
			assertEquals(lastName, store.candidates().find("C-0000001").orElseThrow().value().getLastName());
		}
		assertEquals("La base de données " + folder + " est déjà chiffrée.",
				assertThrows(CqpException.class, () -> EmbeddedDerbyStore.encrypt(folder, StoreSettings.OWNER, null, BOOT))
						.getMessage());
	}

	@Test
	void aDatabaseCreatedWithABootPasswordIsEncryptedAndBadPasswordsAreRefused() throws Exception {
		Path folder = tmp.resolve("neuve");
		try (DossierStore store = open(StoreSettings.embedded(folder).withBootPassword(BOOT))) {
			Stores.fill(store, 5, 3);
		}
		assertTrue(Files.readAllLines(folder.resolve("service.properties"), StandardCharsets.ISO_8859_1)
				.containsAll(List.of("dataEncryption=true", "encryptionAlgorithm=AES/CBC/NoPadding")));
		assertThrows(CqpException.class, () -> Stores.open(folder));
		try (DossierStore store = open(StoreSettings.embedded(folder).withBootPassword(BOOT))) {
			assertEquals(3, store.candidates().count());
		}
		assertEquals("Le mot de passe de démarrage d'une base chiffrée doit avoir au moins 8 caractères.",
				assertThrows(CqpException.class, () -> open(StoreSettings.embedded(tmp.resolve("courte"))
						.withBootPassword("court".toCharArray()))).getMessage());
		assertEquals("Le mot de passe de démarrage ne peut contenir ni « ; » ni « = » ni caractère de contrôle.",
				assertThrows(CqpException.class, () -> open(StoreSettings.embedded(tmp.resolve("options"))
						.withBootPassword("abc;create=true".toCharArray()))).getMessage());
		assertTrue(Files.notExists(tmp.resolve("courte")) && Files.notExists(tmp.resolve("options")), "nothing created");
	}

	/** A credentials answer that gives {@code boots} in turn, and records what it was asked. */
	private static CurrentDatabase.Credentials answering(List<String> asked, String... boots) {
		return new CurrentDatabase.Credentials() {
			@Override
			public char[] password(StoreSettings settings) {
				throw new AssertionError("an embedded database has no user password to ask");
			}

			@Override
			public char[] bootPassword(StoreSettings settings, boolean retry) {
				asked.add(settings.location() + "|" + retry);
				return asked.size() <= boots.length ? boots[asked.size() - 1].toCharArray() : null;
			}
		};
	}

	@Test
	void theApplicationAsksTheBootPasswordAgainWhenWrongAndGivesUpAfterThree() throws Exception {
		Path folder = tmp.resolve("appli").toAbsolutePath();
		try (DossierStore store = open(StoreSettings.embedded(folder).withBootPassword(BOOT))) {
			Stores.fill(store, 5, 4);
		}
		ServiceTracker<CurrentDatabase, CurrentDatabase> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(EncryptionTest.class).getBundleContext(), CurrentDatabase.class, null);
		tracker.open();
		CurrentDatabase database = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
		DatabaseChoice.write(StoreSettings.embedded(folder), Stores.factory());
		try {
			database.reopen();
			assertEquals(Optional.empty(), database.role(), "not open yet");
			List<String> asked = new ArrayList<>();
			DossierStore store = database.store(answering(asked, "faux-mot-de-passe", "encore-faux-1", new String(BOOT)));
			assertEquals(4, store.candidates().count());
			assertEquals(List.of(folder + "|false", folder + "|true", folder + "|true"), asked);
			assertEquals(Optional.of(Role.OWNER), database.role());
			database.reopen();
			asked.clear();
			assertEquals("La base de données " + folder
					+ " est chiffrée et n'a pas été ouverte : aucun mot de passe de démarrage n'a été donné.",
					assertThrows(CqpException.class, () -> database.store(answering(asked))).getMessage());
			assertEquals(List.of(folder + "|false"), asked);
			asked.clear();
			assertEquals("La base de données " + folder
					+ " est chiffrée et n'a pas été ouverte : le mot de passe de démarrage donné 3 fois était faux.",
					assertThrows(CqpException.class,
							() -> database.store(answering(asked, "faux-1-faux-1", "faux-2-faux-2", "faux-3-faux-3", new String(BOOT))))
							.getMessage());
			assertEquals(List.of(folder + "|false", folder + "|true", folder + "|true"), asked, "three asked, no fourth");
			assertEquals(Optional.empty(), database.role());
		} finally {
			database.reopen();
			DatabaseChoice.reset();
			tracker.close();
		}
	}
}
