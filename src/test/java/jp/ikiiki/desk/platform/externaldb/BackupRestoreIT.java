package jp.ikiiki.desk.platform.externaldb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.ikiiki.desk.IkiikiDeskApplication;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.MailingJobs;
import jp.ikiiki.desk.mailings.MailingTestData;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.platform.testsupport.PostgresCluster;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectSearch;
import jp.ikiiki.desk.subjects.SubjectSummary;
import jp.ikiiki.desk.telephony.TelephonyStatus;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The backup and restore drill of the operations manual ("Backup and restore"), as written there: a running system on
 * a PostgreSQL server with subjects, calls, audit entries and print files; {@code pg_dump -Fc} as the schema owner while
 * it keeps writing, then the application's files; the site is lost; a fresh server is prepared (roles and database as
 * the manual says — restoring before that fails and says which role is missing), {@code pg_restore} as the owner, the
 * files put back, and the application started on it with nothing but that: the same subjects (found by the look-up),
 * calls, audit trail (its sealed values readable, so the pgcrypto secrets came with the dump) and files (SHA-256), and
 * the application's role again unable to change the trail.
 */
@ExtendWith(PostgresCluster.Required.class)
class BackupRestoreIT {

	private static final Duration WAIT = Duration.ofSeconds(60);
	private final List<AutoCloseable> toClose = new ArrayList<>();

	@AfterEach
	void closeEverything() throws Exception {
		for (int i = toClose.size() - 1; i >= 0; i--) {
			toClose.get(i).close();
		}
	}

