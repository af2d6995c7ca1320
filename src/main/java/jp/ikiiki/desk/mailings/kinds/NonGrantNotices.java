package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 第4章9: non-grant notices (不交付決定通知書) by ordinary mail, printing the refusal reason (決定事由). Sent with the
 * grant notices, with their year rule ({@link YearOfBatch#COMING_FROM_JUNE}).
 */
@Component
@Order(90)
class NonGrantNotices implements MailingKind {

	@Override
	public String code() {
		return "NON_GRANT_NOTICE";
	}

	@Override
	public String label() {
		return "交通費助成不交付決定通知";
	}

	@Override
	public String clause() {
		return "第4章9";
	}

	@Override
	public Audience audience() {
		return Audience.CITY_LIST;
	}

	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.COMING_FROM_JUNE;
	}

	@Override
	public List<String> forms() {
		return List.of("non-grant-notice");
	}

	@Override
	public List<String> enclosures() {
		return List.of("不交付決定通知書（第2章5(2)）", "送付用封筒 長3 窓一つ（第2章4(9)）");
	}

	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		if (s.decisionReason() == null) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "不交付理由（決定事由）なし"));
		}
		long other = h.openBatch(s.addressNumber(), List.of(code()), h.businessYear());
		return other == 0 ? Optional.empty()
				: Optional.of(Exclusion.of(ExclusionReason.IN_OTHER_BATCH, "バッチ " + other));
	}

	@Override
	public Map<String, String> fields(MailingSubject subject, int reissueNo) {
		var f = Fields.address(subject);
		f.put(PrintFields.REFUSAL_REASON, subject.decisionReason());
		return f;
	}
}
