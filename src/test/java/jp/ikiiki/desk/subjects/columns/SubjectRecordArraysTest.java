package jp.ikiiki.desk.subjects.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Migration V9 turned the stored jsonb records into arrays by listing the 別紙 headers in SQL. Those lists must
 * be exactly the columns of {@link SubjectFileKind} in order, or existing records would have moved their values
 * into the wrong columns.
 */
class SubjectRecordArraysTest {

	@Test
	void the_migration_lists_the_headers_of_both_files_in_column_order() throws IOException {
		String sql;
		try (InputStream in = getClass().getResourceAsStream("/db/migration/V9__subjects_records_as_arrays.sql")) {
			assertThat(in).as("V9 migration on the class path").isNotNull();
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Matcher m = Pattern.compile("subject_record_values\\((index|progress)_record,\\s*'\\{([^}]*)\\}'::text\\[\\]\\)")
				.matcher(sql);
		List<String> kinds = new ArrayList<>();
		while (m.find()) {
			SubjectFileKind kind = SubjectFileKind.ofCode(m.group(1));
			kinds.add(kind.code());
			List<String> listed = new ArrayList<>();
			for (String quoted : m.group(2).split(",")) {
				listed.add(quoted.substring(1, quoted.length() - 1));
			}
			assertThat(listed).as(kind.code()).containsExactlyElementsOf(kind.columns().stream().map(Column::header).toList());
		}
		assertThat(kinds).containsExactly("index", "progress");
	}

	@Test
	void column_numbers_are_the_array_subscripts() {
		for (SubjectFileKind kind : SubjectFileKind.values()) {
			for (int i = 0; i < kind.columns().size(); i++) {
				assertThat(kind.columns().get(i).number()).isEqualTo(i + 1);
			}
		}
	}
}
