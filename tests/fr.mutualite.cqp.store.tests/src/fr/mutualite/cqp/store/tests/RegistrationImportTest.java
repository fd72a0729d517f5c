package fr.mutualite.cqp.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.ImportReport;
import fr.mutualite.cqp.core.dossier.Progress;
import fr.mutualite.cqp.core.dossier.RegistrationCsv;
import fr.mutualite.cqp.core.dossier.RegistrationRow;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Registrations imported from the observatory's spreadsheets: in one transaction, candidates
 * recognised by their stable key, nothing duplicated, nothing lost on the way back out.
 */
class RegistrationImportTest {

	@TempDir
	Path tmp;

	private static Set<String> codes(DossierStore store) throws CqpException {
		return store.trainingBodies().list().stream().map(TrainingBody::getCode).collect(Collectors.toSet());
	}

	/** Imports {@code file} as the command does, the file read while it is imported. */
	private static ImportReport importFile(DossierStore store, Path file, List<RegistrationCsv.Problem> problems)
			throws Exception {
		Set<String> bodies = codes(store);
		ReferentialLibrary library = Stores.library();
		return store.importRegistrations(
				rows -> RegistrationCsv.read(file, library, bodies, Stores.AS_OF, rows, problems::add, Progress.NONE));
	}

	private static List<RegistrationRow> export(DossierStore store) throws CqpException {
		List<RegistrationRow> rows = new ArrayList<>();
		store.exportRegistrations(rows::add);
		return rows;
	}

	@Test
	void aBranchExportedThenImportedIntoAnEmptyDatabaseComesBackIdenticalAndAgainAddsNothing() throws Exception {
		List<RegistrationRow> source;
		int registrations;
		try (DossierStore generated = Stores.open(tmp.resolve("source"))) {
			registrations = Stores.fill(generated, 21, 120).dossiers().getCandidates().stream()
					.mapToInt(c -> c.getRegistrations().size()).sum();
			source = export(generated);
		}
		assertTrue(registrations > 120, "some candidates hold two registrations: " + registrations);
		assertEquals(registrations, source.size());
		for (RegistrationCsv.Dialect dialect : RegistrationCsv.Dialect.values()) {
			Path file = tmp.resolve(dialect + ".csv");
			try (OutputStream out = Files.newOutputStream(file)) {
				RegistrationCsv.write(source, dialect, out);
			}
			try (DossierStore copy = Stores.open(tmp.resolve("copie-" + dialect))) {
				List<RegistrationCsv.Problem> problems = new ArrayList<>();
				ImportReport first = importFile(copy, file, problems);
				assertEquals(List.of(), problems);
				// a candidate's second row finds the candidate its first row added
				assertEquals(new ImportReport(registrations, 120, registrations - 120, registrations, 0, first.companiesAdded()),
						first);
				assertEquals(source, export(copy), dialect + ": the round trip loses nothing");
				ImportReport again = importFile(copy, file, problems);
				assertEquals(List.of(), problems);
				assertEquals(new ImportReport(registrations, 0, registrations, 0, registrations, 0), again);
				assertEquals(120, copy.candidates().count());
				assertEquals(registrations, copy.registrations().count());
			}
		}
	}

	@Test
	void aKnownCandidateSpelledOtherwiseIsRecognisedAndGetsANewRegistrationOnly() throws Exception {
		try (DossierStore store = Stores.open(tmp.resolve("base"))) {
			RegistrationRow first = new RegistrationRow(null, "Lefèvre", "Jean-Éric", LocalDate.of(1980, 3, 4), null,
					"Mutuelle de l'Estuaire", "Nantes", "CMI", LocalDate.of(2022, 9, 1), Route.TRAINING, "ARKOS", null);
			RegistrationRow sameOtherwise = new RegistrationRow(null, "LEFEVRE", "jean eric", LocalDate.of(1980, 3, 4),
					null, "MUTUELLE DE L'ESTUAIRE", "nantes", "CMC", LocalDate.of(2025, 1, 10), Route.VAE, null, null);
			assertEquals(new ImportReport(1, 1, 0, 1, 0, 1), store.importRegistrations(List.of(first)::forEach));
			assertEquals(new ImportReport(1, 0, 1, 1, 0, 0),
					store.importRegistrations(List.of(sameOtherwise)::forEach));
			assertEquals(1, store.candidates().count());
			String id = store.candidates().findByIdentity("Lefèvre", "Jean-Éric", LocalDate.of(1980, 3, 4)).orElseThrow()
					.value().getId();
			assertEquals(List.of("CMI", "CMC"),
					store.registrations().ofCandidate(id).stream().map(r -> r.certificationCode()).toList());
			assertEquals(1, store.companies().list().size());
		}
	}

