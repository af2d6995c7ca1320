package jp.ikiiki.desk.groups.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.groups.GroupField;
import jp.ikiiki.desk.groups.GroupForm;
import jp.ikiiki.desk.groups.GroupFormKind;
import jp.ikiiki.desk.groups.GroupFormState;
import jp.ikiiki.desk.groups.GroupsProperties;
import jp.ikiiki.desk.keying.TableKeyingStore;
import jp.ikiiki.desk.keying.Stage;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The forms' keying in {@code group_form} (state and pass holders), {@code group_form_key} (field numbers are
 * {@link GroupField} ordinals; values as converted by {@link GroupValues}) and {@code group_form_decision}. A verified
 * registration form creates its group, APPLIED (第5章2: the city checks it next); change and deletion forms keep
 * their values until the city approves them.
 */
@Component
class GroupFormKeyingStore extends TableKeyingStore<GroupForm, GroupField, String> {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;
	private final GroupsClock clock;
	private final GroupsProperties properties;
	private final GroupRows rows;

	GroupFormKeyingStore(JdbcClient jdbc, GroupsClock clock, GroupsProperties properties, GroupRows rows) {
		super(jdbc, "group_form", "group_form_key", "group_form_decision", "form_id", GroupField.class, String.class);
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.rows = rows;
	}

	@Override
	public List<GroupField> fields() {
		return GroupField.ALL;
	}

	@Override
	public String label(GroupField field) {
		return field.label();
	}

	@Override
	public String apiName(GroupField field) {
		return field.apiName();
	}

	@Override
	public void check(GroupField field, String value) {
		GroupValues.check(field, value, properties);
	}

	static GroupForm form(ResultSet rs) throws SQLException {
		return new GroupForm(rs.getLong("id"), GroupFormKind.valueOf(rs.getString("form")),
				rs.getObject("group_id", Long.class), GroupFormState.valueOf(rs.getString("state")),
				rs.getObject("received_on", LocalDate.class), rs.getObject("verified_on", LocalDate.class),
				rs.getString("query_reason"), rs.getString("query_answer"), rs.getString("decision_reason"),
				rs.getInt("image_pages"));
	}

	@Override
	public Held<GroupForm> lock(long id) {
		return jdbc.sql("select * from group_form where id = :id for update").param("id", id).query((rs, n) -> {
			GroupForm f = form(rs);
			if (f.state() == GroupFormState.QUERIED) {
				throw new StateConflictException("届出書 " + id + " は市に照会中のため入力できません（" + f.queryReason() + "）")
						.with("state", f.state().name());
			}
			if (f.state().decided()) {
				throw new StateConflictException("届出書 " + id + " は「" + f.state().label() + "」のため入力できません")
						.with("state", f.state().name());
			}
			return new Held<>(f, f.state().stage(), f.state().label(), rs.getString("entry_by"),
					GroupsClock.instant(rs, "entry_touched_at"), rs.getString("verify_by"),
					GroupsClock.instant(rs, "verify_touched_at"));
		}).optional().orElseThrow(() -> new NotFoundException("届出書 " + id + " はありません"));
	}

	private static Held<GroupForm> in(Held<GroupForm> h, GroupFormState state, Long groupId, LocalDate verifiedOn) {
		GroupForm f = h.document();
		return new Held<>(new GroupForm(f.id(), f.form(), groupId, state, f.receivedOn(), verifiedOn, f.queryReason(),
				f.queryAnswer(), f.decisionReason(), f.imagePages()), state.stage(), state.label(), h.entryBy(),
				h.entryTouched(), h.verifyBy(), h.verifyTouched());
	}

	@Override
	public Held<GroupForm> stage(long id, Held<GroupForm> from, Stage to) {
		GroupFormState target = GroupFormState.of(to);
		from.document().state().checkStep(id, target);
		jdbc.sql("update group_form set state = :s" + (to == Stage.ENTERED ? ", entered_at = :at" : "")
				+ " where id = :id").param("s", target.name()).param("at", clock.at()).param("id", id).update();
		return in(from, target, from.document().groupId(), from.document().verifiedOn());
	}

	@Override
	public Held<GroupForm> verified(long id, Held<GroupForm> held, Map<GroupField, String> values, Instant at) {
		GroupForm form = held.document();
		form.state().checkStep(id, GroupFormState.VERIFIED);
		// Decisions replace single fields: the whole is checked again as the entry was.
		GroupValues.required(form.form(), values);
		LocalDate today = clock.today();
		Long groupId = form.groupId();
		if (form.form() == GroupFormKind.REGISTER) {
			groupId = rows.insertApplied(values, id, today);
		}
		var json = new LinkedHashMap<String, String>();
		values.forEach((f, v) -> json.put(f.name(), v));
		try {
			jdbc.sql("""
					update group_form set state = 'VERIFIED', verified_on = :on, verified_at = :at, group_id = :g,
					  values_verified = cast(:v as jsonb) where id = :id""")
					.param("on", today).param("at", GroupsClock.at(at)).param("g", groupId)
					.param("v", JSON.writeValueAsString(json)).param("id", id).update();
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("values not serialisable", e);
		}
		return in(held, GroupFormState.VERIFIED, groupId, today);
	}

	/** The verified values of a form, by field ('' for a field left empty). */
	Map<GroupField, String> verifiedValues(long id) {
		String json = jdbc.sql("select values_verified::text from group_form where id = :id").param("id", id)
				.query(String.class).optional().orElse(null);
		var values = new EnumMap<GroupField, String>(GroupField.class);
		if (json == null) {
			return values;
		}
		try {
			@SuppressWarnings("unchecked")
			Map<String, String> m = JSON.readValue(json, Map.class);
			m.forEach((k, v) -> values.put(GroupField.valueOf(k), v == null ? "" : v));
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("stored values unreadable", e);
		}
		return values;
	}
}
