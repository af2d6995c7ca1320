package jp.ikiiki.desk.reports.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.reports.ReportDates;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.StoredReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mails stored reports (XLSX and PDF attached) to {@code ikiiki.reports.mail.to}, when Spring Boot has a mail
 * sender ({@code spring.mail.host} set). Sends what is due in {@code report_mail}; a failure is recorded with its
 * reason and retried after {@code retry-interval} until {@code max-attempts}, then shown as given up.
 */
@Component
public class ReportMailer {

	private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final ReportStore store;
	private final ReportsProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	ReportMailer(ObjectProvider<JavaMailSender> sender, ReportStore store, ReportsProperties properties,
			AuditTrail audit, ObjectProvider<Clock> clock) {
		this.sender = sender;
		this.store = store;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** SMTP configured and at least one address. */
	public boolean configured() {
		return sender.getIfAvailable() != null && !properties.mail().to().isEmpty();
	}

	String recipients() {
		return String.join(",", properties.mail().to());
	}

	/** Sends every mail due by {@code now}; returns how many were sent. One at a time (the scheduler's thread). */
	public synchronized int sendDue(Instant now) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		int sent = 0;
		for (long id : store.dueMails(now)) {
			try {
				send(mail, id);
				store.mailSent(id, clock.instant());
				audit.recordFile(AuditAction.SEND, "メール:報告書", "report-" + id,
						"報告書ID " + id + " を市の宛先へ送信");
				sent++;
			} catch (Exception e) {
				Throwable root = e;
				while (root.getCause() != null && root.getCause() != root) {
					root = root.getCause();
				}
				String reason = e.getClass().getSimpleName() + ": " + e.getMessage()
						+ (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
				int attempts = store.mailFailed(id, reason, now.plus(properties.mail().retryInterval()),
						properties.mail().maxAttempts());
				// The reason goes to report_mail (shown in the inbox), not to the log: it may name the addresses.
				log.warn("Report {} could not be mailed (attempt {} of {}): {} / {}", id, attempts,
						properties.mail().maxAttempts(), e.getClass().getSimpleName(), root.getClass().getSimpleName());
			}
		}
		return sent;
	}

	private void send(JavaMailSender mail, long id) throws Exception {
		StoredReport report = store.find(id, CurrentUser.SYSTEM).orElseThrow();
		ReportStore.StoredFile xlsx = store.file(id, ReportFormat.XLSX).orElseThrow();
		ReportStore.StoredFile pdf = store.file(id, ReportFormat.PDF).orElseThrow();
		MimeMessage message = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(properties.mail().from());
		helper.setTo(store.recipients(id).orElseThrow().split(","));
		String period = report.periodLabel();
		helper.setSubject("【いきいきデスク】コールセンター" + report.kind().title() + " " + period
				+ (report.version() > 1 ? "（第" + report.version() + "版）" : "") + (report.complete() ? "" : "（途中集計）"));
		String rate = report.answerRate() == null ? "—" : ReportLayout.percent(report.answerRate());
		helper.setText("コールセンター" + report.kind().title() + "（" + period + "）をお送りします。\n\n"
				+ "受電数 " + report.received() + " 件、応答数 " + report.answered() + " 件、応答率 " + rate
				+ "（定義: " + report.definition() + "）\n"
				+ (report.complete() ? "" : "\n【途中集計】期間の途中（" + ReportDates.dateTime(report.generatedAt())
						+ " 時点）で作成した報告書です。\n")
				+ (report.gap() ? "\n" + ReportLayout.GAP_WARNING + "\n" : "")
				+ "\n詳細は添付の XLSX・PDF、またはいきいきデスクの報告書受信箱をご覧ください。\n");
		helper.addAttachment(ReportGenerator.fileName(report.kind(), report.period(), report.version(),
				ReportFormat.PDF), new ByteArrayResource(pdf.content()), ReportFormat.PDF.contentType());
		helper.addAttachment(ReportGenerator.fileName(report.kind(), report.period(), report.version(),
				ReportFormat.XLSX), new ByteArrayResource(xlsx.content()), ReportFormat.XLSX.contentType());
		mail.send(message);
	}
}