	@Test
	void anImportThatFailsHalfwayImportsNothing() throws Exception {
		try (DossierStore store = Stores.open(tmp.resolve("base"))) {
			List<RegistrationRow> rows = new ArrayList<>();
			for (int i = 0; i < 2500; i++) {
				rows.add(new RegistrationRow(null, "Nom" + i, "Prénom", LocalDate.of(1980, 1, 1).plusDays(i), null, null,
						null, "CMI", LocalDate.of(2024, 1, 1), Route.TRAINING, null, null));
			}
			// The last row names a training body the database does not have: refused by the
			// database after thousands of rows were written in the same transaction.
			rows.add(new RegistrationRow(null, "Dernier", "Rang", LocalDate.of(1970, 1, 1), null, null, null, "CMI",
					LocalDate.of(2024, 1, 1), Route.TRAINING, "ORGANISME-INEXISTANT", null));
			long[] progress = { 0 };
			CqpException failure = assertThrows(CqpException.class, () -> store.importRegistrations(each -> {
				for (RegistrationRow row : rows) {
					progress[0]++;
					each.accept(row);
				}
			}));
			assertTrue(progress[0] >= 2000, "the failure came late: " + progress[0]);
			assertTrue(failure.getMessage().contains("Rien n'a été enregistré"), failure.getMessage());
			assertEquals(0, store.candidates().count());
			assertEquals(0, store.registrations().count());
		}
	}

	@Test
	void aFileMalformedAfterThousandsOfRowsImportsNothingAndKeepsWhatWasSaved() throws Exception {
		StringBuilder text = new StringBuilder("nom,prenom,date_naissance,certification,date_inscription,voie\n");
		for (int i = 0; i < 5000; i++) {
			text.append("Nom").append(i).append(",Prénom,").append(LocalDate.of(1970, 1, 1).plusDays(i))
					.append(",CMI,2024-01-01,FORMATION\n");
		}
		text.append("\"Guillemet,Ouvert,1980-01-01,CMI,2024-01-01,FORMATION\n");
		Path file = tmp.resolve("coupe.csv");
		Files.writeString(file, text);
		try (DossierStore store = Stores.open(tmp.resolve("base"))) {
			RegistrationRow saved = new RegistrationRow(null, "Avant", "Import", LocalDate.of(1975, 5, 5), null, null,
					null, "CMC", LocalDate.of(2023, 3, 1), Route.VAE, null, null);
			store.importRegistrations(List.of(saved)::forEach);
			List<RegistrationCsv.Problem> problems = new ArrayList<>();
			CqpException failure = assertThrows(CqpException.class, () -> importFile(store, file, problems));
			assertEquals("Le fichier " + file + " n'est pas un CSV lisible : à la ligne 5002, un guillemet ouvert "
					+ "n'est jamais fermé. Rien n'a été importé.", failure.getMessage());
			assertEquals(List.of(), problems);
			assertEquals(List.of(saved.registrationKey()), export(store).stream().map(RegistrationRow::registrationKey).toList());
		}
	}

	/**
	 * An import larger than a batch of lookups: candidates added in one batch are recognised in
	 * the next ones, ids already taken (by the database or earlier in the file) are replaced, and
	 * the same rows imported again are all found.
	 */
	@Test
	void candidatesAndIdsAreRecognisedAcrossTheBatchesOfALargeImport() throws Exception {
		List<RegistrationRow> rows = new ArrayList<>();
		for (int i = 0; i < 1500; i++) {
			rows.add(new RegistrationRow("C-fichier-" + i, "Nom" + i, "Prénom", LocalDate.of(1970, 1, 1).plusDays(i), null,
					null, null, "CMI", LocalDate.of(2024, 1, 1), Route.TRAINING, null, "R-fichier-" + i));
		}
		for (int i = 0; i < 1500; i++) {
			// the same people for another certification, under ids the file already used
			rows.add(new RegistrationRow(null, "NOM" + i, "prenom", LocalDate.of(1970, 1, 1).plusDays(i), null, null, null,
					"CMC", LocalDate.of(2025, 2, 1), Route.VAE, null, "R-fichier-" + (1499 - i)));
		}
		try (DossierStore store = Stores.open(tmp.resolve("base"))) {
			assertEquals(new ImportReport(3000, 1500, 1500, 3000, 0, 0), store.importRegistrations(rows::forEach));
			assertEquals(1500, store.candidates().count());
			assertEquals(3000, store.registrations().count());
			List<RegistrationRow> exported = export(store);
			assertEquals(1500, exported.stream().filter(r -> r.registrationId().startsWith("R-fichier-")).count(),
					"an id is kept once, the second row gets a new one");
			assertEquals(rows.subList(0, 1500).stream().map(RegistrationRow::candidateId).sorted().toList(),
					exported.stream().map(RegistrationRow::candidateId).distinct().sorted().toList());
			assertEquals(new ImportReport(3000, 0, 3000, 0, 3000, 0), store.importRegistrations(rows::forEach));
			assertEquals(3000, store.registrations().count());
		}
	}

