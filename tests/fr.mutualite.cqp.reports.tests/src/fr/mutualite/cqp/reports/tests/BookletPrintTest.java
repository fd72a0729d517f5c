package fr.mutualite.cqp.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.Awards;
import fr.mutualite.cqp.core.print.BookletSheet;
import fr.mutualite.cqp.core.print.BookletSheets;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.core.synthetic.BranchGenerator;
import fr.mutualite.cqp.model.dossier.Candidate;
import fr.mutualite.cqp.model.dossier.Company;
import fr.mutualite.cqp.model.dossier.JuryDecision;
import fr.mutualite.cqp.model.dossier.JurySession;
import fr.mutualite.cqp.model.dossier.Registration;
import fr.mutualite.cqp.model.referential.BookletKind;
import fr.mutualite.cqp.model.referential.Certification;
import fr.mutualite.cqp.model.referential.Route;
import fr.mutualite.cqp.model.referential.TrainingBody;
import fr.mutualite.cqp.referential.ReferentialLibrary;

/**
 * Every booklet printed by BIRT inside OSGi, blank and filled with candidates of a synthetic
 * branch, read back with PDFBox: each line of the sheet is in the PDF as many times as the sheet
 * has it, each ticked box too, for the individuals CQP and for a CQP whose referential has no
 * booklet yet.
 */
class BookletPrintTest {

	@TempDir
	static Path tmp;
	private static ReportService service;
	private static ServiceTracker<ReportService, ReportService> tracker;
	private static Certification cmi, cmc;
	private static Registration training, vae, secondCqp;

	@BeforeAll
	static void branch() throws Exception {
		tracker = new ServiceTracker<>(FrameworkUtil.getBundle(BookletPrintTest.class).getBundleContext(),
				ReportService.class, null);
		tracker.open();
		service = tracker.waitForService(30_000);
		ReferentialLibrary library = ReferentialLibrary.shipped();
		cmi = library.certification("CMI").orElseThrow();
		cmc = library.certification("CMC").orElseThrow();
		BranchGenerator generator = new BranchGenerator(library, 11, LocalDate.of(2026, 6, 30)).keep();
		generator.generate(150, new BranchGenerator.Sink() {
			@Override
			public void trainingBody(TrainingBody body) {
				// kept in memory
			}

			@Override
			public void company(Company company) {
				// kept in memory
			}

			@Override
			public void session(JurySession session) {
				// kept in memory
			}

			@Override
			public void candidate(Candidate candidate, List<JuryDecision> decisions) {
				// kept in memory
			}
		});
		List<Registration> all = generator.dossiers().getCandidates().stream()
				.flatMap(c -> c.getRegistrations().stream()).filter(r -> r.getCertification() == cmi).toList();
		// a training candidate with a partial then a full award, and a VAE candidate who went to the jury
		training = all.stream().filter(r -> r.getRoute() == Route.TRAINING && Awards.decisions(r).size() == 2
				&& r.getCertificate() != null && r.getCertificate().isFull()).findFirst().orElseThrow();
		vae = all.stream().filter(r -> r.getRoute() == Route.VAE && !Awards.decisions(r).isEmpty()).findFirst()
				.orElseThrow();
		// a candidate of a second certification, whose referential describes no booklet yet, decided on by a jury
		secondCqp = generator.dossiers().getCandidates().stream().flatMap(c -> c.getRegistrations().stream())
				.filter(r -> r.getCertification() == cmc && r.getRoute() == Route.TRAINING && !Awards.decisions(r).isEmpty())
				.findFirst().orElseThrow();
	}

	@AfterAll
	static void close() {
		tracker.close();
	}

	private static String print(BookletSheet sheet, String name) throws Exception {
		Path pdf = tmp.resolve(name + ".pdf");
		service.print(sheet, pdf);
		// compared without spaces: the layout breaks lines where it needs, after a hyphen too
		return squeeze(Outputs.pdfText(pdf));
	}

	private static String squeeze(String text) {
		return text.replaceAll("\\s+", ""); //$NON-NLS-1$
	}

