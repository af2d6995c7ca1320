package jp.ikiiki.desk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.reports.internal.ReportMailer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail of the reports to the city through an in-process SMTP server (GreenMail): the attachments arrive; with
 * the server down the failure is recorded, shown in the inbox and retried until it goes through.
 */
@SpringBootTest
class ReportMailIT {

	static final int PORT = freePort();
	static GreenMail smtp = start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
		registry.add("spring.mail.properties.mail.smtp.localhost", () -> "localhost");
		registry.add("ikiiki.reports.mail.to", () -> "houkoku@city.example.jp,kakari@city.example.jp");
		registry.add("ikiiki.reports.mail.retry-interval", () -> "5m");
	}

	@Autowired
	JdbcClient jdbc;
	@Autowired
	CityReports reports;
	@Autowired
	ReportMailer mailer;

	@BeforeEach
	void tuesday() throws Exception {
		if (!smtp.isRunning()) {
			smtp = start();
		}
		smtp.purgeEmailFromAllMailboxes();
		ReportFixtures.empty(jdbc);
		ReportFixtures.tuesday(jdbc);
		ReportsIT.signIn("manager-m", "FLOOR_MANAGER");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void a_generated_report_is_mailed_to_every_city_address_with_the_pdf_and_xlsx_attached() throws Exception {
		assertThat(reports.mailConfigured()).isTrue();
		StoredReport report = reports.generateDaily(ReportFixtures.TUESDAY);
		awaitStatus(report.id(), StoredReport.MailStatus.SENT);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		MimeMessage message = received[0];
		assertThat(message.getSubject()).isEqualTo("【いきいきデスク】コールセンター日報 令和8年11月17日（火）");
		Map<String, byte[]> attachments = attachments(message);
		assertThat(attachments).containsOnlyKeys("日報_2026-11-17_v1.pdf", "日報_2026-11-17_v1.xlsx");
		assertThat(new String(attachments.get("日報_2026-11-17_v1.pdf"), 0, 5)).isEqualTo("%PDF-");
		assertThat(attachments.get("日報_2026-11-17_v1.pdf"))
				.isEqualTo(reports.download(report.id(), ReportFormat.PDF, "test").content());
		StoredReport sent = awaitStatus(report.id(), StoredReport.MailStatus.SENT);
		// The Message-ID recorded before the hand-over is the one the city receives.
		assertThat(sent.mail().messageId()).startsWith("<report-" + report.id() + ".").endsWith("@localhost>");
		assertThat(message.getMessageID()).isEqualTo(sent.mail().messageId());
	}

	@Test
	void a_mail_left_sending_by_a_node_that_died_is_not_sent_again_but_shown_as_uncertain_until_a_floor_manager_resends_it()
			throws Exception {
		smtp.stop();
		StoredReport report = reports.generateDaily(ReportFixtures.TUESDAY);
		awaitStatus(report.id(), StoredReport.MailStatus.FAILED);
		// What a leader killed after the SMTP server accepted the message (or while handing it over) leaves behind.
		jdbc.sql("""
				update report_mail set status = 'SENDING', sending_node = 'node-dead', message_id = '<report-dead@localhost>',
				    sending_since = now() - interval '1 hour', next_attempt_at = now() - interval '1 hour'
				where report_id = :id""").param("id", report.id()).update();
		smtp = start();

		assertThat(mailer.sendDue(Instant.now().plus(Duration.ofMinutes(6)))).isZero();
		StoredReport uncertain = awaitStatus(report.id(), StoredReport.MailStatus.UNCERTAIN);
		assertThat(uncertain.mail().lastError()).contains("送信不明", "node-dead", "<report-dead@localhost>");
		assertThat(uncertain.mail().messageId()).isEqualTo("<report-dead@localhost>");
		assertThat(uncertain.mail().resendable()).isTrue();
		// Never again by itself, however often the leader checks.
		assertThat(mailer.sendDue(Instant.now().plus(Duration.ofDays(1)))).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SEND' and file_name = :f")
				.param("f", "report-" + report.id()).query(Integer.class).single()).isEqualTo(1);

		// City staff read the inbox; only a floor manager resends.
		ReportsIT.signIn("city-g", "CITY_STAFF");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.resendMail(report.id(), "test"))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		ReportsIT.signIn("manager-m", "FLOOR_MANAGER");
		reports.resendMail(report.id(), "test");
		mailer.sendDue(Instant.now().plus(Duration.ofMinutes(1)));
		StoredReport sent = awaitStatus(report.id(), StoredReport.MailStatus.SENT);
		assertThat(smtp.getReceivedMessages()).hasSize(2); // one message, two city addresses
		assertThat(sent.mail().messageId()).isNotEqualTo("<report-dead@localhost>")
				.isEqualTo(smtp.getReceivedMessages()[0].getMessageID());
		// A sent mail is not resent by hand either.
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.resendMail(report.id(), "test"))
				.isInstanceOf(jp.ikiiki.desk.shared.StateConflictException.class)
				.hasMessageContaining("送信済み");
	}

	@Test
	void a_failed_send_is_recorded_shown_in_the_inbox_and_retried() throws Exception {
		smtp.stop();
		StoredReport report = reports.generateDaily(ReportFixtures.TUESDAY);
		StoredReport failed = awaitStatus(report.id(), StoredReport.MailStatus.FAILED);
		assertThat(failed.mail().attempts()).isEqualTo(1);
		assertThat(failed.mail().lastError()).isNotBlank();
		// Not retried before the retry interval...
		assertThat(mailer.sendDue(Instant.now())).isZero();
		// ...then sent once the server is back.
		smtp = start();
		assertThat(mailer.sendDue(Instant.now().plus(Duration.ofMinutes(6)))).isEqualTo(1);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		StoredReport sent = awaitStatus(report.id(), StoredReport.MailStatus.SENT);
		assertThat(sent.mail().attempts()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SEND' and file_name = :f")
				.param("f", "report-" + report.id()).query(Integer.class).single()).isEqualTo(1);
	}

	StoredReport awaitStatus(long id, StoredReport.MailStatus status) throws InterruptedException {
		return org.awaitility.Awaitility.await("mail of report " + id + " " + status).atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100)).pollInSameThread()
				.until(() -> reports.inbox(InboxQuery.ALL, 0, 100).stream().filter(r -> r.id() == id).findFirst()
						.orElseThrow(), r -> r.mail().status() == status);
	}

	static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
		Map<String, byte[]> files = new java.util.HashMap<>();
		Multipart parts = (Multipart) message.getContent();
		List<BodyPart> all = new ArrayList<>();
		for (int i = 0; i < parts.getCount(); i++) {
			all.add(parts.getBodyPart(i));
		}
		for (BodyPart part : all) {
			if (part.getFileName() != null) {
				files.put(MimeUtility.decodeText(part.getFileName()), part.getInputStream().readAllBytes());
			}
		}
		return files;
	}

	static GreenMail start() {
		GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
