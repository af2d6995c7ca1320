package jp.ikiiki.desk.notices.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notices' personal data for the end-of-contract erasure (第11章1(5)(6)): the booklets each run took, with the
 * 宛名番号 and what became of each, and each run's lists (the 獲得ポイント通知一覧 XLSX as delivered to the city and the
 * run's result with the people it names). The runs themselves stay with their day, half and counts (notified, with the
 * account form, not notified, overdue): figures without a person, for the work report. The notices keep no files on
 * disk (the list is stored in the database).
 */
@Component
class NoticesPersonalData implements PersonalDataStore {

	static final PersonalDataKind BOOKLETS = PersonalDataKind.rows("notices.notice_booklet",
			"通知の対象とした手帳（宛名番号・結果）");
	static final PersonalDataKind LISTS = PersonalDataKind.rows("notices.notice_run.lists",
			"通知回ごとの獲得ポイント通知一覧（XLSX）と結果の一覧（回・日付・件数は残す）");

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	NoticesPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String module() {
		return "notices";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(BOOKLETS, LISTS);
	}

	@Override
	public long count(PersonalDataKind kind) {
		return switch (kind.key()) {
			case "notices.notice_booklet" -> jdbc.sql("select count(*) from notice_booklet").query(Long.class).single();
			case "notices.notice_run.lists" -> jdbc.sql(
					"select count(*) from notice_run where list_xlsx is not null or result is not null")
					.query(Long.class).single();
			default -> throw new IllegalArgumentException("not a kind of notices: " + kind.key());
		};
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			jdbc.sql("delete from notice_booklet").update();
			jdbc.sql("update notice_run set list_xlsx = null, result = null"
					+ " where list_xlsx is not null or result is not null").update();
		});
	}
}