	@Test
	void a_dump_taken_while_the_system_works_restores_on_a_fresh_server_with_the_same_subjects_calls_trail_and_files()
			throws Exception {
		Path work = Files.createDirectories(Path.of("target", "backup-drill")).resolve(UUID.randomUUID().toString());
		Files.createDirectories(work);
		toClose.add(() -> FileSystemUtils.deleteRecursively(work));

		// ---- The site as it runs.
		PostgresCluster siteA = PostgresCluster.start("backup-site-a");
		toClose.add(siteA);
		var rolesA = PostgresCluster.Roles.fresh();
		siteA.prepareAsTheManualSays(rolesA, "ikiiki");
		Path filesA = work.resolve("site-a-files");
		ConfigurableApplicationContext a = start(siteA, rolesA, filesA);
		toClose.add(a);
		var jdbcA = JdbcClient.create(a.getBean(DataSource.class));

		Acting.run("drill-op", "OPERATOR", () -> MailingTestData.importProgress(a.getBean(SubjectImports.class), List.of(
				MailingTestData.progress("55100001", "730-0011", "氏名漢字", "復元　太郎", "氏名カナ", "フクゲン　タロウ"),
				MailingTestData.progress("55100002", "730-0012", "氏名漢字", "復元　花子", "氏名カナ", "フクゲン　ハナコ"),
				MailingTestData.progress("55100003", "730-0013", "氏名漢字", "復元　次郎", "氏名カナ", "フクゲン　ジロウ"))));
		Acting.run("drill-agent", "AGENT", () -> assertThat(a.getBean(SubjectLookup.class)
				.search(SubjectSearch.of("フクゲン"), 0, 10, "訓練")).hasSize(3));

		String run = "drill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		var simulator = a.getBean(AmiSimulator.class);
		var telephony = a.getBean(TelephonyStatus.class);
		await().atMost(WAIT).until(() -> telephony.status().state() == TelephonyStatus.State.CONNECTED);
		simulator.pbx().placeCall(new CallSpec(run + "a", "0829990001", "DRILL", 2, 1, 2));
		simulator.pbx().placeCall(new CallSpec(run + "b", "0829990002", "DRILL", 2, 1, 2));
		await().atMost(WAIT).until(() -> calls(jdbcA, run).size() == 2);

		long batch = Acting.as("drill-op", "OPERATOR", () -> a.getBean(Mailings.class).create(new NewBatch(
				"BOOKLET_REISSUE", "復元訓練 印刷", 0, List.of("55100001", "55100002"), List.of()), "訓練"));
		var jobs = a.getBean(MailingJobs.class);
		for (MailingJobs.Step step : List.of(MailingJobs.Step.SELECT, MailingJobs.Step.PRINT)) {
			Acting.run("drill-op", "OPERATOR", () -> jobs.start(batch, step, "訓練"));
			var status = await().atMost(Duration.ofSeconds(120)).until(
					() -> Acting.as("drill-op", "OPERATOR", () -> jobs.status(batch).orElseThrow()),
					s -> s.state() != MailingJobs.State.RUNNING);
			assertThat(status.state()).as(status.message()).isEqualTo(MailingJobs.State.DONE);
		}
		Files.createDirectories(filesA.resolve("scans").resolve("2026"));
		Files.writeString(filesA.resolve("scans").resolve("2026").resolve("drill-scan.txt"), "a scan stands in here");
		a.getBean(AuditTrail.class).recordFor("drill-admin", AuditAction.LOGIN, "訓練", "バックアップ前の記録");

		var subjects = subjects(jdbcA);
		var calls = calls(jdbcA, run);
		var trail = trail(jdbcA);
		var files = hashes(filesA);
		assertThat(subjects).hasSize(3);
		assertThat(trail).anySatisfy(row -> assertThat(row).contains("55100001"));
		assertThat(files.keySet()).anyMatch(f -> f.startsWith("mailings/batch-" + batch + "/") && f.endsWith(".pdf"));

		// ---- The backup, while the application goes on writing to its audit trail.
		var writing = new AtomicBoolean(true);
		var writtenDuring = new AtomicInteger();
		Thread writer = new Thread(() -> {
			var auditTrail = a.getBean(AuditTrail.class);
			while (writing.get()) {
				auditTrail.recordFor("drill-during", AuditAction.LOGIN, "訓練", "バックアップ中 " + writtenDuring.incrementAndGet());
			}
		}, "drill-writer");
		writer.start();
		Path dump = work.resolve("ikiiki.dump");
		Path filesBackup = work.resolve("files-backup");
		try {
			await().atMost(WAIT).until(() -> writtenDuring.get() > 20);
			PostgresCluster.run(List.of(siteA.tool("pg_dump").toString(), "--format=custom", "--host=127.0.0.1",
					"--port=" + siteA.port(), "--username=" + rolesA.owner(), "--dbname=ikiiki", "--file=" + dump),
					Map.of("PGPASSWORD", rolesA.ownerPassword()), 300).orThrow();
			copyTree(filesA, filesBackup); // after the dump: every file a row of the dump names is there
		} finally {
			writing.set(false);
			writer.join();
		}
		assertThat(writtenDuring.get()).isGreaterThan(20);
		a.close();
		siteA.close(); // the site is lost

		// ---- The restore, on a fresh server.
		PostgresCluster siteB = PostgresCluster.start("backup-site-b");
		toClose.add(siteB);
		var restore = List.of(siteB.tool("pg_restore").toString(), "--exit-on-error", "--single-transaction",
				"--no-owner", "--no-acl", "--host=127.0.0.1", "--port=" + siteB.port(), "--username=ikiiki_owner",
				"--dbname=ikiiki", dump.toString());
		// Without the roles and the database the manual prepares first, nothing is restored, and it says why.
		var refused = PostgresCluster.run(restore, Map.of("PGPASSWORD", rolesA.ownerPassword()), 120);
		assertThat(refused.exitCode()).isNotZero();
		assertThat(refused.output()).contains("ikiiki_owner").contains("password authentication failed");
		// Prepared as the manual says; new passwords (the old ones are not in the dump and not needed).
		var rolesB = PostgresCluster.Roles.fresh();
		siteB.prepareAsTheManualSays(rolesB, "ikiiki");
		PostgresCluster.run(restore, Map.of("PGPASSWORD", rolesB.ownerPassword()), 300).orThrow();
		Path filesB = work.resolve("site-b-files");
		copyTree(filesBackup, filesB);

		ConfigurableApplicationContext b = start(siteB, rolesB, filesB);
		toClose.add(b);
		var jdbcB = JdbcClient.create(b.getBean(DataSource.class));
		assertThat(subjects(jdbcB)).isEqualTo(subjects);
		assertThat(calls(jdbcB, run)).isEqualTo(calls);
		// Every entry made before the backup, as it was (decrypted through the view: the secrets came along), and a
		// consistent part of those written during it: a prefix, numbered without gaps.
		List<String> restoredTrail = trail(jdbcB);
		assertThat(restoredTrail).containsSubsequence(trail);
		List<Integer> during = jdbcB.sql("""
				select substring(detail from 'バックアップ中 (\\d+)')::int from audit_event
				 where username = 'drill-during' order by id""").query(Integer.class).list();
		assertThat(during).isNotEmpty();
		assertThat(during).isEqualTo(java.util.stream.IntStream.rangeClosed(1, during.size()).boxed().toList());
		assertThat(hashes(filesB)).isEqualTo(files);
		Acting.run("drill-agent", "AGENT", () -> {
			List<SubjectSummary> found = b.getBean(SubjectLookup.class).search(SubjectSearch.of("フクゲン"), 0, 10, "訓練");
			assertThat(found).extracting(SubjectSummary::addressNumber).containsExactlyInAnyOrder("55100001",
					"55100002", "55100003");
		});
		// The application's rights were given again at its start (afterMigrate.sql), the trail's limits included.
		assertThat(jdbcB.sql("select current_user").query(String.class).single()).isEqualTo(rolesB.app());
		assertThat(jdbcB.sql("select has_table_privilege('subject', 'INSERT')").query(Boolean.class).single()).isTrue();
		assertThat(jdbcB.sql("""
				select has_table_privilege('audit_event', 'UPDATE') or has_table_privilege('audit_event', 'DELETE')
				    or has_table_privilege('audit_record', 'TRUNCATE') or has_table_privilege('audit_key', 'SELECT')""")
				.query(Boolean.class).single()).isFalse();
		assertThat(jdbcB.sql("select distinct tableowner from pg_tables where schemaname = 'public'").query(String.class)
				.list()).containsExactly(rolesB.owner());
		// And it goes on working: a new entry, sealed with the restored secrets, reads back.
		b.getBean(AuditTrail.class).recordFor("drill-after", AuditAction.LOGIN, "訓練", "復元後の記録");
		assertThat(jdbcB.sql("select detail from audit_event where username = 'drill-after'").query(String.class)
				.single()).isEqualTo("復元後の記録");
	}

