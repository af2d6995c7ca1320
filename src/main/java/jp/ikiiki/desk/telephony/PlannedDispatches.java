package jp.ikiiki.desk.telephony;

import java.time.LocalDate;
import java.util.List;

/**
 * The mailings that make people call (第6章2 ※1: 送付物の送付後には問合せが急増する): the dispatches made and those the
 * schedule still plans, with their sizes. Implemented outside telephony by the module that keeps the mailing
 * schedule; line advice raises its forecast after each one when a bean of this type exists, and uses none otherwise.
 * Called by the advice as the signed-in floor manager or city staff; the result holds no personal data.
 */
public interface PlannedDispatches {

	/**
	 * Every dispatch made, and every dispatch planned and not yet made, whose day ({@link Dispatch#on()}) lies from
	 * {@code from} to {@code to} (both inclusive), in date order.
	 */
	List<Dispatch> between(LocalDate from, LocalDate to);

	/**
	 * One dispatch.
	 *
	 * @param on         the day the pieces go to the post office: the 発送日 of a dispatch made; for a planned one its
	 *                   due date, or today for one past its due date and not yet made (Japan time)
	 * @param due        the day the schedule wants it by; null for a dispatch made without a plan
	 * @param kind       what goes out, as a group whose callers behave alike (e.g. {@code BOOKLET},
	 *                   {@code APPLICATION}, {@code DECISION}, {@code NOTICE}); the surge after past dispatches is
	 *                   measured per kind
	 * @param label      what goes out, in Japanese (「ポイント手帳（初回送付）」)
	 * @param pieces     envelopes sent, or for a planned dispatch those selected for it, or an estimate (≥ 0; 0 when
	 *                   nothing is known)
	 * @param dispatched true for a dispatch made, false for one planned
	 * @param estimated  true when {@code pieces} is an estimate (no batch selected yet)
	 * @param overdue    true for a planned dispatch past its due date
	 */
	record Dispatch(LocalDate on, LocalDate due, String kind, String label, int pieces, boolean dispatched,
			boolean estimated, boolean overdue) {
	}
}
