package jp.ikiiki.desk.reports.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.platform.cluster.Leadership;
import jp.ikiiki.desk.platform.web.SafeThrowables;
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
 * <p>
 * At most once: before a message goes to the SMTP server its row is SENDING (committed) with this node, the time and
 * the Message-ID the message carries, and SENT once the server accepted it. A node that dies in between leaves the
 * row SENDING; whoever sends next finds it older than {@code sending-timeout} and marks it UNCERTAIN (送信不明)
 * instead of sending it again — the city may have it already. The inbox and the work list show it, and a floor
 * manager resends it deliberately after checking with the city ({@link #resend}).
 */
@Component
public class ReportMailer {

	private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final ReportStore store;
	private final ReportsProperties properties;
	private final AuditTrail audit;
	private final Clock clock;
	private final Leadership leadership;

	ReportMailer(ObjectProvider<JavaMailSender> sender, ReportStore store, ReportsProperties properties,
			AuditTrail audit, ObjectProvider<Clock> clock, Leadership leadership) {
		this.leadership = leadership;
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
		markUncertain(now);
		int sent = 0;
		for (long id : store.dueMails(now)) {
			String messageId = messageId(id);
			if (!store.mailSending(id, leadership.node(), now, messageId)) {
				continue; // no longer due
			}
			try {
				send(mail, id, messageId);
			} catch (Exception e) {
				Throwable root = e;
				while (root.getCause() != null && root.getCause() != root) {
					root = root.getCause();
				}
				String reason = e.getClass().getSimpleName() + ": " + e.getMessage()
						+ (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
				int attempts = store.mailFailed(id, messageId, reason, now.plus(properties.mail().retryInterval()),
						properties.mail().maxAttempts());
				// The reason goes to report_mail (shown in the inbox), not to the log: it may name the addresses.
				log.warn("Report {} could not be mailed (attempt {} of {}): {} / {}", id, attempts,
						properties.mail().maxAttempts(), e.getClass().getSimpleName(), root.getClass().getSimpleName());
				continue;
			}
			// Accepted by the server: from here on a failure must never make the mail due again.
			sent++;
			try {
				store.mailSent(id, messageId, clock.instant());
				audit.recordFile(AuditAction.SEND, "メール:報告書", "report-" + id,
						"報告書ID " + id + " を市の宛先へ送信");
			} catch (RuntimeException e) {
				log.error("Report {} was mailed but its outcome not recorded ({}); it stays SENDING and becomes "
						+ "UNCERTAIN after the sending timeout, never sent again by itself", id,
						SafeThrowables.describe(e));
			}
		}
		return sent;
	}

	/** Mails left SENDING by a node that stopped become UNCERTAIN, never sent again by themselves. */
	private void markUncertain(Instant now) {
		for (ReportStore.Uncertain u : store.sendingToUncertain(now.minus(properties.mail().sendingTimeout()),
				u -> "送信不明: ノード " + u.node() + " が " + ReportDates.dateTime(u.since())
						+ " に送信を始めたまま結果が記録されていません（Message-ID " + u.messageId()
						+ "）。市に届いているか確認し、届いていなければ再送してください")) {
			// Ids and the node only: the addresses stay in report_mail.
			log.warn("Report {} mail was being sent by node {} since {} and its outcome was never recorded: marked "
					+ "UNCERTAIN, not sent again (a floor manager checks and resends)", u.reportId(), u.node(), u.since());
			audit.recordFile(AuditAction.SEND, "メール:報告書", "report-" + u.reportId(), "報告書ID " + u.reportId()
					+ " のメールを送信不明にしました（ノード " + u.node() + " が送信中に停止、自動再送なし）");
		}
	}

	/** A Message-ID of our own, set on the message, so that the city can find in its mail what was delivered. */
	private String messageId(long id) {
		String from = properties.mail().from();
		int at = from.lastIndexOf('@');
		String domain = at < 0 || at == from.length() - 1 ? "ikiiki-desk.invalid" : from.substring(at + 1).strip();
		return "<report-" + id + "." + java.util.UUID.randomUUID() + "@" + domain + ">";
	}

	/**
	 * A floor manager's deliberate resend of a mail that is UNCERTAIN or GAVE_UP: due at once, with a new Message-ID.
	 *
	 * @return false when the mail is in no such state
	 */
	boolean resend(long id, String by) {
		return store.resend(id, by, clock.instant());
	}

	private void send(JavaMailSender mail, long id, String messageId) throws Exception {
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
		// JavaMailSenderImpl keeps a Message-ID set before sending (saveChanges would otherwise replace it).
		message.setHeader("Message-ID", messageId);
		mail.send(message);
	}
}
