package fr.mutualite.cqp.reports.tests;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What a rendered report holds, read back with PDFBox and POI. */
final class Outputs {

	private Outputs() {
	}

	/** The text of a PDF, spaces of every kind made plain. */
	static String pdfText(Path pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
		}
	}

	/**
	 * The non-empty rows of every sheet, each as its cells joined with "|": integers as such,
	 * other numbers with one decimal and a point, dates as ISO days, texts trimmed.
	 */
	static List<String> xlsxRows(Path xlsx) throws IOException {
		List<String> rows = new ArrayList<>();
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					List<String> cells = new ArrayList<>();
					for (Cell cell : row) {
						String text = text(cell);
						if (!text.isEmpty()) {
							cells.add(text);
						}
					}
					if (!cells.isEmpty()) {
						rows.add(String.join("|", cells));
					}
				}
			}
		}
		return rows;
	}

	/** How many sheets the workbook has. */
	static int xlsxSheets(Path xlsx) throws IOException {
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			return workbook.getNumberOfSheets();
		}
	}

	private static String text(Cell cell) {
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
		case NUMERIC -> {
			if (DateUtil.isCellDateFormatted(cell)) {
				yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
			}
			double value = cell.getNumericCellValue();
			yield value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
					: BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
		}
		case STRING -> cell.getStringCellValue().strip();
		case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
		default -> "";
		};
	}

	/** A tenth as the XLSX rows show it. */
	static String tenth(double value) {
		return value == Math.rint(value) ? Long.toString((long) value)
				: BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}
}
