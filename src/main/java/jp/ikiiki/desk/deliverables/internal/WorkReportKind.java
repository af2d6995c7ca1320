package jp.ikiiki.desk.deliverables.internal;

import java.time.YearMonth;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableKinds;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import jp.ikiiki.desk.deliverables.WorkReports;
import org.springframework.stereotype.Component;

/** 作業報告書 (第1章5(1)) as a deliverable: the previous month's report as PDF, due by the 10th. */
@Component
class WorkReportKind implements DeliverableKind {

	private final WorkReports reports;

	WorkReportKind(WorkReports reports) {
		this.reports = reports;
	}

	@Override
	public String code() {
		return DeliverableKinds.WORK_REPORT;
	}

	@Override
	public String label() {
		return "作業報告書";
	}

	@Override
	public String category() {
		return ContractLines.WORK;
	}

	@Override
	public String clause() {
		return "第1章5(1)";
	}

	@Override
	public DeliverableSchedule schedule() {
		return DeliverableSchedule.EARLY_MONTH;
	}

	@Override
	public DeliverableFile generate(String period) {
		return reports.file(YearMonth.parse(period), "pdf", "提出物:作業報告書");
	}
}
