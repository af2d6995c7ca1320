package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.MailingSubject;

/**
 * The points-booklet mailings (第4章2–5). A booklet counts as issued for the batch's business year once a first-booklet
 * batch of that year was dispatched to the person, or the city's 手帳作成日 (別紙3 col 49) lies in that year (1
 * September–31 August). 別紙3 holds one 手帳作成日 per person without its year, so the date decides: a booklet made in
 * June for the year then running does not count for the year that begins on 1 September (an initial booklet this
 * system made in August for the coming year is in the mailing history with its year).
 */
abstract class BookletKind implements MailingKind {

	/** The kinds that hand a person their (first) booklet. */
	static final List<String> FIRST_BOOKLET = List.of("BOOKLET_INITIAL", "BOOKLET_MOVERS_IN", "BOOKLET_REQUEST");

	static final String BOOKLET = "ポイント手帳（第2章1）";
	static final String FLYER = "事業案内チラシ（発注者提供）";
	static final String CONSUMER_FLYER = "消費生活センター広報チラシ（発注者提供）";
	static final String RETURN_ENVELOPE = "返信用封筒 角6（第2章4(3)）";

	@Override
	public Audience audience() {
		return Audience.CITY_LIST;
	}

	/** 第4章2: the 事業対象外, 不交付申出 and 交付停止 flags of 別紙3. */
	static Optional<Exclusion> notEligible(MailingSubject s, boolean notIssuedCounts) {
		if (!s.inProgress()) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "ポイント事業の対象者データなし"));
		}
		if (s.pointsExcluded()) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "ポイント助成対象外"));
		}
		if (s.stopped()) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "ポイント手帳交付停止・緊急停止"));
		}
		if (notIssuedCounts && s.notIssued()) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "ポイント手帳不交付申出"));
		}
		return Optional.empty();
	}

	/** Issued for the batch's business year: 手帳作成日 in that year, or a first booklet of that year dispatched. */
	static Optional<Exclusion> alreadyIssued(MailingSubject s, MailingHistory h) {
		if (s.bookletCreatedOn() != null && h.inBusinessYear(s.bookletCreatedOn())) {
			return Optional.of(Exclusion.of(ExclusionReason.ALREADY_ISSUED, "手帳作成日 " + JapaneseDates.toEraKanji(s.bookletCreatedOn())));
		}
		if (h.dispatched(s.addressNumber(), FIRST_BOOKLET, h.businessYear())) {
			return Optional.of(Exclusion.of(ExclusionReason.ALREADY_ISSUED, "ポイント手帳発送済（" + h.businessYear() + "年度）"));
		}
		return Optional.empty();
	}

	/** In another open batch of these kinds for the batch's business year. */
	static Optional<Exclusion> open(MailingSubject s, MailingHistory h, List<String> kinds, ExclusionReason reason) {
		long other = h.openBatch(s.addressNumber(), kinds, h.businessYear());
		return other == 0 ? Optional.empty() : Optional.of(Exclusion.of(reason, "バッチ " + other));
	}

	@Override
	public Map<String, String> fields(MailingSubject subject, int reissueNo) {
		var f = Fields.address(subject);
		f.put(PrintFields.MARK, mark());
		return f;
	}

	/**
	 * {@link PrintFields#MARK_REISSUE} or {@link PrintFields#MARK_ADDITIONAL} on the cover, or empty for a first issue
	 * (the cover's layout has the mark as an optional field and prints nothing for it).
	 */
	String mark() {
		return "";
	}
}
