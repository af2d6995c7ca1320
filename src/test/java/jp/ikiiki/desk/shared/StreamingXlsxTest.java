package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed sheet of the progress list and the payment data: every value comes back as the text written, in POI and
 * in LibreOffice (the city opens the file in a spreadsheet program), formula-like values included; numbers where the
 * writer says so.
 */
class StreamingXlsxTest {

	static final List<List<String>> ROWS = List.of(
			List.of("宛名番号", "氏名漢字", "備考", "支払金額"),
			List.of("0000123456", "髙橋　𠮷子", "=cmd|' /C calc'!A0", "3000"),
			List.of("0000123457", "A&B <会> \"引用\"", " 前後に空白 ", "-1+1"),
			List.of("0000123458", "", "@SUM(1)", "0012"));

	private static byte[] write() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var sheet = new StreamingXlsx(out, "進捗", 4)) {
			for (List<String> r : ROWS) {
				sheet.row(r);
			}
		}
		return out.toByteArray();
	}

	@Test
	void poi_reads_every_value_back_as_text() throws Exception {
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(write()))) {
			var sheet = wb.getSheetAt(0);
			var fmt = new DataFormatter();
			for (int r = 0; r < ROWS.size(); r++) {
				for (int c = 0; c < 4; c++) {
					var cell = sheet.getRow(r).getCell(c);
					String expected = ROWS.get(r).get(c);
					if (expected.isEmpty()) {
						assertThat(cell).isNull();
						continue;
					}
					assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
					assertThat(fmt.formatCellValue(cell)).isEqualTo(expected);
				}
			}
		}
	}

	@Test
	void libreoffice_opens_the_file_and_shows_the_same_values(@TempDir Path dir) throws Exception {
		Path xlsx = dir.resolve("progress.xlsx");
		Files.write(xlsx, write());
		Path profile = Files.createTempDirectory("lo-profile");
		Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true", "--outdir", dir.toString(),
				xlsx.toString()).redirectErrorStream(true).start();
		assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
		String output = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(soffice.exitValue()).as(output).isZero();
		List<String> lines = Files.readAllLines(dir.resolve("progress.csv"), StandardCharsets.UTF_8);
		List<String> expected = new ArrayList<>();
		for (List<String> r : ROWS) {
			expected.add(String.join(",", r.stream().map(StreamingXlsxTest::csv).toList()));
		}
		assertThat(lines).containsExactlyElementsOf(expected);
	}

	@Test
	void numbers_stay_numbers_and_codes_stay_text_with_their_leading_zeros() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var sheet = new StreamingXlsx(out, "支払データ", 5)) {
			sheet.startRow().text("連番").text("宛名番号").text("支払金額").text("口座名義").text("店舗名");
			sheet.endRow();
			sheet.startRow().number(1).text("0000700001").number(12_500).text("ﾔﾏﾀﾞ ﾀﾛｳ").text("<本店> & \"東\"");
			sheet.endRow();
			sheet.startRow().number(2).text("0000700002").number(300).text(null).text(" =1+1 ");
			sheet.endRow();
		}
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var s = wb.getSheet("支払データ");
			assertThat(s.getLastRowNum()).isEqualTo(2);
			assertThat(s.getPaneInformation().isFreezePane()).isTrue();
			assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("宛名番号");
			var row = s.getRow(1);
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(1);
			assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("0000700001");
			assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("@");
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(12_500);
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ");
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("<本店> & \"東\"");
			var third = s.getRow(2);
			assertThat(third.getCell(3)).isNull();
			assertThat(third.getCell(4).getCellType()).isEqualTo(CellType.STRING);
			assertThat(third.getCell(4).getStringCellValue()).isEqualTo(" =1+1 ");
		}
	}

	@Test
	void a_row_with_more_cells_than_columns_is_a_programming_error() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var sheet = new StreamingXlsx(out, "支払データ", 1)) {
			assertThatThrownBy(() -> sheet.startRow().text("a").text("b")).isInstanceOf(IllegalStateException.class);
		}
	}

	/** Every field quoted, as LibreOffice writes text cells with the "quote all text" option. */
	private static String csv(String v) {
		return v.isEmpty() ? "" : "\"" + v.replace("\"", "\"\"") + "\"";
	}
}
