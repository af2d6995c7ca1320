package jp.ikiiki.desk.escalations.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The escalations' personal data for the end-of-contract erasure (第11章1(5)(6)): every case (the subject, the
 * caller's number, the question, the city's instruction and the callback note).
 */
@Component
class EscalationsPersonalData implements PersonalDataStore {

	static final PersonalDataKind CASES = PersonalDataKind.rows("escalations.escalation",
			"市への照会案件（対象者・発信者番号・照会内容・市の指示・折り返しの記録）");

	private final JdbcClient jdbc;

	EscalationsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String module() {
		return "escalations";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(CASES);
	}

	@Override
	public long count(PersonalDataKind kind) {
		return jdbc.sql("select count(*) from escalation").query(Long.class).single();
	}

	@Override
	public void erase() {
		jdbc.sql("delete from escalation").update();
	}
}
