package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.ImportProblem.Severity;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

	private final FieldRules rules = new FieldRules(List.of("タクシー券", "バス・電車券"));

	private static SourceRow row(SubjectFileKind kind, int width, Map<String, Object> values) {
		List<String> cells = new ArrayList<>();
		for (String h : TestFiles.headers(kind, width)) {
			Object v = values.get(h);
			cells.add(v == null ? "" : v.toString());
		}
		return new SourceRow(2, cells);
	}

	private ValidatedRow index(Map<String, Object> values) {
		return new RowValidator(SubjectFileKind.INDEX, rules, 33, true).validate(row(SubjectFileKind.INDEX, 33, values));
	}

	@Test
	void a_valid_row_is_normalised() {
		ValidatedRow v = index(TestFiles.indexRow("123456", "区コード", "34102", "郵便番号", "730-0011"));
		assertThat(v.valid()).isTrue();
		assertThat(v.addressNumber()).isEqualTo("123456");
		assertThat(v.values()).containsEntry("区コード", "102").containsEntry("郵便番号", "7300011")
				.containsEntry("生年月日", "1940-03-02").containsEntry("通称名漢字", "").hasSize(33);
	}

	@Test
	void rejects_row_with_unknown_ward_code_naming_row_column_value_and_reason() {
		ValidatedRow v = index(TestFiles.indexRow("1", "区コード", "109"));
		assertThat(v.valid()).isFalse();
		assertThat(v.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(2);
			assertThat(p.column()).isEqualTo("区コード");
			assertThat(p.value()).isEqualTo("109");
			assertThat(p.reason()).contains("101〜108");
			assertThat(p.severity()).isEqualTo(Severity.ERROR);
		});
	}

	@Test
	void rejects_row_with_blank_required_cells_one_problem_each() {
		ValidatedRow v = index(TestFiles.indexRow("1", "氏名漢字", "", "生年月日", ""));
		assertThat(v.problems()).extracting(ImportProblem::column).containsExactly("氏名漢字", "生年月日");
		assertThat(v.valid()).isFalse();
	}

	@Test
	void characters_outside_jis_x_0208_are_flagged_not_rejected() {
		ValidatedRow v = index(TestFiles.indexRow("1", "氏名漢字", "髙橋　一郎", "住所漢字", "広島市中区■町"));
		assertThat(v.valid()).isTrue();
		assertThat(v.gaiji()).extracting(ValidatedRow.GaijiMark::chars).containsExactly("髙", "■");
		assertThat(v.problems()).extracting(ImportProblem::severity).containsOnly(Severity.GAIJI);
	}

	@Test
	void windows_variants_such_as_fullwidth_tilde_are_not_flagged() {
		ValidatedRow v = index(TestFiles.indexRow("1", "方書漢字", "コーポ１～２"));
		assertThat(v.gaiji()).isEmpty();
	}

	@Test
	void a_short_csv_row_is_rejected_as_a_broken_record() {
		var cells = new ArrayList<>(row(SubjectFileKind.INDEX, 33, TestFiles.indexRow("1")).cells().subList(0, 20));
		ValidatedRow v = new RowValidator(SubjectFileKind.INDEX, rules, 33, true).validate(new SourceRow(7, cells));
		assertThat(v.valid()).isFalse();
		assertThat(v.problems().get(0).reason()).contains("列の数が足りません");
		assertThat(v.addressNumber()).isEqualTo("1");
	}

	@Test
	void system_owned_progress_columns_are_ignored_and_reported() {
		Map<String, Object> values = TestFiles.progressRow("5", "ポイント合計", "99", "備考", "メモ");
		ValidatedRow v = new RowValidator(SubjectFileKind.PROGRESS, rules, 84, true)
				.validate(row(SubjectFileKind.PROGRESS, 84, values));
		assertThat(v.valid()).isTrue();
		assertThat(v.systemValuesIgnored()).isTrue();
		assertThat(v.values()).containsEntry("ポイント合計", "").containsEntry("備考", "").hasSize(84);
		assertThat(v.values()).containsEntry("要介護認定状態", "要介護2");
	}

	@Test
	void header_must_be_exactly_the_contract_columns_in_order() {
		List<String> good = TestFiles.headers(SubjectFileKind.INDEX, 33);
		assertThat(HeaderCheck.check(SubjectFileKind.INDEX, new SourceRow(1, good)).width()).isEqualTo(33);

		List<String> swapped = new ArrayList<>(good);
		swapped.set(3, "氏名漢字");
		swapped.set(4, "氏名カナ");
		var wrong = HeaderCheck.check(SubjectFileKind.INDEX, new SourceRow(1, swapped));
		assertThat(wrong.ok()).isFalse();
		assertThat(wrong.problems()).extracting(ImportProblem::column).containsExactly("氏名カナ", "氏名漢字");
		assertThat(wrong.problems()).extracting(ImportProblem::row).containsOnly(1L);

		var missing = HeaderCheck.check(SubjectFileKind.INDEX, new SourceRow(1, good.subList(0, 32)));
		assertThat(missing.problems()).singleElement().satisfies(p -> assertThat(p.column()).isEqualTo("住登区分"));

		List<String> extra = new ArrayList<>(good);
		extra.add("余計");
		assertThat(HeaderCheck.check(SubjectFileKind.INDEX, new SourceRow(1, extra)).problems())
				.singleElement().satisfies(p -> assertThat(p.reason()).contains("余分"));
	}

	@Test
	void progress_header_may_have_54_or_84_columns_and_tolerates_spacing_variants() {
		List<String> all = new ArrayList<>(TestFiles.headers(SubjectFileKind.PROGRESS, 84));
		assertThat(HeaderCheck.check(SubjectFileKind.PROGRESS, new SourceRow(1, all.subList(0, 54))).width()).isEqualTo(54);
		all.set(56, "受診 2 P__ 1");
		assertThat(HeaderCheck.check(SubjectFileKind.PROGRESS, new SourceRow(1, all)).width()).isEqualTo(84);
		assertThat(HeaderCheck.check(SubjectFileKind.PROGRESS, new SourceRow(1, all.subList(0, 60))).ok()).isFalse();
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = {"山田\u001b[31m太郎", "山田\u0007太郎", "山田\u0000太郎", "山田\u0085太郎",
			"山田\u007f太郎", "山田\t太郎"})
	void control_characters_reject_the_row_naming_column_and_position_not_as_gaiji(String name) {
		ValidatedRow v = index(TestFiles.indexRow("123456", "氏名漢字", name));
		assertThat(v.valid()).isFalse();
		assertThat(v.gaiji()).isEmpty();
		assertThat(v.problems()).singleElement().satisfies(p -> {
			assertThat(p.severity()).isEqualTo(Severity.ERROR);
			assertThat(p.row()).isEqualTo(2);
			assertThat(p.column()).isEqualTo("氏名漢字");
			assertThat(p.reason()).contains("制御文字").contains("3文字目");
			assertThat(p.value()).doesNotContain("\u0000", "\u001b").startsWith("山田<");
		});
	}

	@Test
	void a_line_break_inside_a_cell_rejects_the_row_even_at_its_end() {
		ValidatedRow inside = index(TestFiles.indexRow("123456", "住所漢字", "広島市中区\n基町"));
		assertThat(inside.valid()).isFalse();
		assertThat(inside.problems()).singleElement().satisfies(p -> {
			assertThat(p.column()).isEqualTo("住所漢字");
			assertThat(p.reason()).contains("改行").contains("6文字目");
		});
		assertThat(index(TestFiles.indexRow("123456", "住所漢字", "広島市中区基町\r\n")).valid()).isFalse();
	}

	@Test
	void a_header_of_the_other_city_file_is_recognised_by_its_kind() {
		var index = new SourceRow(1, TestFiles.headers(SubjectFileKind.INDEX, 33));
		var progress = new SourceRow(1, TestFiles.headers(SubjectFileKind.PROGRESS, 54));
		assertThat(HeaderCheck.otherKind(SubjectFileKind.PROGRESS, index)).contains(SubjectFileKind.INDEX);
		assertThat(HeaderCheck.otherKind(SubjectFileKind.INDEX, progress)).contains(SubjectFileKind.PROGRESS);
		assertThat(HeaderCheck.otherKind(SubjectFileKind.INDEX, new SourceRow(1, List.of("a", "b")))).isEmpty();
		assertThat(HeaderCheck.wrongKind(SubjectFileKind.PROGRESS, SubjectFileKind.INDEX).reason())
				.contains("「交通費助成索引簿」（別紙2）の見出しです").contains("ファイルの種類で「交通費助成索引簿」を選んで");
	}
}
