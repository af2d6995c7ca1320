package jp.ikiiki.desk.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

class BookletKeyingIT extends TallyITSupport {

	static final String SUBJECT = "7710000001";
	static final String OTHER = "7710000002";

	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;
	@Autowired
	PointTotals totals;
	@Autowired
	ApplicationEvents events;

	long booklet;

	@BeforeEach
	void received() {
		clearTally();
		importSubjects(List.of(progress(SUBJECT), progress(OTHER)));
		booklet = as("operator1", () -> receipts.receive(new Receipt("K" + SUBJECT, june(1), 2025, BookletKind.MAIN, null),
				"テスト"), "OPERATOR").id();
	}

	static StampCounts counts(int s4, int s2, int c1, int s1, int v) {
		var checkups = new ArrayList<>(StampCounts.ZERO.checkups());
		checkups.set(0, c1);
		return new StampCounts(s4, s2, checkups, s1, v);
	}

	private BookletKeying.FieldResult key(String user, Pass pass, StampField f, int value) {
		return as(user, () -> keying.key(booklet, pass, f, value), "OPERATOR");
	}

	private void keyAll(String user, Pass pass, StampCounts c) {
		for (StampField f : StampField.ALL) {
			key(user, pass, f, c.get(f));
		}
	}

	private BookletSummary complete(String user, Pass pass) {
		return as(user, () -> keying.complete(booklet, pass), "OPERATOR");
	}

	@Test
	void two_operators_keying_the_same_counts_verify_the_booklet_and_only_then_it_counts() {
		var c = counts(5, 3, 2, 10, 1);
		keyAll("keyer1", Pass.ENTRY, c);
		assertThat(complete("keyer1", Pass.ENTRY).state()).isEqualTo(BookletState.ENTERED);
		// entered is not verified: nothing reaches the total
		assertThat(as("keyer1", () -> totals.points(new AddressNumber(SUBJECT), 2025, "テスト"), "OPERATOR").total()).isZero();

		for (StampField f : StampField.ALL) {
			assertThat(key("keyer2", Pass.VERIFY, f, c.get(f)).outcome()).isEqualTo(Outcome.MATCHED);
		}
		assertThat(complete("keyer2", Pass.VERIFY).state()).isEqualTo(BookletState.VERIFIED);

		YearPoints p = as("keyer1", () -> totals.points(new AddressNumber(SUBJECT), 2025, "テスト"), "OPERATOR");
		assertThat(p.total()).isEqualTo(4 * 5 + 2 * 3 + 2 * 2 + 10);
		assertThat(p.state()).isEqualTo(YearPoints.State.VERIFIED);
		assertThat(events.stream(PointsVerified.class)).singleElement()
				.satisfies(e -> assertThat(e.counts()).isEqualTo(c)).satisfies(e -> assertThat(e.year().total()).isEqualTo(40));
	}

	@Test
	void a_difference_stops_the_verifier_at_the_field_and_keyed_again_equal_it_matches() {
		keyAll("keyer1", Pass.ENTRY, counts(5, 3, 2, 10, 1));
		complete("keyer1", Pass.ENTRY);
		assertThat(key("keyer2", Pass.VERIFY, StampField.STAMPS_4P, 6).outcome()).isEqualTo(Outcome.REKEY);
		// the sheet sends the verifier back to that field and never shows the entry's value
		var sheet = as("keyer2", () -> keying.sheet(booklet, Pass.VERIFY), "OPERATOR");
		assertThat(sheet.firstOpen()).contains(StampField.STAMPS_4P);
		assertThat(sheet.values()).containsEntry(StampField.STAMPS_4P, 6);
		assertThat(key("keyer2", Pass.VERIFY, StampField.STAMPS_4P, 5).outcome()).isEqualTo(Outcome.MATCHED);
		// a matched field is final
		assertThatThrownBy(() -> key("keyer2", Pass.VERIFY, StampField.STAMPS_4P, 5)).isInstanceOf(StateConflictException.class);
	}

