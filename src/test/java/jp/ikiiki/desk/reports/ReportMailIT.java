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
		awaitStatus(report.id(), StoredReport.MailStatus.SENT);
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
		StoredReport found = null;
		for (int i = 0; i < 600; i++) {
			found = reports.inbox(InboxQuery.ALL, 0, 100).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
			if (found.mail().status() == status) {
				return found;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("mail of report " + id + " is " + found.mail());
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
