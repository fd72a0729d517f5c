package fr.mutualite.cqp.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataFolder;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.dossier.BulkLoader;
import fr.mutualite.cqp.core.dossier.DossierStore;
import fr.mutualite.cqp.core.dossier.DossierStoreFactory;
import fr.mutualite.cqp.core.dossier.StoreSettings;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.report.ReportParameter;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Reports the observatory designs itself (in the BIRT Report Designer) and drops in the data
 * folder's {@code rapports}: listed and run like the shipped ones over the store's connection,
 * whatever address the design names; a design that does not parse, is named as a shipped one,
 * or reads what the schema does not have is refused in one sentence and produces nothing.
 */
class UserReportsTest {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
	private static final String NAME = "candidats-par-certification";
	/** The shipped reports, as listed. */
	private static final List<String> SHIPPED = List.of("delais", "domaines", "echeances", "expirations", "inscriptions",
			"organismes", "resultats-jurys", "sessions-jury");
	/** The reports listed once the test's design is in the data folder: the shipped ones, then it. */
	private static final List<String> LISTED = java.util.stream.Stream.concat(SHIPPED.stream(), java.util.stream.Stream.of(NAME))
			.toList();
	/** The query of the design {@value #NAME}. */
	private static final String QUERY = "SELECT R.CERTIFICATION_CODE AS CERTIFICATION, COUNT(*) AS INSCRITS\nFROM REGISTRATION R\n"
			+ "WHERE YEAR(R.REGISTRATION_DATE) >= ?\nGROUP BY R.CERTIFICATION_CODE\nORDER BY R.CERTIFICATION_CODE";

	@TempDir
	static Path tmp;
	private static DossierStore store;
	private static Branch branch;
	private static ReportService service;
	private static ServiceTracker<?, ?> reports, stores;
	private static String design;

