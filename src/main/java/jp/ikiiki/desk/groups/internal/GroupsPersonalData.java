package jp.ikiiki.desk.groups.internal;

import java.util.List;
import jp.ikiiki.desk.erasure.FileShredder;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The activity groups' personal data for the end-of-contract erasure (第11章1(5)(6)): the representatives' names,
 * addresses and phones on the groups (the groups themselves stay: name, ward, activities and public contact are what
 * the city publishes), the same in every history snapshot, the keyed values of the forms in both passes and the floor
 * manager's decisions, the verified values of the forms, and the scanned forms on disk. The stamps stay (numbers and
 * groups, no person).
 */
@Component
class GroupsPersonalData implements PersonalDataStore {

	static final PersonalDataKind REPRESENTATIVES = PersonalDataKind.rows("groups.activity_group",
			"活動団体の代表者（氏名・住所・電話番号。団体名・区・活動場所・公開連絡先は残す）");
	static final PersonalDataKind HISTORY = PersonalDataKind.rows("groups.activity_group_history",
			"活動団体の履歴に記録した代表者");
	static final PersonalDataKind FORM_KEYS = PersonalDataKind.rows("groups.group_form_key",
			"届出書の入力値（エントリー・ベリファイ）");
	static final PersonalDataKind FORM_DECISIONS = PersonalDataKind.rows("groups.group_form_decision",
			"届出書の入力の照合結果と判断");
	static final PersonalDataKind FORM_VALUES = PersonalDataKind.rows("groups.group_form",
			"届出書のデータ化した値・照会の内容");
	static final PersonalDataKind IMAGES = PersonalDataKind.files("groups.form_images", "届出書のイメージ（PDF）");

	private static final List<PersonalDataKind> KINDS = List.of(REPRESENTATIVES, HISTORY, FORM_KEYS, FORM_DECISIONS,
			FORM_VALUES, IMAGES);

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final FormImages images;

	GroupsPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions, FormImages images) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.images = images;
	}

	@Override
	public String module() {
		return "groups";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return KINDS;
	}

	@Override
	public long count(PersonalDataKind kind) {
		if (kind.equals(REPRESENTATIVES)) {
			return jdbc.sql("""
					select count(*) from activity_group where representative_name is not null
					  or representative_address is not null or representative_phone is not null""")
					.query(Long.class).single();
		}
		if (kind.equals(HISTORY)) {
			return jdbc.sql("select count(*) from activity_group_history where snapshot -> 'representative' is not null")
					.query(Long.class).single();
		}
		if (kind.equals(FORM_KEYS)) {
			return jdbc.sql("select count(*) from group_form_key").query(Long.class).single();
		}
		if (kind.equals(FORM_DECISIONS)) {
			return jdbc.sql("select count(*) from group_form_decision").query(Long.class).single();
		}
		if (kind.equals(FORM_VALUES)) {
			return jdbc.sql("""
					select count(*) from group_form where values_verified is not null or query_reason is not null
					  or query_answer is not null or image_name is not null""").query(Long.class).single();
		}
		if (kind.equals(IMAGES)) {
			return FileShredder.count(images.dir());
		}
		throw new IllegalArgumentException("not a kind of groups: " + kind.key());
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			jdbc.sql("""
					update activity_group set representative_name = null, representative_address = null,
					  representative_phone = null where representative_name is not null
					  or representative_address is not null or representative_phone is not null""").update();
			jdbc.sql("update activity_group_history set snapshot = snapshot - 'representative'"
					+ " where snapshot -> 'representative' is not null").update();
			jdbc.sql("delete from group_form_decision").update();
			jdbc.sql("delete from group_form_key").update();
			jdbc.sql("""
					update group_form set values_verified = null, query_reason = null, query_answer = null,
					  image_name = null, image_sha256 = null, image_original = null
					where values_verified is not null or query_reason is not null or query_answer is not null
					  or image_name is not null""").update();
		});
		FileShredder.shredAll(images.dir(), p -> true);
	}
}