	/** How often {@code part}, spaces left aside, is in {@code text} (already without spaces). */
	private static int count(String text, String part) {
		part = squeeze(part);
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
			n++;
		}
		return n;
	}

	/** Each line's words and answer, and each header value, as often in the PDF as in the sheet. */
	private static void assertPrinted(BookletSheet sheet, String text) {
		List<String> written = new ArrayList<>();
		sheet.header().forEach(f -> written.add(f.label() + ' ' + f.value()));
		written.addAll(sheet.notes());
		sheet.lines().forEach(l -> written.add(l.text() + ' ' + l.answer()));
		String all = squeeze(String.join(" ", written)); //$NON-NLS-1$
		for (var line : sheet.lines()) {
			String words = squeeze(line.text());
			if (!words.isEmpty() && sheet.lines().stream().noneMatch(l -> squeeze(l.heading()).contains(words))) {
				assertEquals(count(all, words), count(text, words), words);
			}
		}
		assertEquals(count(all, "[X]"), count(text, "[X]"), "ticked boxes"); //$NON-NLS-1$
		assertEquals(count(all, "[ ]"), count(text, "[ ]"), "empty boxes"); //$NON-NLS-1$
		assertEquals(1 + count(squeeze(String.join("", sheet.notes())), sheet.title()), count(text, sheet.title()), sheet.title());
		assertEquals(1, count(text, sheet.certification()), sheet.certification());
		sheet.lines().stream().map(BookletSheet.Line::heading).distinct()
				.forEach(h -> assertTrue(text.contains(squeeze(h)), h));
	}

	@Test
	void everyBookletOfTheIndividualsCqpPrintsBlankAndFilled() throws Exception {
		for (Map.Entry<String, BookletKind> booklet : BookletSheets.NAMES.entrySet()) {
			BookletSheet blank = BookletSheets.blank(cmi, booklet.getValue());
			String text = print(blank, "cmi-" + booklet.getKey());
			assertPrinted(blank, text);
			assertEquals(0, count(text, "[X]"), booklet.getKey());
			Registration registration = booklet.getValue() == BookletKind.VAE_DOSSIER ? vae : training;
			BookletSheet filled = BookletSheets.filled(registration, booklet.getValue(), Awards.decisions(registration));
			String filledText = print(filled, "cmi-" + booklet.getKey() + "-rempli");
			assertPrinted(filled, filledText);
			Candidate candidate = (Candidate) registration.eContainer();
			assertEquals(1, count(filledText, candidate.getLastName() + ' ' + candidate.getFirstName()), booklet.getKey());
			assertTrue(count(filledText, "[X]") > 0, booklet.getKey());
		}
	}

	@Test
	void theJurySheetOfAPartialThenFullAwardShowsBothSessionsAndTheCertificate() throws Exception {
		BookletSheet sheet = BookletSheets.filled(training, BookletKind.JURY_DECISION, Awards.decisions(training));
		String text = print(sheet, "jury-deux-sessions");
		for (JuryDecision decision : Awards.decisions(training)) {
			String day = String.format("%1$td/%1$tm/%1$tY", Awards.day(decision)); //$NON-NLS-1$
			assertEquals(cmi.getDomains().size(), count(text, "Jury du " + day), day);
		}
		assertEquals(1, count(text, "CQP délivré en totalité, certificat n° " + training.getCertificate().getNumber()));
		BookletSheet certificate = BookletSheets.certificate(training, Awards.decisions(training)).orElseThrow();
		String printed = print(certificate, "certificat");
		assertPrinted(certificate, printed);
		assertEquals(1, count(printed, "Numéro " + training.getCertificate().getNumber()));
		assertEquals(0, count(printed, "Exemplaire"));
	}

	@Test
	void aCqpWithoutBookletsPrintsItsReferentialBlankAndFilledAndSaysWhatIsMissing() throws Exception {
		for (Map.Entry<String, BookletKind> booklet : BookletSheets.NAMES.entrySet()) {
			BookletSheet blank = BookletSheets.blank(cmc, booklet.getValue());
			String text = print(blank, "cmc-" + booklet.getKey());
			assertPrinted(blank, text);
			assertEquals(1, count(text, "Le référentiel de CMC ne décrit pas encore ce livret"), booklet.getKey());
			long empty = blank.lines().stream().filter(l -> l.text().startsWith("Le référentiel ne détaille pas encore")).count();
			assertEquals(empty, count(text, "Le référentiel ne détaille pas encore"), booklet.getKey());
			assertTrue(empty > 0 && empty < cmc.getDomains().size(), booklet.getKey() + " " + empty);
			// filled with what a candidate's dossier holds, with the same design and no code of its own
			BookletSheet filled = BookletSheets.filled(secondCqp, booklet.getValue(), Awards.decisions(secondCqp));
			String filledText = print(filled, "cmc-" + booklet.getKey() + "-rempli");
			assertPrinted(filled, filledText);
			Candidate candidate = (Candidate) secondCqp.eContainer();
			assertEquals(1, count(filledText, candidate.getLastName() + ' ' + candidate.getFirstName()), booklet.getKey());
		}
	}

	@Test
	void aBookletThatCannotBeWrittenLeavesNothing() throws Exception {
		Path folder = Files.createDirectories(tmp.resolve("dossier.pdf"));
		CqpException refused = assertThrows(CqpException.class,
				() -> service.print(BookletSheets.blank(cmi, BookletKind.TUTOR_GUIDE), folder));
		assertTrue(refused.getMessage().contains("dossier.pdf"), refused.getMessage());
		try (var left = Files.list(tmp)) {
			assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
		}
	}
}
