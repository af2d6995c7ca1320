package jp.ikiiki.desk.tally.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.FileShredder;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import jp.ikiiki.desk.tally.TallyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tally's personal data for the end-of-contract erasure (第11章1(5)(6)): received booklets, their bundles and
 * refusals, the keyed stamps (entry and verify) and decisions, the scans' rows, and the scanned PDFs on disk (linked,
 * queued and waiting in the inbox).
 */
@Component
class TallyPersonalData implements PersonalDataStore {

	static final PersonalDataKind BOOKLETS = PersonalDataKind.rows("tally.booklet", "受け付けた手帳（対象者・管理番号・状態）");
	static final PersonalDataKind BUNDLES = PersonalDataKind.rows("tally.booklet_bundle", "手帳の受付束");
	static final PersonalDataKind REFUSALS = PersonalDataKind.rows("tally.booklet_refusal", "受け付けなかった手帳と理由");
	static final PersonalDataKind KEYS = PersonalDataKind.rows("tally.booklet_key", "手帳のスタンプ入力（入力・ベリファイ）");
	static final PersonalDataKind DECISIONS = PersonalDataKind.rows("tally.booklet_decision", "入力の照合結果と判断");
	static final PersonalDataKind SCAN_ROWS = PersonalDataKind.rows("tally.booklet_scan", "スキャン画像の記録（紐付け済み・未紐付け）");
	static final PersonalDataKind SCAN_FILES = PersonalDataKind.files("tally.scan_files", "手帳のスキャン画像（PDF）");

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final TallyProperties.Scan scan;

	TallyPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions, TallyProperties properties) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.scan = properties.scan();
	}

	@Override
	public String module() {
		return "tally";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(BOOKLETS, BUNDLES, REFUSALS, KEYS, DECISIONS, SCAN_ROWS, SCAN_FILES);
	}

	@Override
	public long count(PersonalDataKind kind) {
		return switch (kind.key()) {
			case "tally.scan_files" -> FileShredder.count(scan.dir()) + FileShredder.count(scan.inbox());
			case "tally.booklet_scan" -> rows("booklet_scan") + rows("booklet_scan_queue");
			case "tally.booklet", "tally.booklet_bundle", "tally.booklet_refusal", "tally.booklet_key",
					"tally.booklet_decision" -> rows(kind.key().substring("tally.".length()));
			default -> throw new IllegalArgumentException("not a kind of tally: " + kind.key());
		};
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			jdbc.sql("delete from booklet_decision").update();
			jdbc.sql("delete from booklet_key").update();
			jdbc.sql("delete from booklet_scan").update();
			jdbc.sql("delete from booklet_scan_queue").update();
			jdbc.sql("delete from booklet_refusal").update();
			jdbc.sql("delete from booklet").update();
			jdbc.sql("delete from booklet_bundle").update();
		});
		FileShredder.shredAll(scan.dir());
		FileShredder.shredAll(scan.inbox());
	}
}
