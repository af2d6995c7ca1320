package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

	private final List<SourceRow> rows = new ArrayList<>();

	private CsvCharset read(byte[] bytes) {
		return CsvReader.read(new ByteArrayInputStream(bytes), rows::add);
	}

	private CsvCharset read(String text, Charset charset) {
		return read(text.getBytes(charset));
	}

	@Test
	void reads_plain_fields_separated_by_commas() {
		read("a,b,c\r\n1,2,3\r\n", StandardCharsets.UTF_8);
		assertThat(rows).extracting(SourceRow::cells).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
	}

	@Test
	void quoted_fields_keep_commas_doubled_quotes_and_line_breaks() {
		read("h1,h2,h3\r\n\"田中, 太郎\",\"彼は\"\"いいえ\"\"と\",\"1行目\r\n2行目\"\r\n", StandardCharsets.UTF_8);
		assertThat(rows.get(1).cells()).containsExactly("田中, 太郎", "彼は\"いいえ\"と", "1行目\n2行目");
	}

	@Test
	void row_number_is_the_physical_line_where_the_record_starts() {
		read("h\n\"x\ny\nz\"\nnext\n\"p\r\nq\"\nlast", StandardCharsets.UTF_8);
		assertThat(rows).extracting(SourceRow::row).containsExactly(1L, 2L, 5L, 6L, 8L);
		assertThat(rows.get(4).cells()).containsExactly("last");
	}

	@Test
	void lf_cr_and_crlf_all_end_a_record() {
		read("a\nb\rc\r\nd", StandardCharsets.UTF_8);
		assertThat(rows).extracting(r -> r.cells().get(0)).containsExactly("a", "b", "c", "d");
		assertThat(rows).extracting(SourceRow::row).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void empty_fields_and_trailing_comma_give_blank_cells() {
		read("a,,c,\n", StandardCharsets.UTF_8);
		assertThat(rows.get(0).cells()).containsExactly("a", "", "c", "");
	}

	@Test
	void a_quote_inside_an_unquoted_field_is_kept_as_text() {
		read("12\"3,x\n", StandardCharsets.UTF_8);
		assertThat(rows.get(0).cells()).containsExactly("12\"3", "x");
	}

	@Test
	void utf8_with_bom_is_detected_and_the_bom_is_not_part_of_the_first_header() {
		var out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
		out.writeBytes("宛名番号,氏名\n1,山田\n".getBytes(StandardCharsets.UTF_8));
		assertThat(read(out.toByteArray())).isEqualTo(CsvCharset.UTF_8_BOM);
		assertThat(rows.get(0).cells()).containsExactly("宛名番号", "氏名");
	}

	@Test
	void utf8_without_bom_is_detected() {
		assertThat(read("宛名番号,氏名\n1,山田\n", StandardCharsets.UTF_8)).isEqualTo(CsvCharset.UTF_8);
		assertThat(rows.get(1).cells()).containsExactly("1", "山田");
	}

	@Test
	void windows31j_is_detected_and_decoded() {
		Charset sjis = Charset.forName("windows-31j");
		assertThat(read("宛名番号,氏名カナ\n1,ﾀﾅｶ ﾀﾛｳ\n2,髙橋①\n", sjis)).isEqualTo(CsvCharset.WINDOWS_31J);
		assertThat(rows.get(1).cells()).containsExactly("1", "ﾀﾅｶ ﾀﾛｳ");
		assertThat(rows.get(2).cells()).containsExactly("2", "髙橋①");
	}

	@Test
	void a_multibyte_character_cut_by_the_64kb_sniff_window_is_still_utf8() {
		var sb = new StringBuilder("h\n");
		while (sb.toString().getBytes(StandardCharsets.UTF_8).length < CsvCharset.SNIFF_BYTES + 10) {
			sb.append("あ");
		}
		for (int shift = 0; shift < 3; shift++) {
			rows.clear();
			String text = "x".repeat(shift) + sb;
			assertThat(read(text, StandardCharsets.UTF_8)).isEqualTo(CsvCharset.UTF_8);
			assertThat(rows.get(1).cells().get(0)).isEqualTo(sb.substring(2));
		}
	}

	@Test
	void bytes_invalid_in_utf8_after_the_first_64kb_stop_the_reading_with_the_line() {
		var out = new ByteArrayOutputStream();
		out.writeBytes("h\n".getBytes(StandardCharsets.UTF_8));
		int line = 1;
		while (out.size() < CsvCharset.SNIFF_BYTES + 100) {
			out.writeBytes("あいうえお\n".getBytes(StandardCharsets.UTF_8));
			line++;
		}
		out.writeBytes("田中".getBytes(Charset.forName("windows-31j")));
		int badLine = line + 1;
		assertThatThrownBy(() -> read(out.toByteArray()))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessageContaining("UTF-8")
				.satisfies(e -> assertThat(((UnreadableFileException) e).row()).isEqualTo(badLine));
	}

	@Test
	void an_unterminated_quote_is_an_error_naming_the_line_it_starts_on() {
		assertThatThrownBy(() -> read("h\nok\n\"open,\nmore\n", StandardCharsets.UTF_8))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessageContaining("3行目")
				.satisfies(e -> assertThat(((UnreadableFileException) e).row()).isEqualTo(3));
	}
}
