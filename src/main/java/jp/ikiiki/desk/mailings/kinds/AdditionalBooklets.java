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
 * 第4章5: an additional booklet (追加交付), marked 「追加分」, with a return envelope only. Its business year is
 * {@link YearOfBatch#CURRENT}: a second booklet for the year running (the tally counts it with the first).
 */
@Component
@Order(50)
class AdditionalBooklets extends BookletKind {

	@Override
	public String code() {
		return "BOOKLET_ADDITIONAL";
	}

	@Override
	public String label() {
		return "ポイント手帳（追加交付）";
	}

	@Override
	public String clause() {
		return "第4章5";
	}

	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.CURRENT;
	}

	@Override
	public List<String> forms() {
		return List.of("booklet-cover");
	}

	@Override
	public List<String> enclosures() {
		return List.of(BOOKLET, RETURN_ENVELOPE, "送付用封筒（発注者提供）");
	}

	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		return notEligible(s, false).or(() -> open(s, h, List.of(code()), ExclusionReason.ASKED_AGAIN));
	}

	@Override
	String mark() {
		return PrintFields.MARK_ADDITIONAL;
	}
}
