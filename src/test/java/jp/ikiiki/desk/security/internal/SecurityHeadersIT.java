package jp.ikiiki.desk.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.ikiiki.desk.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockServletContext;

/** The security headers of the console and the API over real HTTP, and the session cookie's Secure flag. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersIT {

	@LocalServerPort int port;
	@Autowired SecurityConfiguration configuration;
	@Autowired SecurityProperties properties;

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void the_login_page_carries_a_content_security_policy_vaadin_runs_under_and_the_other_headers() throws Exception {
		var page = get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		var headers = page.headers();
		assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
				.contains("frame-ancestors 'none'", "object-src 'none'", "script-src 'self'", "base-uri 'self'", "form-action 'self'"));
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p).contains("camera=()"));
		// the page carries the token the login form posts back
		assertThat(page.body()).contains("name=\"_csrf\"");
	}

	@Test
	void api_answers_are_data_never_pages() throws Exception {
		var answer = get("/api/audit");
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
		assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void the_session_cookie_is_secure_under_prod_unless_configured_otherwise() throws Exception {
		assertThat(SecurityConfiguration.secureCookie("auto", true)).isTrue();
		assertThat(SecurityConfiguration.secureCookie("auto", false)).isFalse();
		assertThat(SecurityConfiguration.secureCookie("true", false)).isTrue();
		assertThat(SecurityConfiguration.secureCookie("false", true)).isFalse();

		var prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		var context = new MockServletContext();
		configuration.secureSessionCookie(properties, prod).onStartup(context);
		assertThat(context.getSessionCookieConfig().isSecure()).isTrue();

		var plain = new MockServletContext();
		configuration.secureSessionCookie(properties, new MockEnvironment()).onStartup(plain);
		assertThat(plain.getSessionCookieConfig().isSecure()).isFalse();
	}
}