	/**
	 * A first import larger than what is staged in memory (150,000 rows at most, loaded in bulk): the
	 * rows beyond are looked up in the tables the staged rows were loaded into, so a candidate,
	 * an id or a registration of the first part is recognised in the second.
	 */
	@Test
	void theRowsBeyondWhatAFirstImportStagesFindTheRowsItLoaded() throws Exception {
		int staged = 150_000;
		List<RegistrationRow> rows = new ArrayList<>(staged + 1001);
		for (int i = 0; i < staged; i++) {
			rows.add(new RegistrationRow("C-fichier-" + i, "Nom" + i, "Prénom", LocalDate.of(1950, 1, 1).plusDays(i % 20_000),
					null, null, null, "CMI", LocalDate.of(2024, 1, 1), Route.TRAINING, null, "R-fichier-" + i));
		}
		for (int i = 0; i < 1000; i++) {
			// the first thousand people again, for another certification, under ids already taken
			rows.add(new RegistrationRow("C-autre-" + i, "NOM" + i, "prenom", LocalDate.of(1950, 1, 1).plusDays(i), null,
					null, null, "CMC", LocalDate.of(2025, 2, 1), Route.VAE, null, "R-fichier-" + i));
		}
		rows.add(rows.get(0)); // and the first row once more
		try (DossierStore store = Stores.open(tmp.resolve("base"))) {
			assertEquals(new ImportReport(staged + 1001, staged, 1001, staged + 1000, 1, 0),
					store.importRegistrations(rows::forEach));
			assertEquals(staged, store.candidates().count());
			assertEquals(staged + 1000, store.registrations().count());
			List<RegistrationRow> exported = export(store);
			assertEquals(staged, exported.stream().filter(r -> r.registrationId().startsWith("R-fichier-")).count(),
					"an id is kept once, the later rows get new ones");
			assertEquals(List.of("CMC", "CMI"), exported.stream().filter(r -> r.candidateId().equals("C-fichier-999"))
					.map(RegistrationRow::certificationCode).sorted().toList());
			assertEquals(0, exported.stream().filter(r -> r.candidateId().startsWith("C-autre-")).count());
		}
	}

	@Test
	void anExcelFileWithBadRowsImportsItsGoodRowsOnly() throws Exception {
		Path file = tmp.resolve("oemm.csv");
		Files.writeString(file, """
				nom;prenom;date_naissance;certification;date_inscription;voie;organisme;entreprise;ville_entreprise
				Girard;Hélène;14/07/1982;CARC;03/03/2025;FORMATION;IFPASS;Mutuelle Azur Santé;Nice
				Girard;Hélène;14/07/1982;CARC;03/03/2025;FORMATION;IFPASS;Mutuelle Azur Santé;Nice
				Roux;Zoé;30/02/1990;CARC;03/03/2025;FORMATION;IFPASS;;
				""", Charset.forName("windows-1252"));
		try (DossierStore store = Stores.open(tmp.resolve("base"))) {
			List<RegistrationCsv.Problem> problems = new ArrayList<>();
			ImportReport report = importFile(store, file, problems);
			assertEquals(List.of(3L, 4L), problems.stream().map(RegistrationCsv.Problem::line).toList());
			assertEquals(new ImportReport(1, 1, 0, 1, 0, 1), report);
			RegistrationRow row = export(store).get(0);
			assertEquals("Hélène", row.firstName());
			assertEquals("Mutuelle Azur Santé", row.companyName());
		}
	}

	@Test
	void theLengthsTheImportChecksAreTheWidthsOfTheDatabaseColumns() throws Exception {
		Map<String, String> columns = Map.of("identifiant_candidat", "CANDIDATE.ID", "nom", "CANDIDATE.LAST_NAME",
				"prenom", "CANDIDATE.FIRST_NAME", "courriel", "CANDIDATE.EMAIL", "entreprise", "COMPANY.NAME",
				"ville_entreprise", "COMPANY.CITY", "certification", "REGISTRATION.CERTIFICATION_CODE", "organisme",
				"REGISTRATION.TRAINING_BODY_CODE", "identifiant_inscription", "REGISTRATION.ID");
		assertEquals(columns.keySet(), RegistrationCsv.MAX_LENGTHS.keySet());
		try (DossierStore store = Stores.open(tmp.resolve("largeurs")); Connection c = store.data().connect()) {
			for (Map.Entry<String, String> e : columns.entrySet()) {
				String[] table = e.getValue().split("\\.");
				try (ResultSet r = c.getMetaData().getColumns(null, "CQP", table[0], table[1])) {
					assertTrue(r.next(), e.getValue());
					assertEquals(r.getInt("COLUMN_SIZE"), RegistrationCsv.MAX_LENGTHS.get(e.getKey()).intValue(),
							e.getKey() + " goes to " + e.getValue());
				}
			}
		}
	}
}
