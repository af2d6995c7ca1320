package jp.ikiiki.desk.subjects.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.TextNormalizer;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.postgresql.PGConnection;

/**
 * Self-contained synthetic subjects for the look-up benchmark, loaded with COPY: common Hiroshima surnames
 * weighted as in a real population plus a long tail of rarer ones, given names of people born 1925–1961, the eight wards with real town names, 方書 and
 * 送付先 on some rows, both city records as full text arrays in 別紙 column order. Deterministic by seed.
 * (The project's demo generator is separate; this one only has to be realistic for the indexes.)
 */
final class BenchSubjects {

	/** Surnames (kanji, kana); earlier entries are drawn more often (Zipf-like). */
	static final String[][] SURNAMES = {
			{ "田中", "タナカ" }, { "山本", "ヤマモト" }, { "藤井", "フジイ" }, { "佐藤", "サトウ" }, { "中村", "ナカムラ" },
			{ "村上", "ムラカミ" }, { "小林", "コバヤシ" }, { "高橋", "タカハシ" }, { "河野", "コウノ" }, { "山田", "ヤマダ" },
			{ "岡田", "オカダ" }, { "松本", "マツモト" }, { "山下", "ヤマシタ" }, { "井上", "イノウエ" }, { "渡辺", "ワタナベ" },
			{ "伊藤", "イトウ" }, { "吉田", "ヨシダ" }, { "山口", "ヤマグチ" }, { "木村", "キムラ" }, { "林", "ハヤシ" },
			{ "清水", "シミズ" }, { "石井", "イシイ" }, { "原田", "ハラダ" }, { "藤田", "フジタ" }, { "岡本", "オカモト" },
			{ "前田", "マエダ" }, { "西村", "ニシムラ" }, { "橋本", "ハシモト" }, { "中川", "ナカガワ" }, { "森", "モリ" },
			{ "石田", "イシダ" }, { "小川", "オガワ" }, { "藤原", "フジワラ" }, { "長谷川", "ハセガワ" }, { "新田", "ニッタ" },
			{ "竹本", "タケモト" }, { "檜山", "ヒヤマ" }, { "桑原", "クワハラ" }, { "沖田", "オキタ" }, { "加藤", "カトウ" },
			{ "坂本", "サカモト" }, { "宮本", "ミヤモト" }, { "平田", "ヒラタ" }, { "三宅", "ミヤケ" }, { "土井", "ドイ" },
			{ "大田", "オオタ" }, { "上田", "ウエダ" }, { "神田", "カンダ" }, { "池田", "イケダ" }, { "大下", "オオシタ" },
			{ "岩本", "イワモト" }, { "濱本", "ハマモト" }, { "沖本", "オキモト" }, { "今田", "イマダ" }, { "福島", "フクシマ" },
			{ "久保", "クボ" }, { "河本", "カワモト" }, { "菅", "スガ" }, { "福田", "フクダ" }, { "野村", "ノムラ" },
			{ "浜田", "ハマダ" }, { "金子", "カネコ" }, { "三浦", "ミウラ" }, { "増田", "マスダ" }, { "中島", "ナカシマ" },
			{ "久保田", "クボタ" }, { "西本", "ニシモト" }, { "小田", "オダ" }, { "秋山", "アキヤマ" }, { "熊谷", "クマガイ" },
			{ "大谷", "オオタニ" }, { "平岡", "ヒラオカ" }, { "栗栖", "クリス" }, { "角田", "カクタ" }, { "好川", "ヨシカワ" },
			{ "末広", "スエヒロ" }, { "友田", "トモダ" }, { "髙田", "タカタ" }, { "吉川", "ヨシカワ" }, { "石橋", "イシバシ" },
			{ "竹下", "タケシタ" }, { "松岡", "マツオカ" }, { "宮田", "ミヤタ" }, { "児玉", "コダマ" }, { "住田", "スミダ" },
			{ "二宮", "ニノミヤ" }, { "向井", "ムカイ" }, { "迫", "サコ" }, { "重松", "シゲマツ" }, { "瀬川", "セガワ" } };
	/**
	 * The long tail of rarer surnames: a first and a second element (上田, 森本, 吉岡 …), 600 combinations.
	 * Readings are joined without rendaku, which is good enough for the index.
	 */
	static final String[][] TAIL_FIRST = { { "上", "カミ" }, { "下", "シモ" }, { "中", "ナカ" }, { "大", "オオ" }, { "小", "コ" },
			{ "山", "ヤマ" }, { "川", "カワ" }, { "松", "マツ" }, { "竹", "タケ" }, { "森", "モリ" }, { "石", "イシ" }, { "岡", "オカ" },
			{ "藤", "フジ" }, { "原", "ハラ" }, { "西", "ニシ" }, { "東", "ヒガシ" }, { "北", "キタ" }, { "南", "ミナミ" }, { "今", "イマ" },
			{ "吉", "ヨシ" }, { "高", "タカ" }, { "長", "ナガ" }, { "平", "ヒラ" }, { "福", "フク" }, { "宮", "ミヤ" }, { "浜", "ハマ" },
			{ "野", "ノ" }, { "金", "カネ" }, { "水", "ミズ" }, { "清", "キヨ" } };
	static final String[][] TAIL_SECOND = { { "田", "タ" }, { "本", "モト" }, { "村", "ムラ" }, { "井", "イ" }, { "川", "カワ" },
			{ "山", "ヤマ" }, { "口", "グチ" }, { "島", "シマ" }, { "崎", "サキ" }, { "野", "ノ" }, { "原", "ハラ" }, { "谷", "タニ" },
			{ "沢", "サワ" }, { "岡", "オカ" }, { "木", "キ" }, { "部", "ベ" }, { "尾", "オ" }, { "橋", "ハシ" }, { "内", "ウチ" }, { "畑", "ハタ" } };
	static final String[][] MEN = {
			{ "清", "キヨシ" }, { "茂", "シゲル" }, { "博", "ヒロシ" }, { "勇", "イサム" }, { "実", "ミノル" }, { "進", "ススム" },
			{ "正", "タダシ" }, { "隆", "タカシ" }, { "明", "アキラ" }, { "和夫", "カズオ" }, { "正夫", "マサオ" }, { "武", "タケシ" },
			{ "勝", "マサル" }, { "修", "オサム" }, { "誠", "マコト" }, { "一郎", "イチロウ" }, { "健一", "ケンイチ" },
			{ "幸雄", "ユキオ" }, { "義男", "ヨシオ" }, { "俊夫", "トシオ" }, { "三郎", "サブロウ" }, { "秀夫", "ヒデオ" },
			{ "信夫", "ノブオ" }, { "英二", "エイジ" }, { "光男", "ミツオ" }, { "稔", "ミノル" }, { "豊", "ユタカ" },
			{ "保", "タモツ" }, { "功", "イサオ" }, { "哲也", "テツヤ" }, { "正一", "ショウイチ" }, { "浩", "ヒロシ" },
			{ "康夫", "ヤスオ" }, { "昭二", "ショウジ" }, { "敏夫", "トシオ" }, { "孝", "タカシ" }, { "恭平", "キョウヘイ" },
			{ "辰雄", "タツオ" }, { "政雄", "マサオ" }, { "重雄", "シゲオ" } };
	static final String[][] WOMEN = {
			{ "和子", "カズコ" }, { "幸子", "サチコ" }, { "節子", "セツコ" }, { "洋子", "ヨウコ" }, { "京子", "キョウコ" },
			{ "恵子", "ケイコ" }, { "久子", "ヒサコ" }, { "美智子", "ミチコ" }, { "弘子", "ヒロコ" }, { "悦子", "エツコ" },
			{ "文子", "フミコ" }, { "静子", "シズコ" }, { "清子", "キヨコ" }, { "昭子", "アキコ" }, { "信子", "ノブコ" },
			{ "光子", "ミツコ" }, { "正子", "マサコ" }, { "千代子", "チヨコ" }, { "トシ子", "トシコ" }, { "登美子", "トミコ" },
			{ "照子", "テルコ" }, { "八重子", "ヤエコ" }, { "君子", "キミコ" }, { "良子", "ヨシコ" }, { "澄子", "スミコ" },
			{ "初江", "ハツエ" }, { "ミツエ", "ミツエ" }, { "貞子", "サダコ" }, { "芳子", "ヨシコ" }, { "栄子", "エイコ" },
			{ "由美子", "ユミコ" }, { "順子", "ジュンコ" }, { "典子", "ノリコ" }, { "明美", "アケミ" }, { "陽子", "ヨウコ" },
			{ "直子", "ナオコ" }, { "紀子", "ノリコ" }, { "キヨ", "キヨ" }, { "シヅ子", "シヅコ" }, { "百合子", "ユリコ" } };
	/** Per ward 101–108: town names and a postcode prefix for each. */
	static final String[] WARD_NAMES = { "中区", "東区", "南区", "西区", "安佐南区", "安佐北区", "安芸区", "佐伯区" };
	static final String[][] TOWNS = {
			{ "八丁堀", "紙屋町", "大手町", "吉島町", "舟入町", "白島北町", "江波本町", "光南", "国泰寺町", "十日市町", "幟町", "上幟町" },
			{ "牛田本町", "牛田東", "戸坂千足", "温品", "福田", "馬木", "中山東", "光町", "若草町", "東山町" },
			{ "宇品西", "宇品東", "皆実町", "段原", "東雲", "翠", "仁保", "比治山本町", "旭", "出汐" },
			{ "己斐本町", "己斐上", "観音本町", "井口", "古江新町", "高須", "庚午北", "横川町", "草津東", "田方" },
			{ "祇園", "古市", "長束", "八木", "緑井", "川内", "沼田町伴", "山本", "上安", "相田" },
			{ "可部", "亀山", "白木町三田", "三入", "口田", "深川", "落合", "亀崎", "大林", "倉掛" },
			{ "船越", "矢野東", "矢野西", "中野", "瀬野", "阿戸町", "畑賀", "上瀬野町", "中野東", "船越南" },
			{ "五日市", "楽々園", "八幡", "皆賀", "海老園", "城山", "美鈴が丘西", "湯来町伏谷", "五月が丘", "千同" } };
	static final String[] POSTAL_PREFIX = { "730", "732", "734", "733", "731", "731", "736", "731" };
	static final String[] BUILDINGS = { "ハイツ", "コーポ", "マンション", "メゾン", "グランドハイツ", "パレス", "県営住宅", "市営住宅" };
	static final String[] TICKETS = { "バス・電車券", "タクシー券", "バス・電車券", "ＩＣカード", "" };
	static final String[] CARE = { "要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5", "事業対象者" };
	static final String[] STATUS = { "交付済", "交付済", "交付済", "未交付", "受付済", "発送済", "" };

