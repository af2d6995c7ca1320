package jp.ikiiki.desk.notices.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableKinds;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import jp.ikiiki.desk.notices.Half;
import jp.ikiiki.desk.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 獲得ポイント通知一覧 (第9章1(2), 第7章(3)), 毎月2回: the period {@code yyyy-MM-M} (中旬) or {@code yyyy-MM-L} (下旬) is
 * the notice runs of that month and half (every business year, finished runs only). One run: its list as stored, the
 * XLSX the run wrote. Several runs (one per year in the same half): one zip holding each run's XLSX under its own name.
 * No finished run in the half: nothing to deliver yet.
 */
@Component
class NoticeListKind implements DeliverableKind {

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	NoticeListKind(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public String code() {
		return DeliverableKinds.POINT_NOTICE_LIST;
	}

	@Override
	public String label() {
		return "獲得ポイント通知一覧";
	}

	@Override
	public String category() {
		return "ポイント事業対象者";
	}

	@Override
	public String clause() {
		return "第9章1(2), 第7章(3)";
	}

	@Override
	public DeliverableSchedule schedule() {
		return DeliverableSchedule.TWICE_MONTHLY;
	}

	private record Stored(long id, int year, byte[] xlsx) {
	}

	@Override
	public DeliverableFile generate(String period) {
		if (period == null || !period.matches("\\d{4}-\\d{2}-[ML]")) {
			throw new NotFoundException("指定の期間はありません。");
		}
		String month = period.substring(0, 7);
		Half half = period.endsWith("M") ? Half.MID : Half.LATE;
		List<Stored> runs = jdbc.sql("""
				select id, business_year, list_xlsx from notice_run
				where run_month = :m and half = :h and status = 'DONE' and list_xlsx is not null order by business_year, id""")
				.param("m", month).param("h", half.name())
				.query((rs, n) -> new Stored(rs.getLong(1), rs.getInt(2), rs.getBytes(3))).list();
		if (runs.isEmpty()) {
			throw new NotFoundException("この期間の通知作成（" + month + " " + (half == Half.MID ? "中旬" : "下旬")
					+ "）はまだありません。");
		}
		List<String> subjects = jdbc.sql("select distinct subject_id from notice_booklet where run_id in (:ids) order by 1")
				.param("ids", runs.stream().map(Stored::id).toList()).query(String.class).list();
		audit.record(AuditAction.EXPORT, "提出物:獲得ポイント通知一覧", subjects,
				"獲得ポイント通知一覧 " + period + " runs=" + runs.stream().map(Stored::id).toList());
		if (runs.size() == 1) {
			return new DeliverableFile(NoticeRunService.fileName(runs.get(0).id()), DeliverableFile.XLSX,
					runs.get(0).xlsx());
		}
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
			for (Stored s : runs) {
				zip.putNextEntry(new ZipEntry(s.year() + "年度_" + NoticeRunService.fileName(s.id())));
				zip.write(s.xlsx());
				zip.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new DeliverableFile("獲得ポイント通知一覧_" + period + ".zip", "application/zip", bytes.toByteArray());
	}
}
