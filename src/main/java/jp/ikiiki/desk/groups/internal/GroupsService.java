package jp.ikiiki.desk.groups.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.groups.ActivityType;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.GroupForm;
import jp.ikiiki.desk.groups.GroupHistoryEntry;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.GroupState;
import jp.ikiiki.desk.groups.GroupSummary;
import jp.ikiiki.desk.groups.Groups;
import jp.ikiiki.desk.groups.GroupsProperties;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.TextNormalizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Groups} over {@code activity_group}. */
@Service
class GroupsService implements Groups {

	static final int MAX_QUERY = 100;

	private final JdbcClient jdbc;
	private final GroupsProperties properties;
	private final AuditTrail audit;

	GroupsService(JdbcClient jdbc, GroupsProperties properties, AuditTrail audit) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public List<GroupSummary> search(String q, int limit, String channel) {
		if (q != null && q.length() > MAX_QUERY) {
			throw new InvalidInputException("q", "検索語は" + MAX_QUERY + "文字までです");
		}
		if (q != null && ControlCharacters.contains(q)) {
			throw new InvalidInputException("q", "検索語に制御文字が含まれています");
		}
		if (limit < 1 || limit > 200) {
			throw new InvalidInputException("limit", "件数は1〜200で指定してください");
		}
		SearchWords words = SearchWords.of(q);
		if (words.isEmpty()) {
			return List.of();
		}
		var sql = new StringBuilder("select id, category, name, name_kana, ward, activity_codes, meeting_place,"
				+ " public_contact, state from activity_group where state in ('REGISTERED', 'CHANGED')");
		var params = new LinkedHashMap<String, Object>();
		if (words.ward() != null) {
			sql.append(" and ward = :ward");
			params.put("ward", words.ward().code());
		}
		int i = 0;
		for (String w : words.words()) {
			sql.append(" and (search_key like :w").append(i).append(" escape '\\' or search_key like :k").append(i)
					.append(" escape '\\')");
			params.put("w" + i, "%" + like(TextNormalizer.forKey(w)) + "%");
			params.put("k" + i, "%" + like(Kana.searchKey(w)) + "%");
			i++;
		}
		// A caller's 町名: the groups meeting there first, then the rest of the ward.
		if (words.town() != null) {
			sql.append(" order by (search_key like :town escape '\\') desc, ward, name_kana, id");
			params.put("town", "%" + like(TextNormalizer.forKey(words.town())) + "%");
		} else {
			sql.append(" order by ward, name_kana, id");
		}
		sql.append(" limit :limit");
		params.put("limit", limit);
		List<GroupSummary> found = jdbc.sql(sql.toString()).params(params).query(this::row).list();
		audit.record(AuditAction.SEARCH, channel == null || channel.isBlank() ? "活動団体検索" : channel, List.of(),
				"活動団体検索（公開項目） " + found.size() + " 件");
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<GroupSummary> summary(long id) {
		return jdbc.sql("select id, category, name, name_kana, ward, activity_codes, meeting_place, public_contact, state"
				+ " from activity_group where id = :id").param("id", id).query(this::row).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public GroupProfile profile(long id, String channel) {
		GroupProfile g = JdbcGroupDirectory.lookup(jdbc, id)
				.orElseThrow(() -> new NotFoundException("団体 " + id + " はありません"));
		audit.record(AuditAction.VIEW, channel == null || channel.isBlank() ? "活動団体" : channel, List.of(),
				"活動団体 " + id + " の代表者情報");
		return g;
	}

	@Override
	@Transactional(readOnly = true)
	public List<GroupHistoryEntry> history(long id) {
		return jdbc.sql("""
				select event, form_id, acted_by, acted_at, snapshot ->> 'name' as name, snapshot ->> 'state' as state,
				       snapshot ->> 'note' as note
				  from activity_group_history where group_id = :id order by acted_at, id""")
				.param("id", id).query((rs, n) -> {
					String note = rs.getString("note");
					return new GroupHistoryEntry(rs.getString("event"), rs.getObject("form_id", Long.class),
							rs.getString("acted_by"), GroupsClock.instant(rs, "acted_at"),
							rs.getString("name") + "（" + rs.getString("state") + "）" + (note == null ? "" : " " + note));
				}).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<GroupForm> forms(long groupId) {
		return jdbc.sql("select * from group_form where group_id = :g order by id desc").param("g", groupId)
				.query((rs, n) -> GroupFormKeyingStore.form(rs)).list();
	}

	@Override
	public List<ActivityType> activityTypes() {
		return properties.types();
	}

	private GroupSummary row(ResultSet rs, int n) throws SQLException {
		java.sql.Array codes = rs.getArray("activity_codes");
		List<String> activities = new ArrayList<>();
		for (String c : codes == null ? new String[0] : (String[]) codes.getArray()) {
			activities.add(properties.type(c).map(t -> t.code() + " " + t.label() + "（" + t.points() + "P）").orElse(c));
		}
		return new GroupSummary(rs.getLong("id"), GroupCategory.valueOf(rs.getString("category")), rs.getString("name"),
				rs.getString("name_kana"), Ward.ofCode(rs.getInt("ward")).orElseThrow(), activities,
				rs.getString("meeting_place"), rs.getString("public_contact"), GroupState.valueOf(rs.getString("state")));
	}

	private static String like(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * The words of a search. An address (a caller's: 広島市中区基町10-1) gives its ward and its 町名 (基町): the ward's
	 * groups, those meeting in the town first; other text gives words that must all match.
	 */
	record SearchWords(Ward ward, String town, List<String> words) {

		boolean isEmpty() {
			return ward == null && words.isEmpty();
		}

		static SearchWords of(String q) {
			if (q == null || q.isBlank()) {
				return new SearchWords(null, null, List.of());
			}
			String s = java.text.Normalizer.normalize(q, java.text.Normalizer.Form.NFKC).strip();
			s = s.replaceFirst("^(広島県)?広島市", "");
			for (Ward w : Ward.values()) {
				int at = s.indexOf(w.japaneseName());
				if (at >= 0) {
					String rest = s.substring(at + w.japaneseName().length()).strip();
					String before = s.substring(0, at).strip();
					// 町名: up to the first digit, 丁目/番地 or dash (基町10-1 → 基町, 紙屋町二丁目 → 紙屋町)
					String town = rest.replaceFirst("^([^0-9０-９\\-‐−ー\\s]+?)([一二三四五六七八九十]+丁目|[0-9\\-‐−].*|\\s.*|$).*", "$1")
							.strip();
					var words = new ArrayList<String>();
					for (String part : before.split("\\s+")) {
						if (!part.isBlank()) {
							words.add(part);
						}
					}
					return new SearchWords(w, town.isEmpty() ? null : town, List.copyOf(words));
				}
			}
			var words = new ArrayList<String>();
			for (String part : s.split("[\\s\u3000]+")) {
				if (!part.isBlank()) {
					words.add(part);
				}
			}
			return new SearchWords(null, null, List.copyOf(words));
		}
	}
}
