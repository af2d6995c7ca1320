package jp.ikiiki.desk.subjects.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CsvCells;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.subjects.ImportDownload;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class SubjectImportHistoryService implements SubjectImportHistory {

	/** Imports in a history file; the history grows by a few dozen a month. */
	static final int HISTORY_FILE_LIMIT = 10_000;

	private final ImportHistoryStore store;
	private final AuditTrail audit;

	SubjectImportHistoryService(ImportHistoryStore store, AuditTrail audit) {
		this.store = store;
		this.audit = audit;
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	public List<SubjectImportSummary> list(int offset, int limit, Order order, boolean descending) {
		return store.list(offset, Math.min(limit, 1000), order == null ? Order.NEWEST_FIRST : order, descending);
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	public int count() {
		return store.count();
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF', 'FLOOR_MANAGER')")
	public Optional<SubjectImportSummary> find(long importId) {
		return store.find(importId).filter(SubjectImportHistoryService::visible);
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	public List<SubjectImportSummary> pending() {
		return store.pending();
	}

	@Override
	@PreAuthorize("hasRole('OPERATOR')")
	public List<ImportProblem> problems(long importId, int offset, int limit) {
		return store.problems(importId, offset, Math.min(limit, 10_000));
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF', 'FLOOR_MANAGER')")
	public Optional<ImportDownload> report(long importId, String channel) {
		Optional<SubjectImportSummary> summary = find(importId);
		Optional<byte[]> bytes = summary.flatMap(s -> store.report(importId));
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		SubjectImportSummary s = summary.get();
		String name = UpdateReport.fileName(importId, s.kind(), s.startedAt());
		audit.recordFile(AuditAction.DOWNLOAD, channel, name, "システム更新結果報告書 取込ID=" + importId + " 元ファイル=" + s.fileName());
		return Optional.of(new ImportDownload(name, ImportDownload.XLSX, bytes.get()));
	}

	@Override
	@PreAuthorize("hasRole('OPERATOR')")
	public Optional<ImportDownload> problemsCsv(long importId, String channel) {
		return store.find(importId).map(s -> {
			String name = "取込不備一覧_" + importId + ".csv";
			audit.recordFile(AuditAction.DOWNLOAD, channel, name, "取込不備一覧(CSV) 取込ID=" + importId);
			return new ImportDownload(name, ImportDownload.CSV, csv(allProblems(importId)));
		});
	}

	@Override
	@PreAuthorize("hasRole('OPERATOR')")
	public Optional<ImportDownload> problemsXlsx(long importId, String channel) {
		return store.find(importId).map(s -> {
			String name = "取込不備一覧_" + importId + ".xlsx";
			audit.recordFile(AuditAction.DOWNLOAD, channel, name, "取込不備一覧(XLSX) 取込ID=" + importId);
			return new ImportDownload(name, ImportDownload.XLSX, UpdateReport.problemsXlsx(allProblems(importId)));
		});
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	public ImportDownload historyFile(boolean xlsx, String channel) {
		List<SubjectImportSummary> imports = store.list(0, HISTORY_FILE_LIMIT, Order.NEWEST_FIRST, false);
		String name = "取込履歴." + (xlsx ? "xlsx" : "csv");
		audit.recordFile(AuditAction.EXPORT, channel, name, "取込履歴 " + imports.size() + "件");
		return xlsx ? new ImportDownload(name, ImportDownload.XLSX, UpdateReport.historyXlsx(imports))
				: new ImportDownload(name, ImportDownload.CSV, historyCsv(imports));
	}

	/** A floor manager who is neither operator nor city staff sees held imports (and those they confirmed) only. */
	private static boolean visible(SubjectImportSummary s) {
		if (CurrentUser.hasRole(Roles.OPERATOR) || CurrentUser.hasRole(Roles.CITY_STAFF)) {
			return true;
		}
		return s.status() == SubjectImportSummary.State.HELD || s.confirmedBy() != null;
	}

	private List<ImportProblem> allProblems(long importId) {
		// Bounded: an import keeps at most ImportRun.PROBLEM_LIMIT problems (+1 notice).
		return store.problems(importId, 0, ImportRun.PROBLEM_LIMIT + 1);
	}

	/** CSV in UTF-8 with a BOM, so that Excel opens it with the right encoding; every cell neutralised. */
	static byte[] csv(List<ImportProblem> problems) {
		var sb = new StringBuilder("\uFEFF").append(CsvCells.line("行", "項目", "値", "理由", "種別")).append("\r\n");
		for (ImportProblem p : problems) {
			sb.append(CsvCells.line(p.row(), p.column(), p.value(), p.reason(), UpdateReport.severityLabel(p.severity())))
					.append("\r\n");
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] historyCsv(List<SubjectImportSummary> imports) {
		var sb = new StringBuilder("\uFEFF").append(CsvCells.line((Object[]) UpdateReport.HISTORY_HEADERS)).append("\r\n");
		for (SubjectImportSummary s : imports) {
			sb.append(CsvCells.line(UpdateReport.historyRow(s))).append("\r\n");
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}
}
