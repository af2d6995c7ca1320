package jp.ikiiki.desk.subjects;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.TextNormalizer;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Subjects inserted straight into table {@code subject} (not through the import), as the import stores them:
 * keys computed with the shared rules, records as text arrays in 別紙 column order. Every fixture 宛名番号
 * starts with 99, so tests can ignore rows other tests may have left in the shared database.
 */
final class SubjectFixtures {

	static final String TANAKA_TARO = "9900000001";
	static final String TANAKA_HANAKO = "9900000002";
	static final String NAKATA_ICHIRO = "9900000003";
	static final String SATO_KYOKO = "9900000004";
	static final String YAMAMOTO_ENDED = "9900000005";
	static final String TAKAHASHI_HAJIME = "9900000006";
	static final List<String> ALL = List.of(TANAKA_TARO, TANAKA_HANAKO, NAKATA_ICHIRO, SATO_KYOKO, YAMAMOTO_ENDED,
			TAKAHASHI_HAJIME);

	static void insertAll(JdbcClient jdbc) {
		jdbc.sql("delete from subject where address_number like '99%'").update();
		insert(jdbc, TANAKA_TARO, "A0000001", "タナカ　タロウ", "田中　太郎", "1", LocalDate.of(1940, 3, 2), 101, "7300013",
				"広島市中区八丁堀1-2-3", "八丁堀ハイツ101", null, null, null, "要介護2", "タクシー券", false, false, true);
		insert(jdbc, TANAKA_HANAKO, "A0000002", "タナカ　ハナコ", "田中　花子", "2", LocalDate.of(1942, 5, 10), 104, "7330815",
				"広島市西区己斐上2-5-1", null, null, null, null, "要支援1", "バス券", false, false, true);
		insert(jdbc, NAKATA_ICHIRO, "A0000003", "ナカタ　イチロウ", "中田　一郎", "1", LocalDate.of(1940, 3, 2), 103, "7340014",
				"広島市南区宇品西3-1-8", null, "7300013", "広島市中区八丁堀5-7", "長男方", "要介護1", null, false, false, true);
		insert(jdbc, SATO_KYOKO, "A0000004", "サトウ　キョウコ", "佐藤　京子", "2", LocalDate.of(1950, 11, 23), 105, "7310138",
				"広島市安佐南区祇園2-4-6", null, null, null, null, "要介護3", "タクシー券", false, false, true);
		insert(jdbc, YAMAMOTO_ENDED, "A0000005", "ヤマモト　シゲル", "山本　茂", "1", LocalDate.of(1935, 8, 6), 108, "7315125",
				"広島市佐伯区五日市駅前1-1", null, null, null, null, "要介護5", "バス券", true, true, true);
		insert(jdbc, TAKAHASHI_HAJIME, null, "タカハシ　ハジメ", "髙橋　一", "1", LocalDate.of(1958, 1, 15), 102, "7320066",
				"広島市東区牛田本町6-2", null, null, null, null, "要支援2", null, false, false, false);
	}

