package jp.ikiiki.desk.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A path under {@code /api/} that no endpoint serves (a typo, a missing path segment as in {@code /api/subjects/})
 * is a 404 problem like every other refusal of the API — not the console's page, which the remaining paths reach.
 * Every mapped endpoint is more specific than this pattern and wins.
 */
@RestController
class UnknownApiPaths {

	@RequestMapping("/api/**")
	ResponseEntity<ProblemDetail> unknown() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.of(HttpStatus.NOT_FOUND, "このパスの API はありません（パスと値を確認してください。API の一覧は /v3/api-docs）"));
	}
}
