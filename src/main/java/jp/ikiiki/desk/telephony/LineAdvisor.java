package jp.ikiiki.desk.telephony;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/** Line advice (第6章2 ※1: lines to keep the answer rate at 90 % or more): lines and agents per upcoming half-day for the answer-rate target. */
public interface LineAdvisor {

	/**
	 * Advice for both halves of the next open days from {@code from} on (inclusive).
	 *
	 * @param openDays 1–20
	 * @return two entries per open day in order; empty when no call history is available (no {@link CallArrivals}, or no
	 *         call in the period the forecast looks at)
	 */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	List<LineAdvice> advice(LocalDate from, int openDays);

	/**
	 * The dispatches the advice for the same days takes into account and the rules it applies (第6章2 ※1), for the
	 * floor manager to check the reasoning beside the schedule.
	 *
	 * @param openDays 1–20
	 */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	DispatchOutlook dispatches(LocalDate from, int openDays);
}
