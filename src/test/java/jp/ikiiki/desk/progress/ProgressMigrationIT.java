package jp.ikiiki.desk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The migration of the year-less 別紙3 values (cols 49–84) to the business year they describe, run again on data of
 * this test (the statement is the one in V73).
 */
class ProgressMigrationIT extends TallyITSupport {

	static final String RECEIVED_IN_FEBRUARY = "7790000001";
	static final String RECEIVED_IN_MAY = "7790000002";
	static final String MADE_IN_AUGUST = "7790000003";
	static final String NOTHING = "7790000004";

	@BeforeEach
	@AfterEach
	void clear() {
		jdbc.sql("delete from progress_year").update();
	}

	private String migration() throws IOException {
		String sql = new ClassPathResource("db/migration/V73__progress_year_records.sql").getContentAsString(
				StandardCharsets.UTF_8);
		int start = sql.indexOf("insert into progress_year");
		return sql.substring(start, sql.indexOf("on conflict do nothing;", start) + "on conflict do nothing".length());
	}

	@Test
	void year_less_values_move_to_the_year_of_their_receipt_or_making_and_empty_ones_create_nothing() throws Exception {
		importSubjects(List.of(progress(RECEIVED_IN_FEBRUARY, "手帳受付日", "2026-02-10", "支払予定日", "2026-05-25"),
				progress(RECEIVED_IN_MAY, "手帳受付日", "2026-05-01"), progress(MADE_IN_AUGUST, "手帳作成日", "2025-08-20"),
				progress(NOTHING, "手帳作成日", "")));
		jdbc.sql(migration()).update();

		assertThat(year(RECEIVED_IN_FEBRUARY)).isEqualTo(2024); // 旧々: received before its 31 March deadline
		assertThat(year(RECEIVED_IN_MAY)).isEqualTo(2025);
		assertThat(year(MADE_IN_AUGUST)).isEqualTo(2025); // booklets made in August are the next year's
		assertThat(jdbc.sql("select count(*) from progress_year where address_number = :a").param("a", NOTHING)
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select year_record[5] from progress_year where address_number = :a")
				.param("a", RECEIVED_IN_FEBRUARY).query(String.class).single()).isEqualTo("2026-05-25");
		assertThat(jdbc.sql("select source from progress_year where address_number = :a")
				.param("a", RECEIVED_IN_MAY).query(String.class).single()).isEqualTo("MIGRATED");
	}

	private int year(String subject) {
		return jdbc.sql("select business_year from progress_year where address_number = :a").param("a", subject)
				.query(Integer.class).single();
	}
}
