package jp.ikiiki.desk.subjects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jp.ikiiki.desk.subjects.SubjectQuery;
import org.junit.jupiter.api.Test;

class LookupSqlTest {

	@Test
	void kana_prefix_is_a_range_up_to_the_next_code_point() {
		assertThat(JdbcSubjectLookup.Sql.successor("タナ")).isEqualTo("タニ");
		assertThat(JdbcSubjectLookup.Sql.successor("タナカ")).isEqualTo("タナガ");
		assertThat(JdbcSubjectLookup.Sql.successor("\uD7FF")).isEqualTo("\uE000");
		var sql = JdbcSubjectLookup.Sql.of(SubjectQuery.parse("たな"));
		assertThat(sql.where()).isEqualTo("name_kana_key ~>=~ :kanaFrom and name_kana_key ~<~ :kanaTo");
		assertThat(sql.params()).containsEntry("kanaFrom", "タナ").containsEntry("kanaTo", "タニ");
	}

	@Test
	void like_wildcards_typed_by_a_user_are_literal() {
		var sql = JdbcSubjectLookup.Sql.of(SubjectQuery.ofFields(null, null, null, "田%_", null, null));
		assertThat(sql.params()).containsEntry("kanji", "%田\\%\\_%");
	}

	@Test
	void fragments_of_two_characters_or_more_use_the_bigram_index_and_one_character_only_like() {
		assertThat(JdbcSubjectLookup.Sql.of(SubjectQuery.ofFields(null, null, null, "田中", null, null)).where())
				.contains("name_kanji_bigrams @>").contains("name_kanji_key like :kanji");
		assertThat(JdbcSubjectLookup.Sql.of(SubjectQuery.ofFields(null, null, null, "林", null, null)).where())
				.isEqualTo("name_kanji_key like :kanji");
	}

	@Test
	void every_value_is_a_bind_parameter() {
		var sql = JdbcSubjectLookup.Sql.of(SubjectQuery.parse("'; drop table subject; -- たなか 1940/3/2 A1 99"));
		assertThat(sql.where()).doesNotContain("drop").doesNotContain("タナカ").doesNotContain("1940");
	}
}
