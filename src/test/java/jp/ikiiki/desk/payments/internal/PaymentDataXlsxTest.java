package jp.ikiiki.desk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PaymentDataXlsxTest {

	@Test
	void numbers_stay_numbers_and_codes_stay_text_with_their_leading_zeros() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var sheet = new PaymentDataXlsx(out, "支払データ", 5)) {
			sheet.startRow(1).text("連番").text("宛名番号").text("支払金額").text("口座名義").text("店舗名");
			sheet.endRow();
			sheet.startRow(2).number(1).text("0000700001").number(12_500).text("ﾔﾏﾀﾞ ﾀﾛｳ").text("<本店> & \"東\"");
			sheet.endRow();
			sheet.startRow(3).number(2).text("0000700002").number(300).text(null).text(" =1+1 ");
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
		try (var sheet = new PaymentDataXlsx(out, "支払データ", 1)) {
			assertThatThrownBy(() -> sheet.startRow(1).text("a").text("b")).isInstanceOf(IllegalStateException.class);
		}
	}
}
