package jp.ikiiki.desk.groups.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.groups.GroupEntry;
import jp.ikiiki.desk.groups.GroupField;
import jp.ikiiki.desk.groups.GroupForm;
import jp.ikiiki.desk.groups.GroupFormKind;
import jp.ikiiki.desk.groups.GroupFormState;
import jp.ikiiki.desk.groups.GroupForms;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The groups' registration, change and deletion forms over HTTP (第5章2, 第10章2): received, keyed twice, queried with
 * the city, checked and approved by the city.
 */
@RestController
@RequestMapping("/api/groups/forms")
@Tag(name = "group-forms", description = "活動団体の登録・変更・抹消届出書: エントリー・ベリファイ, 照会, 市の確認と承認")
class GroupFormsApi {

	private final GroupForms forms;

	GroupFormsApi(GroupForms forms) {
		this.forms = forms;
	}

	/** A form received: its kind and, for a change or deletion, the group. */
	record NewForm(String form, Long groupId) {
	}

	record Created(long id) {
	}

	/** A form's state. */
	record FormResponse(long id, String form, Long groupId, String state, String stateLabel, LocalDate receivedOn,
			LocalDate verifiedOn, String queryReason, String queryAnswer, String decisionReason, int imagePages) {

		static FormResponse of(GroupForm f) {
			return new FormResponse(f.id(), f.form().name(), f.groupId(), f.state().name(), f.state().label(),
					f.receivedOn(), f.verifiedOn(), f.queryReason(), f.queryAnswer(), f.decisionReason(), f.imagePages());
		}
	}

	@PostMapping
	@PreAuthorize("hasRole('OPERATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "届出書の受付", description = "form: REGISTER・CHANGE・DELETE; groupId: 変更・抹消の団体（登録は null）")
	Created receive(@RequestBody(required = false) NewForm request) {
		if (request == null || request.form() == null || request.form().isBlank()) {
			throw new InvalidInputException("form", "届出書の種類（REGISTER・CHANGE・DELETE）を指定してください");
		}
		GroupFormKind kind;
		try {
			kind = GroupFormKind.valueOf(request.form().strip());
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException("form", "届出書の種類は REGISTER・CHANGE・DELETE のいずれかです");
		}
		return new Created(forms.receive(kind, request.groupId()).id());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	@Operation(summary = "届出書の状態")
	FormResponse form(@PathVariable long id) {
		return FormResponse.of(forms.form(id));
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	@Operation(summary = "状態ごとの届出書（古い順）")
	List<FormResponse> inState(@RequestParam String state, @RequestParam(defaultValue = "100") int limit) {
		GroupFormState s;
		try {
			s = GroupFormState.valueOf(state.strip());
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException("state", "状態 " + (state.length() > 20 ? state.substring(0, 20) : state)
					+ " はありません");
		}
		return forms.inState(s, limit).stream().map(FormResponse::of).toList();
	}

	@PutMapping("/{id}/entry")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "届出書のエントリー（1回目の入力）", description = "name, nameKana, category, ward (101〜108), "
			+ "activityCodes, meetingPlace, representative {name, address, phone}, publicContact。通らない項目は 422 と field")
	FormResponse entry(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
		return FormResponse.of(forms.entry(id, entry(body)));
	}

	@PutMapping("/{id}/verify")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "届出書のベリファイ（2回目の入力、エントリーと別の担当者）")
	@ApiResponse(responseCode = "409", description = "mismatches: the fields that differ, state VERIFYING or DISPUTED; or "
			+ "the same operator as the entry, or verified already")
	FormResponse verify(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
		GroupForms.VerifyResult r = forms.verify(id, entry(body));
		if (r.form().state() != GroupFormState.VERIFIED) {
			String text = r.form().state() == GroupFormState.DISPUTED
					? "エントリーと一致しない項目があり、判定待ちになりました"
					: "エントリーと一致しない項目があります。もう一度入力してください";
			throw new StateConflictException(text).with("mismatches", r.mismatches())
					.with("state", r.form().state().name());
		}
		return FormResponse.of(r.form());
	}

	/** A floor manager's decision: the value that counts per disputed field (API field names). */
	record DecisionRequest(Map<String, String> values, String note) {
	}

	@PutMapping("/{id}/decision")
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	@Operation(summary = "不一致項目の判定（現場責任者）")
	FormResponse decide(@PathVariable long id, @RequestBody(required = false) DecisionRequest request) {
		if (request == null || request.values() == null || request.values().isEmpty()) {
			throw new InvalidInputException("values", "判定する項目の値を入力してください");
		}
		var values = new EnumMap<GroupField, String>(GroupField.class);
		request.values().forEach((name, v) -> values.put(GroupField.ofApiName(name)
				.orElseThrow(() -> new InvalidInputException("values", "項目 " + clip(name) + " はありません")), v));
		return FormResponse.of(forms.decide(id, values, request.note()));
	}

	record QueryRequest(String reason) {
	}

	@PostMapping("/{id}/query")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "不明点を市に照会（届出書は回答まで保留）")
	FormResponse query(@PathVariable long id, @RequestBody(required = false) QueryRequest request) {
		return FormResponse.of(forms.query(id, request == null ? null : request.reason()));
	}

