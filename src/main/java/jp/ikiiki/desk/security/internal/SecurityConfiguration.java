package jp.ikiiki.desk.security.internal;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.ServletContext;
import jp.ikiiki.desk.security.SecurityProperties;
import jp.ikiiki.desk.security.ui.LoginView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains (docs/architecture.md, "Security").
 * <ul>
 * <li>The HTTP API ({@code /api/**}): HTTP Basic, or the console's session for reading (GET, HEAD) — a state-changing
 * call must carry its credentials, so that a page elsewhere cannot make a signed-in browser change anything (no
 * CSRF token is needed, none is accepted). Never a redirect: 401 with {@code WWW-Authenticate} and a problem body,
 * 429 for a throttled address, 403 for a missing role. No session is ever created by the API.</li>
 * <li>The Vaadin console: form login through {@link LoginView} with Spring Security's CSRF token (Vaadin sends it),
 * Vaadin's own CSRF protection for its requests.</li>
 * </ul>
 * Both send the same security headers ({@link SecurityHeaders}). Passwords are checked by one provider for both
 * ({@link GuardedAuthenticationProvider}); roles are enforced again on every service method with
 * {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(SecurityProperties.class)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

	static final String REALM = "ikiiki-desk";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(10);
	}

	@Bean
	AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInGuard guard) {
		var passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		return new GuardedAuthenticationProvider(passwords, guard);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
		var problems = new ApiAuthenticationProblems(REALM);
		return http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/**")
				.authorizeHttpRequests(auth -> auth
						.requestMatchers("/v3/api-docs/**", "/actuator/health/**", "/actuator/prometheus").permitAll()
						.anyRequest().authenticated())
				.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems))
				// Basic credentials are sent by programs, not by a browser on its own; the session is honoured for
				// reading only (SessionForReading), so a cross-site request cannot change anything.
				.csrf(csrf -> csrf.disable())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
				.securityContext(c -> c.securityContextRepository(new SessionForReading()))
				.requestCache(cache -> cache.disable())
				.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
				.headers(SecurityHeaders::api)
				.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleFilterChain(HttpSecurity http, SignInAudit signInAudit, RequestUtil vaadinRequests)
			throws Exception {
		http.authorizeHttpRequests(auth -> auth.requestMatchers("/images/**", "/icons/**", "/fonts/**", "/styles/**",
				"/favicon.ico", "/favicon.svg", "/error").permitAll());
		http.headers(SecurityHeaders::console);
		// Vaadin's own requests carry Vaadin's CSRF token; everything else — the login form above all, which Vaadin
		// would exempt — needs Spring Security's (the login form sends it from the page's _csrf meta tags).
		http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
		http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
				.enableCsrfConfiguration(false)
				.addLogoutHandler(signInAudit));
		// After Vaadin's configurer, so that its failure URL does not replace the handler.
		http.with(new SignInFailures(), failures -> {
		});
		return http.build();
	}

	/** The session cookie's Secure flag: on under {@code prod} unless {@code ikiiki.security.secure-cookie} says. */
	@Bean
	ServletContextInitializer secureSessionCookie(SecurityProperties properties, Environment environment) {
		return (ServletContext context) -> context.getSessionCookieConfig().setSecure(
				secureCookie(properties.secureCookie(), environment.acceptsProfiles(Profiles.of("prod"))));
	}

	static boolean secureCookie(String setting, boolean prod) {
		return switch (setting) {
			case "true" -> true;
			case "false" -> false;
			default -> prod;
		};
	}
}