	/** One generated subject: the values the benchmark's queries are drawn from. */
	record Row(String addressNumber, String managementNumber, String kanaKey, String surname, String givenName,
			LocalDate birthDate, int ward, String town, String chome, boolean hasMailing) {
	}

	private final SplittableRandom random;
	private final int count;

	BenchSubjects(long seed, int count) {
		this.random = new SplittableRandom(seed);
		this.count = count;
	}

	/** Loads {@code count} subjects with COPY in chunks; returns the rows' search values, in insert order. */
	Row[] load(DataSource dataSource) throws SQLException, IOException {
		Row[] rows = new Row[count];
		List<Column> indexColumns = SubjectFileKind.INDEX.columns();
		List<Column> progressColumns = SubjectFileKind.PROGRESS.columns();
		try (Connection c = dataSource.getConnection()) {
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			String copySql = "copy subject (address_number, management_number, name_kana, name_kana_key, name_kanji,"
					+ " name_kanji_key, alias_kanji, sex, birth_date, ward_code, postal_code, address, address_extra,"
					+ " mail_postal_code, mail_address, mail_address_extra, address_key, care_level, ticket_type,"
					+ " index_ended_at, progress_ended_at) from stdin";
			String recordSql = "copy subject_record (address_number, index_record, progress_record) from stdin";
			var sb = new StringBuilder(16 << 20);
			var records = new StringBuilder(16 << 20);
			for (int i = 0; i < count; i++) {
				rows[i] = append(sb, records, i, indexColumns, progressColumns);
				if (sb.length() + records.length() > (12 << 20) || i == count - 1) {
					copy.copyIn(copySql, new StringReader(sb.toString()));
					copy.copyIn(recordSql, new StringReader(records.toString()));
					sb.setLength(0);
					records.setLength(0);
				}
			}
		}
		return rows;
	}

