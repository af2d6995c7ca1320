package jp.ikiiki.desk.payments.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.FileShredder;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payments' personal data for the end-of-contract erasure (第11章1(5)(6)): account forms (口座登録用紙) with
 * their keyed values in both passes and the floor manager's decisions (the keying module's rules keep them here, in
 * {@code account_form_key} and {@code account_form_decision}), the registered accounts (bank details and holder
 * names), each person's payable year, the payments and exclusions of every run, and the files every run produced
 * (全銀 transfer file, 支払データ XLSX/CSV), stored in the database. The runs stay with their transfer date and counts
 * (payments, total, excluded, late), and the 振込不能 records with their number of items: figures without a person. The
 * bank master (金融機関・店舗) is public reference data, not personal, and stays. On disk: the scanned forms under
 * {@code ikiiki.payments.form-images.dir}, shredded (overwritten, then deleted).
 */
@Component
class PaymentsPersonalData implements PersonalDataStore {

	static final PersonalDataKind FORMS = PersonalDataKind.rows("payments.account_form", "口座登録用紙の受付・不備の内容");
	static final PersonalDataKind FORM_KEYS = PersonalDataKind.rows("payments.account_form_key",
			"口座登録用紙の入力値（エントリー・ベリファイ）");
	static final PersonalDataKind FORM_DECISIONS = PersonalDataKind.rows("payments.account_form_decision",
			"口座登録用紙の入力の照合結果と判断");
	static final PersonalDataKind ACCOUNTS = PersonalDataKind.rows("payments.payee_account", "登録口座（金融機関・口座番号・口座名義）");
	static final PersonalDataKind PAYABLE = PersonalDataKind.rows("payments.payable_year", "対象者ごとの年度の支払額と受付日");
	static final PersonalDataKind PAYMENTS = PersonalDataKind.rows("payments.payment", "支払（宛名番号・金額・振込不能の理由）");
	static final PersonalDataKind EXCLUSIONS = PersonalDataKind.rows("payments.payment_exclusion", "支払から除いた対象者と理由");
	static final PersonalDataKind RUN_FILES = PersonalDataKind.rows("payments.payment_run_file",
			"支払回の全銀ファイルと支払データ（回・振込指定日・件数・合計額は残す）");

	static final PersonalDataKind IMAGES = PersonalDataKind.files("payments.form_images",
			"口座登録用紙のイメージ（PDF・画像、通帳の写しを含む）");

	private static final List<PersonalDataKind> KINDS = List.of(FORMS, FORM_KEYS, FORM_DECISIONS, ACCOUNTS, PAYABLE,
			PAYMENTS, EXCLUSIONS, RUN_FILES, IMAGES);

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final AccountFormImages images;

	PaymentsPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions, AccountFormImages images) {
		this.jdbc = jdbc;
		this.images = images;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String module() {
		return "payments";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return KINDS;
	}

	@Override
	public long count(PersonalDataKind kind) {
		if (!KINDS.contains(kind)) {
			throw new IllegalArgumentException("not a kind of payments: " + kind.key());
		}
		if (kind.equals(IMAGES)) {
			return FileShredder.count(images.dir());
		}
		// the key names the table (a constant of this class, never input)
		return jdbc.sql("select count(*) from " + kind.key().substring("payments.".length())).query(Long.class).single();
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			jdbc.sql("delete from payment").update();
			jdbc.sql("delete from payment_exclusion").update();
			jdbc.sql("delete from payment_run_file").update();
			jdbc.sql("delete from payee_account").update();
			jdbc.sql("delete from account_form_decision").update();
			jdbc.sql("delete from account_form_key").update();
			jdbc.sql("delete from account_form").update();
			jdbc.sql("delete from payable_year").update();
		});
		FileShredder.shredAll(images.dir(), p -> true);
	}
}