	@BeforeAll
	static void openABranch() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.shipped();
		store = service(DossierStoreFactory.class).open(StoreSettings.embedded(tmp.resolve("base")), library,
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					// a new database of the test
				});
		BranchGenerator generator = new BranchGenerator(library, 17, AS_OF).keep();
		try (BulkLoader loader = store.bulkLoader()) {
			generator.generate(150, BranchGenerator.into(loader));
			loader.commit();
		}
		branch = new Branch(generator.dossiers());
		service = service(ReportService.class);
		try (InputStream in = UserReportsTest.class.getResourceAsStream(NAME + ".rptdesign")) {
			design = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@AfterEach
	void removeTheDesigns() throws Exception {
		Path folder = DataFolder.reports();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path f : files.toList()) {
					Files.delete(f);
				}
			}
		}
	}

	@AfterAll
	static void close() throws Exception {
		store.close();
		reports.close();
		stores.close();
	}

	private static <T> T service(Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(UserReportsTest.class).getBundleContext(), type, null);
		tracker.open();
		if (type == ReportService.class) {
			reports = tracker;
		} else {
			stores = tracker;
		}
		T found = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		assertNotNull(found, type.getSimpleName());
		return found;
	}

	private static Path drop(String name, String text) throws Exception {
		Files.createDirectories(DataFolder.reports());
		Path file = DataFolder.reports().resolve(name + ".rptdesign");
		Files.writeString(file, text);
		return file;
	}

	@Test
	void aDesignDroppedInTheDataFolderIsListedCheckedAndRunOverTheStore() throws Exception {
		drop(NAME, design);
		List<String> names = service.reports().stream().map(ReportInfo::name).toList();
		assertEquals(LISTED, names);
		assertEquals(List.of(), service.refusedDesigns());
		ReportInfo info = service.report(NAME);
		assertEquals("Candidats par certification", info.title());
		assertEquals(1, info.parameters().size());
		ReportParameter year = info.parameters().get(0);
		assertEquals("annee_min|Première année d'inscription|INTEGER|2000", year.name() + "|" + year.label() + "|"
				+ year.kind() + "|" + year.defaultValue());

		// the design names a server the branch does not have: the store's connection is used
		Path out = tmp.resolve("sortie/" + NAME + ".xlsx");
		service.render(NAME, store.data(), ReportFormat.XLSX, service.parameters(NAME, Map.of("annee_min", "2022"),
				store.data()), out);
		Map<String, Integer> expected = new TreeMap<>();
		for (Registration r : branch.registrations()) {
			if (r.getDate().getYear() >= 2022) {
				expected.merge(r.getCertification().getCode(), 1, Integer::sum);
			}
		}
		List<String> rows = new java.util.ArrayList<>(List.of("Certification|Inscrits"));
		expected.forEach((code, n) -> rows.add(code + "|" + n));
		assertEquals(rows, Outputs.xlsxRows(out));
		assertEquals(expected.size(), service.query(NAME, store.data(), service.parameters(NAME, Map.of(), store.data())));
	}

	@Test
	void aDesignOfTheDataFolderUsesThePacksLibrary() throws Exception {
		String text;
		try (InputStream in = UserReportsTest.class.getResourceAsStream("avec-bibliotheque.rptdesign")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		drop("avec-bibliotheque", text);
		assertEquals(List.of(), service.refusedDesigns());
		ReportInfo info = service.report("avec-bibliotheque");
		ReportParameter certification = info.parameters().get(0);
		assertEquals(List.of("certification|Certification (toutes si vide)|TEXT"), info.parameters().stream()
				.map(p -> p.name() + "|" + p.label() + "|" + p.kind()).toList(), "the library's parameter");
		Path out = tmp.resolve("bibliotheque/inscrits.xlsx");
		service.render("avec-bibliotheque", store.data(), ReportFormat.XLSX, service.parameters("avec-bibliotheque",
				Map.of(certification.name(), "CMI"), store.data()), out);
		long cmi = branch.registrations().stream().filter(r -> r.getCertification().getCode().equals("CMI")).count();
		assertEquals(List.of("Inscrits", Long.toString(cmi)), Outputs.xlsxRows(out));
	}

	@Test
	void aDesignThatDoesNotParseIsRefusedAndNotListed() throws Exception {
		Path file = drop("casse", design.substring(0, design.indexOf("<body>") + 20));
		drop(NAME, design);
		assertEquals(LISTED, service.reports().stream().map(ReportInfo::name).toList());
		List<CqpException> refused = service.refusedDesigns();
		assertEquals(1, refused.size());
		assertTrue(refused.get(0).getMessage().startsWith("Le modèle de rapport " + file + " est illisible (ligne "),
				refused.get(0).getMessage());
		assertNotNull(refused.get(0).getCause(), "the cause goes to the log");
		CqpException unknown = assertThrows(CqpException.class, () -> service.report("casse"));
		assertTrue(unknown.getMessage().contains("casse"), unknown.getMessage());
	}

	@Test
	void aDesignNamedAsAShippedReportOrReadingAnotherSourceIsRefused() throws Exception {
		Path shipped = drop("inscriptions", design);
		Path csv = drop("fichier-plat", design.replace("extensionID=\"org.eclipse.birt.report.data.oda.jdbc\"",
				"extensionID=\"org.eclipse.datatools.connectivity.oda.flatfile\""));
		List<String> messages = service.refusedDesigns().stream().map(CqpException::getMessage).toList();
		assertEquals(List.of("Le rapport " + csv + " n'est pas utilisé : sa source de données « Base OEMM » "
				+ "(org.eclipse.datatools.connectivity.oda.flatfile) n'est pas une base JDBC ; seule la base du produit "
				+ "alimente les rapports.",
				"Le rapport " + shipped + " n'est pas utilisé : il porte le nom du rapport livré « inscriptions » ; "
						+ "renommez le fichier."),
				messages);
		assertEquals(SHIPPED, service.reports().stream().map(ReportInfo::name).toList());
	}

	@Test
	void aDesignReadingATableTheSchemaDoesNotHaveIsRefusedBeforeAnythingIsWritten() throws Exception {
		Path file = drop("budget", design.replace("FROM REGISTRATION R", "FROM BUDGET R"));
		Path out = tmp.resolve("budget/budget.pdf");
		Map<String, Object> values = service.parameters("budget", Map.of(), store.data());
		CqpException e = assertThrows(CqpException.class,
				() -> service.render("budget", store.data(), ReportFormat.PDF, values, out));
		assertEquals("Le rapport « budget » (" + file + ") n'est pas produit : son jeu de données « Par certification » "
				+ "lit « BUDGET », que le schéma des rapports n'a pas (voir docs/reports-schema.md).", e.getMessage());
		assertFalse(Files.exists(out.getParent()) && Files.list(out.getParent()).findAny().isPresent(), "nothing written");

		Path writes = drop("efface", design.replace(QUERY, "DELETE FROM CANDIDATE WHERE 1 = ?"));
		CqpException write = assertThrows(CqpException.class,
				() -> service.render("efface", store.data(), ReportFormat.PDF, values, tmp.resolve("efface.pdf")));
		assertEquals("Le rapport « efface » (" + writes + ") n'est pas produit : son jeu de données « Par certification » "
				+ "n'est pas une requête SELECT ; un rapport ne fait que lire la base.", write.getMessage());
		assertEquals(branch.registrations().stream().map(r -> r.eContainer()).distinct().count(), store.candidates().count(),
				"nothing deleted");
	}

	/**
	 * A design whose query runs for minutes (the observatory crossed three tables) is stopped
	 * when the user cancels it: refused in one sentence, nothing written, and the same service
	 * renders the next report.
	 */
	@Test
	void aLongReportIsStoppedWhenCancelledAndWritesNothing() throws Exception {
		drop("croise", design.replace(QUERY, "SELECT A.CERTIFICATION_CODE AS CERTIFICATION, 1 AS INSCRITS "
				+ "FROM REGISTRATION A, REGISTRATION B, REGISTRATION C WHERE YEAR(A.REGISTRATION_DATE) >= ?"));
		Path folder = tmp.resolve("annule");
		Map<String, Object> values = service.parameters("croise", Map.of(), store.data());
		// cancelled once the file is being written: the rendering has started
		java.util.function.BooleanSupplier started = () -> {
			try (Stream<Path> files = Files.list(folder)) {
				return files.findAny().isPresent();
			} catch (java.io.IOException e) {
				return false;
			}
		};
		CqpException cancelled = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(1),
				() -> assertThrows(CqpException.class, () -> service.render("croise", store.data(), ReportFormat.XLSX,
						values, folder.resolve("croise.xlsx"), started)),
				"without cancelling, the millions of rows take several minutes");
		assertEquals("La production du rapport « croise » a été annulée ; rien n'a été écrit.", cancelled.getMessage());
		try (Stream<Path> files = Files.list(folder)) {
			assertEquals(List.of(), files.toList());
		}
		drop(NAME, design);
		Path out = folder.resolve(NAME + ".xlsx");
		service.render(NAME, store.data(), ReportFormat.XLSX, service.parameters(NAME, Map.of(), store.data()), out);
		assertEquals(branch.registrations().stream().map(r -> r.getCertification().getCode()).distinct().count() + 1,
				Outputs.xlsxRows(out).size());
	}
}
