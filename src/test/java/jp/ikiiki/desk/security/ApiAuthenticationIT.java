package jp.ikiiki.desk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signing in to the API and the console (第11章): HTTP Basic failures are 401 problems with a challenge, never a
 * redirect; the console's session reads the API but cannot change anything through it; the login form needs its
 * CSRF token; a stranger's failures lock an account only for the stranger's address, and an address that fails too
 * often is refused; every failure is audited with its address. Each test uses addresses of its own (TEST-NET).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiAuthenticationIT {

	@Autowired MockMvc mvc;
	@Autowired JdbcClient jdbc;
	@Autowired PasswordEncoder encoder;
	@Autowired SecurityProperties properties;

	@BeforeEach
	void users() {
		for (var user : List.of(Map.of("name", "a-admin", "role", Roles.SECURITY_ADMIN),
				Map.of("name", "a-victim", "role", Roles.AGENT), Map.of("name", "a-spread", "role", Roles.AGENT))) {
			jdbc.sql("delete from app_user where username = :u").param("u", user.get("name")).update();
			jdbc.sql("delete from login_failure where username = :u").param("u", user.get("name")).update();
			long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '試験 太郎', :h) returning id")
					.param("u", user.get("name")).param("h", encoder.encode("right-pass-1")).query(Long.class).single();
			jdbc.sql("insert into app_user_role values (:id, :r)").param("id", id).param("r", user.get("role")).update();
		}
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private ResultActions expectChallenge(ResultActions result) throws Exception {
		return result.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Basic realm=\"ikiiki-desk\""))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(401))
				.andExpect(jsonPath("$.title").value("認証が必要です"));
	}

	@Test
	void no_credentials_is_a_401_problem_with_a_challenge_never_a_redirect_to_the_login() throws Exception {
		expectChallenge(mvc.perform(get("/api/audit").accept(MediaType.TEXT_HTML).with(from("192.0.2.20"))))
				.andExpect(header().doesNotExist("Location"))
				.andExpect(jsonPath("$.reason").value(containsString("HTTP Basic")));
	}

	@Test
	void a_wrong_password_and_an_unknown_user_get_the_same_answer() throws Exception {
		String wrong = expectChallenge(mvc.perform(get("/api/audit").with(httpBasic("a-admin", "wrong-pass-1")).with(from("192.0.2.21"))))
				.andReturn().getResponse().getContentAsString();
		String unknown = expectChallenge(mvc.perform(get("/api/audit").with(httpBasic("a-nobody", "wrong-pass-1")).with(from("192.0.2.21"))))
				.andReturn().getResponse().getContentAsString();
		assertThat(wrong).isEqualTo(unknown).contains("ユーザー名またはパスワードが違う");
		// and a malformed Authorization header is the same kind of refusal, not a 400 or 500
		expectChallenge(mvc.perform(get("/api/audit").header("Authorization", "Basic %%%").with(from("192.0.2.21"))));
	}

	@Test
	void a_console_session_reads_the_api() throws Exception {
		MockHttpSession session = signInToConsole("a-admin", "192.0.2.22");
		mvc.perform(get("/api/audit").session(session).with(from("192.0.2.22")))
				.andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
	}

	@Test
	void a_console_session_cannot_change_anything_through_the_api() throws Exception {
		MockHttpSession session = signInToConsole("a-admin", "192.0.2.23");
		expectChallenge(mvc.perform(post("/api/escalations/1/instruction").session(session).with(from("192.0.2.23"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"x\"}")))
				.andExpect(jsonPath("$.reason").value(containsString("コンソールのセッションは使えません")));
		// a CSRF token does not make it acceptable either: state changes need credentials
		expectChallenge(mvc.perform(post("/api/escalations/1/instruction").session(session).with(csrf()).with(from("192.0.2.23"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"x\"}")));
	}

	@Test
	void the_api_never_creates_a_session() throws Exception {
		var result = mvc.perform(get("/api/audit").with(httpBasic("a-admin", "right-pass-1")).with(from("192.0.2.24")))
				.andExpect(status().isOk()).andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void a_missing_role_is_a_403_problem() throws Exception {
		mvc.perform(get("/api/audit").with(httpBasic("a-victim", "right-pass-1")).with(from("192.0.2.25")))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.reason").value("この操作を行う権限がありません"));
	}

	@Test
	void the_login_form_refuses_a_post_without_its_csrf_token() throws Exception {
		mvc.perform(post("/login").param("username", "a-admin").param("password", "right-pass-1").with(from("192.0.2.26")))
				.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'a-admin' and action = 'LOGIN' and source_address = '192.0.2.26'")
				.query(Long.class).single()).isZero();
	}

	@Test
	void a_failed_console_sign_in_returns_to_the_login_keeping_the_user_name() throws Exception {
		var result = mvc.perform(post("/login").param("username", "a-admin").param("password", "wrong-pass-1").with(csrf())
				.with(from("192.0.2.27")))
				.andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", startsWith("/login?error")))
				.andReturn();
		assertThat(result.getRequest().getSession().getAttribute(jp.ikiiki.desk.security.ui.LoginView.LAST_USERNAME))
				.isEqualTo("a-admin");
	}

	@Test
	void a_stranger_failing_a_password_locks_the_account_only_for_the_strangers_address() throws Exception {
		for (int i = 0; i < properties.maxFailedLogins(); i++) {
			mvc.perform(get("/api/calendar/2026-09").with(httpBasic("a-victim", "guess-" + i)).with(from("192.0.2.66")))
					.andExpect(status().isUnauthorized());
		}
		// the stranger's address is now refused even with the right password …
		mvc.perform(get("/api/calendar/2026-09").with(httpBasic("a-victim", "right-pass-1")).with(from("192.0.2.66")))
				.andExpect(status().isUnauthorized());
		// … but the owner at their own desk signs in
		mvc.perform(get("/api/calendar/2026-09").with(httpBasic("a-victim", "right-pass-1")).with(from("192.0.2.7")))
				.andExpect(status().isOk());
		assertThat(jdbc.sql("select detail from audit_event where username = 'a-victim' and action = 'LOGIN_FAILED' "
				+ "and source_address = '192.0.2.66' order by id").query(String.class).list())
				.hasSize(properties.maxFailedLogins() + 1)
				.last().asString().contains("ロック");
	}

	@Test
	void guessing_spread_over_many_addresses_locks_the_account_everywhere() throws Exception {
		int perAddress = properties.maxFailedLogins() - 1;
		int addresses = (properties.accountMaxFailedLogins() + perAddress - 1) / perAddress;
		for (int a = 0; a < addresses; a++) {
			for (int i = 0; i < perAddress; i++) {
				mvc.perform(get("/api/calendar/2026-09").with(httpBasic("a-spread", "guess-" + i)).with(from("198.51.100." + a)))
						.andExpect(status().isUnauthorized());
			}
		}
		mvc.perform(get("/api/calendar/2026-09").with(httpBasic("a-spread", "right-pass-1")).with(from("198.51.100.200")))
				.andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("select locked_until > now() from app_user where username = 'a-spread'").query(Boolean.class).single())
				.isTrue();
	}

	@Test
	void an_address_failing_too_often_is_refused_with_429_whatever_the_account() throws Exception {
		for (int i = 0; i < properties.addressMaxFailures(); i++) {
			mvc.perform(get("/api/calendar/2026-09").with(httpBasic("a-guess-" + i, "guess")).with(from("203.0.113.9")))
					.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/calendar/2026-09").with(httpBasic("a-victim", "right-pass-1")).with(from("203.0.113.9")))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", String.valueOf(properties.addressWindow().toSeconds())))
				.andExpect(jsonPath("$.reason").value(containsString("失敗が多すぎます")));
		// the throttle stops the guessing before the victim's password is even checked: no lock on the account
		mvc.perform(get("/api/calendar/2026-09").with(httpBasic("a-victim", "right-pass-1")).with(from("203.0.113.10")))
				.andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN_FAILED' and source_address = '203.0.113.9'")
				.query(Long.class).single()).isEqualTo(properties.addressMaxFailures() + 1L);
		// the console's login says why
		mvc.perform(post("/login").param("username", "a-victim").param("password", "right-pass-1").with(csrf())
				.with(from("203.0.113.9")))
				.andExpect(header().string("Location", "/login?error&throttled"));
	}

	@Test
	void every_console_sign_in_and_failure_is_audited_with_its_source_address() throws Exception {
		signInToConsole("a-admin", "192.0.2.28");
		mvc.perform(post("/login").param("username", "a-admin").param("password", "nope-nope-1").with(csrf()).with(from("192.0.2.29")));
		assertThat(jdbc.sql("select action || ' ' || source_address from audit_event where username = 'a-admin' "
				+ "and action in ('LOGIN', 'LOGIN_FAILED') order by id").query(String.class).list())
				.containsSubsequence("LOGIN 192.0.2.28", "LOGIN_FAILED 192.0.2.29");
	}

	private MockHttpSession signInToConsole(String username, String address) throws Exception {
		var result = mvc.perform(post("/login").param("username", username).param("password", "right-pass-1").with(csrf())
				.with(from(address)))
				.andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", org.hamcrest.Matchers.not(containsString("error"))))
				.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}
}
