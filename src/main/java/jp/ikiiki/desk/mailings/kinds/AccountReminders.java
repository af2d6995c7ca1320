package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 第8章6: the reminder to register an account (口座登録のお願い) for those with points whose account form was faulty or
 * never returned, or whose account the bank returned, sent when the city instructs it: the reminder letter (its
 * address block through the window) with the person's reason and amount, a new 口座登録用紙 (第2章3(5)) and its return
 * envelope (第2章4(5)) in the window envelope of 第2章4(4). Made only by the payments' reminders ({@link Audience#GIVEN}),
 * which give each person's reason and the business year of the points ({@link YearOfBatch#GIVEN}).
 */
@Component
@Order(120)
class AccountReminders implements MailingKind {

	@Override
	public String code() {
		return ACCOUNT_REMINDER;
	}

	@Override
	public String label() {
		return "口座登録のお願い（再通知）";
	}

	@Override
	public String clause() {
		return "第8章6";
	}

	@Override
	public Audience audience() {
		return Audience.GIVEN;
	}

	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.GIVEN;
	}

	@Override
	public List<String> forms() {
		return List.of("account-reminder", "account-form");
	}

	@Override
	public List<String> enclosures() {
		return List.of("口座登録のお願い（再通知）：宛名を窓に合わせて三つ折り", "口座登録用紙（第2章3(5)）", "返信用封筒 長6（第2章4(5)）",
				"送付用封筒 長3 窓一つ（第2章4(4)）");
	}

	/** A person no longer in the points programme's files is not asked for an account. */
	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		if (!s.inProgress()) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "ポイント事業の対象者データなし"));
		}
		return Optional.empty();
	}

	@Override
	public Map<String, String> fields(MailingSubject subject, int reissueNo) {
		return Fields.address(subject);
	}
}