	private static ConfigurableApplicationContext start(PostgresCluster server, PostgresCluster.Roles roles, Path files) {
		List<String> args = new ArrayList<>();
		roles.applicationProperties(server.jdbcUrl("ikiiki")).forEach((k, v) -> args.add("--" + k + "=" + v));
		args.add("--server.port=0");
		args.add("--ikiiki.tally.scan.dir=" + files.resolve("scans").toAbsolutePath());
		args.add("--ikiiki.tally.scan.inbox=" + files.resolve("scan-inbox").toAbsolutePath());
		args.add("--ikiiki.mailings.output-dir=" + files.resolve("mailings").toAbsolutePath());
		return new SpringApplicationBuilder(IkiikiDeskApplication.class).run(args.toArray(String[]::new));
	}

	private static List<String> subjects(JdbcClient jdbc) {
		return jdbc.sql("""
				select concat_ws('|', address_number, management_number, name_kanji, name_kana, address, record_hash_text)
				  from (select s.*, encode(s.index_hash, 'hex') || encode(s.progress_hash, 'hex') as record_hash_text
				          from subject s) s order by address_number""").query(String.class).list();
	}

	private static List<String> calls(JdbcClient jdbc, String run) {
		return jdbc.sql("""
				select concat_ws('|', linked_id, caller_number, outcome, arrived_at, ended_at)
				  from call_record where linked_id like :run order by linked_id""").param("run", run + "%")
				.query(String.class).list();
	}

	private static List<String> trail(JdbcClient jdbc) {
		return jdbc.sql("""
				select concat_ws('|', id, occurred_at, username, action, channel, array_to_string(subject_ids, ','),
				       file_name, detail) from audit_event where username <> 'drill-during' order by id""")
				.query(String.class).list();
	}

	/** SHA-256 of every file under {@code root}, by its path relative to it. */
	private static Map<String, String> hashes(Path root) throws IOException {
		Map<String, String> out = new TreeMap<>();
		if (!Files.isDirectory(root)) {
			return out;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path f : walk.filter(Files::isRegularFile).toList()) {
				out.put(root.relativize(f).toString().replace('\\', '/'), sha256(f));
			}
		}
		return out;
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			var digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[65536];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path p : walk.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				} else {
					Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}
}
