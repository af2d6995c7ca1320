package jp.ikiiki.desk.deliverables.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.CalendarProperties;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.telephony.PlannedDispatches.Dispatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The mailing schedule the line advice reads (第4章1(2)): on Tuesday 24 November 2026 with the batches of September
 * to November, which planned dispatches are made, which are being prepared, which are late, and their sizes.
 */
class DispatchCalendarTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	static BatchSummary batch(long id, String kind, BatchStatus status, int envelopes, LocalDate created,
			LocalDate dispatched) {
		return new BatchSummary(id, kind, kind + "の名前", "バッチ" + id, status, 100, envelopes, 0, 0, 1, 1, 0, "op", "op",
				OffsetDateTime.of(LocalDateTime.of(created, java.time.LocalTime.NOON), java.time.ZoneOffset.ofHours(9)),
				dispatched, null, 2026);
	}

	final Mailings mailings = mock(Mailings.class);
	final DispatchCalendar calendar;

	DispatchCalendarTest() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mailings", mailings);
		beans.addBean("clock", Clock.fixed(TODAY.atTime(10, 0).atZone(JapanTime.ZONE).toInstant(), JapanTime.ZONE));
		ObjectProvider<Mailings> m = beans.getBeanProvider(Mailings.class);
		ObjectProvider<Clock> c = beans.getBeanProvider(Clock.class);
		calendar = new DispatchCalendar(new BusinessCalendar(CalendarProperties.defaults()), m, c);
		// newest first, as the mailing module lists them
		when(mailings.batches(anyInt(), anyInt())).thenReturn(List.of(
				batch(11, "BOOKLET_REISSUE", BatchStatus.PRINTED, 250, LocalDate.of(2026, 11, 20), null),
				batch(10, "POINTS_NOTICE", BatchStatus.DISPATCHED, 1000, LocalDate.of(2026, 11, 16),
						LocalDate.of(2026, 11, 20)),
				batch(9, "BOOKLET_REISSUE", BatchStatus.CANCELLED, 900, LocalDate.of(2026, 11, 2), null),
				batch(6, "BOOKLET_MOVERS_IN", BatchStatus.DISPATCHED, 150, LocalDate.of(2026, 10, 26),
						LocalDate.of(2026, 10, 29)),
				batch(5, "SUBSIDY_APPLICATION", BatchStatus.DISPATCHED, 300, LocalDate.of(2026, 10, 20),
						LocalDate.of(2026, 10, 28)),
				batch(4, "GRANT_NOTICE", BatchStatus.DISPATCHED, 800, LocalDate.of(2026, 10, 26),
						LocalDate.of(2026, 10, 30)),
				batch(3, "BOOKLET_REISSUE", BatchStatus.DISPATCHED, 400, LocalDate.of(2026, 10, 26),
						LocalDate.of(2026, 10, 29)),
				batch(2, "BOOKLET_REISSUE", BatchStatus.DISPATCHED, 200, LocalDate.of(2026, 10, 13),
						LocalDate.of(2026, 10, 16)),
				batch(1, "GRANT_NOTICE", BatchStatus.DISPATCHED, 600, LocalDate.of(2026, 9, 25),
						LocalDate.of(2026, 9, 29)),
				batch(0, "BOOKLET_REISSUE", BatchStatus.DISPATCHED, 100, LocalDate.of(2026, 9, 10),
						LocalDate.of(2026, 9, 15)),
				batch(-1, "BOOKLET_REISSUE", BatchStatus.DISPATCHED, 100, LocalDate.of(2026, 9, 24),
						LocalDate.of(2026, 9, 28))));
	}

	@Test
	void planned_dispatches_take_the_batch_being_prepared_or_an_estimate_and_a_late_one_is_expected_today() {
		List<Dispatch> coming = calendar.between(TODAY, LocalDate.of(2026, 12, 10));
		assertThat(coming).extracting(Dispatch::on, Dispatch::due, Dispatch::kind, Dispatch::label, Dispatch::pieces,
				Dispatch::dispatched, Dispatch::estimated, Dispatch::overdue).containsExactly(
						// November's 中旬 booklets (due Fri 20 Nov) were never sent: late, expected today, sized as
						// the mean of the year's booklet batches sent (200, 400, 100, 100)
						tuple(TODAY, LocalDate.of(2026, 11, 20), "BOOKLET", "ポイント手帳（再交付分等）（中旬）", 200, false,
								true, true),
						// the 下旬 booklets take the printed batch's 250 envelopes (the withdrawn one counts for nothing)
						tuple(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30), "BOOKLET",
								"ポイント手帳（再交付分等）（下旬）", 250, false, false, false),
						// no decision batch yet: the mean of the year's decision batches (600, 800)
						tuple(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30), "DECISION",
								"交通費助成決定通知書（下旬）", 700, false, true, false));
		assertThat(calendar.overdue(TODAY)).extracting(Dispatch::label).containsExactly("ポイント手帳（再交付分等）（中旬）");
	}

	@Test
	void dispatches_made_are_listed_by_their_day_and_fulfil_the_plan_of_their_month() {
		List<Dispatch> made = calendar.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 23));
		assertThat(made).extracting(Dispatch::on, Dispatch::kind, Dispatch::pieces, Dispatch::dispatched)
				.containsExactly(tuple(LocalDate.of(2026, 10, 16), "BOOKLET", 200, true),
						tuple(LocalDate.of(2026, 10, 28), "APPLICATION", 300, true),
						tuple(LocalDate.of(2026, 10, 29), "BOOKLET", 150, true),
						tuple(LocalDate.of(2026, 10, 29), "BOOKLET", 400, true),
						tuple(LocalDate.of(2026, 10, 30), "DECISION", 800, true),
						tuple(LocalDate.of(2026, 11, 20), "NOTICE", 1000, true));
	}
}
