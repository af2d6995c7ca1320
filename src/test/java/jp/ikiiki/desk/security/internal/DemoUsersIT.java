package jp.ikiiki.desk.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoUsersIT {

	private static final Map<String, String> EXPECTED = Map.of(
			"agent", "AGENT",
			"manager", "FLOOR_MANAGER",
			"operator", "OPERATOR",
			"verifier", "OPERATOR",
			"city", "CITY_STAFF",
			"security", "SECURITY_ADMIN");

	private static List<String> demoUsernames(JdbcClient jdbc) {
		return jdbc.sql("select username from app_user where username in (:names) order by username")
				.param("names", EXPECTED.keySet()).query(String.class).list();
	}

	@Nested
	@SpringBootTest(properties = { "ikiiki.demo.enabled=true", "ikiiki.demo.subjects=0" })
	class WhenDemoModeIsOn {

		@Autowired
		JdbcClient jdbc;
		@Autowired
		UserDetailsService users;
		@Autowired
		PasswordEncoder passwordEncoder;
		@Autowired
		DemoUsers demoUsers;

		private DaoAuthenticationProvider login() {
			var provider = new DaoAuthenticationProvider(users);
			provider.setPasswordEncoder(passwordEncoder);
			return provider;
		}

		@Test
		void the_five_demo_users_exist_with_one_role_each_and_sign_in_with_password_demo() {
			assertThat(demoUsernames(jdbc)).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
			for (var e : EXPECTED.entrySet()) {
				var auth = login().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(e.getKey(), "demo"));
				assertThat(auth.isAuthenticated()).isTrue();
				assertThat(auth.getAuthorities().stream().map(GrantedAuthority::getAuthority))
						.as(e.getKey()).containsExactly("ROLE_" + e.getValue());
			}
		}

		@Test
		void demo_users_do_not_sign_in_with_a_wrong_password() {
			assertThatThrownBy(() -> login().authenticate(UsernamePasswordAuthenticationToken.unauthenticated("agent", "Demo")))
					.isInstanceOf(BadCredentialsException.class);
		}

		@Test
		void passwords_are_stored_as_bcrypt_hashes_and_display_names_are_japanese() {
			Map<String, String> hashes = jdbc.sql("select username, password_hash from app_user where username in (:names)")
					.param("names", EXPECTED.keySet())
					.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			assertThat(hashes.values()).allMatch(h -> h.startsWith("$2a$") && !h.contains("demo"));
			assertThat(jdbc.sql("select display_name from app_user where username = 'operator'").query(String.class).single())
					.isEqualTo("事務担当 三郎");
		}

		@Test
		void running_again_creates_nothing_and_leaves_a_changed_user_as_it_is() throws Exception {
			jdbc.sql("update app_user set display_name = '変更済み', enabled = false where username = 'city'").update();
			try {
				long before = jdbc.sql("select count(*) from app_user_role").query(Long.class).single();
				demoUsers.run(null);
				assertThat(jdbc.sql("select count(*) from app_user_role").query(Long.class).single()).isEqualTo(before);
				assertThat(demoUsernames(jdbc)).hasSize(EXPECTED.size());
				assertThat(jdbc.sql("select display_name from app_user where username = 'city'").query(String.class).single())
						.isEqualTo("変更済み");
			}
			finally {
				jdbc.sql("update app_user set display_name = '広島市 職員', enabled = true where username = 'city'").update();
			}
		}

		@Test
		void a_deleted_demo_user_is_created_again_on_the_next_start() throws Exception {
			jdbc.sql("delete from app_user where username = 'manager'").update();
			demoUsers.run(null);
			var auth = login().authenticate(UsernamePasswordAuthenticationToken.unauthenticated("manager", "demo"));
			assertThat(auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)).containsExactly("ROLE_FLOOR_MANAGER");
		}
	}

	@Nested
	@SpringBootTest(properties = "ikiiki.demo.enabled=false")
	class WhenDemoModeIsOff {

		@Autowired
		JdbcClient jdbc;
		@Autowired
		DemoUsers demoUsers;

		@Test
		void no_demo_user_exists_even_after_running_again() throws Exception {
			assertThat(demoUsernames(jdbc)).isEmpty();
			demoUsers.run(null);
			assertThat(demoUsernames(jdbc)).isEmpty();
		}
	}
}
