package jp.ikiiki.desk.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import jp.ikiiki.desk.tally.BookletReceipts.ScanLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

class BookletReceiptIT extends TallyITSupport {

	static final String OK = "7700000001";
	static final String ENDED = "7700000002";
	static final String EXCLUDED = "7700000003";
	static final String STOPPED = "7700000004";
	static final String CHANNEL = "テスト:手帳受付";

	@Autowired
	BookletReceipts receipts;
	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void subjects() {
		clearTally();
		importSubjects(List.of(progress(OK, "交通助成", "1", "要介護認定状態", "要支援2"), progress(ENDED),
				progress(EXCLUDED, "ポイント助成対象外", "1"), progress(STOPPED, "緊急停止", "1")));
		// ENDED leaves the city's file: the next full file no longer holds it.
		importSubjects(List.of(progress(OK, "交通助成", "1", "要介護認定状態", "要支援2"), progress(EXCLUDED, "ポイント助成対象外", "1"),
				progress(STOPPED, "緊急停止", "1")));
	}

	private BookletSummary receive(String scanned, LocalDate on, int year, BookletKind kind, Long bundle) {
		return as("operator1", () -> receipts.receive(new Receipt(scanned, on, year, kind, bundle), CHANNEL), "OPERATOR");
	}

	private BookletReceipts.Bundle bundle(LocalDate on, int year) {
		return as("operator1", () -> receipts.openBundle(on, year), "OPERATOR");
	}

	@Test
	void a_scanned_number_becomes_a_booklet_of_the_year_with_the_citys_receipt_date() {
		var bundle = bundle(june(10), 2025);
		BookletSummary b = receive("*K" + OK + "*\r\n", june(10), 2025, BookletKind.MAIN, bundle.id());

		assertThat(b.addressNumber()).isEqualTo(OK);
		assertThat(b.managementNumber()).isEqualTo("K" + OK);
		assertThat(b.businessYear()).isEqualTo(2025);
		assertThat(b.receivedOn()).isEqualTo(june(10));
		assertThat(b.state()).isEqualTo(BookletState.RECEIVED);
		assertThat(events.stream(BookletReceived.class))
				.containsExactly(new BookletReceived(b.id(), OK, "K" + OK, 2025, BookletKind.MAIN, june(10)));
		// the cap's inputs from 別紙3 are kept with the booklet
		assertThat(jdbc.sql("select transport_subsidy, care_level from booklet where id = :id").param("id", b.id())
				.query((rs, n) -> rs.getBoolean(1) + " " + rs.getString(2)).single()).isEqualTo("true 要支援2");
	}

	@Test
	void an_additional_booklet_is_a_second_booklet_of_the_year_and_not_a_duplicate() {
		BookletSummary main = receive("K" + OK, june(10), 2025, BookletKind.MAIN, null);
		BookletSummary extra = receive("K" + OK, june(11), 2025, BookletKind.ADDITIONAL, null);
		assertThat(extra.id()).isNotEqualTo(main.id());
		assertThat(extra.kind()).isEqualTo(BookletKind.ADDITIONAL);
		// another year is another booklet too
		assertThat(receive("K" + OK, LocalDate.of(2026, 3, 2), 2024, BookletKind.MAIN, null).businessYear()).isEqualTo(2024);
	}

	@Test
	void the_same_booklet_twice_is_refused_as_already_received_naming_the_first() {
		BookletSummary first = receive("K" + OK, june(10), 2025, BookletKind.MAIN, null);
		assertThatThrownBy(() -> receive("k" + OK, june(12), 2025, BookletKind.MAIN, null))
				.isInstanceOfSatisfying(StateConflictException.class, e -> {
					assertThat(e.reason()).contains("受付済み").contains("令和7年度分").contains("2026/6/10");
					assertThat(e.properties()).containsEntry("bookletId", first.id());
				});
	}