	private Row append(StringBuilder out, StringBuilder records, int i, List<Column> indexColumns, List<Column> progressColumns) {
		// 35 % from the common surnames (田中 about 2.6 %, as common as the commonest names in a Japanese city),
		// 65 % from the long tail.
		String[] surname;
		if (random.nextInt(100) < 35) {
			surname = SURNAMES[zipf(SURNAMES.length)];
		} else {
			String[] a = TAIL_FIRST[random.nextInt(TAIL_FIRST.length)];
			String[] b = TAIL_SECOND[random.nextInt(TAIL_SECOND.length)];
			surname = new String[] { a[0] + b[0], a[1] + b[1] };
		}
		boolean male = random.nextBoolean();
		String[] given = (male ? MEN : WOMEN)[random.nextInt(male ? MEN.length : WOMEN.length)];
		String kanji = surname[0] + "　" + given[0];
		String kana = surname[1] + "　" + given[1];
		String addressNumber = String.valueOf(3_000_000_000L + i * 7L + random.nextInt(7));
		String management = random.nextInt(100) < 85 ? String.format("%010d", 2_600_000_000L + i) : null;
		// Born 1925–1961, more of the younger (the population over 65 in 2026).
		int year = 1961 - (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * 37);
		LocalDate birth = LocalDate.of(year, 1, 1).plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
		int w = random.nextInt(8);
		String town = TOWNS[w][random.nextInt(TOWNS[w].length)];
		String chome = String.valueOf(1 + random.nextInt(6));
		String postal = POSTAL_PREFIX[w] + String.format("%04d", random.nextInt(10_000));
		String address = "広島市" + WARD_NAMES[w] + town + chome + "丁目" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
		String extra = random.nextInt(100) < 18
				? town + BUILDINGS[random.nextInt(BUILDINGS.length)] + (100 * (1 + random.nextInt(9)) + 1 + random.nextInt(12)) + "号"
				: null;
		boolean mailing = random.nextInt(100) < 6;
		String mailPostal = null, mailAddress = null, mailExtra = null;
		if (mailing) {
			int mw = random.nextInt(8);
			String mt = TOWNS[mw][random.nextInt(TOWNS[mw].length)];
			mailPostal = POSTAL_PREFIX[mw] + String.format("%04d", random.nextInt(10_000));
			mailAddress = "広島市" + WARD_NAMES[mw] + mt + (1 + random.nextInt(6)) + "丁目" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
			mailExtra = surname[0] + "方";
		}
		String care = CARE[random.nextInt(CARE.length)];
		String ticket = TICKETS[random.nextInt(TICKETS.length)];
		boolean ended = random.nextInt(100) < 3;
		String sex = male ? "1" : "2";
		int ward = 101 + w;

		var index = new java.util.LinkedHashMap<String, String>();
		for (Column col : indexColumns) {
			index.put(col.header(), "");
		}
		index.put("区コード", String.valueOf(ward));
		index.put("整理番号", String.valueOf(100_000 + i));
		index.put("宛名番号", addressNumber);
		index.put("氏名カナ", kana);
		index.put("氏名漢字", kanji);
		index.put("性別", sex);
		index.put("生年月日", birth.toString());
		index.put("郵便番号", postal);
		index.put("住所漢字", address);
		index.put("方書漢字", nz(extra));
		index.put("送付先郵便番号", nz(mailPostal));
		index.put("送付先住所漢字", nz(mailAddress));
		index.put("送付先方書漢字", nz(mailExtra));
		index.put("受給状況", ticket.isEmpty() ? "未申請" : "受給中");
		index.put("決定事由", ticket.isEmpty() ? "" : "新規");
		index.put("利用券種", ticket);
		index.put("判定回数", String.valueOf(1 + random.nextInt(3)));
		index.put("被保険者番号", String.format("%010d", 340_000_000L + i));
		index.put("要介護認定状態", care);
		index.put("認定有効開始日", "2025-04-01");
		index.put("認定有効終了日", "2027-03-31");
		index.put("継続者フラグ", random.nextBoolean() ? "1" : "0");
		index.put("申請書管理番号", nz(management));

		var progress = new java.util.LinkedHashMap<String, String>();
		for (Column col : progressColumns) {
			progress.put(col.header(), "");
		}
		progress.put("宛名番号", addressNumber);
		progress.put("氏名カナ", kana);
		progress.put("氏名漢字", kanji);
		progress.put("性別", sex);
		progress.put("郵便番号", postal);
		progress.put("住所漢字", address);
		progress.put("方書漢字", nz(extra));
		progress.put("申請書管理番号", nz(management));
		progress.put("生年月日", birth.toString());
		progress.put("交通助成", ticket.isEmpty() ? "0" : "1");
		progress.put("利用券種", ticket);
		progress.put("要介護認定状態", care);
		progress.put("ステータス", STATUS[random.nextInt(STATUS.length)]);
		progress.put("手帳作成日", "2026-08-20");
		progress.put("緊急停止", "0");
		int points = random.nextInt(60);
		progress.put("健康1P", String.valueOf(points / 2));
		progress.put("ポイント合計", String.valueOf(points));
		progress.put("上限ポイント", "50");
		progress.put("支払金額", String.valueOf(Math.min(points, 50) * 100));
		if (random.nextInt(100) < 40) {
			progress.put("金融機関コード", "0169");
			progress.put("金融機関名", "広島銀行");
			progress.put("店舗コード", String.format("%03d", random.nextInt(200)));
			progress.put("口座名義人", kana);
		}

		String addressKey = TextNormalizer.forKey(nz(address) + nz(extra) + nz(mailAddress) + nz(mailExtra));
		String kanaKey = Kana.searchKey(kana);
		field(out, addressNumber).append('\t');
		field(out, management).append('\t');
		field(out, kana).append('\t');
		field(out, kanaKey).append('\t');
		field(out, kanji).append('\t');
		field(out, TextNormalizer.forKey(kanji)).append('\t');
		field(out, null).append('\t');
		field(out, sex).append('\t');
		field(out, birth.toString()).append('\t');
		field(out, String.valueOf(ward)).append('\t');
		field(out, postal).append('\t');
		field(out, address).append('\t');
		field(out, extra).append('\t');
		field(out, mailPostal).append('\t');
		field(out, mailAddress).append('\t');
		field(out, mailExtra).append('\t');
		field(out, addressKey).append('\t');
		field(out, care).append('\t');
		field(out, ticket.isEmpty() ? null : ticket).append('\t');
		field(out, ended ? "2026-10-01 00:00:00+09" : null).append('\t');
		field(out, ended ? "2026-10-01 00:00:00+09" : null).append('\n');
		field(records, addressNumber).append('\t');
		array(records, index).append('\t');
		array(records, progress).append('\n');
		return new Row(addressNumber, management, kanaKey, surname[0], given[0], birth, ward, town, chome, mailing);
	}

	/** Index of a weighted draw: weight 1/(k+1)^0.6, so the first surnames are the commonest. */
	private int zipf(int n) {
		double total = 0;
		for (int k = 0; k < n; k++) {
			total += 1 / Math.pow(k + 1, 0.6);
		}
		double x = random.nextDouble() * total;
		for (int k = 0; k < n; k++) {
			x -= 1 / Math.pow(k + 1, 0.6);
			if (x <= 0) {
				return k;
			}
		}
		return n - 1;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/** A COPY text-format field (the generated values hold no tab, newline or backslash). */
	private static StringBuilder field(StringBuilder out, String value) {
		return value == null ? out.append("\\N") : out.append(value);
	}

	/** A text[] literal of the record's values; the map holds every column in 別紙 order. */
	private static StringBuilder array(StringBuilder out, java.util.Map<String, String> m) {
		out.append('{');
		boolean first = true;
		for (String v : m.values()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			out.append('"').append(v).append('"');
		}
		return out.append('}');
	}
}
