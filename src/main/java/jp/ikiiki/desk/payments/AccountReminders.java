package jp.ikiiki.desk.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reminders to register an account (第8章6: 口座登録用紙に記載された口座情報に不備があつた者や口座登録用紙の提出がない者に対しては、
 * 個別に再度口座登録を促す通知を送付すること。通知時期は、発注者から別途指示する). Per open business year, due is everyone with
 * an amount still to pay for the year (credited points above 0, not fully paid) who was sent the year's 獲得ポイント通知
 * and has no usable account: no form returned at all ({@link Reason#NO_FORM}), the latest form recorded faulty
 * ({@link Reason#FAULTY_FORM}), or the account returned by the bank ({@link Reason#RETURNED}). A form being keyed, or
 * a valid account, is not due. A person reminded for the year is not due again for it until something new goes wrong
 * (a later faulty form or return). Started when the city instructs it, as a mailing batch of the kind
 * {@code ACCOUNT_REMINDER} (the reminder letter and a new 口座登録用紙 with its return envelope); the batch's dispatch
 * date becomes 不備状送付日 (別紙3 col 52) of the year in the progress record.
 */
public interface AccountReminders {

	/** Why a person is asked again. */
	enum Reason {
		/** No 口座登録用紙 returned since the notice. */
		NO_FORM,
		/** The latest form is faulty (不備), with what is wrong. */
		FAULTY_FORM,
		/** The bank returned a transfer to the account (振込不能). */
		RETURNED
	}

	/**
	 * Who is due for a reminder of {@code businessYear} and who is not (already reminded, form being keyed). Audited as
	 * VIEW naming every person listed.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException the year is not open
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	DueList due(int businessYear);

	/**
	 * Starts the reminder of {@code businessYear} the city instructed on {@code instructedOn}: a mailing batch of the
	 * due (selected at once; printed and dispatched on the mailing screens), with each person's reason printed. An
	 * operator's action: the mailings are made by operators (a floor manager reads the list and the history).
	 *
	 * @param instruction how the city instructed it (e.g. 「令和8年7月1日付け文書」); may be blank, at most 200
	 *                    characters, no control characters
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  the year is not open, the date is missing, in the future or
	 *                                                      before the year began, the note is too long, or nobody is due
	 * @throws jp.ikiiki.desk.shared.StateConflictException a reminder of the year is selected and neither dispatched nor
	 *                                                      withdrawn
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Reminder start(int businessYear, LocalDate instructedOn, String instruction);

	/** The latest reminders, newest first, at most {@code limit} (1–200). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<Reminder> reminders(int limit);

	/**
	 * The due list.
	 *
	 * @param due      those the next reminder would ask, in 宛名番号 order
	 * @param notDue   those with points and no usable account who are not asked now, with why
	 * @param byReason how many are due per reason
	 */
	record DueList(int businessYear, List<Due> due, List<NotDue> notDue, Map<Reason, Integer> byReason) {

		public DueList {
			due = List.copyOf(due);
			notDue = List.copyOf(notDue);
			byReason = Map.copyOf(byReason);
		}
	}

	/**
	 * A person due.
	 *
	 * @param detail    what is wrong, as printed (the form's faults, the bank's reason)
	 * @param amountYen still to pay for the year
	 * @param since     the notice's date (NO_FORM), the day the form was found faulty, or the day of the return
	 */
	record Due(String addressNumber, Reason reason, String detail, long amountYen, LocalDate since) {
	}

	/**
	 * Not asked now: ALREADY_REMINDED (with the day it was sent, or null while the batch is not dispatched) or
	 * FORM_IN_KEYING (a form returned and being keyed).
	 */
	record NotDue(String addressNumber, String why, LocalDate remindedOn) {
	}

	/**
	 * A reminder started.
	 *
	 * @param state    SELECTED (batch made), DISPATCHED, CANCELLED (batch withdrawn)
	 * @param reminded envelopes in the batch
	 * @param leftOut  due but left out by the mailing's checks (moved out, deceased, no address …)
	 */
	record Reminder(long id, int businessYear, LocalDate instructedOn, String instruction, long batchId, String state,
			int reminded, int leftOut, String createdBy, LocalDate dispatchedOn) {
	}
}
