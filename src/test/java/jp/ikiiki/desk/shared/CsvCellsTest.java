package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

	@ParameterizedTest
	@ValueSource(strings = {"=HYPERLINK(\"http://example.com\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
			"\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠SUM(A1)"})
	void a_value_a_spreadsheet_would_take_for_a_formula_gets_a_leading_apostrophe(String value) {
		String cell = CsvCells.text(value);
		String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
		assertThat(unquoted).isEqualTo("'" + value);
	}

	@Test
	void plain_text_is_written_as_it_is() {
		assertThat(CsvCells.text("広島市中区基町1番1号")).isEqualTo("広島市中区基町1番1号");
		assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
		assertThat(CsvCells.text("山田 -太郎")).isEqualTo("山田 -太郎");
	}

	@Test
	void commas_quotes_line_breaks_and_edge_spaces_are_quoted_with_quotes_doubled() {
		assertThat(CsvCells.text("a,b")).isEqualTo("\"a,b\"");
		assertThat(CsvCells.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvCells.text("one\ntwo")).isEqualTo("\"one\ntwo\"");
		assertThat(CsvCells.text(" x")).isEqualTo("\" x\"");
		assertThat(CsvCells.text("=1,2")).isEqualTo("\"'=1,2\"");
	}

	@Test
	void null_and_empty_are_empty_cells() {
		assertThat(CsvCells.text(null)).isEmpty();
		assertThat(CsvCells.text("")).isEmpty();
		assertThat(CsvCells.number(null)).isEmpty();
	}

	@Test
	void numbers_the_system_computed_stay_numbers_even_when_negative() {
		assertThat(CsvCells.number(-3)).isEqualTo("-3");
		assertThat(CsvCells.line(12, "=cmd", null, -1L, "a,b")).isEqualTo("12,'=cmd,,-1,\"a,b\"");
	}
}
