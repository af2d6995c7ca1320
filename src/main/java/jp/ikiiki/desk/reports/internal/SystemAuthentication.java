package jp.ikiiki.desk.reports.internal;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs scheduled work as the application itself: the principal {@code system} (so the audit trail names it), with
 * ROLE_SYSTEM to tell it apart and ROLE_CITY_STAFF because a report reads exactly what city staff may read (the
 * statistics and the contributed sections are {@code @PreAuthorize}d for them). Only on the scheduler's own
 * thread, never in a user's request; the previous context is restored afterwards.
 */
final class SystemAuthentication {

	static final String NAME = "system";

	private SystemAuthentication() {
	}

	static <T> T call(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext system = SecurityContextHolder.createEmptyContext();
		system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
				List.of(new SimpleGrantedAuthority("ROLE_SYSTEM"), new SimpleGrantedAuthority("ROLE_CITY_STAFF"))));
		SecurityContextHolder.setContext(system);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}
}
