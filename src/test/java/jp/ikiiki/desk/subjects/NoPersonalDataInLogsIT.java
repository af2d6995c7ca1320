package jp.ikiiki.desk.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 第11章: the application log never carries names, addresses or birth dates — not on import, search or view,
 * not even at DEBUG level for the application's own packages, and not when a row is rejected.
 */
@SpringBootTest(properties = "logging.level.jp.ikiiki=DEBUG")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsIT {

	@Autowired MockMvc mvc;
	@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void import_search_and_view_log_nothing_personal(CapturedOutput output) throws Exception {
		// A full file of two rows: other tests' subjects would make it a mass ending (held, not applied).
		jdbc.sql("delete from subject").update();
		Map<String, String> good = row("8800000001", "サギヌマ　セツコ", "鷺沼　節子", "S16.7.19", "広島市中区大手町九丁目");
		Map<String, String> bad = row("8800000002", "ミナセ　ユキエ", "水瀬　幸枝", "S99.99.99", "広島市南区宇品御幸八丁目");
		String csv = SubjectFileKind.INDEX.columns().stream().map(Column::header).collect(Collectors.joining(",")) + "\r\n"
				+ line(good) + line(bad);
		var file = new MockMultipartFile("file", "index.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "index").param("acceptValid", "true")
				.with(user("op").roles("OPERATOR")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1)).andExpect(jsonPath("$.rejected").value(1));
		mvc.perform(get("/api/subjects").param("q", "さぎぬま").with(user("ag").roles("AGENT")))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].addressNumber").value("8800000001"));
		mvc.perform(get("/api/subjects").param("address", "大手町九丁目").with(user("ag").roles("AGENT")))
				.andExpect(status().isOk());
		mvc.perform(get("/api/subjects/8800000001").with(user("ag").roles("AGENT"))).andExpect(status().isOk());
		// Refused searches and a refused file are not logged with their values either.
		mvc.perform(get("/api/subjects").param("q", "鷺沼\u0000").with(user("ag").roles("AGENT")))
				.andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/subjects/鷺沼節子").with(user("ag").roles("AGENT"))).andExpect(status().isNotFound());

		assertThat(output.getAll()).doesNotContain("鷺沼", "サギヌマ", "さぎぬま", "節子", "大手町九丁目", "1941-07-19", "S16.7.19",
				"水瀬", "ミナセ", "宇品御幸", "S99.99.99");
	}

	private static Map<String, String> row(String number, String kana, String kanji, String birth, String address) {
		var r = new HashMap<String, String>();
		r.put("区コード", "101");
		r.put("宛名番号", number);
		r.put("氏名カナ", kana);
		r.put("氏名漢字", kanji);
		r.put("性別", "2");
		r.put("生年月日", birth);
		r.put("郵便番号", "730-0051");
		r.put("住所漢字", address);
		r.put("申請書管理番号", "L" + number);
		return r;
	}

	private static String line(Map<String, String> row) {
		return SubjectFileKind.INDEX.columns().stream().map(c -> row.getOrDefault(c.header(), ""))
				.collect(Collectors.joining(",")) + "\r\n";
	}
}
