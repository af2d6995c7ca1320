package jp.ikiiki.desk.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.ikiiki.desk.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers when sign-in fails or a role is missing, in the API's one error shape (RFC 9457, Japanese
 * reason): 401 with {@code WWW-Authenticate: Basic realm="ikiiki-desk"} — one reason for a wrong password, an
 * unknown user, a locked or a disabled account, so that the answer tells nobody which accounts exist —, 429 with
 * {@code Retry-After} for an address that failed too often, 403 for a missing role. Never a redirect to the
 * console's login.
 */
class ApiAuthenticationProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String NO_CREDENTIALS = "サインインが必要です。HTTP Basic 認証（ユーザー名とパスワード）で送ってください"
			+ "（参照の GET はコンソールにサインインしたブラウザーのセッションでも呼べます）";
	static final String SESSION_NOT_FOR_CHANGES = "データを変える呼び出し（POST・PUT・PATCH・DELETE）にはコンソールのセッションは使えません。"
			+ "HTTP Basic 認証で送ってください";
	static final String REFUSED = "ユーザー名またはパスワードが違うか、アカウントがロックまたは無効になっています";
	static final String THROTTLED = "この送信元からのサインインの失敗が多すぎます。{0} 分ほど待ってから送ってください";
	static final String FORBIDDEN = "この操作を行う権限がありません";

	private final String challenge;

	ApiAuthenticationProblems(String realm) {
		this.challenge = "Basic realm=\"" + realm + "\"";
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof SignInGuard.SourceThrottledException throttled) {
			long minutes = Math.max(1, throttled.retryAfter().toMinutes());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()));
			Problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, THROTTLED.replace("{0}", String.valueOf(minutes))));
			return;
		}
		String reason;
		if (failure instanceof InsufficientAuthenticationException) {
			reason = !SessionForReading.READING.contains(request.getMethod()) && SessionForReading.sessionSignedIn(request)
					? SESSION_NOT_FOR_CHANGES : NO_CREDENTIALS;
		} else {
			reason = REFUSED;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, reason));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, FORBIDDEN));
	}
}
