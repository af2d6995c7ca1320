package jp.ikiiki.desk.mailings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PullOutFileTest {

	@Test
	void csv_in_windows_31j_with_a_header_gives_numbered_rows() {
		byte[] csv = "番号,理由\r\n9900000001,転出のため\r\n\r\n\"A0000002\",\"取消, 電話連絡\"\r\n"
				.getBytes(Charset.forName("windows-31j"));
		var rows = PullOutFile.read("引抜.csv", new ByteArrayInputStream(csv));
		assertThat(rows).containsExactly(new PullOutFile.Row(2, "9900000001", "転出のため"),
				new PullOutFile.Row(4, "A0000002", "取消, 電話連絡"));
	}

	@Test
	void xlsx_rows_are_read_from_the_first_sheet() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var wb = new XSSFWorkbook()) {
			var s = wb.createSheet();
			s.createRow(0).createCell(0).setCellValue("9900000003");
			s.getRow(0).createCell(1).setCellValue("死亡");
			wb.write(out);
		}
		var rows = PullOutFile.read("list.xlsx", new ByteArrayInputStream(out.toByteArray()));
		assertThat(rows).containsExactly(new PullOutFile.Row(1, "9900000003", "死亡"));
	}

	@Test
	void a_file_that_is_not_xlsx_is_a_clear_message() {
		assertThatThrownBy(() -> PullOutFile.read("x.xlsx", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("XLSX");
	}
}
