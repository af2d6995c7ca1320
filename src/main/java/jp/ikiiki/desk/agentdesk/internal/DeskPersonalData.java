package jp.ikiiki.desk.agentdesk.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agent desk's personal data for the end-of-contract erasure (第11章1(5)(6)): the call log (the subject linked,
 * the caller's number, what was asked and answered), its drafts and the callback marks. The inquiry categories and
 * the agents' bindings are configuration and staff, and stay.
 */
@Component
class DeskPersonalData implements PersonalDataStore {

	static final PersonalDataKind CALL_LOG = PersonalDataKind.rows("agentdesk.call_log", "応対記録（対象者・発信者番号・問い合わせ内容）");
	static final PersonalDataKind DRAFTS = PersonalDataKind.rows("agentdesk.call_log_draft", "応対記録の下書き");
	static final PersonalDataKind CALLBACKS = PersonalDataKind.rows("agentdesk.callback_mark", "折り返し連絡の印");

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	DeskPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String module() {
		return "agentdesk";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(CALL_LOG, DRAFTS, CALLBACKS);
	}

	@Override
	public long count(PersonalDataKind kind) {
		String table = switch (kind.key()) {
			case "agentdesk.call_log" -> "call_log";
			case "agentdesk.call_log_draft" -> "call_log_draft";
			case "agentdesk.callback_mark" -> "callback_mark";
			default -> throw new IllegalArgumentException("not a kind of agentdesk: " + kind.key());
		};
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			jdbc.sql("delete from callback_mark").update();
			jdbc.sql("delete from call_log_draft").update();
			jdbc.sql("delete from call_log").update();
		});
	}
}
