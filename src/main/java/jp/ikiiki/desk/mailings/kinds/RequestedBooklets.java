package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 第4章3: booklets for those who asked (交付申出), from the city's list, checked for already issued and for asking
 * again before delivery. A 不交付申出 does not exclude: the list includes those who withdrew it (※). Its business year
 * is {@link YearOfBatch#CURRENT}: a person who asks in June gets a booklet for the year then running (to 31 August),
 * which does not keep them from August's first mailing of the next year.
 */
@Component
@Order(30)
class RequestedBooklets extends BookletKind {

	@Override
	public String code() {
		return "BOOKLET_REQUEST";
	}

	@Override
	public String label() {
		return "ポイント手帳（交付申出者）";
	}

	@Override
	public String clause() {
		return "第4章3";
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
				"送付用封筒 角6 窓一つ（第2章4(2)）");
	}

	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		return notEligible(s, false).or(() -> alreadyIssued(s, h))
				.or(() -> open(s, h, List.of(code()), ExclusionReason.ASKED_AGAIN))
				.or(() -> open(s, h, FIRST_BOOKLET, ExclusionReason.IN_OTHER_BATCH));
	}
}
