package jp.ikiiki.desk.deliverables.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;

/**
 * The periods a schedule owes and their due dates (第9章1(2) 提出時期): 中旬 by the 20th, 下旬 by the month's last day,
 * 初旬 by the 10th, each moved back to the open day on or before it; 随時 a number of open days after what happened.
 */
final class DeliverableDates {

	/** One period owed. */
	record Due(String period, String label, LocalDate due) {
	}

	private final BusinessCalendar calendar;
	private final int asNeededOpenDays;

	DeliverableDates(BusinessCalendar calendar, int asNeededOpenDays) {
		this.calendar = calendar;
		this.asNeededOpenDays = asNeededOpenDays;
	}

	/** The periods of a fixed schedule due in the month, in due order; none for {@code AS_NEEDED}. */
	List<Due> fixed(DeliverableSchedule schedule, YearMonth month) {
		String ym = month.toString();
		String jp = month.getYear() + "年" + month.getMonthValue() + "月";
		return switch (schedule) {
			case MID_MONTH -> List.of(new Due(ym, jp + "分", mid(month)));
			case LATE_MONTH -> List.of(new Due(ym, jp + "分", late(month)));
			case TWICE_MONTHLY -> List.of(new Due(ym + "-M", jp + " 中旬分", mid(month)),
					new Due(ym + "-L", jp + " 下旬分", late(month)));
			case EARLY_MONTH -> {
				YearMonth previous = month.minusMonths(1);
				yield List.of(new Due(previous.toString(),
						previous.getYear() + "年" + previous.getMonthValue() + "月分", onOrBefore(month.atDay(10))));
			}
			case AS_NEEDED -> List.of();
		};
	}

	/** The due date of a fixed-schedule period key, for checking a key a caller gave; null if it is not one. */
	LocalDate dueOf(DeliverableSchedule schedule, String period) {
		try {
			YearMonth month;
			if (schedule == DeliverableSchedule.EARLY_MONTH) {
				month = YearMonth.parse(period).plusMonths(1);
			} else if (schedule == DeliverableSchedule.TWICE_MONTHLY) {
				month = YearMonth.parse(period.substring(0, 7));
			} else {
				month = YearMonth.parse(period);
			}
			return fixed(schedule, month).stream().filter(d -> d.period().equals(period)).map(Due::due).findFirst()
					.orElse(null);
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** The due date of an occurrence: the n-th open day after the day it happened. */
	LocalDate dueOf(DeliverableKind.Occurrence occurrence) {
		LocalDate d = occurrence.on();
		for (int i = 0; i < asNeededOpenDays; i++) {
			d = d.plusDays(1);
			while (!calendar.isOpenDay(d)) {
				d = d.plusDays(1);
			}
		}
		return d;
	}

	LocalDate mid(YearMonth month) {
		return onOrBefore(month.atDay(20));
	}

	LocalDate late(YearMonth month) {
		return onOrBefore(month.atEndOfMonth());
	}

	/** The open day on or before the date (within its month; the 1st if the month has none before it). */
	LocalDate onOrBefore(LocalDate date) {
		LocalDate d = date;
		while (!calendar.isOpenDay(d) && d.getDayOfMonth() > 1) {
			d = d.minusDays(1);
		}
		return d;
	}

	/** The months whose 随時 occurrences may fall due in the month. */
	static List<YearMonth> occurrenceMonths(YearMonth month) {
		List<YearMonth> months = new ArrayList<>(2);
		months.add(month.minusMonths(1));
		months.add(month);
		return months;
	}
}