	@Test
	void what_still_differs_goes_to_a_floor_manager_who_decides_and_the_booklet_is_verified() {
		keyAll("keyer1", Pass.ENTRY, counts(5, 3, 2, 10, 1));
		complete("keyer1", Pass.ENTRY);
		var verify = counts(5, 4, 2, 10, 1);
		for (StampField f : StampField.ALL) {
			key("keyer2", Pass.VERIFY, f, verify.get(f));
		}
		assertThat(key("keyer2", Pass.VERIFY, StampField.STAMPS_2P, 4).outcome()).isEqualTo(Outcome.DISPUTED);
		assertThat(complete("keyer2", Pass.VERIFY).state()).isEqualTo(BookletState.DISPUTED);

		var disputes = as("manager1", () -> keying.disputes(), "FLOOR_MANAGER");
		assertThat(disputes).singleElement().satisfies(d -> {
			assertThat(d.booklet().id()).isEqualTo(booklet);
			assertThat(d.fields()).singleElement().satisfies(f -> {
				assertThat(f.field()).isEqualTo(StampField.STAMPS_2P);
				assertThat(f.entryValue()).isEqualTo(3);
				assertThat(f.verifyValue()).isEqualTo(4);
				assertThat(f.firstVerifyValue()).isEqualTo(4);
			});
			assertThat(d.enteredBy()).isEqualTo("keyer1");
			assertThat(d.verifiedBy()).isEqualTo("keyer2");
		});
		// a field not disputed cannot be decided, a disputed one cannot be left out
		assertThatThrownBy(() -> as("manager1", () -> keying.decide(booklet, Map.of(StampField.STAMPS_4P, 1), ""),
				"FLOOR_MANAGER")).isInstanceOf(InvalidInputException.class);
		BookletSummary decided = as("manager1", () -> keying.decide(booklet, Map.of(StampField.STAMPS_2P, 4), "スキャンで確認"),
				"FLOOR_MANAGER");
		assertThat(decided.state()).isEqualTo(BookletState.VERIFIED);
		assertThat(as("manager1", () -> totals.points(new AddressNumber(SUBJECT), 2025, "テスト"), "FLOOR_MANAGER").counts())
				.isEqualTo(counts(5, 4, 2, 10, 1));
		assertThat(jdbc.sql("select decided_by || ':' || entry_value || '/' || verify_value || '→' || decided_value"
				+ " from booklet_decision where booklet_id = :id").param("id", booklet).query(String.class).single())
				.isEqualTo("manager1:3/4→4");
	}

	@Test
	void the_operator_who_keyed_the_entry_may_not_verify_it_nor_decide_it() {
		keyAll("keyer1", Pass.ENTRY, counts(1, 0, 0, 0, 0));
		complete("keyer1", Pass.ENTRY);
		assertThatThrownBy(() -> key("keyer1", Pass.VERIFY, StampField.STAMPS_4P, 1))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("ベリファイできません");
		assertThat(as("keyer1", () -> keying.next(Pass.VERIFY), "OPERATOR")).isEmpty();
		assertThat(as("keyer2", () -> keying.next(Pass.VERIFY), "OPERATOR")).get()
				.satisfies(s -> assertThat(s.booklet().id()).isEqualTo(booklet));
	}

	@Test
	void a_pass_held_by_one_operator_is_refused_to_another_until_it_is_left_untouched_long_enough() {
		key("keyer1", Pass.ENTRY, StampField.STAMPS_4P, 2);
		assertThatThrownBy(() -> key("keyer3", Pass.ENTRY, StampField.STAMPS_2P, 1))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("keyer1");
		clock.set(NOW.plus(properties.claimTimeout()).plus(Duration.ofMinutes(1)));
		assertThat(key("keyer3", Pass.ENTRY, StampField.STAMPS_2P, 1).outcome()).isEqualTo(Outcome.KEYED);
	}

	@Test
	void every_keyed_field_is_saved_so_a_reload_continues_where_the_operator_was() {
		key("keyer1", Pass.ENTRY, StampField.STAMPS_4P, 2);
		key("keyer1", Pass.ENTRY, StampField.STAMPS_2P, 7);
		var again = as("keyer1", () -> keying.next(Pass.ENTRY), "OPERATOR").orElseThrow();
		assertThat(again.booklet().id()).isEqualTo(booklet);
		assertThat(again.values()).containsEntry(StampField.STAMPS_4P, 2).containsEntry(StampField.STAMPS_2P, 7);
		assertThat(again.firstOpen()).contains(StampField.CHECKUP_1);
		assertThat(again.booklet().state()).isEqualTo(BookletState.ENTERING);
	}

