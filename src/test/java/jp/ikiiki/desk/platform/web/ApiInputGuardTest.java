package jp.ikiiki.desk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiInputGuardTest {

	@ParameterizedTest
	@ValueSource(strings = { "q=%00", "q=a%00b", "q=%1B%5B31m", "q=line%0Abreak", "q=%7F", "a%00=1" })
	void control_characters_in_a_parameter_are_refused(String query) {
		assertThat(ApiInputGuard.check(query)).contains("制御文字");
	}

	@Test
	void the_refusal_names_the_parameter() {
		assertThat(ApiInputGuard.check("limit=10&q=%00")).contains("パラメータ q ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "q=%", "q=%zz", "q=%E3%81" })
	void broken_percent_encoding_is_refused(String query) {
		assertThat(ApiInputGuard.check(query)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "q=%E3%81%95%E3%81%8E", "q=鷺沼", "from=2026-04-01T09:00:00%2B09:00&limit=10", "flag", "" })
	void ordinary_queries_pass(String query) {
		assertThat(ApiInputGuard.check(query)).isNull();
	}

	@Test
	void no_query_passes() {
		assertThat(ApiInputGuard.check(null)).isNull();
	}
}
