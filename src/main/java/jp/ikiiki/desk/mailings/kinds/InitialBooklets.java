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
 * 第4章2: the August first mailing of booklets to every points subject (別紙3) without one for the year. Its business
 * year is {@link YearOfBatch#COMING_FROM_JUNE}: a batch made in August is for the year that begins on 1 September
 * (the booklet the person uses from then); one made in September or later (a late mailing) for the year running.
 */
@Component
@Order(10)
class InitialBooklets extends BookletKind {

	@Override
	public String code() {
		return "BOOKLET_INITIAL";
	}

	@Override
	public String label() {
		return "ポイント手帳（初回送付）";
	}

	@Override
	public String clause() {
		return "第4章2";
	}

	@Override
	public Audience audience() {
		return Audience.PROGRESS;
	}

	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.COMING_FROM_JUNE;
	}

	@Override
	public List<String> forms() {
		return List.of("booklet-cover", "cover-letter");
	}

	@Override
	public List<String> enclosures() {
		return List.of(BOOKLET, "同封通知書・添書（第2章3(1)）", FLYER, CONSUMER_FLYER, RETURN_ENVELOPE,
				"送付用封筒 角6 窓一つ（第2章4(2)）");
	}

	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		return notEligible(s, true).or(() -> alreadyIssued(s, h))
				.or(() -> open(s, h, FIRST_BOOKLET, ExclusionReason.IN_OTHER_BATCH));
	}
}
