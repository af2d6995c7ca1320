package jp.ikiiki.desk.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The XLSX and PDF of a hand-made report, read back; the files are kept in target/reports/ to look at. */
class ReportFilesTest {

	static final Path OUT = Path.of("target", "reports");

	@Test
	void the_workbook_holds_real_numbers_with_formats_and_japanese_sheets() throws Exception {
		byte[] xlsx = ReportWorkbook.write(ReportLayout.of(SampleReports.daily(true)));
		Files.createDirectories(OUT);
		Files.write(OUT.resolve("sample-daily.xlsx"), xlsx);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("日報");
			assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("内訳");
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("令和8年11月24日（火）");
			Row total = find(sheet, "終日");
			assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(120);
			assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(107 / 120.0);
			assertThat(total.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(total.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(find(sheet, "14時台").getCell(11).getStringCellValue()).isEqualTo("欠落");
			assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
			assertThat(find(book.getSheetAt(1), "交通費助成").getCell(2).getNumericCellValue()).isEqualTo(30);
		}
	}

	@Test
	void the_pdf_is_a4_with_the_japanese_text_the_definition_and_the_gap_warning() throws Exception {
		byte[] pdf = ReportPdf.write(ReportLayout.of(SampleReports.daily(true)));
		Files.createDirectories(OUT);
		Files.write(OUT.resolve("sample-daily.pdf"), pdf);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(0.5f));
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("コールセンター日報", "令和8年11月24日（火）", "応答率の定義: contract",
					"【注意】", "89.2%", "問合せ区分別件数", "交通費助成", "14時台", "欠落");
		}
	}

	@Test
	void the_monthly_pdf_lists_every_open_day_and_the_total() throws Exception {
		byte[] pdf = ReportPdf.write(ReportLayout.of(SampleReports.monthly()));
		Files.createDirectories(OUT);
		Files.write(OUT.resolve("sample-monthly.pdf"), pdf);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("コールセンター月報", "令和8年11月", "日別", "11月2日(月)", "11月30日(月)", "合計",
					"94.2%");
			assertThat(text).doesNotContain("11月3日(火)", "【注意】");
		}
	}

	static Row find(Sheet sheet, String label) {
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
					&& label.equals(first.getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + label);
	}
}
