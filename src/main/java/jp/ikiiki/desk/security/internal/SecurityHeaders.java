package jp.ikiiki.desk.security.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers of every response (docs/operations.md, "Security headers").
 *
 * <p>The console's Content-Security-Policy is the strictest Vaadin Flow 24 runs under: Flow's client runs the
 * JavaScript the server sends through {@code new Function} and its bootstrap page carries an inline script, so
 * scripts need {@code 'unsafe-inline' 'unsafe-eval'}; components set inline styles, so styles need
 * {@code 'unsafe-inline'}. Everything else is locked to the application itself: no script, style, font, image or
 * connection from elsewhere (what an injected tag would need to load code or send data out), no plug-ins, no
 * framing, forms only to the application, no {@code <base>}. Server push connects back to the same host
 * ({@code 'self'} includes its ws/wss). The API's answers are data, never pages: {@code default-src 'none'}.
 */
final class SecurityHeaders {

	static final String CONSOLE_POLICY = String.join("; ",
			"default-src 'self'",
			"script-src 'self' 'unsafe-inline' 'unsafe-eval'",
			"style-src 'self' 'unsafe-inline'",
			"img-src 'self' data: blob:",
			"font-src 'self' data:",
			"connect-src 'self'",
			"media-src 'self'",
			"worker-src 'self'",
			"manifest-src 'self'",
			"object-src 'none'",
			"frame-src 'self' blob:",
			"frame-ancestors 'none'",
			"form-action 'self'",
			"base-uri 'self'");

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private SecurityHeaders() {
	}

	static void console(HeadersConfigurer<HttpSecurity> headers) {
		common(headers);
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_POLICY));
	}

	static void api(HeadersConfigurer<HttpSecurity> headers) {
		common(headers);
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY));
	}

	private static void common(HeadersConfigurer<HttpSecurity> headers) {
		headers.frameOptions(frame -> frame.deny())
				.contentTypeOptions(options -> {
				})
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter(
						"Permissions-Policy", PERMISSIONS));
	}
}
