package jp.ikiiki.desk.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagementNumberTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"K2025000123|K2025000123",
			"k2025000123|K2025000123",
			"Ｋ２０２５０００１２３|K2025000123",
			"*K2025000123*|K2025000123",
			"]A0K2025000123|K2025000123",
			"' K2025 000123\r\n'|K2025000123" })
	void typed_and_scanned_forms_read_the_same(String typed, String expected) {
		assertThat(ManagementNumber.parse(typed).value()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"''|申請書管理番号を入力してください",
			"K-2025|申請書管理番号は英数字のみで入力してください",
			"田中|申請書管理番号は英数字のみで入力してください",
			"1234567890123456789012345678901|申請書管理番号が長すぎます（30文字まで）" })
	void what_is_not_a_number_is_refused_with_the_reason(String typed, String reason) {
		assertThatThrownBy(() -> ManagementNumber.parse(typed)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.reason()).isEqualTo(reason));
		assertThat(ManagementNumber.tryParse(typed)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "*たなか*|たなか", "]C1abc|abc", "plain|plain" })
	void the_scanner_frame_alone_is_removed(String token, String expected) {
		assertThat(ManagementNumber.withoutScannerFrame(token)).isEqualTo(expected);
	}
}
