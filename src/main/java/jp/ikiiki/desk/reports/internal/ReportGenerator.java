package jp.ikiiki.desk.reports.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.ReportKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Computes, renders and stores a new version of a report, queues its e-mail when mail is configured, and audits
 * the generation (as the user, or as {@code system} for the schedule).
 */
@Component
public class ReportGenerator {

	private final ReportBuilder builder;
	private final ReportStore store;
	private final ReportMailer mailer;
	private final AuditTrail audit;
	private final ObjectMapper json;
	private final Clock clock;

	ReportGenerator(ReportBuilder builder, ReportStore store, ReportMailer mailer, AuditTrail audit, ObjectMapper json,
			ObjectProvider<Clock> clock) {
		this.builder = builder;
		this.store = store;
		this.mailer = mailer;
		this.audit = audit;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Stores a new version of a day's report; returns its id. */
	public long daily(LocalDate day, boolean scheduled, String channel) {
		return store(builder.daily(day), scheduled, channel);
	}

	/** Stores a new version of a month's summary; returns its id. */
	public long monthly(YearMonth month, boolean scheduled, String channel) {
		return store(builder.monthly(month), scheduled, channel);
	}

	/** The bytes of a report in a format, rendered now. */
	public byte[] render(Report report, ReportFormat format) {
		return switch (format) {
			case JSON -> json(report).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			case XLSX -> ReportWorkbook.write(ReportLayout.of(report));
			case PDF -> ReportPdf.write(ReportLayout.of(report));
		};
	}

	/**
	 * Renders a report without calls to XLSX and PDF once and throws the files away, so that the first report made
	 * on demand does not wait for POI, PDFBox, the font and JFreeChart to load (many seconds on a busy machine).
	 */
	static void warmUp() {
		LocalDate day = LocalDate.of(2026, 4, 1);
		java.time.Instant at = day.atTime(18, 0).atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toInstant();
		Report.Figures slot = new Report.Figures(day + "T09:00", "9:00", 1, 1, 1.0, 0, 0, 0, 0, 1.0, 1.0, 1.0, false);
		Report empty = new Report(ReportKind.DAILY, day.toString(), day, day, true, "warm-up", false, 1, 1, 1.0, 0.9, true,
				0, 0, 0, 0, 0, 1.0, 1.0, 1.0, 20, List.of(slot), List.of(slot), List.of(slot), List.of(), List.of(), at);
		ReportLayout.Layout layout = ReportLayout.of(empty);
		ReportWorkbook.write(layout);
		ReportPdf.write(layout);
	}

	/** 日報_2026-11-24_v2.pdf; without a version for a report not stored. */
	public static String fileName(ReportKind kind, String period, Integer version, ReportFormat format) {
		return kind.title() + "_" + period + (version == null ? "" : "_v" + version) + "." + format.extension();
	}

	private long store(Report report, boolean scheduled, String channel) {
		ReportLayout.Layout layout = ReportLayout.of(report);
		byte[] xlsx = ReportWorkbook.write(layout);
		byte[] pdf = ReportPdf.write(layout);
		long id = store.insert(new ReportStore.NewReport(report.kind(), report.period(), report.from(), report.to(),
				report.generatedAt(), CurrentUser.name(), scheduled, report.definition(), report.complete(), report.gap(),
				report.received(), report.answered(), report.answerRate(), json(report), xlsx, pdf));
		if (mailer.configured()) {
			store.queueMail(id, mailer.recipients(), clock.instant());
		}
		audit.recordFile(AuditAction.CREATE, channel, report.kind().title() + "_" + report.period(),
				report.kind().title() + " " + report.period() + " を" + (scheduled ? "定時" : "手動") + "で作成（報告書ID "
						+ id + "、受電 " + report.received() + "、応答 " + report.answered()
						+ (report.complete() ? "" : "、途中集計") + (report.gap() ? "、データ欠落あり" : "") + "）");
		return id;
	}

	private String json(Report report) {
		try {
			return json.writeValueAsString(report);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("report cannot be written as JSON", e);
		}
	}

}
