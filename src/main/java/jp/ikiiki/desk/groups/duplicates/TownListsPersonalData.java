package jp.ikiiki.desk.groups.duplicates;

import java.util.List;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists of 府中町 and 海田町 for the end-of-contract erasure (第11章1(5)(6)): their entries carry representatives'
 * names, phones and addresses, and serve only the duplicate check, so every entry goes. The imports' records (town,
 * file name, date, counts) and the decided pairs (references and scores, no person) stay.
 */
@Component
class TownListsPersonalData implements PersonalDataStore {

	static final PersonalDataKind ENTRIES = PersonalDataKind.rows("groups.town_group",
			"府中町・海田町の団体一覧（代表者・電話番号・所在地を含む）");

	private final JdbcClient jdbc;

	TownListsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String module() {
		return "groups";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(ENTRIES);
	}

	@Override
	public long count(PersonalDataKind kind) {
		if (!kind.equals(ENTRIES)) {
			throw new IllegalArgumentException("not a kind of the town lists: " + kind.key());
		}
		return jdbc.sql("select count(*) from town_group").query(Long.class).single();
	}

	@Override
	public void erase() {
		jdbc.sql("delete from town_group").update();
	}
}
