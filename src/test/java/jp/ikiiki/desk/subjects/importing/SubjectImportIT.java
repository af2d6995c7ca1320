package jp.ikiiki.desk.subjects.importing;

import static jp.ikiiki.desk.subjects.importing.TestFiles.indexRow;
import static jp.ikiiki.desk.subjects.importing.TestFiles.progressRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "op", roles = "OPERATOR")
class SubjectImportIT {

	private static final Charset SJIS = Charset.forName("windows-31j");

	@Autowired SubjectImports imports;
	@Autowired SubjectImportHistory history;
	@Autowired JdbcClient jdbc;
	@Autowired MockMvc mvc;

	@BeforeEach
	void noSubjects() {
		jdbc.sql("delete from subject").update();
	}

	private ImportOutcome importIndex(byte[] file, String name, ImportOptions options) {
		return imports.importFile(SubjectFileKind.INDEX, name, new ByteArrayInputStream(file), options);
	}

	private ImportOutcome importIndex(List<Map<String, Object>> rows) {
		return importIndex(TestFiles.utf8(SubjectFileKind.INDEX, rows), "index.csv", ImportOptions.APPLY);
	}

	private static List<Map<String, Object>> threeIndexRows() {
		return new ArrayList<>(List.of(
				indexRow("1001", "区コード", "34102", "氏名カナ", "ﾀﾅｶ ﾀﾛｳ", "氏名漢字", "田中　太郎", "郵便番号", "733-0011",
						"住所漢字", "広島市西区横川町１丁目", "方書漢字", "コーポ 101", "生年月日", "R1.5.1", "要介護認定状態", "23"),
				indexRow("1002", "氏名カナ", "すずき はなこ", "氏名漢字", "鈴木　花子", "性別", "2", "利用券種", "バス・電車券"),
				indexRow("1003")));
	}

	private Map<String, Object> subject(String addressNumber) {
		return jdbc.sql("select s.*, r.index_record, r.progress_record from subject s"
				+ " left join subject_record r on r.address_number = s.address_number where s.address_number = :n")
				.param("n", addressNumber).query().singleRow();
	}

	private int subjects() {
		return jdbc.sql("select count(*) from subject").query(Integer.class).single();
	}

	@Test
	void a_valid_index_file_adds_every_subject_with_its_typed_columns() {
		ImportOutcome outcome = importIndex(threeIndexRows());

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(outcome.added()).isEqualTo(3);
		assertThat(outcome.changed() + outcome.ended() + outcome.rejected() + outcome.flagged()).isZero();
		Map<String, Object> s = subject("1001");
		assertThat(((Number) s.get("ward_code")).intValue()).isEqualTo(102);
		assertThat(s.get("postal_code")).isEqualTo("7330011");
		assertThat(s.get("birth_date").toString()).isEqualTo("2019-05-01");
		assertThat(s.get("name_kana")).isEqualTo("タナカ　タロウ");
		assertThat(s.get("name_kana_key")).isEqualTo("タナカタロウ");
		assertThat(s.get("name_kanji_key")).isEqualTo("田中太郎");
		assertThat(s.get("address_key")).isEqualTo("広島市西区横川町1丁目コーポ101");
		assertThat(s.get("care_level")).isEqualTo("要介護3");
		assertThat(s.get("ticket_type")).isEqualTo("タクシー券");
		assertThat(s.get("management_number")).isEqualTo("K1001");
		assertThat(s.get("index_import_id")).isEqualTo(outcome.importId());
		assertThat(s.get("progress_record")).isNull();
		assertThat(stored(SubjectFileKind.INDEX, "1001", "生年月日")).isEqualTo("2019-05-01");
		assertThat(jdbc.sql("select count(*) from subject join subject_record using (address_number) where index_hash is distinct from"
				+ " decode(md5(array_to_string(index_record, E'\\x1f', '')), 'hex')").query(Integer.class).single())
				.as("the hash the import computes is V7's definition").isZero();
		assertThat(subject("1002").get("name_kana")).isEqualTo("スズキ　ハナコ");
		assertThat(subject("1002").get("sex")).isEqualTo("2");
	}

