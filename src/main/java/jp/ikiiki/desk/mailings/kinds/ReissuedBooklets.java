package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 第4章4: reissued booklets, marked 「再発行」, from the city's list; checked for 事業対象外 and for a second 再交付願
 * before the first was delivered. The reissue count per person is kept (再交付した回数は個別にシステムで管理), over every
 * year. Its business year is {@link YearOfBatch#CURRENT}: the booklet replaced is the one of the year running.
 */
@Component
@Order(40)
class ReissuedBooklets extends BookletKind {

	@Override
	public String code() {
		return "BOOKLET_REISSUE";
	}

	@Override
	public String label() {
		return "ポイント手帳（再交付）";
	}

	@Override
	public String clause() {
		return "第4章4";
	}

	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.CURRENT;
	}

	@Override
	public List<String> forms() {
		return List.of("booklet-cover", "booklet-issue-notice");
	}

	@Override
	public List<String> enclosures() {
		return List.of(BOOKLET, "ポイント手帳交付通知書（第2章5(1)）", FLYER, CONSUMER_FLYER, RETURN_ENVELOPE,
				"送付用封筒（発注者提供）");
	}

	@Override
	public boolean countsReissues() {
		return true;
	}

	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		return notEligible(s, false).or(() -> open(s, h, List.of(code()), ExclusionReason.ASKED_AGAIN));
	}

	@Override
	String mark() {
		return PrintFields.MARK_REISSUE;
	}
}
