package jp.ikiiki.desk.subjects;

import static jp.ikiiki.desk.subjects.SubjectFixtures.SATO_KYOKO;
import static jp.ikiiki.desk.subjects.SubjectFixtures.TANAKA_HANAKO;
import static jp.ikiiki.desk.subjects.SubjectFixtures.TANAKA_TARO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The kana prefix search is blind to width, script, spaces and small kana. */
@SpringBootTest
@AutoConfigureMockMvc // same context as the API tests: one embedded database, one security context strategy
@WithMockUser(username = "agent", roles = "AGENT")
class KanaSearchIT {

	@Autowired
	SubjectLookup lookup;
	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void subjects() {
		SubjectFixtures.insertAll(jdbc);
	}

	private List<String> kana(String text) {
		return lookup.search(SubjectQuery.ofFields(null, null, text, null, null, null), 200, "test").stream()
				.map(SubjectSummary::addressNumber).filter(SubjectFixtures.ALL::contains).toList();
	}

	private List<String> box(String text) {
		return lookup.search(SubjectQuery.parse(text), 200, "test").stream()
				.map(SubjectSummary::addressNumber).filter(SubjectFixtures.ALL::contains).toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ﾀﾅｶ", "たなか", "タナカ", "タ ナ カ", "ﾀ　ﾅ　ｶ", "  たナｶ " })
	void finds_both_tanakas_however_the_kana_is_written(String text) {
		assertThat(kana(text)).containsExactly(TANAKA_TARO, TANAKA_HANAKO);
		assertThat(box(text)).containsExactly(TANAKA_TARO, TANAKA_HANAKO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "タナカタ", "たなか　たろう", "ﾀﾅｶ ﾀﾛｳ" })
	void a_longer_prefix_narrows_to_one(String text) {
		assertThat(kana(text)).containsExactly(TANAKA_TARO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "サトウキョ", "さとう きよ", "ｻﾄｳ ｷｮｳｺ", "サトウキヨウコ" })
	void small_kana_match_their_large_forms(String text) {
		assertThat(kana(text)).containsExactly(SATO_KYOKO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "タロウ", "ナカ", "タナカハ" + "ナコX" })
	void matches_only_the_start_of_the_name(String text) {
		assertThat(kana(text.replace("X", ""))).doesNotContain(TANAKA_TARO);
	}
}