	@Test
	void a_progress_file_of_54_columns_keeps_all_84_in_the_record() {
		ImportOutcome outcome = imports.importFile(SubjectFileKind.PROGRESS, "progress.csv", new ByteArrayInputStream(
				TestFiles.utf8(SubjectFileKind.PROGRESS, List.of(progressRow("2001"), progressRow("2002")))), ImportOptions.APPLY);

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(outcome.added()).isEqualTo(2);
		int cells = jdbc.sql("select cardinality(progress_record) from subject_record where address_number = '2001'")
				.query(Integer.class).single();
		assertThat(cells).isEqualTo(84);
		assertThat(jdbc.sql("select count(*) from subject join subject_record using (address_number) where progress_hash is distinct from"
				+ " decode(md5(array_to_string(progress_record[1:54], E'\\x1f', '')), 'hex')").query(Integer.class).single())
				.as("the hash the import computes is V7's definition").isZero();
		assertThat(stored(SubjectFileKind.PROGRESS, "2001", "宛名番号")).isEqualTo("2001");
		assertThat(stored(SubjectFileKind.PROGRESS, "2001", "備考")).isEmpty();
		Map<String, Object> s = subject("2001");
		assertThat(s.get("care_level")).isEqualTo("要介護2");
		assertThat(s.get("ticket_type")).isEqualTo("バス・電車券");
		assertThat(s.get("ward_code")).isNull();
		assertThat(s.get("index_record")).isNull();
	}

