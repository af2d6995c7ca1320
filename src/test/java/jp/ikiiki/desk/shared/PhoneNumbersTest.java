package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

	@ParameterizedTest
	@CsvSource({
			"0822451234,082-245-1234", // 広島市: 3-digit area code
			"0823211234,0823-21-1234", // 呉市: 4-digit area code, prefix of 082
			"0829301234,0829-30-1234", // 廿日市市
			"0848221234,0848-22-1234", // 尾道市
			"0312345678,03-1234-5678", // 2-digit area code
			"09012345678,090-1234-5678", // mobile
			"08012345678,080-1234-5678",
			"05012345678,050-1234-5678", // IP phone
			"0120123456,0120-123-456", // free dial
			"0570123456,0570-123-456", // navi dial
			"082-245-1234,082-245-1234", // already hyphenated
			"０８２２４５１２３４,082-245-1234", // full-width digits
			"+81822451234,082-245-1234" // as a SIP trunk may present it
	})
	void hyphenates_by_the_area_code(String number, String expected) {
		assertThat(PhoneNumbers.format(number)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "201,201", "anonymous,anonymous", "1234567890,1234567890", "'',''" })
	void what_is_not_a_japanese_number_stays_as_it_came(String number, String expected) {
		assertThat(PhoneNumbers.format(number)).isEqualTo(expected);
	}

	@Test
	void null_is_empty() {
		assertThat(PhoneNumbers.format(null)).isEmpty();
		assertThat(PhoneNumbers.digits(null)).isEmpty();
	}

	@Test
	void digits_are_what_is_stored_and_matched() {
		assertThat(PhoneNumbers.digits("082-245-1234")).isEqualTo("0822451234");
		assertThat(PhoneNumbers.digits("(082) 245 1234")).isEqualTo("0822451234");
		assertThat(PhoneNumbers.digits("+81 90 1234 5678")).isEqualTo("09012345678");
		assertThat(PhoneNumbers.isJapanese("082-245-1234")).isTrue();
		assertThat(PhoneNumbers.isJapanese("201")).isFalse();
	}
}
