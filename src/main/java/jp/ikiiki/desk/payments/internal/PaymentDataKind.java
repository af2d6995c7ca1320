package jp.ikiiki.desk.payments.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableKinds;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 支払データ及び伝送用データ (第9章1(2)): one period per payment run delivered (key {@code run-<id>}, the day of its
 * delivery), its file one zip of the three files the run stored — 支払データ (XLSX and CSV) and the 全銀 総合振込 file —
 * byte for byte as the run made them. A run not delivered (draft or cancelled) owes nothing. The contract's table
 * says 毎月中旬; the runs are monthly (第7章1(5)), so each month's run is that month's delivery.
 */
@Component
class PaymentDataKind implements DeliverableKind {

	private static final String PREFIX = "run-";

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	PaymentDataKind(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public String code() {
		return DeliverableKinds.PAYMENT_DATA;
	}

	@Override
	public String label() {
		return "支払データ及び伝送用データ";
	}

	@Override
	public String category() {
		return "ポイント事業対象者";
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
		OffsetDateTime from = month.atDay(1).atStartOfDay(JapanTime.ZONE).toOffsetDateTime();
		OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(JapanTime.ZONE).toOffsetDateTime();
		return jdbc.sql("""
				select id, business_year, transfer_date, delivered_at from payment_run
				where state = 'DELIVERED' and delivered_at >= :from and delivered_at < :to order by delivered_at, id""")
				.param("from", from).param("to", to)
				.query((rs, n) -> new Occurrence(PREFIX + rs.getLong(1),
						"支払処理 #" + rs.getLong(1) + " " + rs.getInt(2) + "年度 振込指定日 "
								+ rs.getObject(3, LocalDate.class),
						rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(JapanTime.ZONE).toLocalDate()))
				.list();
	}

	private record Stored(String kind, String fileName, byte[] content) {
	}

	@Override
	public DeliverableFile generate(String period) {
		long runId = parse(period);
		String state = jdbc.sql("select state from payment_run where id = :r").param("r", runId).query(String.class)
				.optional().orElseThrow(() -> new NotFoundException("支払処理 " + runId + " はありません"));
		if (!state.equals("DELIVERED")) {
			throw new NotFoundException("支払処理 " + runId + " は送付済ではありません");
		}
		List<Stored> files = jdbc.sql("""
				select kind, file_name, content from payment_run_file where run_id = :r
				order by case kind when 'DATA_XLSX' then 1 when 'DATA_CSV' then 2 else 3 end""").param("r", runId)
				.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
		if (files.isEmpty()) {
			throw new NotFoundException("支払処理 " + runId + " のファイルはありません");
		}
		List<String> subjects = jdbc.sql("select address_number from payment where run_id = :r order by 1")
				.param("r", runId).query(String.class).list();
		audit.record(AuditAction.EXPORT, "提出物:支払データ", subjects, "支払処理 " + runId + " 支払データ及び伝送用データ");
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (Stored f : files) {
				zip.putNextEntry(new ZipEntry(f.fileName()));
				zip.write(f.content());
				zip.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new DeliverableFile("支払データ及び伝送用データ_" + runId + ".zip", "application/zip", bytes.toByteArray());
	}

	private static long parse(String period) {
		try {
			return Long.parseLong(period.substring(PREFIX.length()));
		} catch (RuntimeException e) {
			throw new NotFoundException("指定の期間はありません。");
		}
	}
}
