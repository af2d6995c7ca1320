package jp.ikiiki.desk.platform.externaldb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.ikiiki.desk.IkiikiDeskApplication;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.erasure.ErasureCertificate;
import jp.ikiiki.desk.erasure.ErasureState;
import jp.ikiiki.desk.erasure.Erasures;
import jp.ikiiki.desk.mailings.MailingTestData;
import jp.ikiiki.desk.platform.testsupport.PostgresCluster;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.SubjectLookup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application on a PostgreSQL server from the operating system's packages (Debian's postgresql, 15 today; the
 * embedded one is 17), prepared as the operations manual's "Preparing a PostgreSQL server" says: a schema owner that
 * is no superuser runs every migration and {@code afterMigrate.sql}, the application connects as its own role, which
 * can neither change nor remove the audit trail nor change the schema; the erasure rewrites the tables as the owner.
 * Start-up failures (a wrong password, no server) end with one clear description, not a wall of stack traces.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({PostgresCluster.Required.class, OutputCaptureExtension.class})
class ExternalDatabaseIT {

	static PostgresCluster server;
	static PostgresCluster.Roles roles;
	static ConfigurableApplicationContext app;
	static Path files;

	@BeforeAll
	static void startServerAndApplication() throws IOException {
		if (PostgresCluster.unavailableReason().isPresent()) {
			return; // every test is skipped, naming why (PostgresCluster.Required)
		}
		server = PostgresCluster.start("external-it");
		roles = PostgresCluster.Roles.fresh();
		server.prepareAsTheManualSays(roles, "ikiiki");
		files = Files.createTempDirectory("ikiiki-external-it");
		app = start(roles.applicationProperties(server.jdbcUrl("ikiiki")));
	}

	@AfterAll
	static void stop() {
		try {
			if (app != null) {
				app.close();
			}
		} finally {
			if (server != null) {
				server.close();
			}
		}
	}

	static ConfigurableApplicationContext start(Map<String, Object> database) {
		List<String> args = new ArrayList<>();
		database.forEach((k, v) -> args.add("--" + k + "=" + v));
		args.add("--server.port=0");
		args.add("--ikiiki.tally.scan.dir=" + files.resolve("scans"));
		args.add("--ikiiki.tally.scan.inbox=" + files.resolve("inbox"));
		args.add("--ikiiki.mailings.output-dir=" + files.resolve("mailings"));
		return new SpringApplicationBuilder(IkiikiDeskApplication.class).run(args.toArray(String[]::new));
	}

	private static JdbcClient asApplication() {
		return JdbcClient.create(app.getBean(DataSource.class));
	}

