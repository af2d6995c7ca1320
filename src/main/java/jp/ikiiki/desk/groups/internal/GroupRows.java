package jp.ikiiki.desk.groups.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.groups.GroupField;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.GroupState;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.TextNormalizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code activity_group} and its history: every change of a group goes through here, with the group's values
 * afterwards in the history's snapshot (the representative's among them: the history is personal data too and is
 * erased with the group, see {@link GroupsPersonalData}).
 */
@Component
class GroupRows {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;
	private final GroupsClock clock;

	GroupRows(JdbcClient jdbc, GroupsClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A verified registration form: the group APPLIED, {@code applied_on} the day of verification. */
	long insertApplied(Map<GroupField, String> v, long formId, LocalDate on) {
		long id = jdbc.sql("""
				insert into activity_group (category, name, name_kana, ward, activity_codes, meeting_place,
				  representative_name, representative_address, representative_phone, public_contact, state, applied_on,
				  search_key)
				values (:category, :name, :kana, :ward, :codes, :place, :rn, :ra, :rp, :contact, 'APPLIED', :on, :key)
				returning id""")
				.param("category", v.get(GroupField.CATEGORY)).param("name", v.get(GroupField.NAME))
				.param("kana", v.get(GroupField.NAME_KANA)).param("ward", Integer.parseInt(v.get(GroupField.WARD)))
				.param("codes", GroupValues.codes(v.get(GroupField.ACTIVITY_CODES)).toArray(new String[0]))
				.param("place", v.get(GroupField.MEETING_PLACE)).param("rn", v.get(GroupField.REPRESENTATIVE_NAME))
				.param("ra", v.get(GroupField.REPRESENTATIVE_ADDRESS))
				.param("rp", v.get(GroupField.REPRESENTATIVE_PHONE))
				.param("contact", blankToNull(v.get(GroupField.PUBLIC_CONTACT))).param("on", on)
				.param("key", searchKey(v.get(GroupField.NAME), v.get(GroupField.NAME_KANA),
						v.get(GroupField.MEETING_PLACE), Integer.parseInt(v.get(GroupField.WARD)),
						v.get(GroupField.PUBLIC_CONTACT)))
				.query(Long.class).single();
		history(id, "REGISTER_VERIFIED", formId);
		return id;
	}

	/** The city's decision on a registration: REGISTERED (registered_on today) or REJECTED. */
	void decideRegistration(long groupId, boolean approved, long formId) {
		jdbc.sql("update activity_group set state = :s, registered_on = :on, version = version + 1, updated_at = :at"
				+ " where id = :id")
				.param("s", approved ? "REGISTERED" : "REJECTED").param("on", approved ? clock.today() : null)
				.param("at", clock.at()).param("id", groupId).update();
		history(groupId, approved ? "REGISTERED" : "REJECTED", formId);
	}

	/** An approved change form: every field the form gives replaces the group's; the group is CHANGED. */
	void change(long groupId, Map<GroupField, String> v, long formId) {
		var set = new StringBuilder("state = 'CHANGED', version = version + 1, updated_at = :at");
		var params = new LinkedHashMap<String, Object>();
		params.put("at", clock.at());
		params.put("id", groupId);
		for (GroupField f : GroupField.ALL) {
			String value = v.getOrDefault(f, "");
			if (value.isEmpty()) {
				continue;
			}
			String column = column(f);
			Object p = switch (f) {
				case WARD -> Integer.parseInt(value);
				case ACTIVITY_CODES -> GroupValues.codes(value).toArray(new String[0]);
				default -> value;
			};
			set.append(", ").append(column).append(" = :").append(column);
			params.put(column, p);
		}
		jdbc.sql("update activity_group set " + set + " where id = :id").params(params).update();
		refreshSearchKey(groupId);
		history(groupId, "CHANGED", formId);
	}

	/** An approved deletion form: DELETED today. */
	void delete(long groupId, long formId) {
		jdbc.sql("update activity_group set state = 'DELETED', deleted_on = :on, version = version + 1, updated_at = :at"
				+ " where id = :id").param("on", clock.today()).param("at", clock.at()).param("id", groupId).update();
		history(groupId, "DELETED", formId);
	}

	/** A history entry of {@code event} with the group's values afterwards. */
	void history(long groupId, String event, Long formId) {
		history(groupId, event, formId, null);
	}

	/** A history entry with a note of what happened besides the values (stamps issued). */
	void history(long groupId, String event, Long formId, String note) {
		GroupProfile g = JdbcGroupDirectory.lookup(jdbc, groupId)
				.orElseThrow(() -> new NotFoundException("団体 " + groupId + " はありません"));
		var snapshot = new LinkedHashMap<String, Object>();
		snapshot.put("category", g.category().name());
		snapshot.put("name", g.name());
		snapshot.put("nameKana", g.nameKana());
		snapshot.put("ward", g.ward().code());
		snapshot.put("activityCodes", g.activityCodes());
		snapshot.put("meetingPlace", g.meetingPlace());
		snapshot.put("publicContact", g.publicContact());
		snapshot.put("state", g.state().name());
		snapshot.put("representative", Map.of("name", nz(g.representative().name()), "address",
				nz(g.representative().address()), "phone", nz(g.representative().phone())));
		if (note != null) {
			snapshot.put("note", note);
		}
		try {
			jdbc.sql("""
					insert into activity_group_history (group_id, event, form_id, acted_by, acted_at, snapshot)
					values (:g, :e, :f, :by, :at, cast(:s as jsonb))""")
					.param("g", groupId).param("e", event).param("f", formId).param("by", CurrentUser.name())
					.param("at", clock.at()).param("s", JSON.writeValueAsString(snapshot)).update();
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("snapshot not serialisable", e);
		}
	}

	/** Locks the group row for an update. */
	GroupState lockState(long groupId) {
		return jdbc.sql("select state from activity_group where id = :id for update").param("id", groupId)
				.query(String.class).optional().map(GroupState::valueOf)
				.orElseThrow(() -> new NotFoundException("団体 " + groupId + " はありません"));
	}

	void refreshSearchKey(long groupId) {
		GroupProfile g = JdbcGroupDirectory.lookup(jdbc, groupId).orElseThrow();
		jdbc.sql("update activity_group set search_key = :k where id = :id")
				.param("k", searchKey(g.name(), g.nameKana(), g.meetingPlace(), g.ward().code(), g.publicContact()))
				.param("id", groupId).update();
	}

	/** What the public search matches: name, kana, meeting place, ward and public contact, normalised. */
	static String searchKey(String name, String kana, String place, int ward, String contact) {
		return String.join("|", TextNormalizer.forKey(name), Kana.searchKey(kana), TextNormalizer.forKey(place),
				Ward.ofCode(ward).map(Ward::japaneseName).orElse(""), TextNormalizer.forKey(contact));
	}

	static String column(GroupField f) {
		return switch (f) {
			case NAME -> "name";
			case NAME_KANA -> "name_kana";
			case CATEGORY -> "category";
			case WARD -> "ward";
			case ACTIVITY_CODES -> "activity_codes";
			case MEETING_PLACE -> "meeting_place";
			case REPRESENTATIVE_NAME -> "representative_name";
			case REPRESENTATIVE_ADDRESS -> "representative_address";
			case REPRESENTATIVE_PHONE -> "representative_phone";
			case PUBLIC_CONTACT -> "public_contact";
		};
	}

	static List<GroupField> fields() {
		return GroupField.ALL;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String blankToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}
}
