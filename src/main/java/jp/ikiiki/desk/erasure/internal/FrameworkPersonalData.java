package jp.ikiiki.desk.erasure.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The framework's store: Spring Modulith's event publication registry keeps every event between modules, serialised
 * (宛名番号 among them). No module owns it, so the erasure does.
 */
@Component
class FrameworkPersonalData implements PersonalDataStore {

	static final PersonalDataKind EVENTS = PersonalDataKind.rows("framework.event_publication",
			"モジュール間イベントの記録（宛名番号などを含む）");

	private final JdbcClient jdbc;

	FrameworkPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String module() {
		return "framework";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(EVENTS);
	}

	@Override
	public long count(PersonalDataKind kind) {
		return jdbc.sql("select count(*) from event_publication").query(Long.class).single();
	}

	@Override
	public void erase() {
		jdbc.sql("delete from event_publication").update();
	}

	@Override
	public int order() {
		return 900;
	}
}
