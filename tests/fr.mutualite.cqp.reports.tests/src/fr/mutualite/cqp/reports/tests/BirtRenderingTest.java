package fr.mutualite.cqp.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.ReportRenderer;
import fr.mutualite.cqp.store.EmbeddedDerbyStore;

/**
 * BIRT inside OSGi over a real Derby database: the figures of the rendered PDF, HTML and XLSX
 * are the ones computed here from the rows written.
 */
class BirtRenderingTest {

	/** certification, year, training hours: 2024 rows are reported, 2023 rows must not be. */
	private static final Object[][] ROWS = { { "CMI", 2024, 300 }, { "CMI", 2024, 280 }, { "CMI", 2024, 310 },
			{ "CMC", 2024, 320 }, { "CMC", 2024, 295 }, { "CARC", 2024, 287 }, { "CMI", 2023, 999 },
			{ "CARC", 2023, 777 } };
	private static final int YEAR = 2024;

	@TempDir
	static Path tmp;
	private static EmbeddedDerbyStore store;
	private static ServiceTracker<ReportRenderer, ReportRenderer> tracker;

	@BeforeAll
	static void createDatabase() throws Exception {
		store = EmbeddedDerbyStore.open(tmp.resolve("db"));
		try (Connection c = store.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("CREATE TABLE candidat (id INT GENERATED ALWAYS AS IDENTITY, certification VARCHAR(10), annee INT, heures INT)");
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO candidat (certification, annee, heures) VALUES (?, ?, ?)")) {
				for (Object[] row : ROWS) {
					insert.setString(1, (String) row[0]);
					insert.setInt(2, (Integer) row[1]);
					insert.setInt(3, (Integer) row[2]);
					insert.executeUpdate();
				}
			}
		}
		Bundle bundle = FrameworkUtil.getBundle(BirtRenderingTest.class);
		tracker = new ServiceTracker<>(bundle.getBundleContext(), ReportRenderer.class, null);
		tracker.open();
	}

	@AfterAll
	static void closeDatabase() throws Exception {
		tracker.close();
		store.close();
	}

	/** Expected lines: certification -> {candidates, hours}, computed from ROWS. */
	private static Map<String, int[]> expected() {
		Map<String, int[]> expected = new TreeMap<>();
		for (Object[] row : ROWS) {
			if ((Integer) row[1] == YEAR) {
				int[] figures = expected.computeIfAbsent((String) row[0], k -> new int[2]);
				figures[0]++;
				figures[1] += (Integer) row[2];
			}
		}
		return expected;
	}

	@Test
	void pdfShowsTheFiguresOfTheDatabase() throws Exception {
		Path pdf = render(ReportFormat.PDF);
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			text = new PDFTextStripper().getText(document);
		}
		assertTrue(text.contains("Candidats par certification"), text);
		for (Map.Entry<String, int[]> line : expected().entrySet()) {
			String row = line.getKey() + " " + line.getValue()[0] + " " + line.getValue()[1];
			assertTrue(text.contains(row), "PDF line '" + row + "' missing from:\n" + text);
		}
		assertFalse(text.contains("999"), "rows of another year must not be reported");
	}

	@Test
	void chartsAreDrawnInPdfAndEmbeddedInHtml() throws Exception {
		Path pdf = render(ReportFormat.PDF);
		int images = 0;
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getXObjectNames()) {
					if (page.getResources().getXObject(name) instanceof PDImageXObject) {
						images++;
					}
				}
			}
		}
		assertEquals(1, images, "the bar chart is drawn in the PDF");
		String html = Files.readString(render(ReportFormat.HTML));
		assertTrue(html.contains("src=\"data:image/png;base64,"), "the chart is inside the HTML page");
	}

	@Test
	void htmlShowsTheFiguresOfTheDatabase() throws Exception {
		String html = Files.readString(render(ReportFormat.HTML));
		assertTrue(html.contains("<html"), "an HTML document");
		for (Map.Entry<String, int[]> line : expected().entrySet()) {
			assertTrue(html.contains(">" + line.getKey() + "<"), line.getKey());
			assertTrue(html.contains(">" + line.getValue()[1] + "<"), line.getKey() + " hours");
		}
		assertFalse(html.contains(">777<"), "rows of another year must not be reported");
	}

	@Test
	void xlsxCellsHoldTheFiguresOfTheDatabase() throws Exception {
		Path xlsx = render(ReportFormat.XLSX);
		Map<String, int[]> found = new TreeMap<>();
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				Cell first = row.getCell(row.getFirstCellNum());
				Cell second = row.getCell(row.getFirstCellNum() + 1);
				Cell third = row.getCell(row.getFirstCellNum() + 2);
				if (first != null && second != null && third != null
						&& second.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
					found.put(formatter.formatCellValue(first),
							new int[] { (int) second.getNumericCellValue(), (int) third.getNumericCellValue() });
				}
			}
		}
		assertEquals(expected().keySet(), found.keySet());
		for (String certification : expected().keySet()) {
			assertEquals(List.of(expected().get(certification)[0], expected().get(certification)[1]),
					List.of(found.get(certification)[0], found.get(certification)[1]), certification);
		}
	}

	@Test
	void aMalformedDesignIsRefusedAndLeavesNoFile() throws Exception {
		Path design = tmp.resolve("casse.rptdesign");
		Files.writeString(design, "<report xmlns=\"http://www.eclipse.org/birt/2005/design\"><body><table");
		Path out = tmp.resolve("sortie-casse/rapport.pdf");
		CqpException e = assertThrows(CqpException.class,
				() -> renderer().render(design.toUri().toURL(), store, ReportFormat.PDF, Map.of(), out));
		assertTrue(e.getMessage().contains("casse.rptdesign"), e.getMessage());
		assertFalse(Files.exists(out));
		if (Files.isDirectory(out.getParent())) {
			try (Stream<Path> left = Files.list(out.getParent())) {
				assertEquals(List.of(), left.toList(), "no partial file left behind");
			}
		}
	}

	private static Path render(ReportFormat format) throws Exception {
		Path out = tmp.resolve("sortie/candidats." + format.extension());
		renderer().render(design(), store, format, Map.of("annee", YEAR), out);
		assertTrue(Files.size(out) > 0, out + " is empty");
		try (Stream<Path> files = Files.list(out.getParent())) {
			assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file left");
		}
		return out;
	}

	private static URL design() {
		URL url = FrameworkUtil.getBundle(BirtRenderingTest.class).getEntry("designs/candidats.rptdesign");
		assertNotNull(url);
		return url;
	}

	private static ReportRenderer renderer() throws InterruptedException {
		ReportRenderer renderer = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
		assertNotNull(renderer, "the BIRT report renderer is published as an OSGi service");
		return renderer;
	}
}