	@Test
	void an_unknown_number_is_not_found() {
		assertThatThrownBy(() -> receive("K9999999999", june(10), 2025, BookletKind.MAIN, null))
				.isInstanceOf(NotFoundException.class).hasMessageContaining("K9999999999");
	}

	@Test
	void an_ended_an_excluded_and_a_stopped_subject_are_refused_with_the_reason() {
		assertThatThrownBy(() -> receive("K" + ENDED, june(10), 2025, BookletKind.MAIN, null))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("終了");
		assertThatThrownBy(() -> receive("K" + EXCLUDED, june(10), 2025, BookletKind.MAIN, null))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("ポイント助成対象外");
		assertThatThrownBy(() -> receive("K" + STOPPED, june(10), 2025, BookletKind.MAIN, null))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("緊急停止");
	}

	@Test
	void a_booklet_past_its_years_deadline_is_refused() {
		// 令和6年度分 (2024) was due by 2026-03-31 (第7章1(2)).
		assertThatThrownBy(() -> receive("K" + OK, LocalDate.of(2026, 4, 1), 2024, BookletKind.MAIN, null))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("提出期限切れ");
	}

	@Test
	void a_year_not_open_a_future_date_and_garbage_are_refused() {
		assertThatThrownBy(() -> receive("K" + OK, june(10), 2023, BookletKind.MAIN, null))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("受付中の事業年度ではありません");
		assertThatThrownBy(() -> receive("K" + OK, june(16), 2025, BookletKind.MAIN, null))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("今日より後");
		assertThatThrownBy(() -> receive("K-1;drop table booklet", june(10), 2025, BookletKind.MAIN, null))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("英数字");
		assertThat(jdbc.sql("select count(*) from booklet").query(Long.class).single()).isZero();
	}

	@Test
	void nothing_is_lost_every_refused_scan_is_listed_with_its_reason_in_its_bundle() {
		var bundle = bundle(june(10), 2025);
		receive("K" + OK, june(10), 2025, BookletKind.MAIN, bundle.id());
		for (String scanned : List.of("K9999999999", "K" + OK, "K" + ENDED)) {
			try {
				receive(scanned, june(10), 2025, BookletKind.MAIN, bundle.id());
			} catch (RuntimeException expected) {
				// each is refused
			}
		}
		List<ScanLine> lines = as("operator1", () -> receipts.lines(bundle.id()), "OPERATOR");
		assertThat(lines).hasSize(4);
		assertThat(lines).filteredOn(ScanLine::accepted).hasSize(1);
		assertThat(lines).filteredOn(l -> !l.accepted()).extracting(ScanLine::status).containsExactlyInAnyOrder(404, 409, 422);
		assertThat(lines).filteredOn(l -> !l.accepted()).allSatisfy(l -> assertThat(l.reason()).isNotBlank());
		assertThat(as("operator1", () -> receipts.refusals(2025, 10), "OPERATOR")).hasSize(3);
		assertThat(as("operator1", () -> receipts.bundle(bundle.id()), "OPERATOR")).get()
				.satisfies(b -> assertThat(b.received()).isEqualTo(1)).satisfies(b -> assertThat(b.refused()).isEqualTo(3));
	}

	@Test
	void a_bundle_needs_a_date_not_in_the_future_and_an_open_year() {
		assertThatThrownBy(() -> bundle(june(16), 2025)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> bundle(june(10), 2022)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> bundle(LocalDate.of(2026, 4, 1), 2024)).hasMessageContaining("提出期限切れ");
	}

	@Test
	void every_receipt_looks_the_subject_up_through_the_audited_look_up() {
		long before = jdbc.sql("select count(*) from audit_event where channel = :c").param("c", CHANNEL).query(Long.class)
				.single();
		receive("K" + OK, june(10), 2025, BookletKind.MAIN, null);
		long after = jdbc.sql("select count(*) from audit_event where channel = :c").param("c", CHANNEL).query(Long.class)
				.single();
		assertThat(after - before).isGreaterThanOrEqualTo(1);
	}
}
