package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

	private static String field(String v) {
		return CopyText.field(new StringBuilder(), v).toString();
	}

	private static String array(String... v) {
		return CopyText.array(new StringBuilder(), List.of(v)).toString();
	}

	@Test
	void null_is_the_null_marker_and_a_literal_backslash_n_stays_a_value() {
		assertThat(field(null)).isEqualTo("\\N");
		assertThat(field("\\N")).isEqualTo("\\\\N");
		assertThat(field("")).isEmpty();
	}

	@Test
	void backslash_tab_newline_and_carriage_return_are_escaped() {
		assertThat(field("a\\b")).isEqualTo("a\\\\b");
		assertThat(field("a\tb")).isEqualTo("a\\tb");
		assertThat(field("a\nb")).isEqualTo("a\\nb");
		assertThat(field("a\rb")).isEqualTo("a\\rb");
		assertThat(field("普通の文字 ,\"{}")).isEqualTo("普通の文字 ,\"{}");
	}

	@Test
	void array_elements_are_quoted_with_quotes_and_backslashes_escaped_twice() {
		assertThat(array("a", "")).isEqualTo("{\"a\",\"\"}");
		// array literal: \" and \\ ; COPY then doubles every backslash
		assertThat(array("say \"hi\"")).isEqualTo("{\"say \\\\\"hi\\\\\"\"}");
		assertThat(array("c:\\x")).isEqualTo("{\"c:\\\\\\\\x\"}");
		assertThat(array("x,y", "{z}", "NULL")).isEqualTo("{\"x,y\",\"{z}\",\"NULL\"}");
		assertThat(array("1\t2\n3")).isEqualTo("{\"1\\t2\\n3\"}");
		assertThat(CopyText.array(new StringBuilder(), List.of()).toString()).isEqualTo("{}");
	}

	@Test
	void surrogate_pairs_pass_and_lone_surrogates_or_nul_are_refused() {
		assertThat(field("𠮷野家")).isEqualTo("𠮷野家");
		assertThat(array("𠮷")).isEqualTo("{\"𠮷\"}");
		assertThatThrownBy(() -> field("a\u0000b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
		assertThatThrownBy(() -> array("a\u0000")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> field("x\uD842")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
		assertThatThrownBy(() -> field("\uDFB7y")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> array("\uD842a")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void bytea_is_hex_with_its_backslash_escaped() {
		assertThat(CopyText.bytea(new StringBuilder(), new byte[] {0x0a, (byte) 0xff}).toString()).isEqualTo("\\\\x0aff");
	}

	@Test
	void a_rejected_row_fills_every_staging_column_with_null() {
		var out = new ByteArrayOutputStream();
		try (var copy = new StageCopy(out, 33)) {
			copy.rejected(7, "1001");
		}
		String line = out.toString(StandardCharsets.UTF_8);
		assertThat(line).endsWith("\n");
		String[] columns = line.substring(0, line.length() - 1).split("\t", -1);
		assertThat(columns).hasSize(26);
		assertThat(columns[0]).isEqualTo("7");
		assertThat(columns[1]).isEqualTo("1001");
		assertThat(columns[2]).isEqualTo("f");
		assertThat(List.of(columns).subList(3, 26)).containsOnly("\\N");
	}

	@Test
	void the_hash_covers_only_the_city_owned_columns_joined_with_unit_separators() throws Exception {
		var copy = new StageCopy(new ByteArrayOutputStream(), 2);
		byte[] expected = java.security.MessageDigest.getInstance("MD5").digest("a\u001fb".getBytes(StandardCharsets.UTF_8));
		assertThat(copy.hash(List.of("a", "b", "system value"))).isEqualTo(expected);
	}
}
