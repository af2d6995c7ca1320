package jp.ikiiki.desk.groups.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.GroupEntry;
import jp.ikiiki.desk.groups.GroupField;
import jp.ikiiki.desk.groups.GroupForm;
import jp.ikiiki.desk.groups.GroupFormKind;
import jp.ikiiki.desk.groups.GroupFormState;
import jp.ikiiki.desk.groups.GroupForms;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.GroupState;
import jp.ikiiki.desk.groups.GroupsProperties;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.keying.DoubleKeying;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link GroupForms} over {@link GroupFormKeyingStore} with the keying module's rules. */
@Service
class GroupFormsService implements GroupForms {

	private static final Logger log = LoggerFactory.getLogger(GroupFormsService.class);
	private static final int MAX_REASON = 500;

	private final JdbcClient jdbc;
	private final GroupsClock clock;
	private final GroupsProperties properties;
	private final GroupFormKeyingStore store;
	private final DoubleKeying<GroupForm, GroupField, String> rules;
	private final GroupRows rows;
	private final FormImages images;
	private final AuditTrail audit;

	GroupFormsService(JdbcClient jdbc, GroupsClock clock, GroupsProperties properties, GroupFormKeyingStore store,
			GroupRows rows, FormImages images, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.store = store;
		this.rows = rows;
		this.images = images;
		this.audit = audit;
		this.rules = new DoubleKeying<>(store, "届出書", clock::now, properties::claimTimeout);
	}

	@Override
	@Transactional
	public GroupForm receive(GroupFormKind form, Long groupId) {
		if (form == null) {
			throw new InvalidInputException("form", "届出書の種類（REGISTER・CHANGE・DELETE）を指定してください");
		}
		if (form == GroupFormKind.REGISTER && groupId != null) {
			throw new InvalidInputException("groupId", "登録届出書に団体番号は指定できません");
		}
		if (form != GroupFormKind.REGISTER) {
			if (groupId == null) {
				throw new InvalidInputException("groupId", form.label() + "には団体番号が必要です");
			}
			GroupState state = rows.lockState(groupId);
			if (!state.active()) {
				throw new StateConflictException("団体 " + groupId + " は登録されていないため" + form.label() + "を受け付けられません（"
						+ state.name() + "）").with("state", state.name());
			}
			Long open = jdbc.sql("select id from group_form where group_id = :g and state not in ('APPROVED', 'REJECTED')"
					+ " order by id limit 1").param("g", groupId).query(Long.class).optional().orElse(null);
			if (open != null) {
				throw new StateConflictException("団体 " + groupId + " には処理中の届出書 " + open + " があります")
						.with("formId", open);
			}
		}
		long id = jdbc.sql("""
				insert into group_form (form, group_id, state, received_on, received_by, received_at)
				values (:form, :g, 'RECEIVED', :on, :by, :at) returning id""")
				.param("form", form.name()).param("g", groupId).param("on", clock.today())
				.param("by", CurrentUser.name()).param("at", clock.at()).query(Long.class).single();
		return load(id);
	}

