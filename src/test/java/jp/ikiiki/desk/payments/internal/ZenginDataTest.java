package jp.ikiiki.desk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ZenginDataTest {

	static final String JS = """
			module.exports = {
			  "0001": { "code": "0001", "name": "みずほ", "kana": "ミズホ", "hira": "みずほ", "roma": "mizuho",
			    "branches": {
			      "001": { "code": "001", "name": "東京営業部", "kana": "トウキヨウ", "hira": "x", "roma": "y" },
			      "004": { "code": "004", "name": "丸の内中央", "kana": "マルノウチチユウオウ" } } },
			  "9900": { "code": "9900", "name": "ゆうちょ", "kana": "ユウチヨ",
			    "branches": { "418": { "code": "418", "name": "四一八", "kana": "ヨンイチハチ" } } }
			};
			""";

	@Test
	void the_bundled_data_reads_with_every_bank_and_branch_and_its_date_from_the_version() throws IOException {
		String version;
		try (InputStream v = getClass().getResourceAsStream("/payments/zengin/VERSION")) {
			version = new String(v.readAllBytes(), StandardCharsets.US_ASCII).strip();
		}
		ZenginData.Master m;
		try (InputStream in = getClass().getResourceAsStream("/payments/zengin/zengin-code.json.gz")) {
			m = ZenginData.readBundled(in, version);
		}
		assertThat(m.dataDate()).isEqualTo(ZenginData.dateOf(version));
		assertThat(m.banks()).hasSizeGreaterThan(1_000);
		assertThat(m.branchCount()).isGreaterThan(25_000);
		assertThat(m.banks()).anySatisfy(b -> {
			assertThat(b.code()).isEqualTo("9900");
			assertThat(b.branches()).anySatisfy(r -> assertThat(r.code()).isEqualTo("418"));
		});
	}

	@Test
	void the_package_file_of_the_data_reads_with_the_given_date() throws IOException {
		ZenginData.Master m = ZenginData.read("zengin-data.js", stream(JS), LocalDate.of(2026, 9, 1));
		assertThat(m.banks()).extracting(ZenginData.BankRow::code).containsExactly("0001", "9900");
		assertThat(m.banks().get(0).branches()).extracting(ZenginData.BranchRow::kana)
				.containsExactly("トウキヨウ", "マルノウチチユウオウ");
		assertThat(m.dataDate()).isEqualTo(LocalDate.of(2026, 9, 1));
	}

	@Test
	void gzipped_json_reads_like_the_plain_file() throws IOException {
		var gz = new ByteArrayOutputStream();
		try (var out = new GZIPOutputStream(gz)) {
			out.write(JS.replace("module.exports = ", "").replace("};", "}").getBytes(StandardCharsets.UTF_8));
		}
		ZenginData.Master m = ZenginData.read("data.json.gz", new ByteArrayInputStream(gz.toByteArray()),
				LocalDate.of(2026, 9, 1));
		assertThat(m.branchCount()).isEqualTo(3);
	}

	@Test
	void the_version_carries_the_date() {
		assertThat(ZenginData.dateOf("1.0.0-p20260824")).isEqualTo(LocalDate.of(2026, 8, 24));
		assertThat(ZenginData.dateOf("1.0.0")).isNull();
		assertThat(ZenginData.dateOf("1.0.0-p20261399")).isNull();
	}

	@Test
	void json_without_a_date_is_refused_asking_for_one() {
		assertThatThrownBy(() -> ZenginData.read("data.json", stream(JS), null)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("日付");
	}

	@Test
	void a_branch_code_that_is_not_three_digits_is_refused_naming_bank_and_code() {
		String bad = JS.replace("\"004\": { \"code\": \"004\"", "\"04\": { \"code\": \"04\"");
		assertThatThrownBy(() -> ZenginData.read("data.json", stream(bad), LocalDate.of(2026, 9, 1)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("0001").hasMessageContaining("04");
	}

	@Test
	void a_file_that_is_not_zengin_data_is_refused() {
		assertThatThrownBy(() -> ZenginData.read("data.json", stream("hello"), LocalDate.of(2026, 9, 1)))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ZenginData.read("data.json", stream("{\"0001\": [1, 2]}"), LocalDate.of(2026, 9, 1)))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ZenginData.read("x.tgz", stream("not a tar"), null))
				.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void a_kana_that_cannot_be_carried_in_a_zengin_file_is_refused() {
		String bad = JS.replace("\"kana\": \"ミズホ\"", "\"kana\": \"ミズホ銀\"");
		assertThatThrownBy(() -> ZenginData.read("data.json", stream(bad), LocalDate.of(2026, 9, 1)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("0001");
	}

	static InputStream stream(String s) {
		return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
	}
}
