package jp.ikiiki.desk.subjects.columns;

import java.util.List;

/**
 * The two city files and their columns, in 別紙 order (contract 別紙2 and 別紙3).
 */
public enum SubjectFileKind {
	/** 交通費助成索引簿 (別紙2), 33 columns. */
	INDEX("index", "交通費助成索引簿", List.of(
			new Column(1, "区コード", FieldType.WARD_CODE, true, Column.Owner.CITY),
			new Column(2, "整理番号", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(3, "宛名番号", FieldType.ADDRESS_NUMBER, true, Column.Owner.CITY),
			new Column(4, "氏名カナ", FieldType.KANA, true, Column.Owner.CITY),
			new Column(5, "氏名漢字", FieldType.TEXT, true, Column.Owner.CITY),
			new Column(6, "通称名漢字", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(7, "性別", FieldType.SEX, false, Column.Owner.CITY),
			new Column(8, "生年月日", FieldType.DATE, true, Column.Owner.CITY),
			new Column(9, "郵便番号", FieldType.POSTAL_CODE, false, Column.Owner.CITY),
			new Column(10, "住所漢字", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(11, "方書漢字", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(12, "送付先郵便番号", FieldType.POSTAL_CODE, false, Column.Owner.CITY),
			new Column(13, "送付先住所漢字", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(14, "送付先方書漢字", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(15, "転入区分", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(16, "転入日（住民年月日）", FieldType.DATE, false, Column.Owner.CITY),
			new Column(17, "受給状況", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(18, "決定事由", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(19, "利用券種", FieldType.TICKET_TYPE, false, Column.Owner.CITY),
			new Column(20, "判定回数", FieldType.INTEGER, false, Column.Owner.CITY),
			new Column(21, "処理状況", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(22, "障害種別", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(23, "被保険者番号", FieldType.DIGITS, false, Column.Owner.CITY),
			new Column(24, "認定申請日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(25, "認定申請事由", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(26, "認定日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(27, "要介護認定状態", FieldType.CARE_LEVEL, false, Column.Owner.CITY),
			new Column(28, "認定有効開始日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(29, "認定有効終了日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(30, "継続者フラグ", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(31, "申請書管理番号", FieldType.MANAGEMENT_NUMBER, false, Column.Owner.CITY),
			new Column(32, "住民となった日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(33, "住登区分", FieldType.TEXT, false, Column.Owner.CITY))),
	/** 対象者別進捗状況一覧 (別紙3), 84 columns; the city fills 1–54, the system owns 55–84. */
	PROGRESS("progress", "対象者別進捗状況一覧", List.of(
			new Column(1, "宛名番号", FieldType.ADDRESS_NUMBER, true, Column.Owner.CITY),
			new Column(2, "氏名カナ", FieldType.KANA, true, Column.Owner.CITY),
			new Column(3, "氏名漢字", FieldType.TEXT, true, Column.Owner.CITY),
			new Column(4, "通称名漢字", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(5, "性別", FieldType.SEX, false, Column.Owner.CITY),
			new Column(6, "郵便番号", FieldType.POSTAL_CODE, false, Column.Owner.CITY),
			new Column(7, "住所漢字", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(8, "方書漢字", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(9, "送付先郵便番号", FieldType.POSTAL_CODE, false, Column.Owner.CITY),
			new Column(10, "送付先住所", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(11, "送付先方書", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(12, "申請書管理番号", FieldType.MANAGEMENT_NUMBER, false, Column.Owner.CITY),
			new Column(13, "生年月日", FieldType.DATE, true, Column.Owner.CITY),
			new Column(14, "交通助成", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(15, "利用券種", FieldType.TICKET_TYPE, false, Column.Owner.CITY),
			new Column(16, "決定事由", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(17, "被保険者番号", FieldType.DIGITS, false, Column.Owner.CITY),
			new Column(18, "認定申請日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(19, "認定申請事由", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(20, "認定日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(21, "要介護認定状態", FieldType.CARE_LEVEL, false, Column.Owner.CITY),
			new Column(22, "認定有効開始年月日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(23, "認定有効終了年月日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(24, "不送付事由（障害種別）", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(25, "障害者交通助成", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(26, "障害者利用券種", FieldType.TICKET_TYPE, false, Column.Owner.CITY),
			new Column(27, "本人パスピーID", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(28, "市民区分", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(29, "ポイント助成対象外", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(30, "ポイント手帳交付申出者フラグ", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(31, "ポイント手帳交付申出書受付日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(32, "障害・精神ポイント手帳希望者フラグ", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(33, "原爆入所者フラグ", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(34, "ポイント手帳不交付", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(35, "ポイント手帳不交付受付日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(36, "ポイント手帳交付停止", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(37, "ポイント手帳交付停止年度", FieldType.INTEGER, false, Column.Owner.CITY),
			new Column(38, "ポイント手帳交付停止理由", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(39, "ポイント手帳交付希望", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(40, "ポイント手帳交付希望日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(41, "転入区分", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(42, "データ使用不同意フラグ", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(43, "ステータス", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(44, "追加交付ステータス", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(45, "処理状況", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(46, "緊急停止", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(47, "死亡日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(48, "メモ", FieldType.TEXT, false, Column.Owner.CITY),
			new Column(49, "手帳作成日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(50, "手帳受付日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(51, "口座受付日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(52, "不備状送付日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(53, "支払予定日", FieldType.DATE, false, Column.Owner.CITY),
			new Column(54, "振込有無", FieldType.FLAG, false, Column.Owner.CITY),
			new Column(55, "活動4P", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(56, "活動2P", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(57, "受診2P_1", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(58, "受診2P_2", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(59, "受診2P_3", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(60, "受診2P_4", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(61, "受診2P_5", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(62, "受診2P_6", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(63, "受診2P_7", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(64, "受診2P_8", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(65, "受診2P_9", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(66, "受診2P_10", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(67, "受診2P_11", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(68, "受診2P_12", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(69, "受診2P_13", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(70, "受診2P_14", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(71, "受診2P小計", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(72, "健康1P", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(73, "ポイント合計", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(74, "上限ポイント", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(75, "支払金額", FieldType.INTEGER, false, Column.Owner.SYSTEM),
			new Column(76, "手帳スキャンイメージファイル名", FieldType.TEXT, false, Column.Owner.SYSTEM),
			new Column(77, "追加手帳スキャンイメージファイル名", FieldType.TEXT, false, Column.Owner.SYSTEM),
			new Column(78, "金融機関コード", FieldType.DIGITS, false, Column.Owner.SYSTEM),
			new Column(79, "金融機関名", FieldType.TEXT, false, Column.Owner.SYSTEM),
			new Column(80, "店舗コード", FieldType.DIGITS, false, Column.Owner.SYSTEM),
			new Column(81, "口座名義人", FieldType.TEXT, false, Column.Owner.SYSTEM),
			new Column(82, "郵便引受番号", FieldType.TEXT, false, Column.Owner.SYSTEM),
			new Column(83, "抽出日", FieldType.DATE, false, Column.Owner.SYSTEM),
			new Column(84, "備考", FieldType.TEXT, false, Column.Owner.SYSTEM)));

	private final String code;
	private final String title;
	private final List<Column> columns;

	SubjectFileKind(String code, String title, List<Column> columns) {
		this.code = code;
		this.title = title;
		this.columns = columns;
	}

	/** The code used in the API ({@code kind=index|progress}). */
	public String code() {
		return code;
	}

	/** The Japanese title of the file. */
	public String title() {
		return title;
	}

	/** The contract's annex that defines the file: 別紙2 or 別紙3. */
	public String annex() {
		return this == INDEX ? "別紙2" : "別紙3";
	}

	/** All columns in file order. */
	public List<Column> columns() {
		return columns;
	}

	/** The column with this header (exact 別紙 text); an exception if there is none. */
	public Column column(String header) {
		return columns.stream().filter(c -> c.header().equals(header)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no column " + header + " in " + code));
	}

	/** The kind for an API code, case-insensitive; an exception for anything but index or progress. */
	public static SubjectFileKind ofCode(String code) {
		for (var k : values()) {
			if (k.code.equalsIgnoreCase(code)) {
				return k;
			}
		}
		throw new IllegalArgumentException("kind must be index or progress");
	}
}
