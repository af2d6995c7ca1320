package jp.ikiiki.desk.subjects.importing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
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

	private final ImportHistoryStore store;
	private final AuditTrail audit;

	SubjectImportHistoryService(ImportHistoryStore store, AuditTrail audit) {
		this.store = store;
		this.audit = audit;
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	public List<SubjectImportSummary> list(int offset, int limit) {
		return store.list(offset, Math.min(limit, 1000));
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	public int count() {
		return store.count();
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	public Optional<SubjectImportSummary> find(long importId) {
		return store.find(importId);
	}

	@Override
	@PreAuthorize("hasRole('OPERATOR')")
	public List<ImportProblem> problems(long importId, int offset, int limit) {
		return store.problems(importId, offset, Math.min(limit, 10_000));
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	public Optional<ImportDownload> report(long importId, String channel) {
		Optional<SubjectImportSummary> summary = store.find(importId);
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

	private List<ImportProblem> allProblems(long importId) {
		// Bounded: an import keeps at most SubjectImportService.PROBLEM_LIMIT problems (+1 notice).
		return store.problems(importId, 0, SubjectImportService.PROBLEM_LIMIT + 1);
	}

	/** CSV in UTF-8 with a BOM, so that Excel opens it with the right encoding. */
	static byte[] csv(List<ImportProblem> problems) {
		var sb = new StringBuilder("\uFEFF行,項目,値,理由,種別\r\n");
		for (ImportProblem p : problems) {
			sb.append(p.row()).append(',');
			cell(sb, p.column()).append(',');
			cell(sb, p.value()).append(',');
			cell(sb, p.reason()).append(',');
			cell(sb, UpdateReport.severityLabel(p.severity())).append("\r\n");
		}
		var out = new ByteArrayOutputStream(sb.length() * 3);
		out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static StringBuilder cell(StringBuilder sb, String value) {
		String v = value == null ? "" : value;
		if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
			return sb.append('"').append(v.replace("\"", "\"\"")).append('"');
		}
		return sb.append(v);
	}
}
