package jp.ikiiki.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailIT {

	@Autowired AuditTrail trail;
	@Autowired AuditQueries queries;
	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate tx;
	@Autowired MockMvc mvc;

	@Test
	@WithMockUser(username = "auditor-test", roles = "AGENT")
	void an_entry_records_who_what_and_from_where() {
		trail.record(AuditAction.VIEW, "画面:対象者詳細", List.of("1000000001"), "宛名番号で表示");
		var row = jdbc.sql("select username, action, channel, subject_ids[1] as s from audit_event where username = 'auditor-test' order by id desc limit 1")
				.query().singleRow();
		assertThat(row).containsEntry("username", "auditor-test").containsEntry("action", "VIEW")
				.containsEntry("channel", "画面:対象者詳細").containsEntry("s", "1000000001");
	}

	@Test
	void the_application_role_cannot_update_delete_or_truncate_the_trail() {
		trail.recordFor("someone", AuditAction.LOGIN, "ログイン", null);
		assertThat(jdbc.sql("select has_table_privilege(current_user, 'audit_event', 'UPDATE') or has_table_privilege(current_user, 'audit_event', 'DELETE')")
				.query(Boolean.class).single()).isFalse();
		assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'x'").update()).hasMessageContaining("audit_event");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("audit_event");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).hasMessageContaining("audit_event");
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'someone'").query(Long.class).single()).isPositive();
	}

	@Test
	void the_application_does_not_connect_as_a_superuser_or_the_schema_owner() {
		assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("select viewowner <> current_user from pg_views where viewname = 'audit_event'").query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select tableowner <> current_user from pg_tables where tablename = 'audit_record'").query(Boolean.class).single()).isTrue();
	}

	@Test
	@WithMockUser(username = "sealed-test", roles = "AGENT")
	void personal_values_are_sealed_in_the_table_and_still_found_by_the_person_they_name() {
		trail.record(AuditAction.SEARCH, "画面:対象者検索", List.of("1000000777"), "氏名=封印太郎");
		// the application's role reads the trail only through the view, and never the secrets
		assertThat(jdbc.sql("select has_table_privilege(current_user, 'audit_record', 'SELECT') or has_table_privilege(current_user, 'audit_key', 'SELECT')")
				.query(Boolean.class).single()).isFalse();
		assertThatThrownBy(() -> jdbc.sql("select audit_destroy_keys()").query(Integer.class).single()).hasMessageContaining("audit_destroy_keys");
		var row = jdbc.sql("select detail, subject_ids[1] as s, values_erased from audit_event where username = 'sealed-test' order by id desc limit 1")
				.query().singleRow();
		assertThat(row).containsEntry("detail", "氏名=封印太郎").containsEntry("s", "1000000777").containsEntry("values_erased", false);
		assertThat(queriesAs(() -> queries.count(new AuditFilter("1000000777", "sealed-test", null, null, null, null)))).isEqualTo(1);
		assertThat(queriesAs(() -> queries.count(new AuditFilter(null, "sealed-test", null, null, null, "封印太郎")))).isEqualTo(1);
	}

	private static <T> T queriesAs(java.util.function.Supplier<T> work) {
		var previous = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
				org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("auditor", "n/a",
						List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_SECURITY_ADMIN"))));
		try {
			return work.get();
		} finally {
			org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	@Test
	@WithMockUser(username = "rollback-test", roles = "OPERATOR")
	void an_entry_survives_the_rollback_of_the_work_it_describes() {
		try {
			tx.executeWithoutResult(status -> {
				trail.recordFile(AuditAction.IMPORT, "画面:取込", "index.csv", "試行");
				status.setRollbackOnly();
			});
		} catch (RuntimeException ignored) {
		}
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'rollback-test'").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@WithMockUser(username = "filter-test", roles = "SECURITY_ADMIN")
	void the_security_admin_filters_by_subject_user_and_action() {
		trail.record(AuditAction.SEARCH, "GET /api/subjects", List.of("2000000001", "2000000002"), "kana");
		trail.record(AuditAction.VIEW, "GET /api/subjects/2000000003", List.of("2000000003"), null);
		assertThat(queries.find(new AuditFilter("2000000002", null, null, null, null, null), 0, 10))
				.extracting(AuditEntry::action).containsExactly(AuditAction.SEARCH);
		assertThat(queries.count(new AuditFilter(null, "filter-test", AuditAction.VIEW, null, null, null))).isEqualTo(1);
		assertThat(queries.find(new AuditFilter(null, null, null, null, null, "api/subjects/2000000003"), 0, 10)).hasSize(1);
	}

	@Test
	@WithMockUser(roles = "FLOOR_MANAGER")
	void nobody_else_reads_the_trail() {
		assertThatThrownBy(() -> queries.count(AuditFilter.ALL)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void audit_api_filters_by_subject_for_the_security_admin() throws Exception {
		trail.recordFor("api-test", AuditAction.LOGIN, "ログイン", null);
		jdbc.sql("insert into audit_event (username, action, channel, subject_ids) values ('api-test', 'VIEW', 'GET /api/subjects/3000000001', '{3000000001}')").update();
		mvc.perform(get("/api/audit").param("subject", "3000000001").with(user("sec").roles("SECURITY_ADMIN")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].subjectIds[0]").value("3000000001"))
				.andExpect(jsonPath("$[0].action").value("VIEW"))
				.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/audit").with(user("a").roles("AGENT"))).andExpect(status().isForbidden());
	}
}
