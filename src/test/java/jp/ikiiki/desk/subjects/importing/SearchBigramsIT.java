package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import jp.ikiiki.desk.subjects.demo.GeneratorOptions;
import jp.ikiiki.desk.subjects.demo.SubjectGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The import sends the search bigrams it computed (V8) instead of letting the database compute them; they must be
 * exactly the database's own subject_bigrams() of the keys, surrogate-pair 外字 (𠮷) included, or look-ups
 * would miss subjects. Other writers get them from the trigger.
 */
@SpringBootTest
@WithMockUser(username = "bigrams-it", roles = "OPERATOR")
class SearchBigramsIT {

	@Autowired SubjectImports imports;
	@Autowired JdbcClient jdbc;

	@Test
	void imported_bigrams_equal_the_databases_own() throws Exception {
		jdbc.sql("delete from subject").update(); // a full file of 800: others' subjects would end en masse (held)
		var bytes = new ByteArrayOutputStream();
		new SubjectGenerator(GeneratorOptions.of(SubjectFileKind.INDEX, 800, 7).withGaijiShare(0.2)).write(bytes);
		ImportOutcome outcome = imports.importFile(SubjectFileKind.INDEX, "bigrams.csv",
				new ByteArrayInputStream(bytes.toByteArray()), new ImportOptions(false, true));
		assertThat(outcome.added()).isGreaterThan(700);
		assertThat(jdbc.sql("select count(*) from subject where name_kanji_key ~ '[\\U00010000-\\U0010FFFF]'").query(Long.class).single())
				.as("some names hold characters outside the BMP").isPositive();

		long differing = jdbc.sql("""
				select count(*) from subject
				 where not (name_kanji_bigrams @> subject_bigrams(name_kanji_key) and subject_bigrams(name_kanji_key) @> name_kanji_bigrams)
				    or not (address_bigrams @> subject_bigrams(address_key) and subject_bigrams(address_key) @> address_bigrams)""")
				.query(Long.class).single();
		assertThat(differing).isZero();
	}

	@Test
	void other_writers_get_their_bigrams_from_the_trigger() {
		jdbc.sql("""
				insert into subject (address_number, name_kana, name_kana_key, name_kanji, name_kanji_key, birth_date, address_key)
				values ('7700000001', 'テスト', 'テスト', '試験　太郎', '試験太郎', date '1940-01-01', '広島市中区基町')""").update();
		assertThat(jdbc.sql("select name_kanji_bigrams @> array['験太'] and address_bigrams @> array['基町'] from subject where address_number = '7700000001'")
				.query(Boolean.class).single()).isTrue();
		jdbc.sql("update subject set address_key = '広島市南区宇品' where address_number = '7700000001'").update();
		assertThat(jdbc.sql("select address_bigrams @> array['宇品'] and not address_bigrams @> array['基町'] from subject where address_number = '7700000001'")
				.query(Boolean.class).single()).isTrue();
	}
}
