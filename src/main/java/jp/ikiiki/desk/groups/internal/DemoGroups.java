package jp.ikiiki.desk.groups.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.GroupState;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.platform.DemoMode;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode only ({@link DemoMode}), on an empty {@code activity_group}: a few hundred groups of every category in
 * every ward ({@link #generate}), registered over the last years, with their stamps; and this month's new groups
 * (APPLIED), among them near-duplicates of registered ones written differently — full/half width, spaces,
 * ㈱/(株)/株式会社, 丁目/番地/hyphen addresses — for the duplicate check to find. All names, people and numbers are
 * invented (phones in the 090-0000 range no one holds).
 */
@Component
@Order(120)
class DemoGroups implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoGroups.class);

	private final DemoMode demoMode;
	private final JdbcClient jdbc;
	private final GroupRows rows;
	private final TransactionTemplate transaction;

	DemoGroups(DemoMode demoMode, JdbcClient jdbc, GroupRows rows, PlatformTransactionManager transactions) {
		this.demoMode = demoMode;
		this.jdbc = jdbc;
		this.rows = rows;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** One demo group; {@code duplicateOf} is the index of the group it duplicates, or -1. */
	record Demo(GroupCategory category, String name, String kana, Ward ward, List<String> codes, String place,
			String repName, String repAddress, String repPhone, String contact, GroupState state, LocalDate appliedOn,
			int duplicateOf) {
	}

	private static final String[] TOWNS = { "基町", "白島北町", "光町", "牛田本町", "宇品東", "皆実町", "己斐本町", "庚午中",
			"祇園", "八木", "可部", "亀山", "船越", "矢野西", "五日市中央", "楽々園" };
	/**
	 * The towns' postcodes (Japan Post KEN_ALL; 船越 and 矢野西 of 安芸区 are not listed one by one in the bundled
	 * dictionary), keyed first in the representative's address as the stamps' mailing reads it (〒730-0011 広島市…).
	 */
	private static final String[] TOWN_POSTCODE = { "730-0011", "730-0001", "732-0052", "732-0066", "734-0003",
			"734-0007", "733-0812", "733-0822", "731-0138", "731-0101", "731-0221", "731-0231", "736-0081", "736-0085",
			"731-5128", "731-5136" };
	private static final int[] TOWN_WARD = { 101, 101, 102, 102, 103, 103, 104, 104, 105, 105, 106, 106, 107, 107, 108,
			108 };
	private static final String[] KINDS = { "ふれあいサロン", "いきいき体操の会", "みまもり隊", "健康クラブ", "防災会", "子ども食堂",
			"グラウンドゴルフ同好会", "町内会", "老人クラブ", "ボランティアの会" };
	private static final String[] KINDS_KANA = { "フレアイサロン", "イキイキタイソウノカイ", "ミマモリタイ", "ケンコウクラブ", "ボウサイカイ",
			"コドモショクドウ", "グラウンドゴルフドウコウカイ", "チョウナイカイ", "ロウジンクラブ", "ボランティアノカイ" };
	private static final String[] TOWNS_KANA = { "モトマチ", "ハクシマキタマチ", "ヒカリマチ", "ウシタホンマチ", "ウジナヒガシ",
			"ミナミマチ", "コイホンマチ", "コウゴナカ", "ギオン", "ヤギ", "カベ", "カメヤマ", "フナコシ", "ヤノニシ", "イツカイチチュウオウ",
			"ラクラクエン" };
	private static final String[] FAMILY = { "山田", "佐藤", "田中", "中村", "小林", "藤井", "岡田", "松本", "井上", "木村" };
	private static final String[] GIVEN = { "太郎", "花子", "一郎", "和子", "誠", "幸子", "修", "恵子" };

	/** The demo groups, the same every time (seeded): {@code count} registered and this month's applications. */
	static List<Demo> generate(int count, LocalDate today) {
		var random = new Random(20261205L);
		var out = new ArrayList<Demo>();
		GroupCategory[] categories = GroupCategory.values();
		for (int i = 0; i < count; i++) {
			int t = i % TOWNS.length;
			Ward ward = Ward.ofCode(TOWN_WARD[t]).orElseThrow();
			// One category per round of the towns, so that every category meets every town (and ward).
			int round = i / TOWNS.length;
			GroupCategory category = round % 10 < 6 ? GroupCategory.GENERAL : categories[1 + round % 4];
			String town = TOWNS[t];
			int block = 1 + random.nextInt(5);
			int lot = 1 + random.nextInt(30);
			String address = "〒" + TOWN_POSTCODE[t] + " 広島市" + ward.japaneseName() + town + block + "丁目" + lot + "-"
					+ (1 + random.nextInt(9));
			String name;
			String kana;
			List<String> codes;
			switch (category) {
				case GENERAL -> {
					int k = (round < 10 ? round : round - 4) % KINDS.length;
					name = town + KINDS[k] + (round >= 14 ? "（第" + (round / 10 + 1) + "）" : "");
					kana = TOWNS_KANA[t] + KINDS_KANA[k];
					codes = k == 4 ? List.of("D", "H") : k == 2 ? List.of("C") : List.of("D");
				}
				case MEDICAL -> {
					name = FAMILY[i % FAMILY.length] + "内科クリニック" + town;
					kana = "ナイカクリニック" + TOWNS_KANA[t];
					codes = List.of("B");
				}
				case DENTAL_MILESTONE, DENTAL_LATE_ELDERLY -> {
					name = FAMILY[i % FAMILY.length] + "歯科医院" + town;
					kana = "シカイイン" + TOWNS_KANA[t];
					codes = List.of("B");
				}
				default -> {
					name = "株式会社" + town + "調剤薬局" + (i % 3 == 0 ? "" : (1 + i % 7) + "号店");
					kana = "カブシキガイシャ" + TOWNS_KANA[t] + "チョウザイヤッキョク";
					codes = List.of("B");
				}
			}
			String rep = FAMILY[random.nextInt(FAMILY.length)] + "　" + GIVEN[random.nextInt(GIVEN.length)];
			String phone = String.format("090-0000-%04d", i);
			LocalDate applied = today.minusDays(30 + random.nextInt(1500));
			out.add(new Demo(category, name, kana, ward, codes, ward.japaneseName() + town + " " + (category
					== GroupCategory.GENERAL ? town + "集会所" : block + "丁目"), rep, address, phone,
					category == GroupCategory.GENERAL ? null : String.format("082-000-%04d", i), GroupState.REGISTERED,
					applied, -1));
		}
		// This month's new groups: near-duplicates of registered ones, written the other way, and genuinely new ones.
		for (int d = 0; d < 24; d++) {
			int of = (d * 37) % count;
			Demo o = out.get(of);
			String name = switch (d % 4) {
				case 0 -> o.name().replace("株式会社", "㈱").replace("内科", "内　科");
				case 1 -> toFullWidthDigits(o.name()).replace("株式会社", "(株)") + " ";
				case 2 -> o.name().replace("ふれあい", "ふれあい ").replace("株式会社", "");
				default -> o.name();
			};
			String address = switch (d % 3) {
				case 0 -> o.repAddress().replace("丁目", "-");
				case 1 -> o.repAddress().replaceFirst("丁目([0-9]+)-", "丁目$1番地");
				default -> toFullWidthDigits(o.repAddress());
			};
			out.add(new Demo(o.category(), name.strip(), o.kana(), o.ward(), o.codes(), o.place(), o.repName(), address,
					d % 2 == 0 ? o.repPhone().replace("-", "") : o.repPhone(), o.contact(), GroupState.APPLIED,
					today.withDayOfMonth(1).plusDays(d % Math.max(1, today.getDayOfMonth())), of));
		}
		for (int n = 0; n < 12; n++) {
			int t = (n * 5) % TOWNS.length;
			Ward ward = Ward.ofCode(TOWN_WARD[t]).orElseThrow();
			out.add(new Demo(GroupCategory.GENERAL, TOWNS[t] + "新しい集いの会" + (n + 1), TOWNS_KANA[t] + "アタラシイツドイノカイ",
					ward, List.of("D"), ward.japaneseName() + TOWNS[t] + " 公民館", "新規　代表" + n, "広島市"
							+ ward.japaneseName() + TOWNS[t] + "9丁目" + (n + 1) + "-1", String.format("090-0001-%04d", n),
					null, GroupState.APPLIED, today.withDayOfMonth(1), -1));
		}
		return out;
	}

	private static String toFullWidthDigits(String s) {
		var sb = new StringBuilder();
		for (char c : s.toCharArray()) {
			sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == '-' ? 'ー' : c);
		}
		return sb.toString();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demoMode.enabled() || jdbc.sql("select exists (select 1 from activity_group)").query(Boolean.class).single()) {
			return;
		}
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		List<Demo> demo = generate(320, today);
		CurrentUser.runAsSystem(() -> transaction.executeWithoutResult(t -> {
			for (Demo d : demo) {
				long id = jdbc.sql("""
						insert into activity_group (category, name, name_kana, ward, activity_codes, meeting_place,
						  representative_name, representative_address, representative_phone, public_contact, state,
						  applied_on, registered_on, search_key)
						values (:c, :n, :k, :w, :codes, :p, :rn, :ra, :rp, :contact, :s, :a, :r, :key) returning id""")
						.param("c", d.category().name()).param("n", d.name()).param("k", d.kana())
						.param("w", d.ward().code()).param("codes", d.codes().toArray(new String[0]))
						.param("p", d.place()).param("rn", d.repName()).param("ra", d.repAddress())
						.param("rp", d.repPhone()).param("contact", d.contact()).param("s", d.state().name())
						.param("a", d.appliedOn())
						.param("r", d.state() == GroupState.REGISTERED ? d.appliedOn().plusDays(10) : null)
						.param("key", GroupRows.searchKey(d.name(), d.kana(), d.place(), d.ward().code(), d.contact()))
						.query(Long.class).single();
				rows.history(id, d.state() == GroupState.REGISTERED ? "REGISTERED" : "REGISTER_VERIFIED", null,
						"デモデータ");
				if (d.state() == GroupState.REGISTERED) {
					jdbc.sql("""
							insert into group_stamp (number, group_id, issued_on, issued_by, issued_at, posted_by, packed_by,
							  packed_at)
							values (nextval('group_stamp_number'), :g, :on, 'system-demo', now(), :p, 'system-demo', now())""")
							.param("g", id).param("on", d.appliedOn().plusDays(12))
							.param("p", d.category().medicalOrPharmacy() ? "CITY" : "CENTRE").update();
				}
			}
		}));
		log.info("Demo activity groups loaded: {}", demo.size());
	}
}
