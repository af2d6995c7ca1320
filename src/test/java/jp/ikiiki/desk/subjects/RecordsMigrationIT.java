package jp.ikiiki.desk.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V9 moves the stored jsonb records of a running installation into subject_record as arrays in 別紙
 * column order: every value must land in its column, blanks stay blank, and nothing else about the subject changes.
 */
class RecordsMigrationIT {

	@Test
	void jsonb_records_become_arrays_in_column_order() throws Exception {
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
			DataSource ds = pg.getPostgresDatabase();
			JdbcClient jdbc = JdbcClient.create(ds);
			jdbc.sql("create role ikiiki_app").update();
			flyway(ds, "8").migrate();

			jdbc.sql("""
					insert into subject (address_number, name_kana, name_kana_key, name_kanji, name_kanji_key, birth_date,
					  index_record, progress_record)
					values ('1001', 'ヒロシマ　タロウ', 'ヒロシマタロウ', '広島　太郎', '広島太郎', date '1940-03-02',
					  '{"区コード":"101","宛名番号":"1001","生年月日":"1940-03-02","判定回数":"2","住所漢字":"広島市中区基町1-1"}',
					  '{"宛名番号":"1001","ポイント合計":"24","備考":"電話あり","氏名カナ":"ヒロシマ　タロウ"}'),
					  ('1002', 'ヒロシマ　ハナコ', 'ヒロシマハナコ', '広島　花子', '広島花子', date '1942-05-10',
					  '{"宛名番号":"1002"}', null)""").update();

			flyway(ds, "latest").migrate();

			String[] index = (String[]) jdbc.sql("select index_record from subject_record where address_number = '1001'")
					.query((rs, n) -> rs.getArray(1).getArray()).single();
			assertThat(index).hasSize(33);
			assertThat(cell(index, SubjectFileKind.INDEX, "区コード")).isEqualTo("101");
			assertThat(cell(index, SubjectFileKind.INDEX, "宛名番号")).isEqualTo("1001");
			assertThat(cell(index, SubjectFileKind.INDEX, "生年月日")).isEqualTo("1940-03-02");
			assertThat(cell(index, SubjectFileKind.INDEX, "判定回数")).isEqualTo("2");
			assertThat(cell(index, SubjectFileKind.INDEX, "住所漢字")).isEqualTo("広島市中区基町1-1");
			assertThat(cell(index, SubjectFileKind.INDEX, "方書漢字")).isEmpty();

			String[] progress = (String[]) jdbc.sql("select progress_record from subject_record where address_number = '1001'")
					.query((rs, n) -> rs.getArray(1).getArray()).single();
			assertThat(progress).hasSize(84);
			assertThat(cell(progress, SubjectFileKind.PROGRESS, "宛名番号")).isEqualTo("1001");
			assertThat(cell(progress, SubjectFileKind.PROGRESS, "氏名カナ")).isEqualTo("ヒロシマ　タロウ");
			assertThat(cell(progress, SubjectFileKind.PROGRESS, "ポイント合計")).isEqualTo("24");
			assertThat(cell(progress, SubjectFileKind.PROGRESS, "備考")).isEqualTo("電話あり");

			List<Map<String, Object>> rows = jdbc.sql("""
					select address_number, progress_record is null as no_progress, name_kanji, birth_date::text as birth
					from subject join subject_record using (address_number) order by address_number""").query().listOfRows();
			assertThat(rows).hasSize(2);
			assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'subject'"
					+ " and column_name like '%_record'").query(Integer.class).single()).isZero();
			assertThat(rows.get(1)).containsEntry("no_progress", true).containsEntry("name_kanji", "広島　花子")
					.containsEntry("birth", "1942-05-10");
		}
	}

	private static String cell(String[] record, SubjectFileKind kind, String header) {
		return record[kind.column(header).number() - 1];
	}

	private static Flyway flyway(DataSource ds, String target) {
		return Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(target)
				.placeholders(Map.of("app_role", "ikiiki_app")).load();
	}
}
