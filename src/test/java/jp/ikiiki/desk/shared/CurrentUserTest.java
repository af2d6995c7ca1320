package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class CurrentUserTest {

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void a_signed_in_person_is_named_and_is_a_person() {
		signIn("tanaka", "ROLE_OPERATOR");
		assertThat(CurrentUser.name()).isEqualTo("tanaka");
		assertThat(CurrentUser.person()).isEqualTo("tanaka");
		assertThat(CurrentUser.isSystem()).isFalse();
		assertThat(CurrentUser.hasRole("OPERATOR")).isTrue();
		assertThat(CurrentUser.hasRole("ROLE_OPERATOR")).isTrue();
		assertThat(CurrentUser.hasRole("FLOOR_MANAGER")).isFalse();
	}

	@Test
	void no_user_at_all_acts_as_the_system_but_is_no_person() {
		assertThat(CurrentUser.name()).isEqualTo(CurrentUser.SYSTEM);
		assertThat(CurrentUser.isSystem()).isTrue();
		assertThat(CurrentUser.hasRole("OPERATOR")).isFalse();
		assertThatThrownBy(CurrentUser::person).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
	}

	@Test
	void the_anonymous_token_is_no_user() {
		SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(CurrentUser.name()).isEqualTo(CurrentUser.SYSTEM);
		assertThatThrownBy(CurrentUser::person).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
	}

	@Test
	void an_unauthenticated_token_is_no_user() {
		SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated("mallory", "guess"));
		assertThat(CurrentUser.name()).isEqualTo(CurrentUser.SYSTEM);
		assertThatThrownBy(CurrentUser::person).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
	}

	@Test
	void work_as_the_system_has_the_roles_asked_for_and_restores_the_person_afterwards() {
		signIn("suzuki", "ROLE_AGENT");
		List<Object> seen = CurrentUser.callAsSystem(() -> List.of(CurrentUser.name(), CurrentUser.isSystem(),
				CurrentUser.hasRole("CITY_STAFF"), CurrentUser.hasRole("AGENT")), "CITY_STAFF");
		assertThat(seen).containsExactly(CurrentUser.SYSTEM, true, true, false);
		assertThat(CurrentUser.name()).isEqualTo("suzuki");
	}

	@Test
	void the_system_is_no_person() {
		assertThatThrownBy(() -> CurrentUser.runAsSystem(CurrentUser::person))
				.isInstanceOf(AuthenticationCredentialsNotFoundException.class);
	}

	@Test
	void the_context_is_restored_when_the_work_fails() {
		signIn("suzuki", "ROLE_AGENT");
		assertThatThrownBy(() -> CurrentUser.runAsSystem(() -> {
			throw new IllegalStateException("boom");
		})).hasMessage("boom");
		assertThat(CurrentUser.name()).isEqualTo("suzuki");
	}

	private static void signIn(String name, String... authorities) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
				null, AuthorityUtils.createAuthorityList(authorities)));
	}
}