	record AnswerRequest(String answer) {
	}

	@PostMapping("/{id}/answer")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	@Operation(summary = "照会への市の回答を記録（届出書は元の状態に戻る）")
	FormResponse answer(@PathVariable long id, @RequestBody(required = false) AnswerRequest request) {
		return FormResponse.of(forms.answer(id, request == null ? null : request.answer()));
	}

	@PostMapping(path = "/{id}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "届出書のイメージ（PDF）を登録")
	FormResponse image(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return FormResponse.of(forms.attachImage(id, file.getOriginalFilename(), in));
		}
	}

	@GetMapping(path = "/{id}/image/{page}", produces = MediaType.IMAGE_PNG_VALUE)
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	@Operation(summary = "届出書のイメージの1ページ（PNG）")
	byte[] imagePage(@PathVariable long id, @PathVariable int page) {
		return forms.imagePage(id, page, "GET /api/groups/forms/{id}/image");
	}

	/** One form of the city's check list. */
	record CheckItemResponse(FormResponse form, Map<String, String> values, String currentName) {
	}

	@GetMapping("/check-list")
	@PreAuthorize("hasAnyRole('CITY_STAFF', 'FLOOR_MANAGER')")
	@Operation(summary = "市の確認リスト（データ化済みの届出書）", description = "format=xlsx で Excel")
	ResponseEntity<?> checkList(@RequestParam(defaultValue = "json") String format) {
		if (format.equals("xlsx")) {
			return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename("活動団体届出書_確認リスト.xlsx", StandardCharsets.UTF_8).build().toString())
					.contentType(MediaType.parseMediaType(
							"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
					.body(forms.checkListWorkbook("GET /api/groups/forms/check-list"));
		}
		if (!format.equals("json")) {
			throw new InvalidInputException("format", "format は json または xlsx です");
		}
		var items = new ArrayList<CheckItemResponse>();
		for (GroupForms.CheckItem item : forms.checkList("GET /api/groups/forms/check-list")) {
			var values = new java.util.LinkedHashMap<String, String>();
			item.values().forEach((f, v) -> values.put(f.apiName(), v));
			items.add(new CheckItemResponse(FormResponse.of(item.form()), values,
					item.current() == null ? null : item.current().name()));
		}
		return ResponseEntity.ok(items);
	}

	/** The city's decision on a verified form. */
	record ApprovalRequest(Boolean approve, String reason) {
	}

	@PostMapping("/{id}/approval")
	@PreAuthorize("hasRole('CITY_STAFF')")
	@Operation(summary = "市の承認・不承認（1回だけ。2回目は 409）", description = "approve: true で承認、false で不承認（reason 必須）")
	FormResponse approval(@PathVariable long id, @RequestBody(required = false) ApprovalRequest request) {
		if (request == null || request.approve() == null) {
			throw new InvalidInputException("approve", "承認（true）か不承認（false）かを指定してください");
		}
		return FormResponse.of(forms.approve(id, request.approve(), request.reason()));
	}

	/** The body of an entry or verify, read field by field so that a wrong type names its field (422). */
	static GroupEntry entry(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidInputException("body", "入力内容（JSONオブジェクト）がありません");
		}
		JsonNode rep = body.get("representative");
		if (rep != null && !rep.isNull() && !rep.isObject()) {
			throw new InvalidInputException("representative", "representative は {name, address, phone} で指定してください");
		}
		List<String> codes = null;
		JsonNode c = body.get("activityCodes");
		if (c != null && !c.isNull()) {
			if (!c.isArray()) {
				throw new InvalidInputException("activityCodes", "activityCodes は配列で指定してください（例: [\"D\"]）");
			}
			codes = new ArrayList<>();
			for (JsonNode code : c) {
				if (!code.isTextual()) {
					throw new InvalidInputException("activityCodes", "activityCodes の要素は文字列です");
				}
				codes.add(code.asText());
			}
		}
		return new GroupEntry(text(body, "name"), text(body, "nameKana"), text(body, "category"), text(body, "ward"),
				codes, text(body, "meetingPlace"), rep == null ? null : text(rep, "name", "representative.name"),
				rep == null ? null : text(rep, "address", "representative.address"),
				rep == null ? null : text(rep, "phone", "representative.phone"), text(body, "publicContact"));
	}

	private static String text(JsonNode node, String name) {
		return text(node, name, name);
	}

	private static String text(JsonNode node, String name, String apiName) {
		JsonNode v = node.get(name);
		if (v == null || v.isNull()) {
			return null;
		}
		if (v.isTextual() || v.isNumber()) {
			return v.asText();
		}
		throw new InvalidInputException(apiName, apiName + " は文字列で指定してください");
	}

	private static String clip(String s) {
		return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
