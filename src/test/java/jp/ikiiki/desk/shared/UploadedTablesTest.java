package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class UploadedTablesTest {

	@Test
	void csv_cells_keep_quoted_commas_quotes_and_line_breaks_and_blank_lines_keep_their_row() {
		byte[] bytes = "\uFEFF番号,理由\r\n0000000001,\"転居, 新住所\"\r\n\r\n0000000002,\"二行\n目 \"\"引用\"\"\"\n"
				.getBytes(StandardCharsets.UTF_8);
		var rows = UploadedTables.csv(bytes);
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0)).containsExactly("番号", "理由");
		assertThat(rows.get(1)).containsExactly("0000000001", "転居, 新住所");
		assertThat(rows.get(2)).containsExactly("");
		assertThat(rows.get(3)).containsExactly("0000000002", "二行\n目 \"引用\"");
	}

	@Test
	void a_file_that_is_not_utf8_is_read_as_windows_31j() {
		byte[] bytes = "髙橋,①\n".getBytes(Charset.forName("windows-31j"));
		assertThat(UploadedTables.csv(bytes).get(0)).containsExactly("髙橋", "①");
	}

	@Test
	void xlsx_formulas_are_read_as_written_and_rows_and_columns_are_bounded() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var wb = new XSSFWorkbook()) {
			var sheet = wb.createSheet();
			for (int r = 0; r < 5; r++) {
				var row = sheet.createRow(r);
				row.createCell(0).setCellValue("000000000" + r);
				row.createCell(1).setCellFormula("1+" + r);
				row.createCell(2).setCellValue("three");
			}
			wb.write(out);
		}
		var rows = UploadedTables.xlsx(out.toByteArray(), 3, 2, "file");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(2)).containsExactly("0000000002", "=1+2");
		assertThatThrownBy(() -> UploadedTables.xlsx("not a zip".getBytes(StandardCharsets.UTF_8), 3, 2, "引抜リスト"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("XLSX");
	}
}