	private static void insert(JdbcClient jdbc, String addressNumber, String managementNumber, String kana, String kanji,
			String sex, LocalDate birth, int ward, String postal, String address, String extra, String mailPostal,
			String mailAddress, String mailExtra, String careLevel, String ticket, boolean ended, boolean withGaiji,
			boolean withProgress) {
		Map<String, Object> index = new LinkedHashMap<>();
		index.put("区コード", String.valueOf(ward));
		index.put("宛名番号", addressNumber);
		index.put("氏名カナ", kana);
		index.put("氏名漢字", kanji);
		index.put("性別", sex);
		index.put("生年月日", birth.toString());
		index.put("郵便番号", postal);
		index.put("住所漢字", address);
		index.put("方書漢字", extra == null ? "" : extra);
		index.put("受給状況", "受給中");
		index.put("決定事由", "新規");
		index.put("利用券種", ticket == null ? "" : ticket);
		index.put("判定回数", "1");
		index.put("被保険者番号", "0012345678");
		index.put("要介護認定状態", careLevel);
		index.put("認定有効開始日", "2025-04-01");
		index.put("認定有効終了日", "2027-03-31");
		index.put("継続者フラグ", "1");
		index.put("申請書管理番号", managementNumber == null ? "" : managementNumber);
		Map<String, Object> progress = null;
		if (withProgress) {
			progress = new LinkedHashMap<>();
			progress.put("宛名番号", addressNumber);
			progress.put("氏名カナ", kana);
			progress.put("氏名漢字", kanji);
			progress.put("生年月日", birth.toString());
			progress.put("申請書管理番号", managementNumber == null ? "" : managementNumber);
			progress.put("交通助成", ticket == null ? "0" : "1");
			progress.put("利用券種", ticket == null ? "" : ticket);
			progress.put("ステータス", "交付済");
			progress.put("追加交付ステータス", "");
			progress.put("手帳作成日", "2026-08-20");
			progress.put("手帳受付日", "2026-10-05");
			progress.put("緊急停止", "0");
			progress.put("死亡日", "");
			progress.put("支払予定日", "2026-11-30");
			progress.put("振込有無", "0");
			progress.put("活動4P", "4");
			progress.put("活動2P", "6");
			progress.put("受診2P_1", "2");
			progress.put("受診2P小計", "2");
			progress.put("健康1P", "12");
			progress.put("ポイント合計", "24");
			progress.put("上限ポイント", "50");
			progress.put("支払金額", "2400");
			progress.put("金融機関コード", "0169");
			progress.put("金融機関名", "広島銀行");
			progress.put("店舗コード", "001");
			progress.put("口座名義人", kana);
		}
		String gaiji = withGaiji ? "[{\"column\":\"氏名漢字\",\"value\":\"" + kanji + "\",\"chars\":\"茂\"}]" : "[]";
		jdbc.sql("""
				insert into subject (address_number, management_number, name_kana, name_kana_key, name_kanji, name_kanji_key,
				  sex, birth_date, ward_code, postal_code, address, address_extra, mail_postal_code, mail_address,
				  mail_address_extra, address_key, care_level, ticket_type, index_ended_at, progress_ended_at, gaiji)
				values (:an, :mn, :kana, :kanaKey, :kanji, :kanjiKey, :sex, :birth, :ward, :postal, :address, :extra,
				  :mailPostal, :mailAddress, :mailExtra, :addressKey, :care, :ticket,
				  case when :ended then now() end, case when :ended then now() end, cast(:gaiji as jsonb))""")
				.param("an", addressNumber).param("mn", managementNumber)
				.param("kana", kana).param("kanaKey", Kana.searchKey(kana))
				.param("kanji", kanji).param("kanjiKey", TextNormalizer.forKey(kanji))
				.param("sex", sex).param("birth", birth).param("ward", ward).param("postal", postal)
				.param("address", address).param("extra", extra)
				.param("mailPostal", mailPostal).param("mailAddress", mailAddress).param("mailExtra", mailExtra)
				.param("addressKey", TextNormalizer.forKey(String.join("", nz(address), nz(extra), nz(mailAddress), nz(mailExtra))))
				.param("care", careLevel).param("ticket", ticket)
				.param("ended", ended)
				.param("gaiji", gaiji)
				.update();
		jdbc.sql("insert into subject_record (address_number, index_record, progress_record)"
						+ " values (:an, cast(:index as text[]), cast(:progress as text[]))")
				.param("an", addressNumber)
				.param("index", record(SubjectFileKind.INDEX, index))
				.param("progress", progress == null ? null : record(SubjectFileKind.PROGRESS, progress))
				.update();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/** The record as the import stores it: every column in 別紙 order, blank where the map has nothing. */
	private static String[] record(SubjectFileKind kind, Map<String, Object> cells) {
		cells.keySet().forEach(kind::column); // a misspelt header fails here
		return kind.columns().stream().map(c -> cells.get(c.header()))
				.map(v -> v == null ? "" : String.valueOf(v)).toArray(String[]::new);
	}

	private SubjectFixtures() {
	}
}
