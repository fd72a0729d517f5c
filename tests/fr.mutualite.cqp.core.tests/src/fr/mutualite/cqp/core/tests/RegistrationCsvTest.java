package fr.mutualite.cqp.core.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.RegistrationCsv;
import fr.mutualite.cqp.core.dossier.RegistrationCsv.Dialect;
import fr.mutualite.cqp.core.dossier.RegistrationCsv.Parsed;
import fr.mutualite.cqp.core.dossier.RegistrationRow;
import fr.mutualite.cqp.model.referential.Route;

/** The observatory's spreadsheets of registrations, in UTF-8 and as French Excel saves them. */
class RegistrationCsvTest {

	private static final Set<String> CERTIFICATIONS = Set.of("CMI", "CMC", "AC");
	private static final Set<String> BODIES = Set.of("ARKOS", "IFPASS");
	private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
	private static final List<RegistrationRow> ROWS = List.of(
			new RegistrationRow("C-1", "Bérard", "Éloïse", LocalDate.of(1988, 2, 29), "eloise@exemple.fr",
					"Mutuelle \"Les Œillets\"; Nord, Est", "Lille", "CMI", LocalDate.of(2024, 9, 2), Route.TRAINING,
					"ARKOS", "R-1"),
			new RegistrationRow(null, "N'Diaye", "Ousmane", LocalDate.of(1979, 12, 31), null, null, null, "AC",
					LocalDate.of(2025, 1, 6), Route.VAE, null, null));

	@TempDir
	Path tmp;

	private Path write(Dialect dialect) throws Exception {
		Path file = tmp.resolve(dialect + ".csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			RegistrationCsv.write(ROWS, dialect, out);
		}
		return file;
	}

	private Path file(String text, Charset charset) throws Exception {
		Path file = tmp.resolve("saisie.csv");
		Files.writeString(file, text, charset);
		return file;
	}

	@Test
	void bothDialectsReadBackWhatTheyWrote() throws Exception {
		for (Dialect dialect : Dialect.values()) {
			Parsed parsed = RegistrationCsv.read(write(dialect), CERTIFICATIONS, BODIES, TODAY);
			assertEquals(List.of(), parsed.problems(), dialect.name());
			assertEquals(ROWS, parsed.rows(), dialect.name());
			assertEquals(dialect, parsed.dialect());
		}
		String excel = Files.readString(write(Dialect.EXCEL), Charset.forName("windows-1252"));
		assertTrue(excel.contains("B\u00e9rard;\u00c9lo\u00efse;29/02/1988"), excel);
		assertTrue(excel.contains("\"Mutuelle \"\"Les \u0152illets\"\"; Nord, Est\""), excel);
		String utf8 = Files.readString(write(Dialect.CSV), StandardCharsets.UTF_8);
		assertTrue(utf8.startsWith(String.join(",", RegistrationCsv.COLUMNS)), utf8);
		assertTrue(utf8.contains("B\u00e9rard,\u00c9lo\u00efse,1988-02-29"), utf8);
	}

	@Test
	void everyBadRowIsNamedByItsLineWithItsReasonsAndTheGoodRowsAreKept() throws Exception {
		String text = """
				nom;prenom;date_naissance;certification;date_inscription;voie;organisme
				Durand;Léa;31/02/1990;CMI;01/09/2024;FORMATION;ARKOS
				Durand;Léa;28/02/1990;CMI;01/09/2024;FORMATION;ARKOS
				Martin;Paul;12/05/1985;XYZ;01/09/2024;stage;INCONNU
				;Jean;12/05/1985;CMC;2024-09-01;VAE;
				Petit;Anne;12/05/2015;CMC;01/09/2024;VAE;
				Roy;Anne;12/05/1975;CMC;01/09/2027;VAE;
				DURAND;lea;1990-02-28;cmi;2024-09-01;formation;ARKOS
				Colin;Luc;12/05/1975;CMC;01/09/2024;VAE
				""";
		Parsed parsed = RegistrationCsv.read(file(text, Charset.forName("windows-1252")), CERTIFICATIONS, BODIES, TODAY);
		assertEquals(8, parsed.lines());
		assertEquals(1, parsed.rows().size());
		assertEquals("Léa", parsed.rows().get(0).firstName());
		List<String> problems = parsed.problems().stream().map(Object::toString).toList();
		assertEquals(7, problems.size(), problems.toString());
		assertTrue(problems.get(0).startsWith("ligne 2 : ") && problems.get(0).contains("31/02/1990"), problems.get(0));
		assertTrue(problems.get(1).startsWith("ligne 4 : ") && problems.get(1).contains("XYZ")
				&& problems.get(1).contains("stage") && problems.get(1).contains("INCONNU"), problems.get(1));
		assertTrue(problems.get(2).startsWith("ligne 5 : ") && problems.get(2).contains("« nom » est vide"), problems.get(2));
		assertTrue(problems.get(3).startsWith("ligne 6 : ") && problems.get(3).contains("16 ans"), problems.get(3));
		assertTrue(problems.get(4).startsWith("ligne 7 : ") && problems.get(4).contains("futur"), problems.get(4));
		assertTrue(problems.get(5).startsWith("ligne 8 : ") && problems.get(5).contains("ligne 3"), problems.get(5));
		assertTrue(problems.get(6).startsWith("ligne 9 : ") && problems.get(6).contains("6 colonnes au lieu de 7"),
				problems.get(6));
	}

	@Test
	void aFileWithoutTheRequiredColumnsOrThatDoesNotExistGetsOneSentence() throws Exception {
		CqpException missing = assertThrows(CqpException.class,
				() -> RegistrationCsv.read(file("nom,prenom\nA,B\n", StandardCharsets.UTF_8), CERTIFICATIONS, BODIES, TODAY));
		assertTrue(missing.getMessage().contains("date_naissance, certification, date_inscription, voie"),
				missing.getMessage());
		CqpException absent = assertThrows(CqpException.class,
				() -> RegistrationCsv.read(tmp.resolve("absent.csv"), CERTIFICATIONS, BODIES, TODAY));
		assertTrue(absent.getMessage().contains("absent.csv"), absent.getMessage());
	}

	@Test
	void aUtf8FileWithAByteOrderMarkIsRead() throws Exception {
		String text = "\uFEFFnom,prenom,date_naissance,certification,date_inscription,voie\nBérard,Zoé,1990-01-02,CMI,2024-01-02,VAE\n";
		Parsed parsed = RegistrationCsv.read(file(text, StandardCharsets.UTF_8), CERTIFICATIONS, BODIES, TODAY);
		assertEquals(List.of(), parsed.problems());
		assertEquals("Bérard", parsed.rows().get(0).lastName());
	}

	@Test
	void theExcelDialectRefusesACharacterWindows1252CannotHoldRatherThanLoseIt() {
		RegistrationRow polish = new RegistrationRow(null, "Wałęsa", "Lech", LocalDate.of(1970, 1, 1), null, null,
				null, "CMC", LocalDate.of(2024, 1, 1), Route.VAE, null, null);
		CqpException refused = assertThrows(CqpException.class,
				() -> RegistrationCsv.write(List.of(ROWS.get(0), polish), Dialect.EXCEL, new ByteArrayOutputStream()));
		assertTrue(refused.getMessage().contains("ligne 3") && refused.getMessage().contains("Wałęsa"),
				refused.getMessage());
		ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
		assertDoesNotThrow(() -> RegistrationCsv.write(List.of(polish), Dialect.CSV, utf8));
		assertTrue(utf8.toString(StandardCharsets.UTF_8).contains("Wałęsa"));
	}
}
