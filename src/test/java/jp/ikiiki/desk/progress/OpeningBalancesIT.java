package jp.ikiiki.desk.progress;

import static jp.ikiiki.desk.progress.ProgressFiles.concat;
import static jp.ikiiki.desk.progress.ProgressFiles.csv;
import static jp.ikiiki.desk.progress.ProgressFiles.figures;
import static jp.ikiiki.desk.progress.ProgressFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The predecessor's 別紙3 data per business year (第9章1(1)): validated, dry run first, never over this system's work. */
class OpeningBalancesIT extends TallyITSupport {

	static final String A = "7740000001";
	static final String B = "7740000002";
	static final String C = "7740000003";

	@Autowired
	OpeningBalances openings;
	@Autowired
	ProgressRecords records;
	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;
	@Autowired
	MockMvc mvc;

	@BeforeEach
	void subjects() {
		clearTally();
		jdbc.sql("delete from progress_year").update();
		importSubjects(List.of(progress(A), progress(B), progress(C)));
	}

	private OpeningBalances.Outcome load(int year, String file, boolean dryRun) {
		return as("operator1", () -> openings.load(year, "opening.csv",
				new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), dryRun, "テスト"), "OPERATOR");
	}

	private long rowsOf(int year) {
		return jdbc.sql("select count(*) from progress_year where business_year = :y").param("y", year)
				.query(Long.class).single();
	}

	@Test
	void a_dry_run_counts_and_writes_nothing_then_the_load_writes_the_year_and_audits_it() {
		String file = csv(List.of(row(A, figures("2025-10-01", 30, 5, 100)),
				row(B, concat(figures("2026-03-31", 2, 1, 75), 78, "0169", 79, "広島銀行", 80, "001", 81, "ヤマダ　ハナコ")),
				row(C, 49, "2024-08-20")));

		var dry = load(2024, file, true);
		assertThat(dry.dryRun()).isTrue();
		assertThat(dry.rows()).isEqualTo(3);
		assertThat(dry.inserted()).isEqualTo(3);
		assertThat(dry.refused()).isZero();
		assertThat(rowsOf(2024)).isZero();

		var done = load(2024, file, false);
		assertThat(done.inserted()).isEqualTo(3);
		assertThat(rowsOf(2024)).isEqualTo(3);
		assertThat(rowsOf(2025)).isZero();
		ProgressYear a = as("operator1", () -> records.find(new AddressNumber(A), 2024, "テスト"), "OPERATOR").orElseThrow();
		assertThat(a.value(73)).isEqualTo("125");
		assertThat(a.value(75)).isEqualTo("10000");
		assertThat(a.source()).isEqualTo(ProgressYear.Source.OPENING);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'IMPORT' and detail like '引継ぎデータ 2024年度; rows=3%'")
				.query(Long.class).single()).isOne();

		var again = load(2024, file, false);
		assertThat(again.unchanged()).isEqualTo(3);
		assertThat(again.inserted() + again.updated()).isZero();

		var carried = new ArrayList<CarriedOverBooklet>();
		run("operator1", () -> records.forEachCarriedOver(2024, carried::add), "OPERATOR");
		assertThat(carried).extracting(CarriedOverBooklet::addressNumber).containsExactly(A, B);
		assertThat(carried.get(0).receivedOn()).isEqualTo(LocalDate.of(2025, 10, 1));
		assertThat(carried.get(0).notified()).isFalse();
	}

	@Test
	void a_five_row_file_with_every_row_invalid_is_refused_row_by_row_naming_column_and_reason() {
		String file = csv(List.of(
				row("7749999999", figures("2025-10-01", 1, 0, 100)),        // row 2: not a subject
				row(A, 84, "備考\u001b[31m"),                                // row 3: ESC
				row(B, 50, "0001-01-01"),                                    // row 4: a date in year 1
				row(C, concat(figures("2025-10-01", 3, 0, 100), 73, "13", 75, "1300")), // row 5: total wrong
				row("abc", 84, "x")));                                      // row 6: not a 宛名番号

		var outcome = load(2024, file, false);
		assertThat(outcome.rows()).isEqualTo(5);
		assertThat(outcome.refused()).isEqualTo(5);
		assertThat(outcome.inserted() + outcome.updated() + outcome.unchanged()).isZero();
		assertThat(outcome.problems()).extracting(OpeningBalances.Problem::row).contains(2L, 3L, 4L, 5L, 6L);
		assertThat(outcome.problems()).filteredOn(p -> p.row() == 2).singleElement()
				.satisfies(p -> assertThat(p.reason()).contains("対象者が登録されていません"));
		assertThat(outcome.problems()).filteredOn(p -> p.row() == 3).singleElement().satisfies(p -> {
			assertThat(p.column()).isEqualTo("備考");
			assertThat(p.reason()).contains("制御文字");
			assertThat(p.value()).doesNotContain("\u001b");
		});
		assertThat(outcome.problems()).filteredOn(p -> p.row() == 4).singleElement().satisfies(p -> {
			assertThat(p.column()).isEqualTo("手帳受付日");
			assertThat(p.reason()).isNotBlank();
		});
		assertThat(outcome.problems()).filteredOn(p -> p.row() == 5).singleElement().satisfies(p -> {
			assertThat(p.column()).isEqualTo("ポイント合計");
			assertThat(p.reason()).contains("一致しません");
		});
		assertThat(outcome.problems()).filteredOn(p -> p.row() == 6).singleElement()
				.satisfies(p -> assertThat(p.column()).isEqualTo("宛名番号"));
		assertThat(rowsOf(2024)).isZero();
	}

	@Test
	void a_year_this_system_already_tallied_is_never_overwritten_and_the_row_says_why() {
		long id = as("operator1", () -> receipts.receive(new Receipt("K" + A, june(1), 2025, BookletKind.MAIN, null),
				"テスト"), "OPERATOR").id();
		var counts = new StampCounts(5, 0, StampCounts.ZERO.checkups(), 0, 0);
		as("keyer1", () -> keying.submitEntry(id, counts), "OPERATOR");
		as("keyer2", () -> keying.submitVerify(id, counts), "OPERATOR");
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from progress_year where address_number = :a and business_year = 2025 and tally_booklets = 1")
				.param("a", A).query(Long.class).single() == 1);

		var outcome = load(2025, csv(List.of(row(A, figures("2026-05-01", 30, 0, 100)), row(B, figures("2026-05-01", 1, 0, 100)))), false);
		assertThat(outcome.refused()).isOne();
		assertThat(outcome.inserted()).isOne();
		assertThat(outcome.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(2);
			assertThat(p.reason()).contains("上書きできません");
		});
		ProgressYear a = as("operator1", () -> records.find(new AddressNumber(A), 2025, "テスト"), "OPERATOR").orElseThrow();
		assertThat(a.value(73)).isEqualTo("20");
		assertThat(a.value(50)).isEqualTo("2026-06-01");
	}

	@Test
	void formula_like_cells_are_kept_as_text_and_duplicates_and_wrong_headers_and_closed_years_are_refused() {
		var outcome = load(2024, csv(List.of(row(A, 84, "=cmd|' /C calc'!A0", 79, "+銀行", 81, "@名義"),
				row(A, 84, "二度目"))), false);
		assertThat(outcome.inserted()).isOne();
		assertThat(outcome.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(3);
			assertThat(p.reason()).contains("2行目にもあります");
		});
		ProgressYear a = as("operator1", () -> records.find(new AddressNumber(A), 2024, "テスト"), "OPERATOR").orElseThrow();
		assertThat(a.value(84)).isEqualTo("=cmd|' /C calc'!A0");
		assertThat(a.value(79)).isEqualTo("+銀行");

		String badHeader = csv(List.of(row(B))).replace("手帳受付日", "手帳受領日");
		assertThatThrownBy(() -> load(2024, badHeader, false)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("50列目");
		assertThatThrownBy(() -> load(2023, csv(List.of(row(B))), false)).isInstanceOf(InvalidInputException.class);
		assertThat(rowsOf(2023)).isZero();
	}

	@Test
	void the_api_answers_counts_and_problems_and_refuses_an_agent() throws Exception {
		var file = new MockMultipartFile("file", "opening.csv", "text/csv",
				csv(List.of(row(A, 50, "0001-01-01"), row(B, 49, "2024-08-20"))).getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/api/progress/opening-balances").file(file).param("businessYear", "2024")
				.param("dryRun", "true").with(user("operator1").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.rows").value(2))
				.andExpect(jsonPath("$.inserted").value(1))
				.andExpect(jsonPath("$.refused").value(1))
				.andExpect(jsonPath("$.problems[0].row").value(2))
				.andExpect(jsonPath("$.problems[0].column").value("手帳受付日"));
		assertThat(rowsOf(2024)).isZero();
		mvc.perform(multipart("/api/progress/opening-balances").file(file).param("businessYear", "2024")
				.with(user("agent1").roles("AGENT"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/progress/opening-balances").file(file).param("businessYear", "2019")
				.with(user("operator1").roles("OPERATOR"))).andExpect(status().isUnprocessableEntity());
	}

}