	@Test
	@SuppressWarnings("unchecked")
	void an_entry_with_fields_missing_cannot_be_completed_and_says_which() {
		key("keyer1", Pass.ENTRY, StampField.STAMPS_4P, 2);
		assertThatThrownBy(() -> complete("keyer1", Pass.ENTRY)).isInstanceOfSatisfying(StateConflictException.class,
				e -> assertThat((List<Object>) e.properties().get("missing")).hasSize(17).contains("stamps2p", "voidStamps"));
		assertThatThrownBy(() -> as("keyer2", () -> keying.key(booklet, Pass.VERIFY, StampField.STAMPS_4P, 2), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("エントリーが完了していません");
	}

	@Test
	void a_count_out_of_range_is_refused_naming_the_field() {
		assertThatThrownBy(() -> key("keyer1", Pass.ENTRY, StampField.CHECKUP_3, properties.maxStamps() + 1))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("checkups[2]"));
		assertThatThrownBy(() -> key("keyer1", Pass.ENTRY, StampField.CHECKUP_3, -1)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void the_api_verify_reports_the_mismatching_fields_then_disputes_them_when_sent_again() {
		as("keyer1", () -> keying.submitEntry(booklet, counts(5, 3, 2, 10, 1)), "OPERATOR");
		var first = as("keyer2", () -> keying.submitVerify(booklet, counts(5, 3, 1, 11, 1)), "OPERATOR");
		assertThat(first.mismatches()).containsExactly("checkups[0]", "stamps1p");
		assertThat(first.booklet().state()).isEqualTo(BookletState.VERIFYING);
		// corrected one, kept the other
		var second = as("keyer2", () -> keying.submitVerify(booklet, counts(5, 3, 2, 11, 1)), "OPERATOR");
		assertThat(second.mismatches()).containsExactly("stamps1p");
		assertThat(second.booklet().state()).isEqualTo(BookletState.DISPUTED);
	}

	@Autowired
	List<jp.ikiiki.desk.platform.ui.WorkItems> workItems;

	private List<jp.ikiiki.desk.platform.ui.WorkItems.WorkItem> work(String user, String role) {
		return as(user, () -> workItems.stream().flatMap(w -> w.forCurrentUser().stream())
				.filter(i -> i.route().startsWith("booklets/")).toList(), role);
	}

	@Test
	void the_home_page_shows_booklets_waiting_per_pass_and_for_a_decision_with_their_age() {
		assertThat(work("keyer1", "OPERATOR")).extracting(i -> i.title() + "=" + i.count()).containsExactly(
				"手帳の入力待ち=1", "手帳のベリファイ待ち=0", "スキャンの割当待ち=0");
		assertThat(work("keyer1", "OPERATOR").get(0).urgency()).isEqualTo(jp.ikiiki.desk.platform.ui.WorkItems.Urgency.NORMAL);
		clock.set(java.time.LocalDate.of(2026, 6, 22).atTime(9, 0).atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toInstant());
		assertThat(work("keyer1", "OPERATOR").get(0).urgency()).isEqualTo(jp.ikiiki.desk.platform.ui.WorkItems.Urgency.ATTENTION);
		// received 2026-06-01, the notice is due 2026-07-01: overdue from 2026-07-02
		clock.set(java.time.LocalDate.of(2026, 7, 2).atTime(9, 0).atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toInstant());
		assertThat(work("keyer1", "OPERATOR").get(0).urgency()).isEqualTo(jp.ikiiki.desk.platform.ui.WorkItems.Urgency.OVERDUE);
		assertThat(work("manager1", "FLOOR_MANAGER")).extracting(i -> i.title() + "=" + i.count())
				.containsExactly("手帳の判定待ち=0");
		assertThat(work("agent1", "AGENT")).isEmpty();
	}

	@Test
	void a_verified_booklet_takes_no_more_keying() {
		as("keyer1", () -> keying.submitEntry(booklet, counts(1, 1, 1, 1, 0)), "OPERATOR");
		as("keyer2", () -> keying.submitVerify(booklet, counts(1, 1, 1, 1, 0)), "OPERATOR");
		assertThatThrownBy(() -> as("keyer1", () -> keying.submitEntry(booklet, counts(2, 2, 2, 2, 0)), "OPERATOR"))
				.isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> as("keyer3", () -> keying.submitVerify(booklet, counts(1, 1, 1, 1, 0)), "OPERATOR"))
				.isInstanceOf(StateConflictException.class);
		assertThat(as("keyer3", () -> keying.waiting(), "OPERATOR").entry()).isZero();
	}
}
