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
 * 第4章7: subsidy applications to every current subject of the 交通費助成索引簿 (別紙2) not yet sent one for the year;
 * the later rounds (August, October, December) thereby reach only the newly eligible. The subsidy runs from 1 September
 * (第4章1(2)イ: 9月1日時点で新たに対象となった者), so the business year is {@link YearOfBatch#COMING_FROM_JUNE}: June's
 * first mailing and August's are for the year that begins on 1 September, October's and December's for the year
 * running; an application sent for one year does not keep the person from the next year's.
 */
@Component
@Order(70)
class SubsidyApplications implements MailingKind {

	@Override
	public String code() {
		return "SUBSIDY_APPLICATION";
	}

	@Override
	public String label() {
		return "交通費助成申請書";
	}

	@Override
	public String clause() {
		return "第4章7";
	}

	@Override
	public Audience audience() {
		return Audience.INDEX;
	}

	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.COMING_FROM_JUNE;
	}

	@Override
	public List<String> forms() {
		return List.of("subsidy-application");
	}

	@Override
	public List<String> enclosures() {
		return List.of("交通費助成申請書（第2章2）", "交通費助成案内チラシ（第2章3(6)）", "返信用封筒 長6（第2章4(7)）",
				"送付用封筒 長3 窓一つ（第2章4(6)）");
	}

	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		if (h.dispatched(s.addressNumber(), List.of(code()), h.businessYear())) {
			return Optional.of(Exclusion.of(ExclusionReason.ALREADY_ISSUED, "申請書発送済（" + h.businessYear() + "年度）"));
		}
		long other = h.openBatch(s.addressNumber(), List.of(code()), h.businessYear());
		return other == 0 ? Optional.empty()
				: Optional.of(Exclusion.of(ExclusionReason.IN_OTHER_BATCH, "バッチ " + other));
	}

	@Override
	public Map<String, String> fields(MailingSubject subject, int reissueNo) {
		return Fields.address(subject);
	}
}
