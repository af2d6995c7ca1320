package jp.ikiiki.desk.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PointTotalsIT extends TallyITSupport {

	static final String PLAIN = "7720000001";
	static final String SUPPORT = "7720000002";
	static final String CARE = "7720000003";
	static final String DISABLED = "7720000004";

	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;
	@Autowired
	PointTotals totals;

	@BeforeEach
	void subjects() {
		clearTally();
		importSubjects(List.of(progress(PLAIN), progress(SUPPORT, "交通助成", "1", "要介護認定状態", "要支援1"),
				progress(CARE, "交通助成", "1", "要介護認定状態", "要介護3"),
				progress(DISABLED, "交通助成", "1", "要介護認定状態", "要支援2", "障害者交通助成", "1")));
	}

	private long verified(String subject, int year, LocalDate on, BookletKind kind, StampCounts counts) {
		long id = as("operator1", () -> receipts.receive(new Receipt("K" + subject, on, year, kind, null), "テスト"),
				"OPERATOR").id();
		as("keyer1", () -> keying.submitEntry(id, counts), "OPERATOR");
		as("keyer2", () -> keying.submitVerify(id, counts), "OPERATOR");
		return id;
	}

	static StampCounts fours(int n) {
		return new StampCounts(n, 0, StampCounts.ZERO.checkups(), 0, 0);
	}

	private YearPoints points(String subject, int year) {
		return as("agent1", () -> totals.points(new AddressNumber(subject), year, "テスト"), "AGENT");
	}

	@Test
	void each_kind_of_cap_is_applied_from_the_subjects_record() {
		for (String s : List.of(PLAIN, SUPPORT, CARE, DISABLED)) {
			verified(s, 2025, june(1), BookletKind.MAIN, fours(30)); // 120 points
		}
		assertThat(points(PLAIN, 2025)).satisfies(p -> {
			assertThat(p.total()).isEqualTo(120);
			assertThat(p.cap()).isEqualTo(100);
			assertThat(p.capRule()).isNull();
			assertThat(p.credited()).isEqualTo(100);
			assertThat(p.overCap()).isEqualTo(20);
			assertThat(p.amountYen()).isEqualTo(10_000);
		});
		assertThat(points(SUPPORT, 2025).cap()).isEqualTo(75);
		assertThat(points(SUPPORT, 2025).amountYen()).isEqualTo(7_500);
		assertThat(points(CARE, 2025).cap()).isEqualTo(50);
		assertThat(points(DISABLED, 2025).cap()).isEqualTo(40);
		assertThat(points(DISABLED, 2025).capRule()).isEqualTo("障害者交通助成");
		assertThat(as("operator1", () -> totals.overCap(2025), "OPERATOR")).extracting(YearPoints::addressNumber)
				.containsExactly(PLAIN, SUPPORT, CARE, DISABLED);
	}

	@Test
	void years_are_never_mixed_and_a_main_and_additional_booklet_of_a_year_add_up() {
		verified(PLAIN, 2025, june(1), BookletKind.MAIN, fours(5));
		verified(PLAIN, 2025, june(2), BookletKind.ADDITIONAL, fours(3));
		verified(PLAIN, 2024, LocalDate.of(2026, 3, 31), BookletKind.MAIN, fours(7));
		assertThat(points(PLAIN, 2025).total()).isEqualTo(32);
		assertThat(points(PLAIN, 2025).booklets()).isEqualTo(2);
		assertThat(points(PLAIN, 2024).total()).isEqualTo(28);
		assertThat(points(PLAIN, 2026).state()).isEqualTo(YearPoints.State.NONE);
		assertThat(as("agent1", () -> totals.history(new AddressNumber(PLAIN), "テスト"), "AGENT"))
				.extracting(YearPoints::businessYear).containsExactly(2025, 2024);
	}

	@Test
	void an_unverified_booklet_counts_towards_nothing_and_leaves_the_year_in_progress() {
		verified(PLAIN, 2025, june(1), BookletKind.MAIN, fours(5));
		as("operator1", () -> receipts.receive(new Receipt("K" + PLAIN, june(3), 2025, BookletKind.ADDITIONAL, null), "テスト"),
				"OPERATOR");
		YearPoints p = points(PLAIN, 2025);
		assertThat(p.total()).isEqualTo(20);
		assertThat(p.state()).isEqualTo(YearPoints.State.IN_PROGRESS);
		assertThat(p.verifiedBooklets()).isEqualTo(1);
	}

	@Test
	void the_progress_figures_and_the_notice_selection_come_from_the_verified_keying() {
		var checkups = new ArrayList<>(StampCounts.ZERO.checkups());
		checkups.set(13, 2);
		verified(SUPPORT, 2025, june(1), BookletKind.MAIN, new StampCounts(10, 5, checkups, 8, 1)); // 40+10+4+8 = 62
		verified(PLAIN, 2025, june(2), BookletKind.MAIN, StampCounts.ZERO);
		verified(CARE, 2025, june(2), BookletKind.MAIN, new StampCounts(0, 0, StampCounts.ZERO.checkups(), 0, 4));

		var figures = as("operator1", () -> totals.figures(new AddressNumber(SUPPORT), 2025, "テスト"), "OPERATOR").orElseThrow();
		assertThat(figures.columns()).containsExactly(40, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 8, 62, 75, 6_200);

		var streamed = new ArrayList<ProgressFigures>();
		as("operator1", () -> {
			totals.forEachFigures(2025, streamed::add);
			return null;
		}, "OPERATOR");
		assertThat(streamed).extracting(ProgressFigures::addressNumber).containsExactly(PLAIN, SUPPORT, CARE);

		var due = new ArrayList<NoticeCandidate>();
		int n = as("operator1", () -> totals.forEachDueForNotice(2025, due::add), "OPERATOR");
		assertThat(n).isEqualTo(3);
		assertThat(due).extracting(c -> c.addressNumber() + ":" + c.decision()).containsExactly(
				PLAIN + ":NO_STAMPS", SUPPORT + ":NOTIFY", CARE + ":NOTIFY_ALL_VOID");
		assertThat(due).allSatisfy(c -> assertThat(c.dueBy()).isEqualTo(c.receivedOn().plusMonths(1)));
	}
}
