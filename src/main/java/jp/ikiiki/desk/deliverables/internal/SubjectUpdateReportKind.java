package jp.ikiiki.desk.deliverables.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableKinds;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import org.springframework.stereotype.Component;

/**
 * システム更新結果報告書 for the subject files (第9章1(2), 随時): one period per applied import, its file the report the
 * import stored (added / changed / ended / rejected with reasons). Dry runs, blocked and held files changed nothing
 * and owe no report.
 */
@Component
class SubjectUpdateReportKind implements DeliverableKind {

	private static final String PREFIX = "import-";
	private static final int PAGE = 200;

	private final SubjectImportHistory history;

	SubjectUpdateReportKind(SubjectImportHistory history) {
		this.history = history;
	}

	@Override
	public String code() {
		return DeliverableKinds.SUBJECT_UPDATE_REPORT;
	}

	@Override
	public String label() {
		return "システム更新結果報告書";
	}

	@Override
	public String category() {
		return ContractLines.SUBJECTS;
	}

	@Override
	public String clause() {
		return "第9章1(2)";
	}

	@Override
	public DeliverableSchedule schedule() {
		return DeliverableSchedule.AS_NEEDED;
	}

	@Override
	public List<Occurrence> occurrences(YearMonth month) {
		List<Occurrence> found = new ArrayList<>();
		Instant start = month.atDay(1).atStartOfDay(JapanTime.ZONE).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(JapanTime.ZONE).toInstant();
		for (int offset = 0;; offset += PAGE) {
			List<SubjectImportSummary> page = history.list(offset, PAGE);
			for (SubjectImportSummary s : page) {
				Instant at = s.finishedAt();
				if (s.status() == SubjectImportSummary.State.APPLIED && s.hasReport() && at != null
						&& !at.isBefore(start) && at.isBefore(end)) {
					found.add(new Occurrence(PREFIX + s.id(), "取込 #" + s.id() + " " + s.kind().title(),
							LocalDate.ofInstant(at, JapanTime.ZONE)));
				}
			}
			// Newest first: once a page reaches imports started before the month, nothing older can have ended in it.
			if (page.size() < PAGE || page.get(page.size() - 1).startedAt().isBefore(start.minusSeconds(86_400 * 31L))) {
				break;
			}
		}
		return found;
	}

	@Override
	public DeliverableFile generate(String period) {
		long id = parse(period);
		return history.report(id, "提出物:システム更新結果報告書")
				.map(r -> new DeliverableFile(r.fileName(), r.contentType(), r.content()))
				.orElseThrow(() -> new NotFoundException("この取込のシステム更新結果報告書はありません。"));
	}

	private static long parse(String period) {
		try {
			return Long.parseLong(period.substring(PREFIX.length()));
		} catch (RuntimeException e) {
			throw new NotFoundException("指定の期間はありません。");
		}
	}
}
