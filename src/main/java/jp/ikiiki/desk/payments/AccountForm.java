package jp.ikiiki.desk.payments;

import java.time.LocalDate;
import java.util.List;

/**
 * A 口座登録用紙 as received.
 *
 * @param id               the form
 * @param addressNumber    宛名番号
 * @param managementNumber 申請書管理番号 of the subject when received; null if none
 * @param receivedOn       口座受付日 (別紙3 col 51)
 * @param state            where it is
 * @param faultyReasons    what is wrong (FAULTY only; empty otherwise)
 * @param faultyOn         the day it was recorded faulty, or null
 * @param imagePages       pages of the scanned form kept (0: no scan yet)
 */
public record AccountForm(long id, String addressNumber, String managementNumber, LocalDate receivedOn,
		AccountFormState state, List<String> faultyReasons, LocalDate faultyOn, int imagePages) {
}
