package jp.ikiiki.desk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityIT {

	@Autowired MockMvc mvc;
	@Autowired JdbcClient jdbc;
	@Autowired PasswordEncoder encoder;
	@Autowired UserAdministration users;
	@Autowired SecurityProperties properties;
	@Autowired ServerProperties server;

	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@BeforeEach
	void user() {
		jdbc.sql("delete from app_user where username like 't-%'").update();
		jdbc.sql("delete from login_failure where username like 't-%'").update();
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values ('t-agent', 'テスト', :h) returning id")
				.param("h", encoder.encode("right-pass-1")).query(Long.class).single();
		jdbc.sql("insert into app_user_role values (:id, 'AGENT')").param("id", id).update();
	}

	@Test
	void passwords_are_stored_as_bcrypt_hashes() {
		String hash = jdbc.sql("select password_hash from app_user where username = 't-agent'").query(String.class).single();
		assertThat(hash).startsWith("$2a$").doesNotContain("right-pass-1");
	}

	@Test
	void api_accepts_http_basic_with_the_right_password_and_refuses_without() throws Exception {
		mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/audit").with(httpBasic("t-agent", "wrong"))).andExpect(status().isUnauthorized());
		// the agent is authenticated but not allowed to read the audit trail
		mvc.perform(get("/api/audit").with(httpBasic("t-agent", "right-pass-1"))).andExpect(status().isForbidden());
	}

	@Test
	void account_locks_for_the_failing_address_after_repeated_failures_even_for_the_right_password() throws Exception {
		for (int i = 0; i < properties.maxFailedLogins(); i++) {
			mvc.perform(get("/api/audit").with(httpBasic("t-agent", "wrong-" + i)).with(from("192.0.2.11")))
					.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/audit").with(httpBasic("t-agent", "right-pass-1")).with(from("192.0.2.11")))
				.andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("select count(*) from audit_event where username = 't-agent' and action = 'LOGIN_FAILED'")
				.query(Long.class).single()).isGreaterThanOrEqualTo(properties.maxFailedLogins() + 1L);
	}

	@Test
	void a_success_before_the_limit_resets_the_failure_count() throws Exception {
		mvc.perform(get("/api/audit").with(httpBasic("t-agent", "wrong")).with(from("192.0.2.12"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/audit").with(httpBasic("t-agent", "right-pass-1")).with(from("192.0.2.12"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select failed_logins from app_user where username = 't-agent'").query(Integer.class).single()).isZero();
	}

	@Test
	@WithMockUser(username = "t-admin", roles = "SECURITY_ADMIN")
	void security_admin_and_floor_manager_cannot_be_one_user() {
		assertThatThrownBy(() -> users.create("t-both", "兼任", "abcdefgh12", Set.of(Roles.SECURITY_ADMIN, Roles.FLOOR_MANAGER)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("第1章3(3)");
		users.create("t-manager", "現場", "abcdefgh12", Set.of(Roles.FLOOR_MANAGER));
		assertThatThrownBy(() -> users.changeRoles("t-manager", Set.of(Roles.FLOOR_MANAGER, Roles.SECURITY_ADMIN)))
				.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void the_database_itself_refuses_the_forbidden_role_pair() {
		long id = jdbc.sql("select id from app_user where username = 't-agent'").query(Long.class).single();
		jdbc.sql("insert into app_user_role values (:id, 'FLOOR_MANAGER')").param("id", id).update();
		assertThatThrownBy(() -> jdbc.sql("insert into app_user_role values (:id, 'SECURITY_ADMIN')").param("id", id).update())
				.hasMessageContaining("第1章3(3)");
	}

	@Test
	@WithMockUser(username = "t-admin", roles = "SECURITY_ADMIN")
	void weak_passwords_and_unknown_roles_are_refused_with_a_reason() {
		assertThatThrownBy(() -> users.create("t-weak", "弱い", "short1", Set.of(Roles.AGENT))).hasMessageContaining("10文字以上");
		assertThatThrownBy(() -> users.create("t-role", "役割", "abcdefgh12", Set.of("ROOT"))).hasMessageContaining("不明な役割");
		assertThatThrownBy(() -> users.create("T agent", "名前", "abcdefgh12", Set.of(Roles.AGENT))).hasMessageContaining("ユーザー名");
	}

	@Test
	@WithMockUser(username = "t-admin", roles = "SECURITY_ADMIN")
	void user_changes_are_audited() {
		users.create("t-new", "新規", "abcdefgh12", Set.of(Roles.OPERATOR));
		users.setEnabled("t-new", false);
		assertThat(jdbc.sql("select count(*) from audit_event where username = 't-admin' and action = 'USER_ADMIN' and detail like '%t-new%'")
				.query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	@WithMockUser(username = "t-agent", roles = "AGENT")
	void only_the_security_admin_may_administer_users() {
		assertThatThrownBy(() -> users.users()).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> users.create("t-x", "x", "abcdefgh12", Set.of(Roles.AGENT))).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithMockUser(username = "t-admin", roles = "SECURITY_ADMIN")
	void the_name_the_system_acts_under_cannot_be_given_to_a_person() {
		assertThatThrownBy(() -> users.create(CurrentUser.SYSTEM, "システム", "abcdefgh12", Set.of(Roles.AGENT)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("システムが使う");
		assertThatThrownBy(() -> users.create(" SYSTEM ", "システム", "abcdefgh12", Set.of(Roles.AGENT)))
				.isInstanceOf(InvalidInputException.class);
		// nor behind the service's back
		assertThatThrownBy(() -> jdbc.sql("insert into app_user (username, display_name, password_hash) values ('system', 'x', 'x')")
				.update()).hasMessageContaining("app_user_username_not_reserved");
	}

	@Test
	@WithMockUser(username = "t-admin", roles = "SECURITY_ADMIN")
	void refusals_are_domain_refusals_naming_the_field() {
		assertThatThrownBy(() -> users.unlock("t-nobody")).isInstanceOf(NotFoundException.class);
		users.create("t-dup", "重複", "abcdefgh12", Set.of(Roles.AGENT));
		assertThatThrownBy(() -> users.create("t-dup", "重複", "abcdefgh12", Set.of(Roles.AGENT)))
				.isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> users.create("t-long", "長い", "a1".repeat(40), Set.of(Roles.AGENT)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("72");
		assertThatThrownBy(() -> users.changeRoles("t-admin-self", Set.of(Roles.AGENT))).isInstanceOf(NotFoundException.class);
	}

	@Test
	void sessions_time_out() {
		assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
	}
}
