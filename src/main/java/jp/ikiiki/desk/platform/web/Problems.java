package jp.ikiiki.desk.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The API's one error shape outside Spring MVC — for the security filters that answer before any controller
 * (401 for a missing or wrong sign-in, 403, 429): the same RFC 9457 problem the {@code ApiProblems} advice writes,
 * with a Japanese {@code title}, {@code detail} and {@code reason}.
 */
public final class Problems {

	private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

	private Problems() {
	}

	/** A problem with the status's Japanese title and the reason as {@code detail} and {@code reason}. */
	public static ProblemDetail of(HttpStatusCode status, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(title(status));
		problem.setProperty("reason", reason);
		return problem;
	}

	/**
	 * Writes a problem as the whole response ({@code application/problem+json}, UTF-8). Headers the caller set
	 * before (WWW-Authenticate, Retry-After) are kept.
	 */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), body);
	}

	/** The Japanese title of a status. */
	public static String title(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "リクエストが正しくありません";
			case 401 -> "認証が必要です";
			case 403 -> "権限がありません";
			case 404 -> "見つかりません";
			case 405 -> "このメソッドは使えません";
			case 406 -> "この形式では返せません";
			case 409 -> "現在の状態では実行できません";
			case 413 -> "大きすぎます";
			case 415 -> "この形式は受け付けません";
			case 422 -> "内容を受け付けられません";
			case 429 -> "リクエストが多すぎます";
			case 500 -> "内部エラー";
			case 503 -> "一時的に利用できません";
			default -> status.is4xxClientError() ? "リクエストを処理できません" : "エラー";
		};
	}
}
