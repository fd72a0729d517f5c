package fr.mutualite.cqp.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.AfterAll;
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
import fr.mutualite.cqp.core.report.Dashboard;
import fr.mutualite.cqp.core.report.ReportInfo;
import fr.mutualite.cqp.core.report.ReportParameter;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.core.validation.RuleBook;
import fr.mutualite.cqp.model.dossier.JuryMember;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.JurySide;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.DomainUse;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.RuleSet;
import fr.mutualite.cqp.referential.ReferentialLibrary;
import fr.mutualite.cqp.reports.tests.Branch.Decision;

/**
 * The observatory's pack rendered by BIRT inside OSGi over a real Derby database filled with a
 * small synthetic branch: every figure checked in the PDF text and the XLSX cells is computed
 * here from the generator's objects, not from the database.
 */
class ReportPackTest {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
	private static final int FIRST = 2018, LAST = 2026;
	private static final String[] NAMES = { "delais", "domaines", "echeances", "expirations", "inscriptions",
			"organismes", "resultats-jurys", "sessions-jury" };

	@TempDir
	static Path tmp;
	private static DossierStore store;
	private static Branch branch;
	private static ReferentialLibrary shipped;
	private static ReportService service;
	private static final Map<String, Path> pdf = new HashMap<>(), xlsx = new HashMap<>();
	private static final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

