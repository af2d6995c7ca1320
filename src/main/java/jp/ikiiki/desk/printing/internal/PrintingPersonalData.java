package jp.ikiiki.desk.printing.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The printing module's personal data for the end-of-contract erasure (第11章1(5)(6)): the city's decisions on
 * characters that name one subject (第3章1: a person's 外字 replacement or kana form). Decisions for every subject
 * (a character mapped everywhere) name nobody and stay.
 */
@Component
class PrintingPersonalData implements PersonalDataStore {

	static final PersonalDataKind DECISIONS = PersonalDataKind.rows("printing.print_character_decision",
			"対象者ごとの外字・かな表記の決定");

	private final JdbcClient jdbc;

	PrintingPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String module() {
		return "printing";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(DECISIONS);
	}

	@Override
	public long count(PersonalDataKind kind) {
		return jdbc.sql("select count(*) from print_character_decision where subject_id is not null").query(Long.class)
				.single();
	}

	@Override
	public void erase() {
		jdbc.sql("delete from print_character_decision where subject_id is not null").update();
	}
}
