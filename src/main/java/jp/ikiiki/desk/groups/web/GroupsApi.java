package jp.ikiiki.desk.groups.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.groups.GroupHistoryEntry;
import jp.ikiiki.desk.groups.GroupStamps;
import jp.ikiiki.desk.groups.GroupSummary;
import jp.ikiiki.desk.groups.Groups;
import jp.ikiiki.desk.groups.Stamp;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The registered groups over HTTP: the public search, a group's history, its stamps (第5章2, 3). */
@RestController
@RequestMapping("/api/groups")
@Tag(name = "groups", description = "活動団体: 検索（公開項目）, 履歴, スタンプの交付・梱包・番号データ・登録通知書")
class GroupsApi {

	private final Groups groups;
	private final GroupStamps stamps;

	GroupsApi(Groups groups, GroupStamps stamps) {
		this.groups = groups;
		this.stamps = stamps;
	}

	/** A group's public fields (never the representative). */
	record GroupResponse(long id, String category, String categoryLabel, String name, String nameKana, int ward,
			String wardName, List<String> activities, String meetingPlace, String publicContact, String state) {

		static GroupResponse of(GroupSummary g) {
			return new GroupResponse(g.id(), g.category().name(), label(g.category().name()), g.name(), g.nameKana(),
					g.ward().code(), g.ward().japaneseName(), g.activities(), g.meetingPlace(), g.publicContact(),
					g.state().name());
		}

		private static String label(String category) {
			return switch (category) {
				case "GENERAL" -> "一般の活動団体";
				case "MEDICAL" -> "医療機関（医科）";
				case "DENTAL_MILESTONE" -> "医療機関（歯科・節目年齢歯科健診）";
				case "DENTAL_LATE_ELDERLY" -> "医療機関（歯科・後期高齢者歯科健診）";
				default -> "薬局";
			};
		}
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'AGENT', 'CITY_STAFF')")
	@Operation(summary = "活動団体の検索（公開項目のみ）", description = "q: 団体名・カナ・活動場所・区・町名。住所（中区基町10-1）なら"
			+ "その区の団体を、町名の団体から順に")
	List<GroupResponse> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "50") int limit) {
		return groups.search(q, limit, "GET /api/groups").stream().map(GroupResponse::of).toList();
	}

	@GetMapping("/{id:\\d+}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'AGENT', 'CITY_STAFF')")
	@Operation(summary = "活動団体（公開項目のみ）")
	GroupResponse group(@PathVariable long id) {
		return groups.summary(id).map(GroupResponse::of)
				.orElseThrow(() -> new NotFoundException("団体 " + id + " はありません"));
	}

	@GetMapping("/{id:\\d+}/history")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	@Operation(summary = "活動団体の履歴（届出書・市の承認・スタンプ交付）")
	List<GroupHistoryEntry> history(@PathVariable long id) {
		groups.summary(id).orElseThrow(() -> new NotFoundException("団体 " + id + " はありません"));
		return groups.history(id);
	}

	record IssueRequest(Integer count) {
	}

	@PostMapping("/{id:\\d+}/stamps")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "スタンプ番号の交付（count 個、1〜20）")
	List<Stamp> issue(@PathVariable long id, @RequestBody(required = false) IssueRequest request) {
		return stamps.issue(id, request == null || request.count() == null ? 1 : request.count());
	}

	@GetMapping("/{id:\\d+}/stamps")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	@Operation(summary = "団体のスタンプ（番号・交付日・送付・梱包）")
	List<Stamp> stampsOf(@PathVariable long id) {
		return stamps.of(id);
	}

	record PackRequest(String label) {
	}

	@PostMapping("/stamps/packed")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "梱包時のラベルの読み取り（GS と7桁）", description = "梱包済み・市が送付・未交付は理由とともに拒否")
	Stamp packed(@RequestBody(required = false) PackRequest request) {
		return stamps.pack(request == null ? null : request.label());
	}

	@GetMapping("/stamps/to-pack")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "梱包待ちのスタンプ（受注者が送付するもの）")
	List<Stamp> toPack() {
		return stamps.toPack();
	}

	@GetMapping("/stamps/data")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	@Operation(summary = "市へのスタンプ番号データ（CSV、月ごと）")
	ResponseEntity<byte[]> data(@RequestParam String month) {
		YearMonth m = month(month);
		return file(stamps.dataFile(m, "GET /api/groups/stamps/data"), "スタンプ番号_" + m + ".csv",
				"text/csv;charset=UTF-8");
	}

	@GetMapping("/stamps/labels")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "スタンプ封筒のバーコードラベル（PDF）", description = "numbers: スタンプ番号（カンマ区切り）")
	ResponseEntity<byte[]> labels(@RequestParam String numbers) {
		var list = new ArrayList<Long>();
		for (String n : numbers.split(",")) {
			String s = n.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^GS", "");
			if (!s.matches("[0-9]{1,9}")) {
				throw new InvalidInputException("numbers", "スタンプ番号は数字（または GS と7桁）をカンマで区切って指定してください");
			}
			list.add(Long.parseLong(s));
		}
		return file(stamps.labels(list, "GET /api/groups/stamps/labels"), "stamp-labels.pdf", "application/pdf");
	}

	@GetMapping("/{id:\\d+}/registration-notice")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "活動団体登録通知書（スタンプ番号を印字、PDF）")
	ResponseEntity<byte[]> notice(@PathVariable long id) {
		return file(stamps.registrationNotice(id, "GET /api/groups/{id}/registration-notice"),
				"registration-notice-" + id + ".pdf", "application/pdf");
	}

	private static YearMonth month(String text) {
		try {
			return YearMonth.parse(text.strip());
		} catch (DateTimeParseException e) {
			throw new InvalidInputException("month", "month は yyyy-MM で指定してください");
		}
	}

	/** The mailing batch made: its id, for {@code /mailings/batch/{id}} and the mailings API. */
	record StampMailingCreated(long id) {
	}

	@PostMapping("/stamp-mailings")
	@PreAuthorize("hasRole('OPERATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "スタンプ送付バッチの作成（第5章1・2）",
			description = "受注者が送付するスタンプ（市が送付するものを除く）のうち未登録のものを団体ごとに1通の郵送物にし、抽出まで行う。"
					+ "宛先不備などの団体は除外一覧に理由つきで載り、スタンプは次の送付に残る。対象がなければ 409")
	StampMailingCreated startMailing() {
		return new StampMailingCreated(stamps.startMailing("POST /api/groups/stamp-mailings"));
	}

	private static ResponseEntity<byte[]> file(byte[] body, String name, String type) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
				.contentType(MediaType.parseMediaType(type)).body(body);
	}
}