	@BeforeAll
	static void renderThePack() throws Exception {
		ReferentialLibrary library = ReferentialLibrary.shipped();
		shipped = library;
		store = service(DossierStoreFactory.class).open(StoreSettings.embedded(tmp.resolve("base")), library,
				DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
					// a new database of the test
				});
		BranchGenerator generator = new BranchGenerator(library, 11, AS_OF).keep();
		try (BulkLoader loader = store.bulkLoader()) {
			generator.generate(400, BranchGenerator.into(loader));
			loader.commit();
		}
		branch = new Branch(generator.dossiers());
		service = service(ReportService.class);
		for (String name : NAMES) {
			Map<String, Object> values = service.parameters(name, parameters(name), store.data());
			pdf.put(name, render(name, ReportFormat.PDF, values));
			xlsx.put(name, render(name, ReportFormat.XLSX, values));
		}
	}

	private static Map<String, String> parameters(String report) {
		Map<String, String> values = new HashMap<>();
		if (report.equals("echeances") || report.equals("expirations")) {
			values.put("date_reference", AS_OF.toString());
		} else {
			values.put("annee_debut", Integer.toString(FIRST));
			values.put("annee_fin", Integer.toString(LAST));
		}
		return values;
	}

	private static Path render(String name, ReportFormat format, Map<String, Object> values) throws Exception {
		Path out = tmp.resolve("rapports").resolve(name + '.' + format.extension());
		service.render(name, store.data(), format, values, out);
		assertTrue(Files.size(out) > 0, out + " is empty");
		return out;
	}

	@AfterAll
	static void close() throws Exception {
		if (store != null) {
			store.close();
		}
		trackers.forEach(ServiceTracker::close);
	}

	private static <T> T service(Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(ReportPackTest.class).getBundleContext(), type, null);
		tracker.open();
		trackers.add(tracker);
		T found = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		assertNotNull(found, type.getSimpleName() + " is published as an OSGi service");
		return found;
	}

	// ---- the pack

	@Test
	void thePackHasItsEightReportsWithTitlesAndParameters() throws Exception {
		List<ReportInfo> reports = service.reports();
		assertEquals(List.of(NAMES), reports.stream().map(ReportInfo::name).toList());
		for (ReportInfo report : reports) {
			assertFalse(report.title().isBlank() || report.title().equals(report.name()), report.name() + " has a title");
			assertFalse(report.parameters().isEmpty(), report.name() + " has parameters");
		}
		ReportParameter certification = service.report("inscriptions").parameters().stream()
				.filter(p -> p.name().equals("certification")).findFirst().orElseThrow();
		assertTrue(certification.listed());
		assertEquals(List.of("AC", "CARC", "CMC", "CMI", "CRD", "SPSP"), service
				.choices("inscriptions", "certification", store.data()).stream().map(c -> c.value()).toList());
	}

	@Test
	void registrationsPerCertificationYearAndRoute() throws Exception {
		Map<String, int[]> expected = new TreeMap<>();
		for (Registration r : branch.registrations()) {
			int year = r.getDate().getYear();
			int[] f = expected.computeIfAbsent(r.getCertification().getCode() + "|" + year, k -> new int[4]);
			f[r.getRoute() == Route.VAE ? 1 : 0]++;
			if (r.getVaeDossier() != null && r.getVaeDossier().getAdmissibility() == fr.mutualite.cqp.model.dossier.Admissibility.INADMISSIBLE) {
				f[2]++;
			}
			f[3]++;
		}
		assertTrue(expected.values().stream().mapToInt(f -> f[2]).sum() > 0, "inadmissible VAE requests in the branch");
		List<String> rows = Outputs.xlsxRows(xlsx.get("inscriptions"));
		String text = Outputs.pdfText(pdf.get("inscriptions"));
		for (Map.Entry<String, int[]> e : expected.entrySet()) {
			int[] f = e.getValue();
			assertTrue(rows.contains(e.getKey() + "|" + f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3]), e.getKey() + " in " + rows);
			String line = e.getKey().replace('|', ' ') + " " + f[0] + " " + f[1] + " " + f[2] + " " + f[3];
			assertTrue(text.contains(line), "PDF line '" + line + "'");
		}
	}

	@Test
	void juryOutcomesAndRates() throws Exception {
		Map<String, int[]> expected = new TreeMap<>();
		for (Decision d : branch.decisions()) {
			int[] f = expected.computeIfAbsent(d.registration().getCertification().getCode() + "|" + d.day().getYear(),
					k -> new int[4]);
			f[0]++;
			f[d.acquired() == d.domains() ? 1 : d.acquired() == 0 ? 3 : 2]++;
		}
		assertFalse(expected.isEmpty());
		List<String> rows = Outputs.xlsxRows(xlsx.get("resultats-jurys"));
		String text = Outputs.pdfText(pdf.get("resultats-jurys"));
		for (Map.Entry<String, int[]> e : expected.entrySet()) {
			int[] f = e.getValue();
			double full = Branch.tenths(f[1], f[0]), awarded = Branch.tenths(f[1] + f[2], f[0]);
			String row = e.getKey() + "|" + f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3] + "|" + Outputs.tenth(full) + "|"
					+ Outputs.tenth(awarded);
			assertTrue(rows.contains(row), row + " in " + rows);
			String line = e.getKey().replace('|', ' ') + " " + f[0] + " " + f[1] + " " + f[2] + " " + f[3] + " "
					+ local(full) + " " + local(awarded);
			assertTrue(text.contains(line), "PDF line '" + line + "' in\n" + text);
		}
	}

	/**
	 * The figures the dashboard compares the year in progress with: those of a year up to a day
	 * (the parameter {@code jusqu_au}, never asked), with the report's filters, equal to the
	 * branch's registrations and decisions of that year up to that day.
	 */
	@Test
	void theFiguresOfAYearUpToADay() throws Exception {
		assertTrue(service.report("inscriptions").parameters().stream().noneMatch(p -> p.name().equals("jusqu_au")),
				"the day is not asked");
		for (LocalDate day : List.of(AS_OF.minusYears(1), LocalDate.of(2024, 10, 31), LocalDate.of(2023, 12, 31))) {
			for (String certification : List.of("", "CMI")) {
				long registrations = branch.registrations().stream()
						.filter(r -> r.getDate().getYear() == day.getYear() && !r.getDate().isAfter(day))
						.filter(r -> certification.isEmpty() || r.getCertification().getCode().equals(certification)).count();
				List<Decision> decided = branch.decisions().stream()
						.filter(d -> d.domains() > 0 && d.day().getYear() == day.getYear() && !d.day().isAfter(day))
						.filter(d -> certification.isEmpty() || d.registration().getCertification().getCode().equals(certification))
						.toList();
				long full = decided.stream().filter(d -> d.acquired() == d.domains()).count();
				assertTrue(registrations > 0 && (!certification.isEmpty() || full > 0), day + " " + certification + ": something to count");
				Map<String, String> values = Map.of("jusqu_au", day.toString(), "certification", certification);
				assertEquals(List.of(Map.of("INSCRIPTIONS", (int) registrations)), service.rows("inscriptions", "aDate",
						store.data(), service.parameters("inscriptions", values, store.data())), day + " " + certification);
				assertEquals(List.of(Map.of("DECISIONS", decided.size(), "TOTALES", (int) full)), service.rows("resultats-jurys",
						"aDate", store.data(), service.parameters("resultats-jurys", values, store.data())), day + " " + certification);
			}
		}
	}

	@Test
	void domainsFailedMost() throws Exception {
		Map<String, int[]> expected = new TreeMap<>();
		for (Decision d : branch.decisions()) {
			for (var dd : d.decision().getDomains()) {
				int number = d.registration().getCertification().getDomains().stream()
						.filter(u -> u.getDomain() == dd.getDomain()).mapToInt(DomainUse::getNumber).findFirst()
						.orElseThrow();
				int[] f = expected.computeIfAbsent(d.registration().getCertification().getCode() + "|" + number,
						k -> new int[2]);
				f[0]++;
				if (dd.isAcquired()) {
					f[1]++;
				}
			}
		}
		List<String> rows = Outputs.xlsxRows(xlsx.get("domaines"));
		for (Map.Entry<String, int[]> e : expected.entrySet()) {
			int decisions = e.getValue()[0], acquired = e.getValue()[1];
			String[] key = e.getKey().split("\\|");
			String figures = "|" + decisions + "|" + acquired + "|" + (decisions - acquired) + "|"
					+ Outputs.tenth(Branch.tenths(decisions - acquired, decisions));
			assertTrue(rows.stream().anyMatch(r -> r.startsWith(key[0] + "|" + key[1] + "|") && r.endsWith(figures)),
					e.getKey() + figures + " in " + rows);
		}
	}

	@Test
	void trainingBodiesAndTheirPassRate() throws Exception {
		List<String> rows = Outputs.xlsxRows(xlsx.get("organismes"));
		for (String row : bodies(branch, Branch::rules)) {
			assertTrue(rows.contains(row), row + " in " + rows);
		}
	}

	/**
	 * The lines of {@code organismes}: per body, registered, hours, paths outside the rules'
	 * hours (beyond the most, or covering every domain below the least), presented, certified, rate.
	 */
	private static List<String> bodies(Branch branch, BiFunction<Registration, LocalDate, RuleSet> rules) {
		Map<String, long[]> expected = new TreeMap<>();
		for (Registration r : branch.registrations()) {
			if (r.getTrainingBody() == null) {
				continue;
			}
			long[] f = expected.computeIfAbsent(r.getTrainingBody().getName(), k -> new long[5]);
			int hours = Branch.hours(r);
			RuleSet k = rules.apply(r, r.getDate());
			long covered = r.getTrainingPath() == null ? 0 : r.getTrainingPath().getModules().stream()
					.flatMap(m -> m.getDomains().stream()).distinct().count();
			boolean hasModules = r.getTrainingPath() != null && !r.getTrainingPath().getModules().isEmpty();
			f[0]++;
			f[1] += hours;
			f[2] += hasModules && (hours > k.getTrainingHoursMax()
					|| covered == r.getCertification().getDomains().size() && hours < k.getTrainingHoursMin()) ? 1 : 0;
			f[3] += branch.decisions().stream().anyMatch(d -> d.registration() == r) ? 1 : 0;
			f[4] += r.getCertificate() != null && r.getCertificate().isFull() ? 1 : 0;
		}
		List<String> lines = new ArrayList<>();
		for (Map.Entry<String, long[]> e : expected.entrySet()) {
			long[] f = e.getValue();
			lines.add(e.getKey() + "|" + f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4]
					+ (f[3] == 0 ? "" : "|" + Outputs.tenth(Branch.tenths(f[4], f[3]))));
		}
		return lines;
	}

	@Test
	void deadlinesListTheCandidatesToActOn() throws Exception {
		List<String> late = late(branch, Branch::rules, AS_OF);
		assertFalse(late.isEmpty(), "the small branch has candidates near their limit");
		assertEquals(late, listedLate(Outputs.xlsxRows(xlsx.get("echeances"))),
				"only the candidates near or past their limit are listed");
		assertEquals(names(expiring(branch, Branch::rules, AS_OF, null)),
				listedPartial(Outputs.xlsxRows(xlsx.get("expirations"))),
				"only the partial awards expiring within the year are listed");
	}

	/**
	 * A workbook is written as it goes, its rows (candidates' names) kept meanwhile in POI's
	 * temporary files: those go to a folder of this process inside the data folder, its owner's
	 * alone, and are gone once the workbook is written; the folder a killed process left there, and
	 * the preview a killed application left, are deleted before the next rendering, those of
	 * running processes kept.
	 */
	@Test
	void temporaryFilesStayInTheDataFolderAndGo() throws Exception {
		Path parent = DataFolder.temporary();
		Path own = parent.resolve("rapports-" + ProcessHandle.current().pid());
		Process ended = new ProcessBuilder("true").start();
		assertEquals(0, ended.waitFor());
		Path left = Files.createDirectories(parent.resolve("rapports-" + ended.pid()));
		Files.writeString(left.resolve("poi-sxssf-sheet.xml.gz"), "Dupont;Jeanne");
		Path running = Files.createDirectories(parent.resolve("rapports-" + ProcessHandle.current().parent().orElseThrow().pid()));
		// the application's preview of a report, left by an application killed outright
		Path preview = Files.writeString(parent.resolve("apercu-" + ended.pid() + "-echeances-812.html"), "<p>Dupont</p>");
		Path shown = Files.writeString(parent.resolve("apercu-" + ProcessHandle.current().parent().orElseThrow().pid()
				+ "-echeances-813.html"), "<p>Martin</p>");
		Path other = Files.writeString(parent.resolve("notes-de-l-analyste.txt"), "à garder");
		Path out = tmp.resolve("rapports/echeances-temporaire.xlsx");
		service.render("echeances", store.data(), ReportFormat.XLSX, service.parameters("echeances",
				parameters("echeances"), store.data()), out);
		assertEquals(Outputs.xlsxRows(xlsx.get("echeances")), Outputs.xlsxRows(out));
		assertFalse(Files.exists(left), "the folder of an ended process is deleted");
		assertTrue(Files.isDirectory(running), "the folder of a running process is kept");
		assertFalse(Files.exists(preview), "the preview an ended application left is deleted");
		assertEquals("<p>Martin</p>", Files.readString(shown), "the preview of a running application is kept");
		assertEquals("à garder", Files.readString(other), "a file of no process is kept");
		Files.delete(running);
		Files.delete(shown);
		Files.delete(other);
		try (java.util.stream.Stream<Path> files = Files.list(own)) {
			assertEquals(List.of(), files.toList(), "nothing left once the workbook is written");
		}
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own)));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(parent)));
		File probe = TempFile.createTempFile("sonde", ".tmp");
		try {
			assertEquals(own, probe.toPath().getParent(), "POI writes its temporary files there");
		} finally {
			Files.delete(probe.toPath());
		}
	}

	/**
	 * Asked about an earlier day (as the dashboard asks about the years before), the lists are
	 * those of that day: a candidate a jury decided on since was still waiting then, an award
	 * completed since was still partial. The partial awards of this small branch are completed
	 * within their five years: the report's validity parameter (one year) brings the expiry of some
	 * within the year. The day is the first end of month of the branch when both happen.
	 */
	@Test
	void deadlinesOnAnEarlierDayAreThoseOfThatDay() throws Exception {
		int validity = 1;
		LocalDate day = null;
		for (LocalDate end = LocalDate.of(FIRST, 1, 31); end.isBefore(AS_OF) && day == null; end = end.plusDays(1)
				.plusMonths(1).minusDays(1)) {
			LocalDate on = end;
			if (waiting(branch, Branch::rules, on, null).stream().anyMatch(r -> decidedBy(branch, r, AS_OF))
					&& expiring(branch, Branch::rules, on, validity).stream().anyMatch(r -> fullBy(r, AS_OF))) {
				day = on;
			}
		}
		assertNotNull(day, "the small branch has a month end when a candidate decided on later was near the limit "
				+ "and an award completed later was partial");
		Path late = tmp.resolve("rapports/echeances-" + day + ".xlsx");
		service.render("echeances", store.data(), ReportFormat.XLSX, service.parameters("echeances",
				Map.of("date_reference", day.toString()), store.data()), late);
		Path partial = tmp.resolve("rapports/expirations-" + day + ".xlsx");
		service.render("expirations", store.data(), ReportFormat.XLSX, service.parameters("expirations",
				Map.of("date_reference", day.toString(), "validite_annees", Integer.toString(validity)), store.data()),
				partial);
		assertEquals(late(branch, Branch::rules, day), listedLate(Outputs.xlsxRows(late)),
				"the candidates without a jury on " + day);
		assertEquals(names(expiring(branch, Branch::rules, day, validity)),
				listedPartial(Outputs.xlsxRows(partial)), "the partial awards on " + day);
	}

	/**
	 * Given a limit for a first jury (its parameter {@code delai_annees}) instead of each
	 * candidate's rules, {@code echeances} lists the candidates near or past that limit. The limit
	 * is the first number of years after the rules' that lists other candidates on the reference day.
	 */
	@Test
	void aLimitGivenToTheReportReplacesTheRules() throws Exception {
		List<String> byRules = late(branch, Branch::rules, AS_OF);
		int ruled = Branch.rules(branch.registrations().get(0), AS_OF).getRegistrationDeadlineYears();
		Integer years = null;
		for (int y = ruled + 1; y <= ruled + 10 && years == null; y++) {
			List<String> given = names(waiting(branch, Branch::rules, AS_OF, y));
			if (!given.isEmpty() && !given.equals(byRules)) {
				years = y;
			}
		}
		assertNotNull(years, "the small branch has candidates near a limit longer than the rules'");
		Path out = tmp.resolve("rapports/echeances-" + years + "-ans.xlsx");
		Map<String, String> values = parameters("echeances");
		values.put("delai_annees", years.toString());
		service.render("echeances", store.data(), ReportFormat.XLSX, service.parameters("echeances", values,
				store.data()), out);
		List<String> rows = Outputs.xlsxRows(out);
		assertEquals(names(waiting(branch, Branch::rules, AS_OF, years)), listedLate(rows),
				"the candidates near or past " + years + " years after their registration");
	}

	/**
	 * Who {@code echeances} lists on {@code day} as near or past the limit for a first jury (six
	 * months either side, the report's default), in name order.
	 */
	private static List<String> late(Branch branch, BiFunction<Registration, LocalDate, RuleSet> rules, LocalDate day) {
		return names(waiting(branch, rules, day, null));
	}

	/**
	 * The registrations made on or before {@code day} that no jury had decided on by then, whose
	 * limit for a first jury falls within six months of it: {@code years} after the registration
	 * (the report's parameter) or, when {@code null}, their rules' limit.
	 */
	private static List<Registration> waiting(Branch branch, BiFunction<Registration, LocalDate, RuleSet> rules,
			LocalDate day, Integer years) {
		List<Registration> waiting = new ArrayList<>();
		for (Registration r : branch.registrations()) {
			LocalDate limit = r.getDate().plusYears(years != null ? years
					: rules.apply(r, r.getDate()).getRegistrationDeadlineYears());
			if (!r.getDate().isAfter(day) && !decidedBy(branch, r, day) && !limit.isBefore(day.minusMonths(6))
					&& !limit.isAfter(day.plusMonths(6))) {
				waiting.add(r);
			}
		}
		return waiting;
	}

	/** Whether a jury had decided on {@code r} by {@code day}. */
	private static boolean decidedBy(Branch branch, Registration r, LocalDate day) {
		return branch.decisions().stream().anyMatch(d -> d.registration() == r && !d.day().isAfter(day));
	}

	/** Whether {@code r} was certified in full by {@code day}. */
	private static boolean fullBy(Registration r, LocalDate day) {
		return r.getCertificate() != null && r.getCertificate().isFull() && !r.getCertificate().getDate().isAfter(day);
	}

	/**
	 * The awards partial on {@code day} (a domain acquired by then, not certified in full by
	 * then) whose first acquired domains expire within the year after it, after {@code validity}
	 * years (the report's parameter) or, when {@code null}, their rules' validity.
	 */
	private static List<Registration> expiring(Branch branch, BiFunction<Registration, LocalDate, RuleSet> rules,
			LocalDate day, Integer validity) {
		List<Registration> expiring = new ArrayList<>();
		for (Registration r : branch.registrations()) {
			LocalDate first = branch.decisions().stream().filter(d -> d.registration() == r && d.acquired() > 0)
					.map(Decision::day).min(LocalDate::compareTo).orElse(null);
			if (first != null && !first.isAfter(day) && !fullBy(r, day)) {
				LocalDate expiry = first.plusYears(validity != null ? validity : rules.apply(r, first).getPartialValidityYears());
				if (!expiry.isBefore(day) && !expiry.isAfter(day.plusMonths(12))) {
					expiring.add(r);
				}
			}
		}
		return expiring;
	}

	private static List<String> names(List<Registration> registrations) {
		return registrations.stream().map(ReportPackTest::who).sorted().toList();
	}

	private static String who(Registration r) {
		fr.mutualite.cqp.model.dossier.Candidate c = (fr.mutualite.cqp.model.dossier.Candidate) r.eContainer();
		return c.getLastName() + "|" + c.getFirstName() + "|" + r.getCertification().getCode();
	}

	/** The candidates {@code expirations} lists (the rows after its header), in name order. */
	private static List<String> listedPartial(List<String> rows) {
		int header = Math.max(
				rows.indexOf("Nom|Prénom|Certification|Organisme de formation|Premier jury|Domaines acquis|Domaines|Expiration"),
				rows.indexOf("Last name|First name|Certification|Training body|First jury|Domains acquired|Domains|Expiry"));
		assertTrue(header >= 0, "the list of partial awards has its header: " + rows);
		return rows.subList(header + 1, rows.size()).stream()
				.map(r -> String.join("|", java.util.Arrays.copyOf(r.split("\\|"), 3))).sorted().toList();
	}

	/** The candidates {@code echeances} lists, in name order. */
	private static List<String> listedLate(List<String> rows) {
		return rows.stream().filter(r -> r.endsWith("|Délai dépassé") || r.endsWith("|Délai proche")
				|| r.endsWith("|Limit passed") || r.endsWith("|Limit near")).map(r -> String.join("|",
						java.util.Arrays.copyOf(r.split("\\|"), 3))).sorted().toList();
	}

	/**
	 * The branch edits its rules (a copy of the shared referential in the data folder): a shorter
	 * deadline, another jury composition, no alternation. Opened again with that referential, the
	 * database's copy of the rules follows, and so do the reports, computed here from the new
	 * rules; the shipped rules are put back afterwards.
	 */
	@Test
	void aRuleChangedInTheReferentialIsFollowedByTheReports() throws Exception {
		Path folder = tmp.resolve("regles");
		Files.createDirectories(folder);
		String original;
		try (var in = ReferentialLibrary.newResourceSet().getURIConverter().createInputStream(
				ReferentialLibrary.shippedUris().stream().filter(u -> u.lastSegment().equals("commun.referentiel")).findFirst()
						.orElseThrow())) {
			original = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		ReferentialLibrary before = ReferentialLibrary.shipped();
		RuleSet old = RuleBook.of(before.certification("CMI").orElseThrow()).first().orElseThrow();
		int deadline = old.getRegistrationDeadlineYears() - 1, members = old.getJuryMembers() + 2;
		String edited = original
				.replace("registrationDeadlineYears=\"" + old.getRegistrationDeadlineYears() + "\"",
						"registrationDeadlineYears=\"" + deadline + "\"")
				.replace("juryMembers=\"" + old.getJuryMembers() + "\"", "juryMembers=\"" + members + "\"")
				.replace("alternatingPresidency=\"true\"", "alternatingPresidency=\"false\"")
				.replace("trainingHoursMax=\"" + old.getTrainingHoursMax() + "\"",
						"trainingHoursMax=\"" + (old.getTrainingHoursMin() + 10) + "\"");
		assertFalse(edited.equals(original), "the rules were edited");
		Files.writeString(folder.resolve("commun.referentiel"), edited);
		ReferentialLibrary changed = ReferentialLibrary.withFolder(folder);
		BiFunction<Registration, LocalDate, RuleSet> newRules = (r, day) -> RuleBook.of(changed
				.certification(r.getCertification().getCode(), r.getReferentialVersion()).orElseThrow()).at(day)
				.orElseThrow();
		assertEquals(deadline, newRules.apply(branch.registrations().get(0), AS_OF).getRegistrationDeadlineYears());
		List<String> late = late(branch, newRules, AS_OF);
		String summary = sessionSummary(branch, changed, newRules);
		assertFalse(late.equals(late(branch, Branch::rules, AS_OF)), "a shorter deadline lists other candidates");
		assertFalse(summary.equals(sessionSummary(branch, shipped, Branch::rules)), "other sessions conform");
		List<String> bodies = bodies(branch, newRules);
		assertFalse(bodies.equals(bodies(branch, Branch::rules)), "other paths are outside the hours");
		store.close();
		try {
			store = service(DossierStoreFactory.class).open(StoreSettings.embedded(tmp.resolve("base")), changed,
					DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
						// the test's database
					});
			Path deadlines = tmp.resolve("regles/echeances.xlsx"), sessions = tmp.resolve("regles/sessions-jury.xlsx");
			service.render("echeances", store.data(), ReportFormat.XLSX,
					service.parameters("echeances", parameters("echeances"), store.data()), deadlines);
			service.render("sessions-jury", store.data(), ReportFormat.XLSX,
					service.parameters("sessions-jury", parameters("sessions-jury"), store.data()), sessions);
			Path paths = tmp.resolve("regles/organismes.xlsx");
			service.render("organismes", store.data(), ReportFormat.XLSX,
					service.parameters("organismes", parameters("organismes"), store.data()), paths);
			List<String> shown = Outputs.xlsxRows(paths);
			for (String row : bodies) {
				assertTrue(shown.contains(row), row + " in " + shown);
			}
			assertEquals(late, listedLate(Outputs.xlsxRows(deadlines)));
			List<String> rows = Outputs.xlsxRows(sessions);
			assertTrue(rows.contains(summary), summary + " in " + rows);
		} finally {
			store.close();
			store = service(DossierStoreFactory.class).open(StoreSettings.embedded(tmp.resolve("base")),
					ReferentialLibrary.shipped(), DossierStoreFactory.Opening.CREATE_IF_MISSING, notice -> {
						// the test's database
					});
		}
	}

	@Test
	void juryCompositionAndAlternatingPresidency() throws Exception {
		String summary = sessionSummary(branch, shipped, Branch::rules);
		String[] figures = summary.split("\\|");
		assertEquals(figures[0], figures[2], "every session of the branch is composed as its rules say: " + summary);
		List<String> rows = Outputs.xlsxRows(xlsx.get("sessions-jury"));
		assertTrue(rows.contains(summary), summary + " in " + rows);
		String text = Outputs.pdfText(pdf.get("sessions-jury"));
		assertTrue(text.contains(summary.replace('|', ' ')), summary);
	}

	/**
	 * The summary line of {@code sessions-jury} computed from the branch: a session conforms when
	 * its members are those the rules of each candidate it decides on ask for ({@code rules} gives
	 * them for a registration on a day), alternation counted where the rules ask for it.
	 */
	private static String sessionSummary(Branch branch, ReferentialLibrary library,
			BiFunction<Registration, LocalDate, RuleSet> rules) {
		List<JurySession> sessions = branch.sessions();
		int count = 0, candidates = 0, composed = 0, alternated = 0, notAlternated = 0;
		for (int i = 0; i < sessions.size(); i++) {
			JurySession s = sessions.get(i);
			int year = s.getDate().getYear();
			if (year < FIRST || year > LAST) {
				continue;
			}
			count++;
			candidates += s.getDecisions().size();
			long employers = s.getMembers().stream().filter(m -> m.getSide() == JurySide.EMPLOYER).count();
			long employees = s.getMembers().stream().filter(m -> m.getSide() == JurySide.EMPLOYEE).count();
			// a session without candidate is held to the rules of every certification's current version
			List<RuleSet> asked = s.getDecisions().isEmpty()
					? library.certifications().stream().map(c -> RuleBook.of(c).at(s.getDate()).orElseThrow()).toList()
					: s.getDecisions().stream().map(d -> rules.apply(d.getRegistration(), s.getDate())).toList();
			boolean conforms = !asked.isEmpty() && s.getPresident() != null && asked.stream()
					.allMatch(k -> s.getMembers().size() == k.getJuryMembers() && employers == k.getJuryEmployerMembers()
							&& employees == k.getJuryEmployeeMembers());
			composed += conforms ? 1 : 0;
			boolean alternates = asked.stream().anyMatch(RuleSet::isAlternatingPresidency);
			if (i > 0 && alternates) {
				JuryMember previous = sessions.get(i - 1).getPresident();
				if (previous.getSide() != s.getPresident().getSide()) {
					alternated++;
				} else {
					notAlternated++;
				}
			}
		}
		return count + "|" + candidates + "|" + composed + "|" + alternated + "|" + notAlternated;
	}

	@Test
	void timeFromRegistrationToCertification() throws Exception {
		Map<String, List<Long>> months = new TreeMap<>();
		for (Registration r : branch.registrations()) {
			if (r.getCertificate() != null && r.getCertificate().isFull()) {
				LocalDate issued = r.getCertificate().getDate();
				if (issued.getYear() >= FIRST && issued.getYear() <= LAST) {
					months.computeIfAbsent(r.getCertification().getCode(), k -> new ArrayList<>())
							.add(ChronoUnit.MONTHS.between(r.getDate(), issued));
				}
			}
		}
		assertFalse(months.isEmpty());
		List<String> rows = Outputs.xlsxRows(xlsx.get("delais"));
		String text = Outputs.pdfText(pdf.get("delais"));
		for (Map.Entry<String, List<Long>> e : months.entrySet()) {
			List<Long> sorted = e.getValue().stream().sorted().toList();
			int n = sorted.size();
			long median = sorted.get((n + 1) / 2 - 1);
			long sum = sorted.stream().mapToLong(Long::longValue).sum();
			double mean = (20 * sum + n) / (2 * n) / 10.0;
			String row = e.getKey() + "|" + n + "|" + median + "|" + Outputs.tenth(mean) + "|" + sorted.get(0) + "|"
					+ sorted.get(n - 1);
			assertTrue(rows.contains(row), row + " in " + rows);
			String line = e.getKey() + " " + n + " " + median + " " + local(mean) + " " + sorted.get(0) + " " + sorted.get(n - 1);
			assertTrue(text.contains(line), "PDF line '" + line + "'");
		}
	}

	// ---- charts, filters, refusals

	@Test
	void chartsAreDrawnInPdfAndEmbeddedInHtml() throws Exception {
		for (String name : List.of("inscriptions", "resultats-jurys", "domaines", "organismes", "sessions-jury", "delais")) {
			assertTrue(images(pdf.get(name)) >= 1, name + " draws its chart");
		}
		Path html = render("inscriptions", ReportFormat.HTML,
				service.parameters("inscriptions", parameters("inscriptions"), store.data()));
		String page = Files.readString(html);
		assertTrue(page.contains("<html") && page.contains("src=\"data:image/png;base64,"), "a self-contained page");
	}

	@Test
	void eachReportIsOneSheetWithItsTablesHeadersOnce() throws Exception {
		// a table longer than a page (40 rows) stays on one sheet, its header not repeated
		List<String> rows = Outputs.xlsxRows(xlsx.get("sessions-jury"));
		assertTrue(rows.size() > 60, rows.toString());
		assertEquals(1, rows.stream().filter(r -> r.startsWith("Date|Certification|Lieu|")).count(), rows.toString());
		for (String name : NAMES) {
			assertEquals(1, Outputs.xlsxSheets(xlsx.get(name)), name);
		}
	}

	@Test
	void parametersFilterTheFigures() throws Exception {
		Map<String, Object> values = service.parameters("inscriptions",
				Map.of("annee_debut", "2024", "annee_fin", "2024", "certification", "CMI", "voie", "VAE"), store.data());
		Path out = tmp.resolve("filtre/inscriptions.xlsx");
		service.render("inscriptions", store.data(), ReportFormat.XLSX, values, out);
		List<Registration> vae = branch.registrations().stream().filter(r -> r.getCertification().getCode().equals("CMI")
				&& r.getDate().getYear() == 2024 && r.getRoute() == Route.VAE).toList();
		long inadmissible = vae.stream().filter(r -> r.getVaeDossier() != null
				&& r.getVaeDossier().getAdmissibility() == fr.mutualite.cqp.model.dossier.Admissibility.INADMISSIBLE).count();
		List<String> rows = Outputs.xlsxRows(out);
		List<String> lines = rows.stream().filter(r -> r.matches("[A-Z]+\\|\\d{4}\\|\\d+\\|\\d+\\|\\d+\\|\\d+")).toList();
		assertEquals(List.of("CMI|2024|0|" + vae.size() + "|" + inadmissible + "|" + vae.size()), lines);

		Registration any = branch.registrations().stream().filter(r -> r.getTrainingBody() != null).findFirst()
				.orElseThrow();
		String code = any.getTrainingBody().getCode(), name = any.getTrainingBody().getName();
		Path body = tmp.resolve("filtre/resultats-jurys.xlsx");
		service.render("resultats-jurys", store.data(), ReportFormat.XLSX, service.parameters("resultats-jurys",
				Map.of("annee_debut", "2018", "organisme", code), store.data()), body);
		long decisions = branch.decisions().stream().filter(d -> d.registration().getTrainingBody() != null
				&& d.registration().getTrainingBody().getCode().equals(code)).count();
		long shown = Outputs.xlsxRows(body).stream().filter(r -> r.matches("[A-Z]+\\|\\d{4}\\|\\d+\\|.*"))
				.mapToLong(r -> Long.parseLong(r.split("\\|")[2])).sum();
		assertEquals(decisions, shown, "the decisions of " + name + " only");
	}

	@Test
	void badParametersAreRefusedWithTheirName() {
		CqpException unknown = assertThrows(CqpException.class,
				() -> service.parameters("inscriptions", Map.of("annee", "2024"), store.data()));
		assertTrue(unknown.getMessage().contains("annee") && unknown.getMessage().contains("annee_debut"),
				unknown.getMessage());
		CqpException notANumber = assertThrows(CqpException.class,
				() -> service.parameters("inscriptions", Map.of("annee_debut", "deux mille"), store.data()));
		assertEquals("Valeur « deux mille » incorrecte pour le paramètre « annee_debut » du rapport « inscriptions » : "
				+ "il faut un nombre entier.", notANumber.getMessage());
		CqpException notInList = assertThrows(CqpException.class,
				() -> service.parameters("inscriptions", Map.of("certification", "XYZ"), store.data()));
		assertTrue(notInList.getMessage().contains("XYZ") && notInList.getMessage().contains("CMI"), notInList.getMessage());
		CqpException badDay = assertThrows(CqpException.class,
				() -> service.parameters("echeances", Map.of("date_reference", "31/02/2026"), store.data()));
		assertEquals("Valeur « 31/02/2026 » incorrecte pour le paramètre « date_reference » du rapport « echeances » : "
				+ "il faut une date (AAAA-MM-JJ ou JJ/MM/AAAA).", badDay.getMessage());
		CqpException report = assertThrows(CqpException.class, () -> service.report("budget"));
		assertTrue(report.getMessage().contains("budget") && report.getMessage().contains("inscriptions"),
				report.getMessage());
	}

	@Test
	void absurdValuesAreRefusedWithTheRangeTheDesignGives() throws Exception {
		ReportParameter start = service.report("inscriptions").parameters().stream()
				.filter(p -> p.name().equals("annee_debut")).findFirst().orElseThrow();
		assertEquals("1990", start.minimum());
		assertEquals("2100", start.maximum());
		Map<Map<String, String>, String> refused = new java.util.LinkedHashMap<>();
		refused.put(Map.of("annee_debut", "99999"), "Valeur 99999 refusée pour le paramètre « annee_debut » du rapport "
				+ "« inscriptions » : elle doit être comprise entre 1990 et 2100.");
		refused.put(Map.of("annee_fin", "-3"), "Valeur -3 refusée pour le paramètre « annee_fin » du rapport "
				+ "« inscriptions » : elle doit être comprise entre 1990 et 2100.");
		refused.put(Map.of("annee_debut", "1989"), "Valeur 1989 refusée pour le paramètre « annee_debut » du rapport "
				+ "« inscriptions » : elle doit être comprise entre 1990 et 2100.");
		refused.put(Map.of("annee_debut", "2025", "annee_fin", "2020"), "Le paramètre « annee_debut » (2025) est après "
				+ "« annee_fin » (2020) dans le rapport « inscriptions » : la période serait vide ; inversez-les.");
		for (Map.Entry<Map<String, String>, String> e : refused.entrySet()) {
			CqpException r = assertThrows(CqpException.class, () -> service.parameters("inscriptions", e.getKey(), store.data()));
			assertEquals(e.getValue(), r.getMessage());
		}
		CqpException months = assertThrows(CqpException.class,
				() -> service.parameters("echeances", Map.of("mois_alerte", "-2"), store.data()));
		assertEquals("Valeur -2 refusée pour le paramètre « mois_alerte » du rapport « echeances » : elle doit être "
				+ "comprise entre 0 et 120.", months.getMessage());
		CqpException day = assertThrows(CqpException.class,
				() -> service.parameters("echeances", Map.of("date_reference", "01/01/1890"), store.data()));
		assertEquals("Valeur 1890-01-01 refusée pour le paramètre « date_reference » du rapport « echeances » : elle doit "
				+ "être comprise entre 1990-01-01 et 2100-12-31.", day.getMessage());
		assertEquals(Integer.valueOf(2100), service.parameters("inscriptions", Map.of("annee_debut", "2100",
				"annee_fin", "2100"), store.data()).get("annee_debut"), "the limits themselves are accepted");
	}

	@Test
	void theQueriesAloneReadTheRowsTheReportShows() throws Exception {
		Map<String, Object> values = service.parameters("delais", parameters("delais"), store.data());
		long certifications = branch.registrations().stream()
				.filter(r -> r.getCertificate() != null && r.getCertificate().isFull())
				.map(r -> r.getCertification().getCode()).distinct().count();
		long rows = service.query("delais", store.data(), values);
		assertTrue(rows > certifications, rows + " rows: the table's and the chart's");
	}

	private static int images(Path file) throws Exception {
		int images = 0;
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getXObjectNames()) {
					if (page.getResources().getXObject(name) instanceof PDImageXObject) {
						images++;
					}
				}
			}
		}
		return images;
	}

	/** A tenth as the PDF shows it, in the language of the report. */
	private static String local(double value) {
		return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.getDefault())).format(value);
	}
}
