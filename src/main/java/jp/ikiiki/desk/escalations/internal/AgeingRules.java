package jp.ikiiki.desk.escalations.internal;

import java.time.LocalDate;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.escalations.EscalationCase.Ageing;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.EscalationsProperties;

/** A case's age in open days (開庁日) and its colour under the configured thresholds. */
final class AgeingRules {

	private final BusinessCalendar calendar;
	private final EscalationsProperties properties;

	AgeingRules(BusinessCalendar calendar, EscalationsProperties properties) {
		this.calendar = calendar;
		this.properties = properties;
	}

	/**
	 * Open days after {@code from} up to and including {@code to}: a case opened on a Friday is one open day old on
	 * Monday. 0 when {@code to} is not after {@code from}.
	 */
	int openDaysBetween(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (calendar.isOpenDay(d)) {
				days++;
			}
		}
		return days;
	}

	/** The colour: a closed case is never coloured; waiting for the city and being open too long both count. */
	Ageing ageing(EscalationState state, int daysOpen, Integer daysWaitingForCity) {
		if (!state.active()) {
			return Ageing.NORMAL;
		}
		if (daysOpen >= properties.openAlertDays()
				|| (daysWaitingForCity != null && daysWaitingForCity >= properties.waitingAlertDays())) {
			return Ageing.ALERT;
		}
		if (daysWaitingForCity != null && daysWaitingForCity >= properties.waitingWarnDays()) {
			return Ageing.WARN;
		}
		return Ageing.NORMAL;
	}
}
