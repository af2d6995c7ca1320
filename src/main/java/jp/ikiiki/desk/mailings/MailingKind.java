package jp.ikiiki.desk.mailings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.subjects.MailingSubject;

/**
 * One kind of mailing (第4章2–9): who it goes to, what is checked, what goes into each envelope and what is printed.
 * Every Spring bean implementing this is a kind the operator can choose; batches store {@link #code()}, so a new
 * kind (group mailings, the reminders of 第8章6) is one more bean and its postage class in
 * {@code ikiiki.mailings.postage}, with no change to the batch, its tables or its screens.
 *
 * <p>Every batch belongs to one business year (事業年度, 1 September–31 August, named by the year it begins in), which
 * the kind decides ({@link #yearOfBatch()}); the checks of already issued, already sent and in another open
 * batch ask within that year ({@link MailingHistory}), so that what a person received for one year never keeps
 * them from the mailing of the next.
 */
public interface MailingKind {

	/** The code of the points notice sent as a postcard on its own (第8章1–3), made by the tally's notice run. */
	String POINTS_NOTICE = "POINTS_NOTICE";

	/** The code of the points notice with the account form in an envelope (第4章6, 第8章4), made by the notice run. */
	String POINTS_NOTICE_WITH_ACCOUNT_FORM = "POINTS_NOTICE_ACCOUNT_FORM";

	/**
	 * The code of the reminder to register an account (第8章6) with a new account form, made by the payments'
	 * reminders when the city instructs them.
	 */
	String ACCOUNT_REMINDER = "ACCOUNT_REMINDER";

	/** Where a kind's recipients come from. */
	enum Audience {
		/** Every subject of the 交通費助成索引簿 (別紙2) the kind accepts as a candidate. */
		INDEX,
		/** Every subject of the 対象者別進捗状況一覧 (別紙3) the kind accepts as a candidate. */
		PROGRESS,
		/** The city's list of 宛名番号 given with the batch (発注者が提供する対象者リスト). */
		CITY_LIST,
		/**
		 * The subjects, with print values of their own, given by the module that makes the batch (the points notice
		 * run of 第8章: each notice prints that person's figures). Such a batch is never made on the new-batch screen.
		 */
		GIVEN,
		/**
		 * Recipients that are not subjects ({@link MailingRecipient}: an activity group's representative, 第5章1–2),
		 * each with its own key, name, postcode, address and print values, given by the module that makes the batch.
		 * Only the checks that make sense for any address apply (a postcode and an address, the key once in the list);
		 * {@link #candidate}, {@link #check} and {@link #fields} are never called, no mailing history of a subject is
		 * read or written, and the envelopes are stored with their key in place of a 宛名番号 and marked as given
		 * ({@code recipient_kind}), so that look-ups by 宛名番号 never see them. Never made on the new-batch screen.
		 */
		GIVEN_ADDRESSES;

		/** True if the batch's recipients are subjects (宛名番号). */
		public boolean subjects() {
			return this != GIVEN_ADDRESSES;
		}
	}

	/**
	 * Which business year a batch of the kind belongs to, from the day it is made (Japan time). The year is kept with
	 * the batch and with every person's mailing history when the batch is dispatched.
	 */
	enum YearOfBatch {
		/** The business year the batch is made in (1 September–31 August). */
		CURRENT,
		/**
		 * A mailing that prepares the coming year: from June on, the year that begins on the next 1 September; from
		 * September to May, the year that began on the last one.
		 */
		COMING_FROM_JUNE,
		/** Given with the batch by the module that makes it ({@link Audience#GIVEN}: the year of the notices). */
		GIVEN
	}

	/** Stable code stored with the batch, upper case (e.g. {@code BOOKLET_REISSUE}). */
	String code();

	/** Japanese name shown to operators. */
	String label();

	/** The contract clause (e.g. 第4章4). */
	String clause();

	Audience audience();

	/** Which business year a batch of the kind belongs to; each kind says why in its Javadoc. */
	YearOfBatch yearOfBatch();

	/** The printing layout ids of the printed items of one envelope, in enclosing order; at least one. */
	List<String> forms();

	/** The enclosure checklist of one envelope, as the contract lists it, the envelope last. */
	List<String> enclosures();

	/** True if sent by 簡易書留: each envelope gets a 引受番号 (第4章1(6)). */
	default boolean registeredMail() {
		return false;
	}

	/**
	 * True if the subject belongs to the kind's population at all (e.g. movers-in only). Non-candidates are not
	 * "left out", just not considered; for {@link Audience#CITY_LIST} every listed subject is a candidate.
	 */
	default boolean candidate(MailingSubject subject) {
		return true;
	}

	/**
	 * The kind's own checks (第4章3, 4: already issued, asked again, not eligible), within the batch's business year
	 * ({@link MailingHistory#businessYear()}). Moved out, deceased, no address, withdrawn requests and list duplicates
	 * are checked by the batch for every kind of subjects; never called for {@link Audience#GIVEN_ADDRESSES}.
	 *
	 * @return why the subject is left out, or empty to mail it
	 */
	Optional<Exclusion> check(MailingSubject subject, MailingHistory history);

	/**
	 * The print fields of the subject's envelope, by the names of {@code printing.PrintFields} and as printed (the
	 * layouts print their templates verbatim: postcode 730-0013, amount 10,000). Every field a form of {@link #forms()}
	 * requires must be there; the batch adds {@code issueDate}, for registered mail {@code registeredMailNumber}, and
	 * for {@link Audience#GIVEN} the values given with the batch for the person.
	 *
	 * @param reissueNo which reissue this is for the person (1 for the first), or 0 if the kind is no reissue
	 */
	Map<String, String> fields(MailingSubject subject, int reissueNo);

	/** True if the kind counts reissues per person (第4章4). */
	default boolean countsReissues() {
		return false;
	}
}
