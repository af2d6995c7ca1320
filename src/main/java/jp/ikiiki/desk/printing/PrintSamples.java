package jp.ikiiki.desk.printing;

import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * One sample page of a form for one subject, filled from the subject's data, for the test print the city agrees to
 * (第3章: 1度テスト印字を行い). Audited as PRINT (the look-up itself as VIEW).
 */
public interface PrintSamples {

	/**
	 * Values a form needs that the subject's data does not hold yet, given by the caller (request parameters of the
	 * API): {@link PrintFields#REGISTERED_MAIL_NUMBER}, {@link PrintFields#TICKET_TYPE}, {@link PrintFields#AMOUNT},
	 * {@link PrintFields#REFUSAL_REASON}, {@link PrintFields#MARK}, {@link PrintFields#GROUP_NAME},
	 * {@link PrintFields#STAMP_NUMBER}, {@link PrintFields#ISSUE_DATE}. A value given replaces the subject's.
	 */
	List<String> CALLER_FIELDS = List.of(PrintFields.REGISTERED_MAIL_NUMBER, PrintFields.TICKET_TYPE, PrintFields.AMOUNT,
			PrintFields.REFUSAL_REASON, PrintFields.MARK, PrintFields.GROUP_NAME, PrintFields.STAMP_NUMBER,
			PrintFields.ISSUE_DATE);

	/**
	 * The PDF of one page.
	 *
	 * @param form          the layout id
	 * @param addressNumber the subject's 宛名番号
	 * @param given         values from {@link #CALLER_FIELDS}; others are refused
	 * @param channel       e.g. {@code API:見本印刷}
	 * @throws jp.ikiiki.desk.shared.NotFoundException     for an unknown form or subject (message says which)
	 * @throws UndecidedCharactersException                 if a field has characters without the city's decision
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the form needs a value neither the subject nor the
	 *                                                      caller gives, or a given value is not valid (naming the
	 *                                                      parameter)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	byte[] sample(String form, String addressNumber, Map<String, String> given, String channel);

	/**
	 * The item a form prints for one subject: the subject's fields (as for {@link #sample}) and the given ones. For
	 * the operator's list of undecided characters over a selection of people. The look-up is audited as VIEW.
	 *
	 * @return empty if there is no subject with this 宛名番号
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if a given value is not one of {@link #CALLER_FIELDS} or
	 *                                                      not valid
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	java.util.Optional<PrintItem> item(String addressNumber, Map<String, String> given, String channel);

	/**
	 * A page cannot be printed before the city decides on some characters (第3章1): HTTP 409 with the fields awaiting
	 * a decision in the problem's {@code undecided} property.
	 */
	class UndecidedCharactersException extends StateConflictException {

		private final transient List<UnprintableText> undecided;

		public UndecidedCharactersException(List<UnprintableText> undecided) {
			super("外字判断が済んでいない文字があります（" + undecided.size() + "項目）。外字判断の画面で市の判断を記録してください");
			this.undecided = List.copyOf(undecided);
			with("undecided", this.undecided);
		}

		/** The fields awaiting a decision. */
		public List<UnprintableText> undecided() {
			return undecided;
		}
	}
}
