package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.ikiiki.desk.subjects.columns.FieldType;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

	private final FieldRules rules = new FieldRules(List.of("タクシー券", "バス・電車券", "交通系ICカード", "自家用車燃料券"));

	private String ok(FieldType type, String value) {
		return rules.normalize(type, value);
	}

	private void rejects(FieldType type, String value, String reasonPart) {
		assertThatThrownBy(() -> rules.normalize(type, value)).isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class)
				.hasMessageContaining(reasonPart);
	}

	@Test
	void ward_codes_accept_the_local_government_form_and_store_101_to_108() {
		assertThat(ok(FieldType.WARD_CODE, "101")).isEqualTo("101");
		assertThat(ok(FieldType.WARD_CODE, "34108")).isEqualTo("108");
		assertThat(ok(FieldType.WARD_CODE, "１０５")).isEqualTo("105");
		rejects(FieldType.WARD_CODE, "109", "区コード");
		rejects(FieldType.WARD_CODE, "34109", "区コード");
		rejects(FieldType.WARD_CODE, "100", "区コード");
		rejects(FieldType.WARD_CODE, "中区", "区コード");
	}

	@Test
	void postal_codes_are_stored_as_seven_digits() {
		assertThat(ok(FieldType.POSTAL_CODE, "730-0011")).isEqualTo("7300011");
		assertThat(ok(FieldType.POSTAL_CODE, "7300011")).isEqualTo("7300011");
		assertThat(ok(FieldType.POSTAL_CODE, "７３０－００１１")).isEqualTo("7300011");
		rejects(FieldType.POSTAL_CODE, "730-001", "7桁");
		rejects(FieldType.POSTAL_CODE, "73-00011", "7桁");
	}

	@Test
	void dates_in_western_and_era_forms_are_stored_iso() {
		assertThat(ok(FieldType.DATE, "2026/9/1")).isEqualTo("2026-09-01");
		assertThat(ok(FieldType.DATE, "20260901")).isEqualTo("2026-09-01");
		assertThat(ok(FieldType.DATE, "R8.9.1")).isEqualTo("2026-09-01");
		assertThat(ok(FieldType.DATE, "令和8年9月1日")).isEqualTo("2026-09-01");
		assertThat(ok(FieldType.DATE, "S15.3.2")).isEqualTo("1940-03-02");
		rejects(FieldType.DATE, "2026/2/30", "存在しない");
		rejects(FieldType.DATE, "H31.5.1", "期間外");
	}

	@Test
	void sex_accepts_codes_and_kanji() {
		assertThat(ok(FieldType.SEX, "1")).isEqualTo("1");
		assertThat(ok(FieldType.SEX, "女")).isEqualTo("2");
		rejects(FieldType.SEX, "3", "性別");
	}

	@Test
	void care_levels_accept_labels_and_insurance_codes() {
		assertThat(ok(FieldType.CARE_LEVEL, "要介護３")).isEqualTo("要介護3");
		assertThat(ok(FieldType.CARE_LEVEL, "12")).isEqualTo("要支援1");
		assertThat(ok(FieldType.CARE_LEVEL, "25")).isEqualTo("要介護5");
		assertThat(ok(FieldType.CARE_LEVEL, "06")).isEqualTo("事業対象者");
		assertThat(ok(FieldType.CARE_LEVEL, "01")).isEqualTo("非該当");
		assertThat(ok(FieldType.CARE_LEVEL, "事業対象者")).isEqualTo("事業対象者");
		rejects(FieldType.CARE_LEVEL, "要介護6", "要介護認定状態");
		rejects(FieldType.CARE_LEVEL, "26", "要介護認定状態");
	}

	@Test
	void ticket_types_come_from_the_configured_list() {
		assertThat(ok(FieldType.TICKET_TYPE, "タクシー券")).isEqualTo("タクシー券");
		assertThat(ok(FieldType.TICKET_TYPE, "交通系ＩＣカード")).isEqualTo("交通系ICカード");
		rejects(FieldType.TICKET_TYPE, "商品券", "利用券種");
	}

	@Test
	void flags_are_one_zero_with_their_japanese_forms() {
		assertThat(ok(FieldType.FLAG, "○")).isEqualTo("1");
		assertThat(ok(FieldType.FLAG, "有")).isEqualTo("1");
		assertThat(ok(FieldType.FLAG, "無")).isEqualTo("0");
		rejects(FieldType.FLAG, "2", "1（有）");
	}

	@Test
	void integers_digits_and_address_numbers() {
		assertThat(ok(FieldType.INTEGER, "007")).isEqualTo("7");
		rejects(FieldType.INTEGER, "-1", "整数");
		rejects(FieldType.INTEGER, "1.5", "整数");
		assertThat(ok(FieldType.DIGITS, "0012345678")).isEqualTo("0012345678");
		rejects(FieldType.DIGITS, "12a", "数字");
		assertThat(ok(FieldType.ADDRESS_NUMBER, "０００１２３")).isEqualTo("000123");
		rejects(FieldType.ADDRESS_NUMBER, "12-3", "数字");
		rejects(FieldType.ADDRESS_NUMBER, "1".repeat(21), "長すぎ");
	}

	@Test
	void kana_names_are_stored_full_width_katakana() {
		assertThat(ok(FieldType.KANA, "ﾀﾅｶ ﾀﾛｳ")).isEqualTo("タナカ　タロウ");
		assertThat(ok(FieldType.KANA, "やまだ　はなこ")).isEqualTo("ヤマダ　ハナコ");
		rejects(FieldType.KANA, "田中", "カナ");
	}

	@Test
	void management_numbers_are_letters_and_digits() {
		assertThat(ok(FieldType.MANAGEMENT_NUMBER, "A0012345")).isEqualTo("A0012345");
		rejects(FieldType.MANAGEMENT_NUMBER, "A-12", "英数字");
	}
}
