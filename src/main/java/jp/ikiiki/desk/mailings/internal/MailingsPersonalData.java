package jp.ikiiki.desk.mailings.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.FileShredder;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import jp.ikiiki.desk.mailings.MailingsProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mailings' personal data for the end-of-contract erasure (第11章1(5)(6)): batches with their lists of 宛名番号,
 * envelopes (names, addresses, registered-mail numbers), exclusions and pull-outs, the mailing history per person,
 * and the print files on disk. The registered-mail number ranges are configuration and stay.
 */
@Component
class MailingsPersonalData implements PersonalDataStore {

	static final PersonalDataKind BATCHES = PersonalDataKind.rows("mailings.mailing_batch", "発送バッチ（宛名番号の一覧を含む）");
	static final PersonalDataKind ENVELOPES = PersonalDataKind.rows("mailings.mailing_envelope", "封筒（宛名・住所・引受番号）");
	static final PersonalDataKind EXCLUSIONS = PersonalDataKind.rows("mailings.mailing_exclusion", "発送から除いた対象者と理由・引抜");
	static final PersonalDataKind MISSING_BARCODES = PersonalDataKind.rows("mailings.mailing_missing_customer_barcode",
			"カスタマバーコードを付けられなかった封筒");
	static final PersonalDataKind HISTORY = PersonalDataKind.rows("mailings.subject_mailing", "対象者ごとの発送履歴（前年度からの引継ぎを含む）");
	static final PersonalDataKind PRINT_FILES = PersonalDataKind.files("mailings.print_files", "印刷ファイル（PDF・一覧表）");

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final MailingsProperties properties;

	MailingsPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions, MailingsProperties properties) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	@Override
	public String module() {
		return "mailings";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(BATCHES, ENVELOPES, EXCLUSIONS, MISSING_BARCODES, HISTORY, PRINT_FILES);
	}

	@Override
	public long count(PersonalDataKind kind) {
		if (kind.equals(PRINT_FILES)) {
			return FileShredder.count(properties.outputDir());
		}
		String table = kind.key().substring("mailings.".length());
		if (!List.of("mailing_batch", "mailing_envelope", "mailing_exclusion", "mailing_missing_customer_barcode",
				"subject_mailing").contains(table)) {
			throw new IllegalArgumentException("not a kind of mailings: " + kind.key());
		}
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			jdbc.sql("delete from subject_mailing").update();
			// envelopes, exclusions, bundles and missing barcodes go with their batch (on delete cascade)
			jdbc.sql("delete from mailing_batch").update();
		});
		FileShredder.shredAll(properties.outputDir());
	}
}
