package jp.ikiiki.desk.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.ikiiki.desk.security.ui.LoginView;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What the console's login does after a failed sign-in: back to the login with the user name kept (in the session,
 * not in the address, which proxies log) so that only the password is typed again, and the reason shown —
 * {@code ?error} for anything about the name or password, {@code ?error&throttled} for an address refused after too
 * many failures.
 */
class SignInFailures extends AbstractHttpConfigurer<SignInFailures, HttpSecurity> implements AuthenticationFailureHandler {

	@Override
	public void init(HttpSecurity http) {
		@SuppressWarnings("unchecked")
		FormLoginConfigurer<HttpSecurity> form = http.getConfigurer(FormLoginConfigurer.class);
		if (form == null) {
			throw new IllegalStateException("The console's form login must be configured before its failure handler");
		}
		form.failureHandler(this);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String username = request.getParameter("username");
		request.getSession(true).setAttribute(LoginView.LAST_USERNAME,
				username == null ? "" : SignInGuard.clip(username.strip()));
		String target = request.getContextPath() + "/login?error"
				+ (failure instanceof SignInGuard.SourceThrottledException ? "&throttled" : "");
		response.sendRedirect(target);
	}
}
