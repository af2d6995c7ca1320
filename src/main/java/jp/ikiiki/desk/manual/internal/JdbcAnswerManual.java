package jp.ikiiki.desk.manual.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.shared.TextNormalizer;
import jp.ikiiki.desk.manual.AnswerManual;
import jp.ikiiki.desk.manual.ManualEditing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer manual on tables {@code manual_entry} and {@code manual_entry_version} (V14, V37). Search reads only
 * the versions in force of entries not retired, through the GIN index on their bigrams, and rechecks every word
 * with LIKE on the key.
 */
@Service
class JdbcAnswerManual implements AnswerManual, ManualEditing {
	/** Most entries one search returns. */
	static final int MAX_LIMIT = 100;

	private static final String VERSION_COLUMNS = """
			v.entry_id, v.version, v.category, v.question, v.answer, v.keywords, v.edit_note, v.edited_by, v.edited_at,
			v.agreed_on, v.agreed_by, v.agreement_recorded_by, v.agreement_recorded_at, v.in_force,
			(select max(n.version) from manual_entry_version n where n.entry_id = v.entry_id) as newest""";

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	JdbcAnswerManual(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER','CITY_STAFF')")
	public List<ManualEntry> search(String text, int limit) {
		int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
		List<String> terms = ManualText.terms(text);
		if (terms.isEmpty()) {
			return jdbc.sql("""
					select v.entry_id, v.version, v.category, v.question, v.answer, v.in_force
					from manual_entry_version v join manual_entry e on e.id = v.entry_id
					where v.in_force and e.retired_on is null order by e.reads desc, v.entry_id limit :limit""")
					.param("limit", bounded).query(JdbcAnswerManual::entry).list();
		}
		Set<String> grams = new LinkedHashSet<>();
		var where = new StringBuilder("v.in_force and e.retired_on is null");
		var inQuestion = new StringBuilder("true");
		var params = new java.util.HashMap<String, Object>();
		for (int i = 0; i < terms.size(); i++) {
			String term = terms.get(i);
			grams.addAll(TextNormalizer.bigrams(term));
			params.put("t" + i, "%" + escapeLike(term) + "%");
			where.append(" and v.search_key like :t").append(i);
			inQuestion.append(" and v.question_key like :t").append(i);
		}
		if (!grams.isEmpty()) {
			where.append(" and v.search_bigrams @> cast(:grams as text[])");
			params.put("grams", grams.toArray(String[]::new));
		}
		return jdbc.sql("select v.entry_id, v.version, v.category, v.question, v.answer, v.in_force"
				+ " from manual_entry_version v join manual_entry e on e.id = v.entry_id where " + where
				+ " order by (" + inQuestion + ") desc, e.reads desc, v.entry_id limit :limit")
				.params(params).param("limit", bounded).query(JdbcAnswerManual::entry).list();
	}

	@Override
	@Transactional
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER','CITY_STAFF')")
	public Optional<ManualEntry> entry(long entryId, int version) {
		Optional<ManualEntry> found = jdbc.sql("""
				select v.entry_id, v.version, v.category, v.question, v.answer, v.in_force
				from manual_entry_version v where v.entry_id = :id and v.version = :version""")
				.param("id", entryId).param("version", version).query(JdbcAnswerManual::entry).optional();
		if (found.isPresent() && found.get().current()) {
			jdbc.sql("update manual_entry set reads = reads + 1 where id = :id").param("id", entryId).update();
		}
		return found;
	}

	@Override
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER','CITY_STAFF')")
	public Optional<ManualEntry> lookup(long entryId, int version) {
		return jdbc.sql("""
				select v.entry_id, v.version, v.category, v.question, v.answer, v.in_force
				from manual_entry_version v where v.entry_id = :id and v.version = :version""")
				.param("id", entryId).param("version", version).query(JdbcAnswerManual::entry).optional();
	}

	@Override
	public List<EntryOverview> entries() {
		return jdbc.sql("""
				select e.*, f.version as in_force_version, n.version as newest_version, n.category, n.question,
				       n.edited_at as newest_edited_at
				from manual_entry e
				join lateral (select version, category, question, edited_at from manual_entry_version
				              where entry_id = e.id order by version desc limit 1) n on true
				left join manual_entry_version f on f.entry_id = e.id and f.in_force
				order by n.category nulls last, n.question, e.id""")
				.query(JdbcAnswerManual::overview).list();
	}

	private Optional<EntryOverview> overview(long entryId) {
		return entries().stream().filter(e -> e.entryId() == entryId).findFirst();
	}

	private static EntryOverview overview(ResultSet rs, int row) throws SQLException {
		LocalDate retiredOn = rs.getObject("retired_on", LocalDate.class);
		Retirement retirement = retiredOn == null ? null
				: new Retirement(retiredOn, rs.getString("retired_agreed_by"), rs.getString("retired_reason"),
						rs.getString("retired_by"), instant(rs, "retired_at"));
		return new EntryOverview(rs.getLong("id"), (Integer) rs.getObject("in_force_version"),
				rs.getInt("newest_version"), rs.getString("category"), rs.getString("question"), rs.getLong("reads"),
				instant(rs, "newest_edited_at"), retirement);
	}

	@Override
	public List<ManualVersion> history(long entryId) {
		return jdbc.sql("select " + VERSION_COLUMNS + " from manual_entry_version v where v.entry_id = :id order by v.version desc")
				.param("id", entryId).query(JdbcAnswerManual::version).list();
	}

	@Override
	public Optional<ManualVersion> version(long entryId, int version) {
		return jdbc.sql("select " + VERSION_COLUMNS + " from manual_entry_version v where v.entry_id = :id and v.version = :version")
				.param("id", entryId).param("version", version).query(JdbcAnswerManual::version).optional();
	}

	@Override
	@Transactional
	public ManualVersion create(ManualDraft draft, CityAgreement agreement, String channel) {
		ManualDraft text = checked(draft);
		checked(agreement);
		long id = jdbc.sql("insert into manual_entry (created_by) values (:user) returning id")
				.param("user", CurrentUser.name()).query(Long.class).single();
		insertVersion(id, 1, text, agreement);
		audit.record(AuditAction.CREATE, channel, List.of(), "応答マニュアル " + id + " 第1版 作成"
				+ (agreement == null ? "（下書き）" : "（市合意 " + agreement.agreedOn() + " 適用）"));
		return version(id, 1).orElseThrow();
	}

	@Override
	@Transactional
	public ManualVersion edit(long entryId, int basedOn, ManualDraft draft, CityAgreement agreement, String channel) {
		ManualDraft text = checked(draft);
		checked(agreement);
		int newest = lockNewest(entryId);
		refuseRetired(entryId);
		if (basedOn != newest) {
			throw new StateConflictException("応答マニュアル No." + entryId + " は編集中に第" + newest
					+ "版が追加されました。最新の版を開き直してから編集してください");
		}
		int next = newest + 1;
		if (agreement != null) {
			jdbc.sql("update manual_entry_version set in_force = false where entry_id = :id and in_force")
					.param("id", entryId).update();
		}
		insertVersion(entryId, next, text, agreement);
		audit.record(AuditAction.UPDATE, channel, List.of(), "応答マニュアル " + entryId + " 第" + next + "版 作成"
				+ (agreement == null ? "（下書き）" : "（市合意 " + agreement.agreedOn() + " 適用）")
				+ (text.note() == null ? "" : " 理由: " + text.note()));
		return version(entryId, next).orElseThrow();
	}

	@Override
	@Transactional
	public ManualVersion recordAgreement(long entryId, int version, CityAgreement agreement, String channel) {
		required(agreement);
		int newest = lockNewest(entryId);
		refuseRetired(entryId);
		ManualVersion target = version(entryId, version).orElseThrow(
				() -> new NotFoundException("応答マニュアル No." + entryId + " に第" + version + "版はありません"));
		if (target.agreedOn() != null) {
			throw new StateConflictException("応答マニュアル No." + entryId + " 第" + version + "版は "
					+ target.agreedOn() + " に市の合意が記録済みです");
		}
		if (version != newest) {
			throw new StateConflictException("応答マニュアル No." + entryId + " 第" + version + "版の後に第" + newest
					+ "版があります。適用できるのは最新の版だけです");
		}
		jdbc.sql("update manual_entry_version set in_force = false where entry_id = :id and in_force")
				.param("id", entryId).update();
		jdbc.sql("""
				update manual_entry_version set agreed_on = :on, agreed_by = :by, agreement_recorded_by = :user,
				       agreement_recorded_at = now(), in_force = true
				where entry_id = :id and version = :version""")
				.param("on", agreement.agreedOn()).param("by", agreement.agreedBy().strip()).param("user", CurrentUser.name())
				.param("id", entryId).param("version", version).update();
		audit.record(AuditAction.UPDATE, channel, List.of(), "応答マニュアル " + entryId + " 第" + version
				+ "版 市合意記録（" + agreement.agreedOn() + "）により適用");
		return version(entryId, version).orElseThrow();
	}

	@Override
	@Transactional
	public EntryOverview retire(long entryId, CityAgreement agreement, String reason, String channel) {
		required(agreement);
		if (blank(reason)) {
			throw new InvalidInputException("廃止の理由", "廃止の理由を入力してください");
		}
		if (reason.strip().length() > 1000) {
			throw new InvalidInputException("廃止の理由", "廃止の理由は1000文字以内で入力してください");
		}
		lockNewest(entryId);
		if (isRetired(entryId)) {
			throw new StateConflictException("応答マニュアル No." + entryId + " は既に廃止されています");
		}
		jdbc.sql("""
				update manual_entry set retired_on = :on, retired_agreed_by = :by, retired_reason = :reason,
				       retired_by = :user, retired_at = now()
				where id = :id""")
				.param("on", agreement.agreedOn()).param("by", agreement.agreedBy().strip())
				.param("reason", reason.strip()).param("user", CurrentUser.name()).param("id", entryId).update();
		audit.record(AuditAction.UPDATE, channel, List.of(), "応答マニュアル No." + entryId + " 廃止（市合意 "
				+ agreement.agreedOn() + "） 理由: " + reason.strip());
		return overview(entryId).orElseThrow();
	}

	@Override
	@Transactional
	public EntryOverview restore(long entryId, CityAgreement agreement, String channel) {
		required(agreement);
		lockNewest(entryId);
		if (!isRetired(entryId)) {
			throw new StateConflictException("応答マニュアル No." + entryId + " は廃止されていません");
		}
		jdbc.sql("""
				update manual_entry set retired_on = null, retired_agreed_by = null, retired_reason = null,
				       retired_by = null, retired_at = null
				where id = :id""").param("id", entryId).update();
		audit.record(AuditAction.UPDATE, channel, List.of(), "応答マニュアル No." + entryId + " 廃止を取消して再開（市合意 "
				+ agreement.agreedOn() + "）");
		return overview(entryId).orElseThrow();
	}

	private boolean isRetired(long entryId) {
		return jdbc.sql("select retired_on is not null from manual_entry where id = :id").param("id", entryId)
				.query(Boolean.class).single();
	}

	private void refuseRetired(long entryId) {
		if (isRetired(entryId)) {
			throw new StateConflictException("応答マニュアル No." + entryId + " は廃止されています。再開してから編集してください");
		}
	}

	private int lockNewest(long entryId) {
		jdbc.sql("select id from manual_entry where id = :id for update").param("id", entryId).query(Long.class)
				.optional().orElseThrow(() -> new NotFoundException("応答マニュアル No." + entryId + " はありません"));
		return jdbc.sql("select max(version) from manual_entry_version where entry_id = :id").param("id", entryId)
				.query(Integer.class).single();
	}

	private void insertVersion(long entryId, int version, ManualDraft d, CityAgreement agreement) {
		String searchKey = ManualText.key(String.join(" ", d.category() == null ? "" : d.category(), d.question(),
				d.answer(), d.keywords() == null ? "" : d.keywords()));
		jdbc.sql("""
				insert into manual_entry_version (entry_id, version, category, question, answer, keywords, edit_note,
				    edited_by, agreed_on, agreed_by, agreement_recorded_by, agreement_recorded_at, in_force,
				    question_key, search_key, search_bigrams)
				values (:id, :version, :category, :question, :answer, :keywords, :note, :user, :on, :by,
				    :recordedBy, :recordedAt, :inForce, :questionKey, :searchKey, :grams)""")
				.param("id", entryId).param("version", version).param("category", d.category())
				.param("question", d.question()).param("answer", d.answer())
				.param("keywords", d.keywords() == null ? "" : d.keywords()).param("note", d.note())
				.param("user", CurrentUser.name())
				.param("on", agreement == null ? null : agreement.agreedOn())
				.param("by", agreement == null ? null : agreement.agreedBy().strip())
				.param("recordedBy", agreement == null ? null : CurrentUser.name())
				.param("recordedAt", agreement == null ? null : Timestamp.from(Instant.now()))
				.param("inForce", agreement != null)
				.param("questionKey", ManualText.key(d.question()))
				.param("searchKey", searchKey)
				.param("grams", TextNormalizer.bigrams(searchKey).toArray(String[]::new))
				.update();
	}

	private static ManualDraft checked(ManualDraft d) {
		if (d == null || blank(d.question())) {
			throw new InvalidInputException("質問", "質問を入力してください");
		}
		if (blank(d.answer())) {
			throw new InvalidInputException("回答", "回答を入力してください");
		}
		String category = blank(d.category()) ? null : d.category().strip();
		if (category != null && category.length() > 100) {
			throw new InvalidInputException("問合せ区分", "問合せ区分は100文字以内で入力してください");
		}
		return new ManualDraft(category, d.question().strip(), d.answer().strip(),
				blank(d.keywords()) ? null : d.keywords().strip(), blank(d.note()) ? null : d.note().strip());
	}

	private static void checked(CityAgreement a) {
		if (a == null) {
			return;
		}
		if (a.agreedOn() == null) {
			throw new InvalidInputException("市合意日", "市合意日を入力してください");
		}
		if (a.agreedOn().isAfter(LocalDate.now(JapanTime.ZONE))) {
			throw new InvalidInputException("市合意日", "市合意日 " + a.agreedOn() + " は未来の日付です");
		}
		if (blank(a.agreedBy())) {
			throw new InvalidInputException("市の合意者", "市の合意者（所属・氏名）を入力してください");
		}
		if (a.agreedBy().strip().length() > 100) {
			throw new InvalidInputException("市の合意者", "市の合意者は100文字以内で入力してください");
		}
	}

	private static void required(CityAgreement a) {
		if (a == null) {
			throw new InvalidInputException("市合意日", "市合意日と市の合意者を入力してください");
		}
		checked(a);
	}


	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static ManualEntry entry(ResultSet rs, int row) throws SQLException {
		return new ManualEntry(rs.getLong("entry_id"), rs.getInt("version"), rs.getString("category"),
				rs.getString("question"), rs.getString("answer"), rs.getBoolean("in_force"));
	}

	private static ManualVersion version(ResultSet rs, int row) throws SQLException {
		int version = rs.getInt("version");
		boolean inForce = rs.getBoolean("in_force");
		LocalDate agreedOn = rs.getObject("agreed_on", LocalDate.class);
		VersionState state = inForce ? VersionState.IN_FORCE
				: agreedOn != null ? VersionState.SUPERSEDED
				: version < rs.getInt("newest") ? VersionState.ABANDONED : VersionState.DRAFT;
		return new ManualVersion(rs.getLong("entry_id"), version, rs.getString("category"), rs.getString("question"),
				rs.getString("answer"), rs.getString("keywords"), rs.getString("edit_note"), rs.getString("edited_by"),
				instant(rs, "edited_at"), agreedOn, rs.getString("agreed_by"), rs.getString("agreement_recorded_by"),
				instant(rs, "agreement_recorded_at"), state);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
