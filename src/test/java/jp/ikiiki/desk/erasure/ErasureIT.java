package jp.ikiiki.desk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditFilter;
import jp.ikiiki.desk.audit.AuditQueries;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.payments.AccountEntry;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.shared.StateConflictException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-of-contract erasure on a database of its own (its own context, so no other test's data goes with it): every
 * personal store is filled with known names and numbers, then erased; a dump of every table and every file of the
 * PostgreSQL data directory are searched for them, and none is found.
 */
@SpringBootTest(properties = {"ikiiki.demo.enabled=true", "ikiiki.demo.subjects=150", "ikiiki.demo.seed=4242"})
class ErasureIT {

	static final Path FILES;

	static {
		try {
			FILES = Files.createTempDirectory("ikiiki-erasure-it");
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("ikiiki.tally.scan.dir", () -> FILES.resolve("scans").toString());
		registry.add("ikiiki.tally.scan.inbox", () -> FILES.resolve("inbox").toString());
		registry.add("ikiiki.mailings.output-dir", () -> FILES.resolve("mailings").toString());
	}

	/** A clock the test moves; starts on 2027-03-31 10:00 Japan time (the last day of a contract year). */
	static final class MovableClock extends Clock {
		Instant now = Instant.parse("2027-03-31T01:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	@TestConfiguration
	static class Config {
		@Bean
		@Primary
		MovableClock erasureTestClock() {
			return new MovableClock();
		}
	}

	@Autowired Erasures erasures;
	@Autowired AuditTrail trail;
	@Autowired AuditQueries auditQueries;
	@Autowired JdbcClient jdbc;
	@Autowired Flyway flyway;
	@Autowired MovableClock clock;
	@Autowired AccountForms accountForms;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static <T> T as(String user, Supplier<T> work) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
				List.of(new SimpleGrantedAuthority("ROLE_SECURITY_ADMIN"))));
		try {
			return work.get();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	static <T> T asRole(String user, String role, Supplier<T> work) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
				List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		try {
			return work.get();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void an_erasure_leaves_no_personal_value_in_a_dump_of_the_database_or_in_the_data_directory() throws Exception {
		// Known people: three subjects the demo import loaded through the subjects module's import.
		List<Map<String, Object>> people = jdbc.sql("select address_number, name_kanji, name_kana, address from subject"
				+ " where address is not null and length(name_kanji) >= 3 order by address_number limit 3").query().listOfRows();
		assertThat(people).hasSize(3);
		Set<String> needles = new LinkedHashSet<>();
		for (var p : people) {
			needles.add((String) p.get("address_number"));
			needles.add((String) p.get("name_kanji"));
			needles.add((String) p.get("address"));
		}
		String a0 = (String) people.get(0).get("address_number");
		String a1 = (String) people.get(1).get("address_number");
		String name0 = (String) people.get(0).get("name_kanji");
		String name1 = (String) people.get(1).get("name_kanji");
		String phone = "08299917354";
		String searched = "消去試験用検索語ヤマブキ";
		needles.add(phone);
		needles.add(searched);
		needles.addAll(List.of(HOLDER, NOTICE_LIST, TRANSFER_FILE, DELIVERABLE_FILE, OPENING_FILE));

		fillEveryStore(a0, a1, name0, name1, phone, searched);
		fillLaterModules(a0, a1, name0, name1);
		// An account form through the payments' own service: keyed by one operator, verified by another.
		String a2 = (String) people.get(2).get("address_number");
		var entry = AccountEntry.bank("0001", "001", "普通", "1122334", "ツバキ　ハルコ");
		asRole("erasure-op1", "OPERATOR", () -> accountForms.entry(a2, entry, java.time.LocalDate.of(2027, 3, 10)));
		asRole("erasure-op2", "OPERATOR", () -> accountForms.verify(a2, entry));
		// The form's scan, a file of the payments module's directory.
		long scannedForm = asRole("erasure-op1", "OPERATOR", () -> accountForms.receive(a0, null)).id();
		var scan = new java.io.ByteArrayOutputStream();
		try (var pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
			pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4));
			pdf.save(scan);
		}
		asRole("erasure-op1", "OPERATOR", () -> accountForms.attachImage(scannedForm, "scan.pdf",
				new java.io.ByteArrayInputStream(scan.toByteArray())));
		String keyedHolder = jdbc.sql("select holder_kana from payee_account where address_number = :a and state = 'VALID'")
				.param("a", a2).query(String.class).single();
		needles.add(keyedHolder);

		var dry = as("security-a", erasures::dryRun);
		assertThat(dry.dryRun()).isTrue();
		assertThat(before(dry, "subjects.subject")).isGreaterThanOrEqualTo(150);
		for (String key : List.of("subjects.subject_record", "subjects.subject_import", "telephony.call_record.caller_number",
				"agentdesk.call_log", "agentdesk.callback_mark", "escalations.escalation", "tally.booklet", "tally.booklet_scan",
				"tally.scan_files", "mailings.mailing_batch", "mailings.mailing_envelope", "mailings.subject_mailing",
				"mailings.print_files", "printing.print_character_decision", "audit.sealed_values",
				"notices.notice_booklet", "notices.notice_run.lists", "payments.account_form", "payments.account_form_key",
				"payments.account_form_decision", "payments.payee_account", "payments.payable_year", "payments.payment",
				"payments.payment_exclusion", "payments.payment_run_file", "payments.form_images", "progress.progress_year",
				"progress.progress_opening_import", "progress.opening_spools", "deliverables.deliverable_file",
				"deliverables.deliverable_download", "deliverables.deliverable.check_note")) {
			assertThat(before(dry, key)).as(key).isPositive();
		}
		// The dry run changed nothing.
		assertThat(jdbc.sql("select count(*) from subject").query(Long.class).single()).isEqualTo(before(dry, "subjects.subject"));

		// Before: the values are there, and the search finds them (so that finding none afterwards means something).
		assertThat(auditQueries(a0)).isPositive();
		checkpoint();
		// The search term reached the trail sealed: it is in no table and no file even now.
		assertThat(found(dump(), needles)).contains(name0, a0, phone, keyedHolder, HOLDER, NOTICE_LIST, TRANSFER_FILE, DELIVERABLE_FILE,
				OPENING_FILE).doesNotContain(searched);
		assertThat(found(dataDirectory(), needles)).contains(name0, phone).doesNotContain(searched);

		// One requests; the requester may not confirm; a second administrator confirms and runs it.
		var request = as("security-a", () -> erasures.request("契約期間満了に伴う消去（第11章1(5)）"));
		assertThat(request.state()).isEqualTo(ErasureState.REQUESTED);
		assertThatThrownBy(() -> as("security-a", () -> erasures.confirmAndRun(request.id())))
				.isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> as("security-b", () -> erasures.request("二つ目")))
				.isInstanceOf(StateConflictException.class);
		var done = as("security-b", () -> erasures.confirmAndRun(request.id()));

		assertThat(done.state()).isEqualTo(ErasureState.DONE);
		assertThat(done.requestedBy()).isEqualTo("security-a");
		assertThat(done.confirmedBy()).isEqualTo("security-b");
		assertThat(done.totalAfter()).isZero();
		assertThat(done.kinds()).allSatisfy(k -> assertThat(k.after()).as(k.key()).isZero());
		assertThat(done.kinds()).extracting(ErasureCertificate.KindCount::key).containsAll(
				dry.kinds().stream().map(ErasureCertificate.KindCount::key).toList());
		assertThat(before(done, "subjects.subject")).isEqualTo(before(dry, "subjects.subject"));
		assertThat(done.hashes()).extracting(ErasureCertificate.TableHash::name).contains("subject", "audit_record", "erasure_run");
		assertThat(done.kept()).isNotEmpty();

		// Nothing of them is left: not in any table, not in any file of the data directory, not on disk.
		assertThat(found(dump(), needles)).isEmpty();
		assertThat(found(dataDirectory(), needles)).isEmpty();
		try (Stream<Path> files = Files.walk(FILES)) {
			assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
		}
		assertThat(openingSpool).doesNotExist();
		// What is not personal stays: the runs' counts, the periods' records, the bank master.
		assertThat(jdbc.sql("select notified from notice_run where run_month = '2027-03'").query(Integer.class).single())
				.isEqualTo(1);
		assertThat(jdbc.sql("select total_yen from payment_run where transfer_date = date '2027-03-25'").query(Long.class)
				.single()).isEqualTo(12_000L);
		assertThat(jdbc.sql("select state from deliverable where period = '2027-03-erasure'").query(String.class).single())
				.isEqualTo("DELIVERED");
		assertThat(jdbc.sql("select count(*) from bank where code = '9990'").query(Long.class).single()).isEqualTo(1);

		// The trail still says who did what and when, but no longer whom it concerned or what was searched.
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'erasure-agent' and action = 'SEARCH'")
				.query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select bool_and(values_erased) from audit_event where username = 'erasure-agent'")
				.query(Boolean.class).single()).isTrue();
		assertThat(auditQueries(a0)).isZero();
		// A new entry is sealed under a new secret and readable again.
		trail.recordFor("after-erasure", AuditAction.LOGIN, "ログイン", "後の記録");
		assertThat(jdbc.sql("select detail from audit_event where username = 'after-erasure'").query(String.class).single())
				.isEqualTo("後の記録");

		// The certificate.
		byte[] pdf = as("security-a", () -> erasures.certificatePdf(done.id()));
		try (var document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("データ消去証明書", "security-a", "security-b", "対象者", "SHA-256", "VACUUM FULL",
					"通知の対象とした手帳", "登録口座", "全銀ファイル", "事業年度の進捗", "提出データのファイル", "金融機関・店舗マスタ");
		}
		Files.write(Path.of("target", "erasure-certificate.pdf"), pdf);

		// Done once: it cannot run again.
		assertThatThrownBy(() -> as("security-b", () -> erasures.confirmAndRun(done.id())))
				.isInstanceOf(StateConflictException.class);
	}

	@Test
	void a_request_not_confirmed_within_the_window_expires() {
		var request = as("security-c", () -> erasures.request("期限切れの確認"));
		clock.now = clock.now.plus(Duration.ofMinutes(31));
		try {
			assertThatThrownBy(() -> as("security-d", () -> erasures.confirmAndRun(request.id())))
					.isInstanceOf(StateConflictException.class).hasMessageContaining("期限");
		} finally {
			clock.now = clock.now.minus(Duration.ofMinutes(31));
			as("security-c", () -> erasures.withdraw(request.id()));
		}
	}

	private long auditQueries(String addressNumber) {
		return as("security-a", () -> auditQueries.count(new AuditFilter(addressNumber, null, null, null, null, null)));
	}

	private static long before(ErasureCertificate c, String key) {
		return c.kinds().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow().before();
	}

	private void fillEveryStore(String a0, String a1, String name0, String name1, String phone, String searched)
			throws IOException {
		trail.recordFor("erasure-agent", AuditAction.SEARCH, "画面:対象者検索", "氏名=" + searched);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				"erasure-agent", "n/a", List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
		trail.record(AuditAction.SEARCH, "画面:対象者検索", List.of(a0), "氏名=" + name0);
		trail.record(AuditAction.VIEW, "画面:対象者詳細", List.of(a0, a1), null);
		SecurityContextHolder.clearContext();

		jdbc.sql("""
				insert into call_record (linked_id, outcome, in_hours, arrived_at, ended_at, hung_up_by, caller_number)
				values ('erasure-call-1', 'ANSWERED', true, now(), now(), 'CALLER', :phone)""").param("phone", phone).update();
		jdbc.sql("""
				insert into call_log (linked_id, manual, caller_number, agent, started_at, subject_id, note)
				values ('erasure-call-1', false, :phone, 'agent1', now(), :a, :note)""")
				.param("phone", phone).param("a", a0).param("note", name0 + "さんから手帳の問い合わせ").update();
		jdbc.sql("insert into callback_mark (day, caller_number, called_back_by) values (current_date, :phone, 'agent1')")
				.param("phone", phone).update();
		jdbc.sql("""
				insert into escalation (state, subject_id, caller_number, inquiry, opened_by, opened_at)
				values ('OPEN', :a, :phone, :inquiry, 'agent1', now())""")
				.param("a", a1).param("phone", phone).param("inquiry", name1 + "さんの助成額について").update();
		long booklet = jdbc.sql("""
				insert into booklet (address_number, management_number, business_year, kind, received_on, received_by,
				                     received_at, state)
				values (:a, 'M-ERASE-1', 2026, 'MAIN', current_date, 'operator1', now(), 'RECEIVED') returning id""")
				.param("a", a0).query(Long.class).single();
		Path scans = Files.createDirectories(FILES.resolve("scans").resolve("2026"));
		Files.writeString(scans.resolve("scan-erase-1.pdf"), "%PDF-1.4 " + name0 + " " + a0);
		jdbc.sql("""
				insert into booklet_scan (booklet_id, file_name, sha256, pages, bytes, original_name, linked_how, linked_by, linked_at)
				values (:b, 'scan-erase-1.pdf', :sha, 1, 10, :original, 'BARCODE', 'operator1', now())""")
				.param("b", booklet).param("sha", "a".repeat(64)).param("original", a0 + ".pdf").update();
		long batch = jdbc.sql("""
				insert into mailing_batch (kind, title, status, bundle_size, target_list, created_by, business_year)
				values ('REISSUE', '再発行', 'NEW', 100, array[:a0, :a1], 'operator1', 2026) returning id""")
				.param("a0", a0).param("a1", a1).query(Long.class).single();
		jdbc.sql("""
				insert into mailing_envelope (batch_id, seq, bundle_no, bundle_seq, subject_id, fields)
				values (:b, 1, 1, 1, :a, cast(:fields as jsonb))""")
				.param("b", batch).param("a", a0).param("fields", "{\"name\":\"" + name0 + "\"}").update();
		jdbc.sql("""
				insert into mailing_given (batch_id, subject_id, fields) values (:b, :a, cast(:fields as jsonb))""")
				.param("b", batch).param("a", a1).param("fields", "{\"name\":\"" + name1 + "\"}").update();
		jdbc.sql("""
				insert into subject_mailing (subject_id, batch_id, kind, dispatched_on, business_year)
				values (:a, :b, 'REISSUE', current_date, 2026)""")
				.param("a", a1).param("b", batch).update();
		Path print = Files.createDirectories(FILES.resolve("mailings").resolve("batch-" + batch));
		Files.writeString(print.resolve("bundle-1.pdf"), "%PDF-1.4 " + name1 + " " + a1);
		jdbc.sql("""
				insert into print_character_decision (subject_id, field, kind, decided_by)
				values (:a, 'name_kanji', 'KANA', 'operator1')""").param("a", a1).update();
		Files.createDirectories(FILES.resolve("inbox"));
		Files.writeString(FILES.resolve("inbox").resolve("scan-waiting.pdf"), "%PDF-1.4 " + name1);
	}

	static final String HOLDER = "ﾅﾅｶﾏﾄﾞ ﾊﾅｺ";
	static final String NOTICE_LIST = "通知一覧試験用ナナカマド";
	static final String TRANSFER_FILE = "全銀試験用ｼﾗｶﾊﾞ";
	static final String DELIVERABLE_FILE = "提出一覧試験用ハナミズキ";
	static final String OPENING_FILE = "期首試験用ヤマボウシ.csv";
	static final Path openingSpool = Path.of(System.getProperty("java.io.tmpdir"), "ikiiki-opening-erasure-it.csv");

	/**
	 * The modules merged after the erasure: a notice run with its list and booklets, an account form keyed twice with
	 * a decision and the account it made, a payable year, a delivered payment run with its 全銀 file and 支払データ,
	 * the payment and an exclusion, a return, the progress year with its opening record, an opening import and its
	 * spooled upload, a delivered deliverable file with a download and a checker's note. Written by SQL (the tables as
	 * the modules' services leave them), with the bank master entry that must stay.
	 */
	private void fillLaterModules(String a0, String a1, String name0, String name1) throws IOException {
		long run = jdbc.sql("""
				insert into notice_run (business_year, run_month, half, status, run_on, created_by, finished_at, notified,
				                        with_form, list_xlsx, result)
				values (2026, '2027-03', 'LATE', 'DONE', date '2027-03-25', 'operator1', now(), 1, 1, :xlsx,
				        cast(:result as jsonb)) returning id""")
				.param("xlsx", ("PK " + NOTICE_LIST + " " + name0 + " " + a0).getBytes(StandardCharsets.UTF_8))
				.param("result", "{\"notified\":[{\"subjectId\":\"" + a0 + "\",\"name\":\"" + name0 + "\"}]}")
				.query(Long.class).single();
		jdbc.sql("""
				insert into notice_booklet (booklet_id, run_id, business_year, subject_id, outcome)
				values (-1, :run, 2026, :a0, 'NOTIFIED'), (-2, :run, 2026, :a1, 'WITH_FORM')""")
				.param("run", run).param("a0", a0).param("a1", a1).update();

		jdbc.sql("insert into bank (code, name, kana) values ('9990', '消去試験銀行', 'ｼｮｳｷｮｼｹﾝ') on conflict do nothing").update();
		long form = jdbc.sql("""
				insert into account_form (address_number, management_number, received_on, received_by, received_at, state,
				                          entry_by, verify_by, verified_at)
				values (:a, 'M-ERASE-2', date '2027-03-01', 'operator1', now(), 'VERIFIED', 'operator1', 'operator2', now())
				returning id""").param("a", a0).query(Long.class).single();
		for (String pass : List.of("ENTRY", "VERIFY")) {
			jdbc.sql("""
					insert into account_form_key (form_id, pass, field, value, status, keyed_by, keyed_at)
					values (:f, :pass, 6, :holder, 'MATCHED', 'operator1', now()), (:f, :pass, 3, '7654321', 'MATCHED', 'operator1', now())""")
					.param("f", form).param("pass", pass).param("holder", HOLDER).update();
		}
		jdbc.sql("""
				insert into account_form_decision (form_id, field, entry_value, verify_value, decided_value, decided_by, decided_at, note)
				values (:f, 6, :holder, :holder, :holder, 'floor1', now(), :note)""")
				.param("f", form).param("holder", HOLDER).param("note", name0 + "さんに電話で確認").update();
		long account = jdbc.sql("""
				insert into payee_account (address_number, form_id, bank_code, branch_code, account_type, account_number,
				                           holder_kana, valid_from, state, created_by, created_at)
				values (:a, :f, '9990', '001', 1, '7654321', :holder, date '2027-03-01', 'VALID', 'operator2', now())
				returning id""").param("a", a0).param("f", form).param("holder", HOLDER).query(Long.class).single();
		jdbc.sql("""
				insert into payable_year (address_number, business_year, amount_yen, received_on, updated_at)
				values (:a0, 2026, 12000, date '2027-02-20', now()), (:a1, 2026, 3000, date '2027-02-21', now())""")
				.param("a0", a0).param("a1", a1).update();
		long payRun = jdbc.sql("""
				insert into payment_run (business_year, transfer_date, state, payments, total_yen, excluded, late, at_risk,
				                         transfer_kind, crlf, created_by, created_at, delivered_by, delivered_at)
				values (2026, date '2027-03-25', 'DELIVERED', 1, 12000, 1, 0, 0, '7', true, 'operator1', now(), 'operator2', now())
				returning id""").query(Long.class).single();
		for (String kind : List.of("TRANSFER", "DATA_XLSX", "DATA_CSV")) {
			jdbc.sql("""
					insert into payment_run_file (run_id, kind, file_name, content, sha256)
					values (:r, :kind, :name, :content, :sha)""").param("r", payRun).param("kind", kind)
					.param("name", "payment-" + kind + ".dat").param("sha", "b".repeat(64))
					.param("content", ("2" + TRANSFER_FILE + " " + HOLDER + " " + a0 + " " + name0).getBytes(StandardCharsets.UTF_8))
					.update();
		}
		jdbc.sql("""
				insert into payment (run_id, seq, address_number, business_year, amount_yen, account_id, deadline, late, state,
				                     failed_reason, failed_at)
				values (:r, 1, :a, 2026, 12000, :acc, date '2027-05-20', false, 'FAILED', :reason, now())""")
				.param("r", payRun).param("a", a0).param("acc", account).param("reason", "口座名義相違 " + HOLDER).update();
		jdbc.sql("""
				insert into payment_exclusion (run_id, address_number, reason, amount_yen, deadline, at_risk)
				values (:r, :a, 'NO_ACCOUNT', 3000, date '2027-05-21', false)""").param("r", payRun).param("a", a1).update();
		jdbc.sql("insert into payment_return (run_id, items, recorded_by, recorded_at) values (:r, 1, 'operator2', now())")
				.param("r", payRun).update();

		String[] year = new String[36];
		java.util.Arrays.fill(year, "");
		year[0] = "2026-08-20";
		year[20] = HOLDER;
		jdbc.sql("""
				insert into progress_year (address_number, business_year, year_record, source, opening_record, notice_sent_on, paid_on)
				values (:a, 2026, :record, 'OPENING', :record, date '2027-03-25', date '2027-03-25')
				on conflict (address_number, business_year) do update set year_record = excluded.year_record,
				    opening_record = excluded.opening_record""")
				.param("a", a1).param("record", year).update();
		jdbc.sql("""
				insert into progress_opening_import (business_year, file_name, dry_run, rows_read, inserted, updated, unchanged,
				                                     refused, imported_by, imported_at)
				values (2026, :name, false, 1, 1, 0, 0, 0, 'operator1', now())""").param("name", OPENING_FILE).update();
		Files.writeString(openingSpool, a1 + "," + name1 + "," + HOLDER + "\n");
		Files.setLastModifiedTime(openingSpool, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));

		long deliverable = jdbc.sql("""
				insert into deliverable (kind, period, due_on, state, generated_by, generated_at, checked_by, checked_at,
				                         check_note, delivered_by, delivered_at)
				values ('erasure-test', '2027-03-erasure', date '2027-04-10', 'DELIVERED', 'operator1', now(), 'floor1', now(),
				        :note, 'floor1', now()) returning id""").param("note", name1 + "さんの行を確認済み").query(Long.class).single();
		var file = java.util.UUID.randomUUID();
		jdbc.sql("""
				insert into deliverable_file (id, deliverable, file_name, content_type, size_bytes, sha256, content, snapshot_at,
				                              generated_by, generated_at)
				values (:id, :d, 'list.csv', 'text/csv', 10, :sha, :content, now(), 'operator1', now())""")
				.param("id", file).param("d", deliverable).param("sha", "c".repeat(64))
				.param("content", (DELIVERABLE_FILE + "," + a1 + "," + name1).getBytes(StandardCharsets.UTF_8)).update();
		jdbc.sql("update deliverable set file_id = :f where id = :d").param("f", file).param("d", deliverable).update();
		jdbc.sql("""
				insert into deliverable_download (file_id, downloaded_by, city_staff, channel, downloaded_at)
				values (:f, 'city1', true, 'API:/api/deliverables', now())""").param("f", file).update();
		// the files cannot be deleted outside the erasure
		assertThatThrownBy(() -> jdbc.sql("delete from deliverable_file where id = :f").param("f", file).update())
				.hasMessageContaining("immutable");
	}

	private void checkpoint() {
		JdbcClient.create(owner()).sql("checkpoint").update();
	}

	private DataSource owner() {
		return flyway.getConfiguration().getDataSource();
	}

	/** Every row of every table of every schema but the catalogs, as COPY writes it (what pg_dump's data holds). */
	private String dump() throws SQLException, IOException {
		var out = new StringWriter();
		try (Connection c = owner().getConnection()) {
			var tables = new ArrayList<String>();
			try (var rs = c.createStatement().executeQuery("""
					select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
					 where schemaname not in ('pg_catalog', 'information_schema')""")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			for (String table : tables) {
				out.write("-- " + table + "\n");
				copy.copyOut("copy " + table + " to stdout", (Writer) out);
			}
			// COPY writes bytea as hex: the stored files (lists, 全銀 files, deliverables) are added as their bytes
			var binary = new ArrayList<String>();
			try (var rs = c.createStatement().executeQuery("""
					select 'select ' || quote_ident(column_name) || ' from ' || quote_ident(table_schema) || '.'
					       || quote_ident(table_name) || ' where ' || quote_ident(column_name) || ' is not null'
					  from information_schema.columns
					 where data_type = 'bytea' and table_schema not in ('pg_catalog', 'information_schema')""")) {
				while (rs.next()) {
					binary.add(rs.getString(1));
				}
			}
			for (String select : binary) {
				try (var rs = c.createStatement().executeQuery(select)) {
					while (rs.next()) {
						out.write(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1));
					}
				}
			}
		}
		return out.toString();
	}

	/** Every file of the server's data directory, as bytes decoded leniently (the needles are UTF-8). */
	private String dataDirectory() throws IOException {
		String dir = JdbcClient.create(owner()).sql("show data_directory").query(String.class).single();
		var text = new StringBuilder();
		try (Stream<Path> files = Files.walk(Path.of(dir))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				try {
					text.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
				} catch (java.nio.file.NoSuchFileException gone) {
					// removed by the server while walking (a WAL segment, a temporary file)
				}
			}
		}
		return text.toString();
	}

	/** The needles present in a text holding UTF-8 bytes as ISO-8859-1 characters (or plain text). */
	private static Set<String> found(String haystack, Set<String> needles) {
		var hits = new LinkedHashSet<String>();
		for (String n : needles) {
			String asBytes = new String(n.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
			if (haystack.contains(n) || haystack.contains(asBytes)) {
				hits.add(n);
			}
		}
		return hits;
	}
}
