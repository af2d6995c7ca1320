package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

	private final List<SourceRow> rows = new ArrayList<>();

	private static final ReadLimits LIMITS = ReadLimits.of(SubjectsProperties.ImportSettings.DEFAULTS);

	private CsvCharset read(byte[] bytes) {
		return CsvReader.read(new ByteArrayInputStream(bytes), LIMITS, rows::add);
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
			// one 22,000-character cell: beyond the default cell limit, so this test lifts it
			var wide = new ReadLimits(1_000_000, 1_000_000, 100);
			assertThat(CsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), wide, rows::add))
					.isEqualTo(CsvCharset.UTF_8);
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

	/** An endless stream of one byte, counting what was read: proof that a reader stopped early. */
	private static final class Endless extends java.io.InputStream {
		private final byte[] head;
		private final byte fill;
		long read;

		Endless(String head, char fill) {
			this.head = head.getBytes(StandardCharsets.UTF_8);
			this.fill = (byte) fill;
		}

		@Override
		public int read() {
			return read < head.length ? head[(int) read++] : (read++ < 60_000_000L ? fill : -1);
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (read >= 60_000_000L) {
				return -1;
			}
			int n = 0;
			while (n < len && read < 60_000_000L) {
				b[off + n++] = (byte) read();
			}
			return n;
		}
	}

	@Test
	void a_50_mb_single_line_is_refused_at_the_cell_limit_without_reading_it_all() {
		var in = new Endless("", 'a');
		assertThatThrownBy(() -> CsvReader.read(in, LIMITS, rows::add))
				.isInstanceOf(LimitExceededException.class)
				.hasMessageContaining("1行目1列目の項目が長すぎます")
				.hasMessageContaining("4,000文字");
		assertThat(in.read).as("bytes read before refusing").isLessThan(1_000_000);
		assertThat(rows).isEmpty();
	}

	@Test
	void a_header_with_a_million_columns_is_refused_at_the_column_limit() {
		var in = new Endless("宛名番号", ',');
		assertThatThrownBy(() -> CsvReader.read(in, LIMITS, rows::add))
				.isInstanceOf(LimitExceededException.class)
				.hasMessageContaining("1行目の列が多すぎます（100列まで")
				.extracting(e -> ((LimitExceededException) e).limit()).isEqualTo("max-columns");
		assertThat(in.read).isLessThan(1_000_000);
	}

	@Test
	void a_record_longer_than_the_line_limit_is_refused_naming_its_row() {
		String cell = "x".repeat(1000);
		String line = String.join(",", java.util.Collections.nCopies(40, cell));
		assertThatThrownBy(() -> read("h\n" + line + "\n", StandardCharsets.UTF_8))
				.isInstanceOf(LimitExceededException.class)
				.hasMessageContaining("2行目が長すぎます（1行32,768文字まで）");
	}

	@Test
	void an_unclosed_quote_running_past_the_line_limit_is_named_as_such() {
		String text = "h\n\"open\n" + ("y".repeat(100) + "\n").repeat(400);
		assertThatThrownBy(() -> read(text, StandardCharsets.UTF_8))
				.isInstanceOf(LimitExceededException.class)
				.hasMessageContaining("2行目から始まる項目の引用符");
	}

	@Test
	void legitimate_rows_within_the_limits_pass() {
		String line = String.join(",", java.util.Collections.nCopies(84, "広島市中区基町".repeat(10)));
		read("h\n" + line + "\n", StandardCharsets.UTF_8);
		assertThat(rows.get(1).cells()).hasSize(84);
	}
}