	@Test
	void windows31j_csv_and_xlsx_give_the_same_subjects_as_utf8() {
		List<Map<String, Object>> rows = threeIndexRows();
		importIndex(TestFiles.csv(SubjectFileKind.INDEX, rows, StandardCharsets.UTF_8, true), "a.csv", ImportOptions.APPLY);
		List<Map<String, Object>> utf8 = snapshot();

		noSubjects();
		ImportOutcome sjis = importIndex(TestFiles.csv(SubjectFileKind.INDEX, rows, SJIS, false), "a.csv", ImportOptions.APPLY);
		assertThat(sjis.added()).isEqualTo(3);
		assertThat(history.find(sjis.importId()).orElseThrow().charset()).isEqualTo("Windows-31J");
		assertThat(snapshot()).isEqualTo(utf8);

		noSubjects();
		// In the workbook the codes are numbers and the birth dates real date cells.
		List<Map<String, Object>> typed = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			var copy = new java.util.LinkedHashMap<>(r);
			copy.put("宛名番号", Long.parseLong((String) r.get("宛名番号")));
			copy.put("区コード", Integer.parseInt((String) r.get("区コード")));
			copy.put("生年月日", r.get("生年月日").equals("R1.5.1") ? LocalDate.of(2019, 5, 1) : LocalDate.of(1940, 3, 2));
			typed.add(copy);
		}
		ImportOutcome xlsx = importIndex(TestFiles.xlsx(SubjectFileKind.INDEX, typed), "a.xlsx", ImportOptions.APPLY);
		assertThat(xlsx.problems()).isEmpty();
		assertThat(xlsx.added()).isEqualTo(3);
		assertThat(snapshot()).isEqualTo(utf8);
	}

	/** One cell of a stored city record, by its 別紙 header. */
	private String stored(SubjectFileKind kind, String addressNumber, String header) {
		String column = kind == SubjectFileKind.INDEX ? "index_record" : "progress_record";
		return jdbc.sql("select " + column + "[:n] from subject_record where address_number = :an")
				.param("n", kind.column(header).number()).param("an", addressNumber).query(String.class).single();
	}

	private List<Map<String, Object>> snapshot() {
		return jdbc.sql("""
				select address_number, (select index_record::text from subject_record r where r.address_number = s.address_number) as rec, name_kana, name_kana_key, name_kanji, birth_date::text as birth,
				       ward_code, postal_code, address_key, care_level, ticket_type, management_number, gaiji::text as gaiji
				from subject s order by address_number""").query().listOfRows();
	}

	@Test
	void quotes_backslashes_and_commas_survive_the_staging_copy() {
		String tricky = "コーポ\"本通\"\\2号, 北棟\\N 3階";
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(0).put("方書漢字", tricky);

		ImportOutcome outcome = importIndex(rows);

		assertThat(outcome.rejected()).isZero();
		assertThat(subject("1001").get("address_extra")).isEqualTo(tricky);
		assertThat(stored(SubjectFileKind.INDEX, "1001", "方書漢字")).isEqualTo(tricky);
		assertThat(importIndex(rows).changed()).as("re-import").isZero();
	}

	@Test
	void importing_the_same_file_again_changes_nothing() {
		byte[] file = TestFiles.utf8(SubjectFileKind.INDEX, threeIndexRows());
		importIndex(file, "a.csv", ImportOptions.APPLY);
		Object updated = subject("1001").get("updated_at");

		ImportOutcome again = importIndex(file, "a.csv", ImportOptions.APPLY);

		assertThat(again.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(List.of(again.added(), again.changed(), again.ended(), again.rejected())).containsOnly(0);
		assertThat(subject("1001").get("updated_at")).isEqualTo(updated);
	}

	@Test
	void changed_fields_are_counted_and_listed_with_before_and_after_in_the_report() throws Exception {
		importIndex(threeIndexRows());
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(1).put("住所漢字", "広島市南区比治山本町11番27号");
		rows.get(1).put("利用券種", "タクシー券");

		ImportOutcome outcome = importIndex(rows);

		assertThat(outcome.changed()).isEqualTo(1);
		assertThat(outcome.added()).isZero();
		assertThat(subject("1002").get("address")).isEqualTo("広島市南区比治山本町11番27号");
		assertThat(subject("1002").get("ticket_type")).isEqualTo("タクシー券");
		assertThat(subject("1002").get("index_import_id")).isEqualTo(outcome.importId());
		assertThat(subject("1001").get("index_import_id")).isNotEqualTo(outcome.importId());

		List<List<String>> changes = sheet(outcome.importId(), "変更");
		assertThat(changes.get(0)).containsExactly("行", "宛名番号", "氏名", "項目", "変更前", "変更後");
		assertThat(changes.subList(1, changes.size())).containsExactly(
				List.of("3", "1002", "鈴木　花子", "住所漢字", "広島市中区基町1番1号", "広島市南区比治山本町11番27号"),
				List.of("3", "1002", "鈴木　花子", "利用券種", "バス・電車券", "タクシー券"));
		assertThat(sheet(outcome.importId(), "概要")).contains(List.of("変更", "1"), List.of("結果", "取込済み"));
	}

	private List<List<String>> sheet(long importId, String name) throws Exception {
		byte[] report = history.report(importId, "test").orElseThrow().content();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
			Sheet sheet = wb.getSheet(name);
			var fmt = new DataFormatter();
			List<List<String>> out = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(fmt.formatCellValue(row.getCell(i)));
				}
				out.add(cells);
			}
			return out;
		}
	}

	@Test
	void a_file_with_rejected_rows_is_blocked_and_changes_nothing() throws Exception {
		importIndex(threeIndexRows());
		Object before = snapshot();
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(0).put("氏名漢字", "田中　次郎");
		rows.add(indexRow("1004", "生年月日", "2026/2/30"));
		rows.add(indexRow("1005"));

		ImportOutcome outcome = importIndex(rows);

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.BLOCKED);
		assertThat(outcome.rejected()).isEqualTo(1);
		assertThat(outcome.added()).isEqualTo(1);
		assertThat(outcome.changed()).isEqualTo(1);
		assertThat(outcome.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(5);
			assertThat(p.column()).isEqualTo("生年月日");
			assertThat(p.value()).isEqualTo("2026/2/30");
			assertThat(p.reason()).contains("存在しない日付");
		});
		assertThat(snapshot()).isEqualTo(before);
		SubjectImportSummary kept = history.find(outcome.importId()).orElseThrow();
		assertThat(kept.status()).isEqualTo(SubjectImportSummary.State.BLOCKED);
		assertThat(kept.hasReport()).isTrue();
		assertThat(history.problems(outcome.importId(), 0, 10)).containsExactlyElementsOf(outcome.problems());
		assertThat(sheet(outcome.importId(), "不備").get(1)).containsExactly("5", "生年月日", "2026/2/30",
				outcome.problems().get(0).reason(), "不備");
	}

	@Test
	void accept_valid_imports_the_valid_rows_and_only_reports_the_rejected() {
		List<Map<String, Object>> rows = threeIndexRows();
		rows.add(indexRow("1004", "区コード", "109"));

		ImportOutcome outcome = importIndex(TestFiles.utf8(SubjectFileKind.INDEX, rows), "a.csv", new ImportOptions(false, true));

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(outcome.added()).isEqualTo(3);
		assertThat(outcome.rejected()).isEqualTo(1);
		assertThat(subjects()).isEqualTo(3);
		assertThat(outcome.problems()).extracting(ImportProblem::row, ImportProblem::column).containsExactly(
				org.assertj.core.groups.Tuple.tuple(5L, "区コード"));
	}

	@Test
	void a_dry_run_computes_the_outcome_and_changes_nothing() {
		ImportOutcome outcome = importIndex(TestFiles.utf8(SubjectFileKind.INDEX, threeIndexRows()), "a.csv",
				new ImportOptions(true, false));

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.DRY_RUN);
		assertThat(outcome.added()).isEqualTo(3);
		assertThat(subjects()).isZero();
		assertThat(history.find(outcome.importId()).orElseThrow().status()).isEqualTo(SubjectImportSummary.State.DRY_RUN);
	}

	@Test
	void subjects_missing_from_a_full_file_end_without_being_deleted_and_return_when_they_reappear() {
		importIndex(threeIndexRows());
		List<Map<String, Object>> two = threeIndexRows().subList(0, 2);

		ImportOutcome ended = importIndex(two);

		assertThat(ended.ended()).isEqualTo(1);
		assertThat(subjects()).isEqualTo(3);
		assertThat(subject("1003").get("index_ended_at")).isNotNull();
		assertThat(subject("1001").get("index_ended_at")).isNull();
		assertThat(importIndex(two).ended()).as("already ended").isZero();

		ImportOutcome back = importIndex(threeIndexRows());
		assertThat(back.changed()).isEqualTo(1);
		assertThat(back.added()).isZero();
		assertThat(subject("1003").get("index_ended_at")).isNull();
	}

	@Test
	void a_rejected_row_still_counts_as_present_so_its_subject_does_not_end() {
		importIndex(threeIndexRows());
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(2).put("性別", "9");

		ImportOutcome outcome = importIndex(TestFiles.utf8(SubjectFileKind.INDEX, rows), "a.csv", new ImportOptions(false, true));

		assertThat(outcome.rejected()).isEqualTo(1);
		assertThat(outcome.ended()).isZero();
		assertThat(subject("1003").get("index_ended_at")).isNull();
	}

	@Test
	void gaiji_rows_are_imported_and_flagged_not_rejected() {
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(2).put("氏名漢字", "髙橋　一郎");

		ImportOutcome outcome = importIndex(rows);

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(outcome.flagged()).isEqualTo(1);
		assertThat(outcome.rejected()).isZero();
		assertThat(outcome.problems()).singleElement().satisfies(p -> {
			assertThat(p.severity()).isEqualTo(ImportProblem.Severity.GAIJI);
			assertThat(p.column()).isEqualTo("氏名漢字");
		});
		Map<String, Object> g = jdbc.sql("select g->>'column' as col, g->>'value' as val, g->>'chars' as chars"
				+ " from subject, jsonb_array_elements(gaiji) g where address_number = '1003'").query().singleRow();
		assertThat(g).containsEntry("col", "氏名漢字").containsEntry("val", "髙橋　一郎").containsEntry("chars", "髙");
		assertThat(subject("1003").get("name_kanji")).isEqualTo("髙橋　一郎");
	}

	@Test
	void every_row_of_a_duplicated_address_number_is_rejected_naming_the_others() {
		List<Map<String, Object>> rows = threeIndexRows();
		rows.add(indexRow("1001"));

		ImportOutcome outcome = importIndex(TestFiles.utf8(SubjectFileKind.INDEX, rows), "a.csv", new ImportOptions(false, true));

		assertThat(outcome.rejected()).isEqualTo(2);
		assertThat(outcome.added()).isEqualTo(2);
		assertThat(outcome.problems()).extracting(ImportProblem::row).containsExactly(2L, 5L);
		assertThat(outcome.problems().get(0).reason()).contains("5行目");
		assertThat(outcome.problems().get(1).reason()).contains("2行目");
		assertThat(jdbc.sql("select count(*) from subject where address_number = '1001'").query(Integer.class).single()).isZero();
	}

	@Test
	void system_owned_progress_columns_keep_the_stored_values() {
		imports.importFile(SubjectFileKind.PROGRESS, "p.csv", new ByteArrayInputStream(
				TestFiles.utf8(SubjectFileKind.PROGRESS, List.of(progressRow("2001")))), ImportOptions.APPLY);
		jdbc.sql("update subject_record set progress_record[:n] = '12'")
				.param("n", SubjectFileKind.PROGRESS.column("ポイント合計").number()).update();

		byte[] full = TestFiles.csv(TestFiles.headers(SubjectFileKind.PROGRESS, 84),
				List.of(progressRow("2001", "ポイント合計", "99", "備考", "ファイルの値")), StandardCharsets.UTF_8, false);
		ImportOutcome outcome = imports.importFile(SubjectFileKind.PROGRESS, "p.csv", new ByteArrayInputStream(full),
				ImportOptions.APPLY);

		assertThat(outcome.changed()).isZero();
		assertThat(outcome.problems()).singleElement().satisfies(p -> {
			assertThat(p.severity()).isEqualTo(ImportProblem.Severity.NOTICE);
			assertThat(p.reason()).contains("システムの値をそのまま残しました");
		});
		assertThat(stored(SubjectFileKind.PROGRESS, "2001", "ポイント合計")).isEqualTo("12");
	}

	@Test
	void a_wrong_header_blocks_the_import_with_a_problem_on_row_1_naming_the_column() {
		List<String> headers = new ArrayList<>(TestFiles.headers(SubjectFileKind.INDEX, 33));
		headers.set(7, "誕生日");
		ImportOutcome outcome = importIndex(TestFiles.csv(headers, threeIndexRows(), StandardCharsets.UTF_8, false),
				"a.csv", new ImportOptions(false, true));

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.BLOCKED);
		assertThat(outcome.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(1);
			assertThat(p.column()).isEqualTo("生年月日");
			assertThat(p.value()).isEqualTo("誕生日");
		});
		assertThat(subjects()).isZero();
	}

	@Test
	void a_header_only_file_is_blocked_instead_of_ending_everyone() {
		importIndex(threeIndexRows());
		ImportOutcome outcome = importIndex(List.of());
		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.BLOCKED);
		assertThat(outcome.ended()).isZero();
		assertThat(subject("1001").get("index_ended_at")).isNull();
	}

	@Test
	void imports_and_report_downloads_are_audited_without_personal_data() {
		ImportOutcome outcome = importIndex(threeIndexRows());
		history.report(outcome.importId(), "テスト");

		List<Map<String, Object>> audit = jdbc.sql("select action, file_name, detail from audit_event where username = 'op'"
				+ " order by id desc limit 2").query().listOfRows();
		assertThat(audit.get(1)).containsEntry("action", "IMPORT").containsEntry("file_name", "index.csv");
		assertThat((String) audit.get(1).get("detail")).contains("追加=3").doesNotContain("田中");
		assertThat(audit.get(0)).containsEntry("action", "DOWNLOAD");
	}

	@Test
	@WithMockUser(username = "agent", roles = "AGENT")
	void agents_cannot_import() {
		assertThatThrownBy(() -> importIndex(threeIndexRows())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void the_api_answers_422_with_row_column_value_and_reason_when_blocked() throws Exception {
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(1).put("郵便番号", "73-1");
		var file = new MockMultipartFile("file", "index.csv", "text/csv", TestFiles.utf8(SubjectFileKind.INDEX, rows));

		mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "index")
						.with(user("op").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.status").value("BLOCKED"))
				.andExpect(jsonPath("$.rejected").value(1))
				.andExpect(jsonPath("$.added").value(2))
				.andExpect(jsonPath("$.importId").isNumber())
				.andExpect(jsonPath("$.problems[0].row").value(3))
				.andExpect(jsonPath("$.problems[0].column").value("郵便番号"))
				.andExpect(jsonPath("$.problems[0].value").value("73-1"))
				.andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.containsString("7桁")))
				.andExpect(jsonPath("$.problems[0].severity").value("ERROR"));
		assertThat(subjects()).isZero();

		mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "index").param("acceptValid", "true")
						.with(user("op").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("APPLIED"));
		assertThat(subjects()).isEqualTo(2);
	}

	@Test
	void the_api_refuses_an_unknown_kind_and_agents() throws Exception {
		var file = new MockMultipartFile("file", "index.csv", "text/csv", TestFiles.utf8(SubjectFileKind.INDEX, threeIndexRows()));
		mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "other").with(user("op").roles("OPERATOR")))
				.andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "index").with(user("a").roles("AGENT")))
				.andExpect(status().isForbidden());
		assertThat(subjects()).isZero();
	}

	@Test
	void city_staff_may_list_the_history_and_download_a_report_over_the_api() throws Exception {
		ImportOutcome outcome = importIndex(threeIndexRows());
		mvc.perform(get("/api/imports/subjects").with(user("c").roles("CITY_STAFF")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].id").value(outcome.importId()));
		mvc.perform(get("/api/imports/subjects/" + outcome.importId() + "/report").with(user("c").roles("CITY_STAFF")))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")));
		mvc.perform(get("/api/imports/subjects/" + outcome.importId() + "/problems").with(user("c").roles("CITY_STAFF")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/imports/subjects/" + outcome.importId() + "/problems").param("format", "csv")
						.with(user("op").roles("OPERATOR")))
				.andExpect(status().isOk());
	}

	@Test
	void control_characters_are_errors_with_row_and_column_in_csv_and_xlsx_alike() throws Exception {
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(0).put("氏名漢字", "田中\u001b[2J太郎");
		rows.get(1).put("住所漢字", "広島市\u0007中区");
		rows.get(2).put("方書漢字", "北棟\n3階");
		List<Map<String, Object>> excel = threeIndexRows();
		excel.get(0).put("氏名漢字", "田中«001B»[2J太郎");
		excel.get(1).put("住所漢字", "広島市«0007»中区");
		excel.get(2).put("方書漢字", "北棟\n3階");
		for (byte[] file : List.of(TestFiles.utf8(SubjectFileKind.INDEX, rows), TestFiles.xlsxWithEscapes(SubjectFileKind.INDEX, excel))) {
			ImportOutcome outcome = importIndex(file, file[0] == 'P' ? "c.xlsx" : "c.csv", new ImportOptions(false, true));

			assertThat(outcome.flagged()).as("not 外字").isZero();
			assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.BLOCKED);
			assertThat(outcome.problems().get(0).reason()).as("no valid row is never applied").contains("取り込める行がありません");
			assertThat(outcome.problems().subList(1, outcome.problems().size()))
					.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::severity)
					.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "氏名漢字", ImportProblem.Severity.ERROR),
							org.assertj.core.groups.Tuple.tuple(3L, "住所漢字", ImportProblem.Severity.ERROR),
							org.assertj.core.groups.Tuple.tuple(4L, "方書漢字", ImportProblem.Severity.ERROR));
			assertThat(outcome.problems().get(1).reason()).contains("制御文字（ESC）");
			assertThat(outcome.problems().get(2).reason()).contains("制御文字（BEL）");
			assertThat(outcome.problems().get(3).reason()).contains("改行");
			assertThat(outcome.problems().get(1).value()).isEqualTo("田中<ESC>[2J太郎");
			assertThat(history.problems(outcome.importId(), 0, 10)).containsExactlyElementsOf(outcome.problems());
		}
		assertThat(subjects()).isZero();
	}

	@Test
	void a_nul_in_a_cell_is_refused_and_still_recorded_in_the_history() {
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(0).put("氏名漢字", "田中\u0000太郎");
		ImportOutcome outcome = importIndex(TestFiles.utf8(SubjectFileKind.INDEX, rows), "nul.csv", new ImportOptions(false, true));
		assertThat(outcome.added()).isEqualTo(2);
		assertThat(outcome.problems()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("田中<NUL>太郎"));
		assertThat(history.problems(outcome.importId(), 0, 10)).hasSize(1);
	}

	@Test
	void an_index_file_chosen_as_progress_is_named_as_the_other_kind() throws Exception {
		byte[] index = TestFiles.utf8(SubjectFileKind.INDEX, threeIndexRows());
		ImportOutcome outcome = imports.importFile(SubjectFileKind.PROGRESS, "index.csv", new ByteArrayInputStream(index),
				new ImportOptions(false, true));

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.WRONG_KIND);
		assertThat(outcome.detectedKind()).isEqualTo(SubjectFileKind.INDEX);
		assertThat(outcome.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(1);
			assertThat(p.reason()).contains("「交通費助成索引簿」（別紙2）の見出しです");
		});
		assertThat(history.find(outcome.importId()).orElseThrow().status()).isEqualTo(SubjectImportSummary.State.WRONG_KIND);
		assertThat(subjects()).isZero();

		var file = new MockMultipartFile("file", "index.csv", "text/csv", index);
		mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "progress").with(user("op").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.status").value("WRONG_KIND"))
				.andExpect(jsonPath("$.detectedKind").value("INDEX"));
	}

	@Test
	void a_50_mb_single_line_is_refused_at_once_recorded_as_failed_and_audited() {
		var huge = new java.io.InputStream() {
			long n;

			@Override
			public int read() {
				return n++ < 50L * 1024 * 1024 ? 'a' : -1;
			}
		};
		assertThatThrownBy(() -> imports.importFile(SubjectFileKind.INDEX, "one-line.csv", huge, ImportOptions.APPLY))
				.isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class)
				.hasMessageContaining("1行目1列目の項目が長すぎます")
				.satisfies(e -> assertThat(((jp.ikiiki.desk.shared.InvalidInputException) e).properties())
						.containsEntry("row", 1L).containsEntry("limit", "ikiiki.subjects.import.max-cell-length"));
		assertThat(huge.n).as("bytes read").isLessThan(1_000_000);
		SubjectImportSummary failed = history.list(0, 1).get(0);
		assertThat(failed.fileName()).isEqualTo("one-line.csv");
		assertThat(failed.status()).isEqualTo(SubjectImportSummary.State.FAILED);
		assertThat(failed.finishedAt()).isNotNull();
		assertThat(history.problems(failed.id(), 0, 5)).singleElement()
				.satisfies(p -> assertThat(p.reason()).contains("4,000文字"));
		assertThat(jdbc.sql("select detail from audit_event where action = 'IMPORT' and file_name = 'one-line.csv'"
				+ " order by id desc limit 1").query(String.class).single()).contains("異常終了").contains("max-cell-length");
		assertThat(subjects()).isZero();
	}

	@Test
	void the_api_refuses_a_header_of_a_million_columns_with_a_422_problem_naming_the_limit() throws Exception {
		byte[] header = ("宛名番号" + ",x".repeat(1_000_000) + "\r\n").getBytes(StandardCharsets.UTF_8);
		var file = new MockMultipartFile("file", "wide.csv", "text/csv", header);
		mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "index").with(user("op").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
				.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("1行目の列が多すぎます（100列まで")))
				.andExpect(jsonPath("$.row").value(1))
				.andExpect(jsonPath("$.limit").value("ikiiki.subjects.import.max-columns"))
				.andExpect(jsonPath("$.importId").isNumber());
		assertThat(history.list(0, 1).get(0).status()).isEqualTo(SubjectImportSummary.State.FAILED);
	}

	@Test
	void a_file_over_the_size_limit_is_refused_while_it_streams() {
		var endless = new java.io.InputStream() {
			long n;

			@Override
			public int read() {
				n++;
				return n == 1 ? 'h' : (n % 100 == 0 ? '\n' : 'x');
			}

			@Override
			public int read(byte[] b, int off, int len) {
				for (int i = 0; i < len; i++) {
					b[off + i] = (byte) read();
				}
				return len;
			}
		};
		assertThatThrownBy(() -> imports.importFile(SubjectFileKind.INDEX, "endless.csv", endless, ImportOptions.APPLY))
				.isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class)
				.hasMessageContaining("200 MB");
		assertThat(endless.n).isLessThan(201L * 1024 * 1024);
	}

	@Test
	void the_problems_csv_neutralises_formulas_from_the_file() throws Exception {
		List<Map<String, Object>> rows = threeIndexRows();
		rows.get(0).put("性別", "=HYPERLINK(\"http://x\",\"y\")");
		rows.get(1).put("性別", "+cmd|' /C calc'!A0");
		rows.get(2).put("性別", "@SUM(A1)");
		ImportOutcome outcome = importIndex(TestFiles.utf8(SubjectFileKind.INDEX, rows), "f.csv", new ImportOptions(true, true));
		String csv = new String(history.problemsCsv(outcome.importId(), "test").orElseThrow().content(), StandardCharsets.UTF_8);
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "'+cmd|' /C calc'!A0", "'@SUM(A1)");
		assertThat(csv.lines().skip(1)).noneMatch(l -> l.matches("^[0-9]+,[^,]*,[=+@-].*"));
	}
}
