package jp.ikiiki.desk.groups.publiclists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public group lists (第9章1(6)) over HTTP: the file, made and checked; or the check's report alone. */
@RestController
@Tag(name = "groups-public-list", description = "ホームページ掲載用 活動団体一覧（PDF 区別、Excel 区分別）")
class PublicListApi {

	static final String CHANNEL = "GET /api/groups/public-list";

	private final PublicLists lists;

	PublicListApi(PublicLists lists) {
		this.lists = lists;
	}

	@GetMapping("/api/groups/public-list")
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Operation(summary = "The public list: PDF of a ward and category, or XLSX of a category (every ward)",
			description = "ward 101..108 (PDF only), category GENERAL|MEDICAL|DENTAL_MILESTONE|DENTAL_LATE_ELDERLY|"
					+ "PHARMACY, format pdf|xlsx. Checked before it is sent: 409 with the findings (group, field, place) "
					+ "when a private value is in it. Headers X-Private-Check and X-Private-Check-Values.")
	ResponseEntity<byte[]> file(@RequestParam(required = false) Integer ward, @RequestParam String category,
			@RequestParam(defaultValue = "pdf") String format) {
		var generated = lists.generate(ward(ward), category(category), format(format), CHANNEL);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(generated.contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(generated.fileName(), StandardCharsets.UTF_8).build().toString())
				.header("X-Private-Check", "passed")
				.header("X-Private-Check-Values", Integer.toString(generated.report().valuesChecked()))
				.body(generated.content());
	}

	@GetMapping("/api/groups/public-list/check")
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Operation(summary = "The check's report for the list (what was checked, and the result)")
	PrivateFieldCheck.Report check(@RequestParam(required = false) Integer ward, @RequestParam String category,
			@RequestParam(defaultValue = "pdf") String format) {
		try {
			return lists.generate(ward(ward), category(category), format(format), CHANNEL + "/check").report();
		} catch (PublicLists.PrivateValueFound e) {
			return e.report();
		}
	}

	static Ward ward(Integer code) {
		if (code == null) {
			return null;
		}
		return Ward.ofCode(code).orElseThrow(() -> new InvalidInputException("ward", "区は 101〜108 で指定してください。"));
	}

	static GroupCategory category(String s) {
		try {
			return GroupCategory.valueOf(s.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException("category",
					"区分は GENERAL、MEDICAL、DENTAL_MILESTONE、DENTAL_LATE_ELDERLY、PHARMACY のいずれかです。");
		}
	}

	static PrivateFieldCheck.Format format(String s) {
		try {
			return PrivateFieldCheck.Format.of(s.strip());
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException("format", "形式は pdf または xlsx を指定してください。");
		}
	}
}
