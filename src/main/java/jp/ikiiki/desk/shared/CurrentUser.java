package jp.ikiiki.desk.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: the one look-up of the signed-in user, for every module.
 *
 * <p>One behaviour everywhere:
 * <ul>
 * <li>{@link #name()} is the signed-in user's login name. Work no person started — schedulers, event listeners
 * after a commit, start-up — runs {@link #callAsSystem as the application} and is named {@value #SYSTEM}; so is
 * anything that reaches a service with no user at all (services that change data are {@code @PreAuthorize}d, so a
 * request without a signed-in user never gets that far).</li>
 * <li>{@link #person()} is for work that only a person may do and that is attributed to that person (keying,
 * verifying another's keying, binding a phone): it refuses the system and the anonymous.</li>
 * </ul>
 *
 * <p>Kept here rather than in {@code security} because the audit trail, on which {@code security} itself depends,
 * needs it too. The security context is Spring Security's (with Vaadin's session-aware strategy in the console).
 */
public final class CurrentUser {

	/** The name the application acts under when no person does; also the audit trail's actor then. */
	public static final String SYSTEM = "system";

	/** The authority the system principal carries, to tell it apart from any person. */
	public static final String SYSTEM_ROLE = "ROLE_SYSTEM";

	private CurrentUser() {
	}

	/**
	 * A signed-in principal that knows the person's name as colleagues know it (「受付 花子」), which screens show
	 * instead of the login name. Implemented by the security module's principal.
	 */
	public interface Person {
		/** The display name; not blank. */
		String displayName();
	}

	/**
	 * The acting person's display name for screens (header, wallboard): the name the administrator gave them, or the
	 * login name when the principal carries none, 「システム」 for the system.
	 */
	public static String displayName() {
		return signedIn().map(a -> {
			if (isSystem(a)) {
				return "システム";
			}
			if (a.getPrincipal() instanceof Person person && person.displayName() != null && !person.displayName().isBlank()) {
				return person.displayName();
			}
			return a.getName();
		}).orElse("システム");
	}

	/** The acting user's login name, or {@value #SYSTEM} when no person is signed in. Never null. */
	public static String name() {
		return signedIn().map(Authentication::getName).orElse(SYSTEM);
	}

	/**
	 * The signed-in person's login name.
	 *
	 * @throws AuthenticationCredentialsNotFoundException when no person is signed in (no user, anonymous, or the
	 *                                                    system principal)
	 */
	public static String person() {
		return signedIn().filter(a -> !isSystem(a)).map(Authentication::getName)
				.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no person is signed in"));
	}

	/** True when the acting user holds the role ({@code "FLOOR_MANAGER"} or {@code "ROLE_FLOOR_MANAGER"}). */
	public static boolean hasRole(String role) {
		String authority = role.startsWith("ROLE_") ? role : "ROLE_" + role;
		return signedIn().map(a -> a.getAuthorities().stream().anyMatch(g -> authority.equals(g.getAuthority())))
				.orElse(false);
	}

	/** True when the work runs as the application rather than as a person. */
	public static boolean isSystem() {
		return signedIn().map(CurrentUser::isSystem).orElse(true);
	}

	/**
	 * Runs work as the application: the principal {@value #SYSTEM} with {@value #SYSTEM_ROLE} and the given roles
	 * (those the work needs to pass the services' checks, e.g. {@code "CITY_STAFF"} to read what the city reads).
	 * Only on a thread of the application's own (scheduler, listener), never inside a person's request; the
	 * previous security context is restored afterwards.
	 */
	public static <T> T callAsSystem(Supplier<T> work, String... roles) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext system = SecurityContextHolder.createEmptyContext();
		List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(SYSTEM_ROLE));
		Arrays.stream(roles).map(r -> r.startsWith("ROLE_") ? r : "ROLE_" + r).map(SimpleGrantedAuthority::new)
				.forEach(authorities::add);
		system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, authorities));
		SecurityContextHolder.setContext(system);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** {@link #callAsSystem} for work without a result. */
	public static void runAsSystem(Runnable work, String... roles) {
		callAsSystem(() -> {
			work.run();
			return null;
		}, roles);
	}

	private static Optional<Authentication> signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(auth);
	}

	private static boolean isSystem(Authentication auth) {
		return auth.getAuthorities().stream().anyMatch(g -> SYSTEM_ROLE.equals(g.getAuthority()));
	}
}
