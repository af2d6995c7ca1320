package jp.ikiiki.desk.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The HTTP API's one error shape: every refusal is an RFC 9457 problem ({@code application/problem+json}) whose
 * {@code title} names the kind of refusal and whose {@code detail} — repeated as {@code reason} — says in Japanese
 * what was wrong, naming the parameter or field. Domain refusals ({@link DomainException}) keep their status
 * (404, 409, 422) and add their named properties. Input the framework cannot bind is a 400 with the parameter
 * named, never a 500. An unexpected fault is a 500 with an incident id that is also logged — with the exception's
 * type and stack but not its message, which may hold values from the database (personal data stays out of the
 * log).
 */
@RestControllerAdvice
@Order(0)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException e) {
		ProblemDetail problem = problem(statusOf(e), e.reason());
		e.properties().forEach(problem::setProperty);
		return respond(problem);
	}

	/** The HTTP status of a domain refusal: 404, 409 or 422. */
	static HttpStatus statusOf(DomainException e) {
		if (e instanceof NotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (e instanceof StateConflictException) {
			return HttpStatus.CONFLICT;
		}
		return HttpStatus.UNPROCESSABLE_ENTITY;
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
		return badRequest(e.getParameterName(), "パラメータ " + e.getParameterName() + " を指定してください");
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
		return badRequest(e.getRequestPartName(), "ファイル（" + e.getRequestPartName() + "）を添付してください");
	}

	@ExceptionHandler(MissingPathVariableException.class)
	ResponseEntity<ProblemDetail> missingPath(MissingPathVariableException e) {
		return badRequest(e.getVariableName(), "パスの " + e.getVariableName() + " がありません");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		String expected = e.getRequiredType() == null ? "" : "（" + describe(e.getRequiredType()) + "）";
		return badRequest(e.getName(), "パラメータ " + e.getName() + " の値が正しくありません" + expected);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		return badRequest(null, "リクエストの本文を読めません。JSON の形式と各項目の型を確認してください");
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
		List<String> fields = e.getBindingResult().getFieldErrors().stream()
				.map(f -> f.getField() + ": " + f.getDefaultMessage()).toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります（" + String.join("、", fields) + "）");
		problem.setProperty("fields", fields);
		return respond(problem);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
		var results = e.getParameterValidationResults();
		List<String> parameters = results.stream()
				.map(r -> r.getMethodParameter().getParameterName() + " は"
						+ r.getResolvableErrors().stream().map(m -> m.getDefaultMessage()).findFirst().orElse("正しくありません"))
				.toList();
		String field = results.size() == 1 ? results.get(0).getMethodParameter().getParameterName() : null;
		return badRequest(field, "パラメータの値が正しくありません（" + String.join("、", parameters) + "）");
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
		List<String> violations = e.getConstraintViolations().stream()
				.map(v -> lastNode(v.getPropertyPath().toString()) + " は" + v.getMessage()).sorted().toList();
		return badRequest(null, "パラメータの値が正しくありません（" + String.join("、", violations) + "）");
	}

	/** {@code find.limit} → {@code limit}: the parameter as the client wrote it. */
	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	/**
	 * A value PostgreSQL refuses as data (SQLSTATE class 22: a character it cannot store, a number or date out of
	 * its range, a text longer than its column) came from the request: 400, not a fault. Other database errors are
	 * faults (500 with an incident id).
	 */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	ResponseEntity<ProblemDetail> data(org.springframework.dao.DataAccessException e, WebRequest request) {
		String state = sqlState(e);
		if (state != null && state.startsWith("22")) {
			log.info("API request refused by the database as data (SQLSTATE {})", state);
			return badRequest(null, switch (state) {
				case "22021", "22P05" -> "使えない文字（NUL など）が含まれています";
				case "22001" -> "値が長すぎます";
				case "22003" -> "数値が扱える範囲を超えています";
				case "22007", "22008" -> "日付・時刻が扱える範囲を超えています";
				default -> "値が正しくないか、扱える範囲を超えています";
			});
		}
		return unexpected(e, request);
	}

	private static String sqlState(Throwable e) {
		for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	/** A date or time a computation cannot hold (year 999999999, a day count past the calendar): 400. */
	@ExceptionHandler(java.time.DateTimeException.class)
	ResponseEntity<ProblemDetail> dateOutOfRange(java.time.DateTimeException e) {
		if (e instanceof DateTimeParseException) {
			return date((DateTimeParseException) e);
		}
		return badRequest(null, "日付・時刻が扱える範囲を超えています");
	}

	@ExceptionHandler(DateTimeParseException.class)
	ResponseEntity<ProblemDetail> date(DateTimeParseException e) {
		return badRequest(null, "日付・時刻の形式が正しくありません（例: 2026-04-01）");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
		String limit = e.getMaxUploadSize() > 0 ? "（上限 " + e.getMaxUploadSize() / (1024 * 1024) + " MB）" : "";
		return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "ファイルが大きすぎます" + limit));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException e) {
		return badRequest("file", "ファイルを添付した multipart/form-data で送ってください");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
		ProblemDetail problem = problem(HttpStatus.METHOD_NOT_ALLOWED, "このパスでは " + e.getMethod() + " は使えません");
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(e.getHeaders())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"この形式の本文は受け付けません（" + e.getSupportedMediaTypes() + " で送ってください）"));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
		return respond(problem(HttpStatus.NOT_ACCEPTABLE, "指定された形式（Accept）では返せません"));
	}

	/**
	 * No endpoint and no static file: a 404 problem for the API; elsewhere (a browser asking for a missing font or
	 * image) the servlet container's error page, which is the console's Japanese one, not JSON.
	 */
	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(HttpStatus.NOT_FOUND.value());
			return null;
		}
		return respond(problem(HttpStatus.NOT_FOUND, "このパスの API はありません"));
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
		String reason = e.getReason() != null ? e.getReason() : defaultReason(e.getStatusCode());
		return respond(problem(e.getStatusCode(), reason));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
		return respond(problem(HttpStatus.FORBIDDEN, "この操作を行う権限がありません"));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Basic realm=\"ikiiki-desk\"")
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem(HttpStatus.UNAUTHORIZED, "サインインが必要です（HTTP Basic 認証またはコンソールのセッション）"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
		String incident = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected fault in an API request, incident {}: {}", incident, SafeThrowables.describe(e));
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"処理中に予期しないエラーが発生しました。記録番号 " + incident + " を添えて管理者に連絡してください");
		problem.setProperty("incident", incident);
		return respond(problem);
	}

	private static ResponseEntity<ProblemDetail> badRequest(String parameter, String reason) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, reason);
		if (parameter != null) {
			problem.setProperty("field", parameter);
		}
		return respond(problem);
	}

	/** A problem with the status's Japanese title, the reason as detail and as {@code reason}. */
	static ProblemDetail problem(HttpStatusCode status, String reason) {
		return Problems.of(status, reason);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static String title(HttpStatusCode status) {
		return Problems.title(status);
	}

	private static String defaultReason(HttpStatusCode status) {
		return title(status);
	}

	private static String describe(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
			return "整数";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true または false";
		}
		if (type == java.time.LocalDate.class) {
			return "日付 yyyy-MM-dd";
		}
		if (type == java.time.YearMonth.class) {
			return "年月 yyyy-MM";
		}
		if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class
				|| type == java.time.ZonedDateTime.class) {
			return "日時 例: 2026-04-01T09:00:00+09:00";
		}
		if (type == java.time.LocalDateTime.class) {
			return "日時 例: 2026-04-01T09:00:00";
		}
		if (type == java.time.LocalTime.class) {
			return "時刻 例: 09:00";
		}
		if (type == String.class) {
			return "文字列";
		}
		if (type.isEnum()) {
			return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList())
					+ " のいずれか";
		}
		return type.getSimpleName();
	}
}
