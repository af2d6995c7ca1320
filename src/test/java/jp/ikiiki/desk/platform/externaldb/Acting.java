package jp.ikiiki.desk.platform.externaldb;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs work as a signed-in user of one role, as the console would (the services check roles themselves). */
final class Acting {

	private Acting() {
	}

	static <T> T as(String user, String role, Supplier<T> work) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
				List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		try {
			return work.get();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	static void run(String user, String role, Runnable work) {
		as(user, role, () -> {
			work.run();
			return null;
		});
	}
}
