package jp.ikiiki.desk.mailings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Subjects for the mailing tests, imported through the subjects module's own import (別紙3 with the city's 54
 * columns, 別紙2 with 33), so they are stored exactly as the city's files would leave them.
 */
public final class MailingTestData {

	private MailingTestData() {
	}

	public static void clear(JdbcClient jdbc) {
		jdbc.sql("delete from subject_mailing").update();
		jdbc.sql("delete from mailing_batch").update();
		jdbc.sql("delete from registered_number_range").update();
		jdbc.sql("delete from subject").update();
	}

	/** A 別紙3 row; {@code overrides} are header, value pairs. */
	public static Map<String, Object> progress(String addressNumber, String postal, Object... overrides) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("宛名番号", addressNumber);
		r.put("氏名カナ", "ヤマダ　タロウ");
		r.put("氏名漢字", "山田　太郎");
		r.put("性別", "1");
		r.put("郵便番号", postal);
		r.put("住所漢字", "広島市中区基町1番1号");
		r.put("申請書管理番号", "K" + addressNumber);
		r.put("生年月日", "昭和15年3月2日");
		r.put("交通助成", "1");
		r.put("利用券種", "タクシー券");
		for (int i = 0; i < overrides.length; i += 2) {
			r.put((String) overrides[i], overrides[i + 1]);
		}
		return r;
	}

	/** A 別紙2 row. */
	public static Map<String, Object> index(String addressNumber, String postal, Object... overrides) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("区コード", "101");
		r.put("宛名番号", addressNumber);
		r.put("氏名カナ", "スズキ　ハナコ");
		r.put("氏名漢字", "鈴木　花子");
		r.put("性別", "2");
		r.put("生年月日", "S15.3.2");
		r.put("郵便番号", postal);
		r.put("住所漢字", "広島市西区己斐上2-5-1");
		r.put("利用券種", "タクシー券");
		r.put("決定事由", "新規");
		r.put("申請書管理番号", "K" + addressNumber);
		for (int i = 0; i < overrides.length; i += 2) {
			r.put((String) overrides[i], overrides[i + 1]);
		}
		return r;
	}

	public static void importProgress(SubjectImports imports, List<Map<String, Object>> rows) {
		importFile(imports, SubjectFileKind.PROGRESS, rows);
	}

	public static void importIndex(SubjectImports imports, List<Map<String, Object>> rows) {
		importFile(imports, SubjectFileKind.INDEX, rows);
	}

	private static void importFile(SubjectImports imports, SubjectFileKind kind, List<Map<String, Object>> rows) {
		List<String> headers = kind.columns().stream().filter(c -> c.owner() == Column.Owner.CITY).map(Column::header)
				.toList();
		var sb = new StringBuilder(String.join(",", headers)).append("\r\n");
		for (var row : rows) {
			List<String> cells = new ArrayList<>();
			for (String h : headers) {
				Object v = row.get(h);
				cells.add(v == null ? "" : v.toString());
			}
			sb.append(String.join(",", cells)).append("\r\n");
		}
		ImportOutcome outcome = imports.importFile(kind, kind.code() + ".csv",
				new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), ImportOptions.APPLY);
		assertThat(outcome.problems()).filteredOn(p -> p.severity() == jp.ikiiki.desk.subjects.ImportProblem.Severity.ERROR)
				.isEmpty();
		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.APPLIED);
	}
}
