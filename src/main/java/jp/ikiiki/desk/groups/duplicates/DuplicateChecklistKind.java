package jp.ikiiki.desk.groups.duplicates;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableKinds;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import jp.ikiiki.desk.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * 重複チェックリスト (第9章1(2), 活動団体, 毎月下旬): the period {@code yyyy-MM} is the month's check, run again from the
 * snapshot so that the file holds every pair found up to now with the decisions made. A month without a likely pair
 * gives a list saying so: the city is told that the check was made.
 */
@Component
class DuplicateChecklistKind implements DeliverableKind {

	private final DuplicateChecks checks;
	private final AuditTrail audit;

	DuplicateChecklistKind(DuplicateChecks checks, AuditTrail audit) {
		this.checks = checks;
		this.audit = audit;
	}

	@Override
	public String code() {
		return DeliverableKinds.GROUP_DUPLICATE_CHECKLIST;
	}

	@Override
	public String label() {
		return "重複チェックリスト";
	}

	@Override
	public String category() {
		return "活動団体";
	}

	@Override
	public String clause() {
		return "第9章1(2), 第5章2";
	}

	@Override
	public DeliverableSchedule schedule() {
		return DeliverableSchedule.LATE_MONTH;
	}

	@Override
	public DeliverableFile generate(String period) {
		YearMonth month;
		try {
			month = YearMonth.parse(period == null ? "" : period);
		} catch (DateTimeParseException e) {
			throw new NotFoundException("指定の期間はありません。");
		}
		checks.run(month);
		List<DuplicateChecks.Pair> pairs = checks.list(month);
		audit.record(AuditAction.EXPORT, "提出物:重複チェックリスト", List.of(),
				"重複チェックリスト " + month + " pairs=" + pairs.size());
		return new DeliverableFile(DuplicateChecklist.fileName(month), DeliverableFile.XLSX,
				DuplicateChecklist.write(month, pairs));
	}
}
