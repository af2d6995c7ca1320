package jp.ikiiki.desk.subjects.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.shared.CsvCells;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.ImportDownload;
import jp.ikiiki.desk.subjects.SubjectListFiles;
import jp.ikiiki.desk.subjects.SubjectSummary;
import jp.ikiiki.desk.subjects.importing.ReportWorkbook;
import org.springframework.stereotype.Service;

@Service
class SubjectListService implements SubjectListFiles {

	private static final String[] HEADERS = {"宛名番号", "申請書管理番号", "氏名カナ", "氏名", "生年月日", "生年月日（和暦）", "区", "住所", "状態"};

	private final AuditTrail audit;

	SubjectListService(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public ImportDownload searchResults(List<SubjectSummary> rows, boolean xlsx, String channel) {
		if (rows.size() > MAX_ROWS) {
			throw new InvalidInputException("一度に出力できるのは " + MAX_ROWS + "件までです");
		}
		String name = "対象者検索結果." + (xlsx ? "xlsx" : "csv");
		audit.record(AuditAction.EXPORT, channel, rows.stream().map(SubjectSummary::addressNumber).toList(),
				"検索結果の出力 " + name + " " + rows.size() + "件");
		return new ImportDownload(name, xlsx ? ImportDownload.XLSX : ImportDownload.CSV, xlsx ? xlsx(rows) : csv(rows));
	}

	private static Object[] row(SubjectSummary s) {
		return new Object[] {s.addressNumber(), s.managementNumber(), s.nameKana(), s.nameKanji(),
				s.birthDate() == null ? "" : JapaneseDates.toWestern(s.birthDate()),
				s.birthDate() == null ? "" : JapaneseDates.toEraKanji(s.birthDate()), s.wardName(), s.address(),
				s.ended() ? "終了" : "現行"};
	}

	static byte[] csv(List<SubjectSummary> rows) {
		var sb = new StringBuilder("\uFEFF").append(CsvCells.line((Object[]) HEADERS)).append("\r\n");
		rows.forEach(s -> sb.append(CsvCells.line(row(s))).append("\r\n"));
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(List<SubjectSummary> rows) {
		try (var book = new ReportWorkbook()) {
			var table = book.table("対象者", 14, 16, 22, 16, 12, 16, 10, 48, 6).header(HEADERS);
			rows.forEach(s -> table.row(row(s)));
			var out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}
}