	@Override
	@Transactional(readOnly = true)
	public GroupForm form(long id) {
		return load(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<GroupForm> inState(GroupFormState state, int limit) {
		return jdbc.sql("select * from group_form where state = :s order by id limit :n").param("s", state.name())
				.param("n", Math.max(1, Math.min(limit, 1000))).query((rs, n) -> GroupFormKeyingStore.form(rs)).list();
	}

	@Override
	@Transactional
	public GroupForm entry(long id, GroupEntry entry) {
		Map<GroupField, String> values = GroupValues.of(entry, properties);
		GroupValues.required(load(id).form(), values);
		return rules.submitEntry(id, values).document();
	}

	@Override
	@Transactional
	public VerifyResult verify(long id, GroupEntry entry) {
		Map<GroupField, String> values = GroupValues.of(entry, properties);
		var v = rules.submitVerify(id, values);
		return new VerifyResult(v.document().document(), v.mismatches());
	}

	@Override
	@Transactional
	public Sheet open(long id, boolean verify) {
		Pass pass = verify ? Pass.VERIFY : Pass.ENTRY;
		GroupForm form = rules.open(id, pass).document();
		var sheet = rules.sheet(id, pass);
		var values = new EnumMap<GroupField, String>(GroupField.class);
		values.putAll(sheet.values());
		var status = new EnumMap<GroupField, Outcome>(GroupField.class);
		status.putAll(sheet.status());
		if (form.groupId() != null) {
			audit.record(AuditAction.VIEW, "画面:届出書入力", List.of(), "届出書 " + form.id() + " 団体 " + form.groupId());
		}
		return new Sheet(form, values, status);
	}

	@Override
	@Transactional
	public Outcome keyField(long id, boolean verify, GroupField field, String text) {
		if (field == null) {
			throw new InvalidInputException("field", "項目を指定してください");
		}
		String value = GroupValues.convert(field, text, properties);
		return rules.key(id, verify ? Pass.VERIFY : Pass.ENTRY, field, value).outcome();
	}

	@Override
	@Transactional
	public GroupForm complete(long id, boolean verify) {
		if (!verify) {
			var keyed = new EnumMap<GroupField, String>(GroupField.class);
			rules.sheet(id, Pass.ENTRY).values().forEach(keyed::put);
			if (keyed.size() == GroupField.ALL.size()) {
				GroupValues.required(load(id).form(), keyed);
			}
		}
		return rules.complete(id, verify ? Pass.VERIFY : Pass.ENTRY).document();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dispute> disputes() {
		return jdbc.sql("select * from group_form where state = 'DISPUTED' order by id")
				.query((rs, n) -> GroupFormKeyingStore.form(rs)).list().stream().map(f -> {
					var d = rules.dispute(f.id());
					return new Dispute(f, d.fields().stream().map(x -> new DisputedField(x.field(), x.entryValue(),
							x.firstVerifyValue(), x.verifyValue())).toList(), d.enteredBy(), d.verifiedBy());
				}).toList();
	}

	@Override
	@Transactional
	public GroupForm decide(long id, Map<GroupField, String> values, String note) {
		if (values == null || values.isEmpty()) {
			throw new InvalidInputException("values", "判定する項目の値を入力してください");
		}
		var converted = new EnumMap<GroupField, String>(GroupField.class);
		values.forEach((f, v) -> converted.put(f, GroupValues.convert(f, v, properties)));
		return rules.decide(id, converted, reason("note", note, false)).document();
	}

	@Override
	@Transactional
	public GroupForm query(long id, String reason) {
		String r = reason("reason", reason, true);
		GroupForm form = lockForm(id);
		form.state().checkStep(id, GroupFormState.QUERIED);
		jdbc.sql("""
				update group_form set state = 'QUERIED', query_from = state, query_reason = :r, queried_by = :by,
				  queried_at = :at, query_answer = null, answered_by = null, answered_at = null where id = :id""")
				.param("r", r).param("by", CurrentUser.name()).param("at", clock.at()).param("id", id).update();
		log.info("Group form {} queried with the city", id);
		return load(id);
	}

	@Override
	@Transactional
	public GroupForm answer(long id, String answer) {
		String a = reason("answer", answer, true);
		GroupForm form = lockForm(id);
		if (form.state() != GroupFormState.QUERIED) {
			throw new StateConflictException("届出書 " + id + " は照会中ではありません（" + form.state().label() + "）")
					.with("state", form.state().name());
		}
		jdbc.sql("""
				update group_form set state = query_from, query_from = null, query_answer = :a, answered_by = :by,
				  answered_at = :at where id = :id""")
				.param("a", a).param("by", CurrentUser.name()).param("at", clock.at()).param("id", id).update();
		return load(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CheckItem> checkList(String channel) {
		List<CheckItem> items = jdbc.sql("select * from group_form where state = 'VERIFIED' order by verified_on, id")
				.query((rs, n) -> GroupFormKeyingStore.form(rs)).list().stream()
				.map(f -> new CheckItem(f, store.verifiedValues(f.id()),
						f.form() == GroupFormKind.REGISTER || f.groupId() == null ? null
								: JdbcGroupDirectory.lookup(jdbc, f.groupId()).orElse(null)))
				.toList();
		audit.record(AuditAction.VIEW, channel(channel, "市の確認リスト"), List.of(), "活動団体 届出書の確認リスト "
				+ items.size() + " 件（代表者を含む）");
		return items;
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] checkListWorkbook(String channel) {
		List<CheckItem> items = checkList(channel);
		try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("確認リスト");
			String[] head = { "届出書番号", "届出書", "受付日", "データ化日", "団体番号", "団体名", "団体名（カナ）", "種別", "区",
					"活動の種類", "活動場所", "代表者氏名", "代表者住所", "代表者電話番号", "公開する連絡先" };
			Row h = sheet.createRow(0);
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
			}
			int r = 1;
			for (CheckItem item : items) {
				Row row = sheet.createRow(r++);
				Map<GroupField, String> v = item.values();
				GroupForm f = item.form();
				String[] cells = { String.valueOf(f.id()), f.form().label(), String.valueOf(f.receivedOn()),
						String.valueOf(f.verifiedOn()), f.groupId() == null ? "" : String.valueOf(f.groupId()),
						v.get(GroupField.NAME), v.get(GroupField.NAME_KANA), categoryLabel(v.get(GroupField.CATEGORY)),
						wardLabel(v.get(GroupField.WARD)), v.get(GroupField.ACTIVITY_CODES),
						v.get(GroupField.MEETING_PLACE), v.get(GroupField.REPRESENTATIVE_NAME),
						v.get(GroupField.REPRESENTATIVE_ADDRESS), v.get(GroupField.REPRESENTATIVE_PHONE),
						v.get(GroupField.PUBLIC_CONTACT) };
				for (int i = 0; i < cells.length; i++) {
					// Always a string cell: a value such as =cmd is shown as text, never evaluated.
					row.createCell(i).setCellValue(cells[i] == null ? "" : cells[i]);
				}
			}
			sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, head.length - 1));
			sheet.createFreezePane(0, 1);
			book.write(out);
			audit.recordFile(AuditAction.EXPORT, channel(channel, "市の確認リスト"), "group-forms-check.xlsx",
					items.size() + " 件");
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	@Transactional
	public GroupForm approve(long id, boolean approve, String reason) {
		String r = reason("reason", reason, !approve);
		GroupForm form = lockForm(id);
		if (form.state().decided()) {
			throw new StateConflictException("届出書 " + id + " は既に「" + form.state().label() + "」です")
					.with("state", form.state().name());
		}
		GroupFormState target = approve ? GroupFormState.APPROVED : GroupFormState.REJECTED;
		form.state().checkStep(id, target);
		long group = form.groupId();
		switch (form.form()) {
			case REGISTER -> rows.decideRegistration(group, approve, id);
			case CHANGE -> {
				if (approve) {
					GroupState state = rows.lockState(group);
					if (!state.active()) {
						throw new StateConflictException("団体 " + group + " は登録されていないため変更できません（" + state.name() + "）");
					}
					rows.change(group, store.verifiedValues(id), id);
				} else {
					rows.history(group, "CHANGE_REJECTED", id);
				}
			}
			case DELETE -> {
				if (approve) {
					rows.lockState(group);
					rows.delete(group, id);
				} else {
					rows.history(group, "DELETE_REJECTED", id);
				}
			}
		}
		jdbc.sql("""
				update group_form set state = :s, decided_by = :by, decided_at = :at, decision_reason = :r where id = :id""")
				.param("s", target.name()).param("by", CurrentUser.name()).param("at", clock.at()).param("r", r)
				.param("id", id).update();
		audit.record(AuditAction.UPDATE, "POST /api/groups/forms/{id}/approval", List.of(),
				"届出書 " + id + " 団体 " + group + (approve ? " 承認" : " 不承認"));
		return load(id);
	}

	@Override
	@Transactional
	public GroupForm attachImage(long id, String originalName, InputStream content) {
		GroupForm form = lockForm(id);
		if (form.imagePages() > 0) {
			throw new StateConflictException("届出書 " + id + " にはイメージが登録済みです");
		}
		String original = originalName == null ? "" : ControlCharacters.visible(originalName);
		if (original.length() > 255) {
			original = original.substring(0, 255);
		}
		FormImages.Kept kept = images.keep(id, content);
		jdbc.sql("""
				update group_form set image_name = :n, image_sha256 = :s, image_pages = :p, image_bytes = :b,
				  image_original = :o where id = :id""")
				.param("n", kept.name()).param("s", kept.sha256()).param("p", kept.pages()).param("b", kept.bytes())
				.param("o", original).param("id", id).update();
		audit.recordFile(AuditAction.IMPORT, "届出書イメージ", kept.name(), "届出書 " + id + " " + kept.pages() + " ページ");
		return load(id);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] imagePage(long id, int page, String channel) {
		String name = jdbc.sql("select image_name from group_form where id = :id").param("id", id).query(String.class)
				.optional().orElseThrow(() -> new NotFoundException("届出書 " + id + " はありません"));
		if (name == null) {
			throw new NotFoundException("届出書 " + id + " のイメージはありません");
		}
		byte[] png = images.png(name, page);
		if (png == null) {
			throw new NotFoundException("届出書 " + id + " のイメージに " + page + " ページはありません");
		}
		audit.recordFile(AuditAction.VIEW, channel(channel, "届出書イメージ"), name, "届出書 " + id + " " + page + " ページ");
		return png;
	}

	private GroupForm lockForm(long id) {
		return jdbc.sql("select * from group_form where id = :id for update").param("id", id)
				.query((rs, n) -> GroupFormKeyingStore.form(rs)).optional()
				.orElseThrow(() -> new NotFoundException("届出書 " + id + " はありません"));
	}

	private GroupForm load(long id) {
		return jdbc.sql("select * from group_form where id = :id").param("id", id)
				.query((rs, n) -> GroupFormKeyingStore.form(rs)).optional()
				.orElseThrow(() -> new NotFoundException("届出書 " + id + " はありません"));
	}

	/** A free-text reason: stripped, without control characters, at most 500 characters; null if blank and optional. */
	static String reason(String field, String text, boolean required) {
		if (text == null || text.isBlank()) {
			if (required) {
				throw new InvalidInputException(field, "理由を入力してください");
			}
			return null;
		}
		int c = ControlCharacters.indexOf(text);
		if (c >= 0) {
			throw new InvalidInputException(field, "制御文字（" + ControlCharacters.name(text.charAt(c)) + "）が含まれています");
		}
		String s = text.strip();
		if (s.length() > MAX_REASON) {
			throw new InvalidInputException(field, MAX_REASON + "文字までで入力してください（" + s.length() + "文字）");
		}
		return s;
	}

	private static String channel(String channel, String fallback) {
		return channel == null || channel.isBlank() ? fallback : channel;
	}

	static String categoryLabel(String code) {
		return switch (code == null ? "" : code) {
			case "GENERAL" -> "一般の活動団体";
			case "MEDICAL" -> "医療機関（医科）";
			case "DENTAL_MILESTONE" -> "医療機関（歯科・節目年齢歯科健診）";
			case "DENTAL_LATE_ELDERLY" -> "医療機関（歯科・後期高齢者歯科健診）";
			case "PHARMACY" -> "薬局";
			default -> code == null ? "" : code;
		};
	}

	static String wardLabel(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		return Ward.ofCode(Integer.parseInt(code)).map(Ward::japaneseName).orElse(code);
	}

	static boolean cityPosts(GroupCategory category, int stamps) {
		return category.medicalOrPharmacy() || stamps > 1;
	}
}
