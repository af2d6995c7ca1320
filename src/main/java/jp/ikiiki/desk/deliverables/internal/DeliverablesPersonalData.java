package jp.ikiiki.desk.deliverables.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deliverables' personal data for the end-of-contract erasure (第11章1(5)(6)): every file generated for the city
 * (the monthly lists and reports hold 宛名番号, names and amounts), stored in the database, with the record of each
 * download, and the checker's free-text note on a period. The files are immutable (a trigger refuses UPDATE and
 * DELETE); the trigger lets a DELETE pass only in a session that says it is the erasure, so this store sets
 * {@code ikiiki.erasure} to {@code on} for its own transaction alone ({@code set_config(…, true)}: local to it) on the
 * application role's connection, as every store erases. What stays: each period's row (kind, period, due date, state,
 * who generated, checked and delivered it, when), the schedule of what was delivered, and the work report's monthly
 * text per KPI (the contractor's own account of the work, delivered to the city, without personal data by its
 * purpose). No files on disk.
 */
@Component
class DeliverablesPersonalData implements PersonalDataStore {

	static final PersonalDataKind FILES = PersonalDataKind.rows("deliverables.deliverable_file",
			"提出データのファイル（一覧・報告書。回・期限・状態・提出日時は残す）");
	static final PersonalDataKind DOWNLOADS = PersonalDataKind.rows("deliverables.deliverable_download", "提出データのダウンロード記録");
	static final PersonalDataKind NOTES = PersonalDataKind.rows("deliverables.deliverable.check_note", "提出データの確認メモ（自由記述）");

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	DeliverablesPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String module() {
		return "deliverables";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(FILES, DOWNLOADS, NOTES);
	}

	@Override
	public long count(PersonalDataKind kind) {
		String sql = switch (kind.key()) {
			case "deliverables.deliverable_file" -> "select count(*) from deliverable_file";
			case "deliverables.deliverable_download" -> "select count(*) from deliverable_download";
			case "deliverables.deliverable.check_note" -> "select count(*) from deliverable where check_note is not null";
			default -> throw new IllegalArgumentException("not a kind of deliverables: " + kind.key());
		};
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			// the deliverable_file_immutable trigger lets a DELETE pass only with this setting, local to the transaction
			jdbc.sql("select set_config('ikiiki.erasure', 'on', true)").query(String.class).single();
			jdbc.sql("delete from deliverable_download").update();
			jdbc.sql("delete from deliverable_file").update();
			jdbc.sql("update deliverable set check_note = null where check_note is not null").update();
		});
	}
}