	@Test
	@Order(1)
	void every_migration_and_the_grants_apply_with_a_schema_owner_that_is_no_superuser() throws IOException {
		var jdbc = asApplication();
		int migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success and version is not null")
				.query(Integer.class).single()).isEqualTo(migrations);
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Integer.class).single())
				.isZero();
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(roles.app());
		// Migrated by the owner, who is no superuser and owns every table; pgcrypto (the audit trail's sealing, V83) is
		// in the distribution's server package and trusted, so the database's owner could create it.
		assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = :r").param("r", roles.owner())
				.query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("select distinct tableowner from pg_tables where schemaname = 'public'").query(String.class)
				.list()).containsExactly(roles.owner());
		assertThat(jdbc.sql("select count(*) from pg_extension where extname = 'pgcrypto'").query(Integer.class).single())
				.isOne();
		System.out.println("External PostgreSQL server: " + jdbc.sql("select version()").query(String.class).single()
				+ "; " + migrations + " migrations applied by " + roles.owner());
	}

	@Test
	@Order(2)
	void the_application_role_cannot_change_or_remove_the_audit_trail_nor_change_the_schema() {
		var jdbc = asApplication();
		// What it may do: append to the trail and read it.
		app.getBean(AuditTrail.class).recordFor("roles-it", AuditAction.LOGIN, "テスト", "追記できる");
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'roles-it'").query(Long.class).single())
				.isOne();
		// Each refusal, with the server's reason.
		Map<String, String> refusals = new java.util.LinkedHashMap<>();
		// The view is not updatable at all, and the role has neither right on it.
		refusals.put("update audit_event set detail = 'changed' where username = 'roles-it'", "cannot update view");
		refusals.put("delete from audit_event where username = 'roles-it'", "cannot delete from view");
		assertThat(jdbc.sql("""
				select has_table_privilege('audit_event', 'UPDATE') or has_table_privilege('audit_event', 'DELETE')
				    or has_table_privilege('audit_event', 'TRUNCATE')""").query(Boolean.class).single()).isFalse();
		refusals.put("update audit_record set username = 'changed'", "permission denied for table audit_record");
		refusals.put("delete from audit_record", "permission denied for table audit_record");
		refusals.put("truncate audit_record", "permission denied for table audit_record");
		refusals.put("select count(*) from audit_key", "permission denied for table audit_key");
		refusals.put("select audit_destroy_keys()", "permission denied for function audit_destroy_keys");
		refusals.put("alter table audit_record disable trigger all", "must be owner of table audit_record");
		refusals.put("alter table subject add column smuggled text", "must be owner of table subject");
		refusals.put("drop table call_record", "must be owner of table call_record");
		refusals.put("create table smuggled (id int)", "permission denied for schema public");
		refusals.put("create extension if not exists pg_trgm", "permission denied");
		refusals.forEach((sql, reason) -> assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
				.satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).as(sql)
						.contains(reason)));
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'roles-it' and detail = '追記できる'")
				.query(Long.class).single()).isOne();
	}

	@Test
	@Order(3)
	void the_erasure_rewrites_every_table_as_the_schema_owner_and_says_what_it_could_not_do_without_a_superuser() {
		var jdbc = asApplication();
		Acting.run("ext-op", "OPERATOR", () -> MailingTestData.importProgress(app.getBean(SubjectImports.class), List.of(
				MailingTestData.progress("66100001", "730-0011", "氏名漢字", "消去　一郎"),
				MailingTestData.progress("66100002", "730-0012", "氏名漢字", "消去　二郎"))));
		Acting.run("ext-agent", "AGENT", () -> assertThat(app.getBean(SubjectLookup.class).find("66100001", "テスト"))
				.isPresent());
		long fileBefore = relfilenode(jdbc, "subject");
		// The application's role may delete rows but not rewrite a table: VACUUM FULL skips it with a warning.
		jdbc.sql("vacuum full subject").update();
		assertThat(relfilenode(jdbc, "subject")).isEqualTo(fileBefore);

		var erasures = app.getBean(Erasures.class);
		var request = Acting.as("ext-sec-a", "SECURITY_ADMIN", () -> erasures.request("外部サーバーでの消去の確認"));
		ErasureCertificate done = Acting.as("ext-sec-b", "SECURITY_ADMIN", () -> erasures.confirmAndRun(request.id()));

		assertThat(done.state()).isEqualTo(ErasureState.DONE);
		assertThat(done.totalAfter()).isZero();
		assertThat(jdbc.sql("select count(*) from subject").query(Long.class).single()).isZero();
		// Rewritten into a new file by the owner's VACUUM FULL; the certificate says what needed a superuser.
		assertThat(relfilenode(jdbc, "subject")).isNotEqualTo(fileBefore);
		assertThat(done.method()).contains("VACUUM FULL").contains("未実施（スーパーユーザー権限なし）");
	}

	private static long relfilenode(JdbcClient jdbc, String table) {
		return jdbc.sql("select relfilenode from pg_class where oid = to_regclass(:t)").param("t", table)
				.query(Long.class).single();
	}

	@Test
	@Order(4)
	void a_wrong_password_for_the_application_role_stops_the_start_with_one_clear_message(CapturedOutput output) {
		var wrong = new PostgresCluster.Roles(roles.owner(), roles.ownerPassword(), roles.app(), "not-the-password");
		assertThatThrownBy(() -> start(wrong.applicationProperties(server.jdbcUrl("ikiiki"))).close())
				.isNotNull();
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
				.contains("password authentication failed for user \"" + roles.app() + "\"")
				.contains("SPRING_DATASOURCE_PASSWORD")
				.doesNotContain("not-the-password");
		assertThat(stackFrames(output)).isLessThan(5);
	}

	@Test
	@Order(5)
	void a_server_that_is_down_stops_the_start_with_one_clear_message(CapturedOutput output) throws IOException {
		int nothingThere;
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			nothingThere = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://127.0.0.1:" + nothingThere + "/ikiiki";
		assertThatThrownBy(() -> start(roles.applicationProperties(url)).close()).isNotNull();
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
				.contains("127.0.0.1:" + nothingThere).contains("refused");
		assertThat(stackFrames(output)).isLessThan(5);
	}

	/** Lines of Java stack traces in the output. */
	private static long stackFrames(CapturedOutput output) {
		try (Stream<String> lines = (output.getOut() + output.getErr()).lines()) {
			return lines.filter(l -> l.matches("\\s+at [\\w$.]+\\(.*\\)")).count();
		}
	}
}
