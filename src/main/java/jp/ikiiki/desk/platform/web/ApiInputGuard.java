package jp.ikiiki.desk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any controller, an API query string that no person could have typed: control characters (NUL,
 * ESC, newlines …) in a parameter's name or value, or percent-encoding that is not UTF-8. Such values reach
 * PostgreSQL as errors (it refuses NUL in text) or the log as garbage; the client gets a 400 problem naming the
 * parameter instead, and the refusal is published ({@link RefusedApiRequest}) for the audit trail. Runs after sign-in,
 * so an anonymous request is still a 401.
 */
@Configuration(proxyBeanMethods = false)
class ApiInputGuard {

	@Bean
	FilterRegistrationBean<QueryStringFilter> apiQueryStringFilter(ApplicationEventPublisher events) {
		var registration = new FilterRegistrationBean<>(new QueryStringFilter(events));
		registration.addUrlPatterns("/api/*");
		registration.setName("apiQueryStringFilter");
		return registration;
	}

	static final class QueryStringFilter extends OncePerRequestFilter {

		private final ApplicationEventPublisher events;

		QueryStringFilter(ApplicationEventPublisher events) {
			this.events = events;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String refusal = check(request.getQueryString());
			if (refusal != null) {
				events.publishEvent(new RefusedApiRequest(request.getMethod(), request.getRequestURI(), refusal));
				var problem = Problems.of(HttpStatus.BAD_REQUEST, refusal);
				Problems.write(response, problem);
				return;
			}
			chain.doFilter(request, response);
		}
	}

	/** The reason to refuse a query string, or null if it is acceptable. */
	static String check(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String rawName = eq < 0 ? pair : pair.substring(0, eq);
			String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
			String name;
			String value;
			try {
				name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
				value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
			} catch (IllegalArgumentException e) {
				return "パラメータの書き方（% による符号化）が正しくありません";
			}
			String shown = name.length() > 40 || hasControl(name) ? "" : name + " ";
			if (hasControl(name) || hasControl(value)) {
				return "パラメータ " + shown + "に使えない文字（制御文字）が含まれています";
			}
			if (value.indexOf('\uFFFD') >= 0 && rawValue.indexOf('%') >= 0) {
				return "パラメータ " + shown + "の文字コードが UTF-8 ではありません";
			}
		}
		return null;
	}

	private static boolean hasControl(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c == 0x7F) {
				return true;
			}
		}
		return false;
	}
}
