package jp.ikiiki.desk.telephony.calls;

import java.util.List;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calls' personal data for the end-of-contract erasure (第11章1(5)(6)): the callers' numbers. The calls themselves
 * (times, waits, outcomes) are kept without them, so that the answer-rate statistics (第6章) can still be recomputed.
 */
@Component
class CallsPersonalData implements PersonalDataStore {

	static final PersonalDataKind CALLER_NUMBERS = PersonalDataKind.rows("telephony.call_record.caller_number",
			"通話記録の発信者番号（通話の日時・結果は番号なしで保持）");

	private final JdbcClient jdbc;

	CallsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String module() {
		return "telephony";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(CALLER_NUMBERS);
	}

	@Override
	public long count(PersonalDataKind kind) {
		return jdbc.sql("select count(*) from call_record where caller_number is not null").query(Long.class).single();
	}

	@Override
	public void erase() {
		jdbc.sql("update call_record set caller_number = null where caller_number is not null").update();
	}
}
