package jp.ikiiki.desk.groups.duplicates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.ikiiki.desk.groups.GroupDirectory;
import jp.ikiiki.desk.groups.support.GroupListsITSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The duplicate check at a year's volume (第5章2): 500 new groups against 11,000 registered groups and the two towns'
 * lists (府中町 300, 海田町 200 entries, 海田町's without kana), on a generated set with known duplicates: 200 of the new
 * groups are planted copies of a registered group or a town's entry, each written with one to four variants (width,
 * spacing, company forms, address notation, kanji numerals, old kanji, phone notation; one in ten with a new
 * representative or without a phone). Prints the time of the whole check through the service (database read, blocking,
 * scoring, pairs written), the recall of the planted pairs and the share of false pairs in the list; beside it the
 * baseline measured in the same run: every pair compared (time on 50 new groups, extrapolated to 500) and the recall of
 * comparing the fields as written (no normalising). Asserts nothing. Run with
 * {@code mvn -B -o -Pbench test -Dtest=DuplicateCheckBenchmark}.
 */
@Tag("bench")
class DuplicateCheckBenchmark extends GroupListsITSupport {

	static final YearMonth MONTH = YearMonth.of(2026, 11);

	@Autowired
	DuplicateChecks checks;
	@Autowired
	TownLists towns;
	@Autowired
	GroupDirectory directory;

	static final String[][] PLACES = {{"大手町", "オオテマチ"}, {"紙屋町", "カミヤチョウ"}, {"八丁堀", "ハッチョウボリ"},
			{"皆実町", "ミナミマチ"}, {"己斐", "コイ"}, {"可部", "カベ"}, {"祇園", "ギオン"}, {"五日市", "イツカイチ"},
			{"矢野", "ヤノ"}, {"船越", "フナコシ"}, {"牛田", "ウシタ"}, {"戸坂", "ヘサカ"}, {"温品", "ヌクシナ"},
			{"仁保", "ニホ"}, {"宇品", "ウジナ"}, {"江波", "エバ"}, {"観音", "カンオン"}, {"横川", "ヨコガワ"},
			{"三篠", "ミササ"}, {"安", "ヤス"}, {"高陽", "コウヨウ"}, {"白木", "シラキ"}, {"瀬野", "セノ"}, {"中野", "ナカノ"},
			{"阿戸", "アト"}, {"湯来", "ユキ"}, {"八幡", "ヤハタ"}, {"楽々園", "ラクラクエン"}, {"吉島", "ヨシジマ"},
			{"舟入", "フナイリ"}, {"光町", "ヒカリマチ"}, {"段原", "ダンバラ"}, {"翠町", "ミドリマチ"}, {"庚午", "コウゴ"},
			{"古江", "フルエ"}, {"井口", "イノクチ"}, {"沼田", "ヌマタ"}, {"大町", "オオマチ"}, {"緑井", "ミドリイ"},
			{"八木", "ヤギ"}, {"落合", "オチアイ"}, {"口田", "クチタ"}, {"亀山", "カメヤマ"}, {"三入", "ミイリ"},
			{"海田", "カイタ"}, {"府中", "フチュウ"}, {"坂", "サカ"}, {"熊野", "クマノ"}, {"廿日市", "ハツカイチ"},
			{"五月が丘", "サツキガオカ"}, {"美鈴が丘", "ミスズガオカ"}, {"藤の木", "フジノキ"}, {"石内", "イシウチ"},
			{"伴", "トモ"}, {"大塚", "オオツカ"}, {"長束", "ナガツカ"}, {"山本", "ヤマモト"}, {"相田", "アイタ"},
			{"上安", "カミヤス"}, {"東野", "ヒガシノ"}};
	static final String[][] PARTS = {{"", ""}, {"北", "キタ"}, {"南", "ミナミ"}, {"東", "ヒガシ"}, {"西", "ニシ"},
			{"中央", "チュウオウ"}, {"第一", "ダイイチ"}, {"第二", "ダイニ"}, {"新", "シン"}, {"上", "カミ"}};
	static final String[][] KINDS = {{"町内会", "チョウナイカイ"}, {"老人クラブ", "ロウジンクラブ"},
			{"ふれあいサロン", "フレアイサロン"}, {"体操教室", "タイソウキョウシツ"}, {"いきいき百歳体操の会", "イキイキヒャクサイタイソウノカイ"},
			{"グラウンドゴルフ同好会", "グラウンドゴルフドウコウカイ"}, {"健康クラブ", "ケンコウクラブ"}, {"歩こう会", "アルコウカイ"},
			{"囲碁クラブ", "イゴクラブ"}, {"民謡の会", "ミンヨウノカイ"}, {"自主防災会", "ジシュボウサイカイ"},
			{"見守り隊", "ミマモリタイ"}, {"内科医院", "ナイカイイン"}, {"歯科医院", "シカイイン"}, {"薬局", "ヤッキョク"},
			{"子ども食堂", "コドモショクドウ"}, {"カラオケ同好会", "カラオケドウコウカイ"}, {"女性会", "ジョセイカイ"}};
	static final String[] SURNAMES = {"斎藤", "渡辺", "高橋", "山崎", "広田", "沢田", "桜井", "国本", "田中", "山本", "中村",
			"小林", "加藤", "吉田", "山田", "佐々木", "松本", "井上", "木村", "林", "清水", "山口", "森", "池田", "橋本", "阿部",
			"石川", "前田", "藤田", "岡田", "後藤", "長谷川", "村上", "近藤", "石井", "坂本", "遠藤", "青木", "藤井", "西村"};
	static final String[] GIVEN = {"一郎", "次郎", "三郎", "花子", "洋子", "和子", "恵子", "幸子", "博", "誠", "茂", "勇",
			"正", "清", "明美", "由美子", "久美子", "健一", "浩二", "修", "隆", "弘", "節子", "京子", "美智子", "孝", "進",
			"実", "昭", "豊"};
	static final String[] WARDS = {"中区", "東区", "南区", "西区", "安佐南区", "安佐北区", "安芸区", "佐伯区"};

	record Gen(String name, String kana, int ward, String rep, String phone, String address) {
	}

	final Random random = new Random(20261125);
	final Set<String> phones = new HashSet<>();

	Gen fresh(String town) {
		String[] place = PLACES[random.nextInt(PLACES.length)];
		String[] part = PARTS[random.nextInt(PARTS.length)];
		String[] kind = KINDS[random.nextInt(KINDS.length)];
		int ward = random.nextInt(8);
		String phone;
		do {
			phone = "082-" + (200 + random.nextInt(700)) + "-" + String.format("%04d", random.nextInt(10000));
		} while (!phones.add(phone));
		String area = town != null ? town : WARDS[ward];
		String address = area + place[0] + (1 + random.nextInt(9)) + "丁目" + (1 + random.nextInt(30)) + "番"
				+ (1 + random.nextInt(20)) + "号";
		return new Gen(place[0] + part[0] + kind[0], place[1] + part[1] + kind[1], 101 + ward,
				SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)], phone, address);
	}

	static final Map<Character, Character> OLD = Map.of('斎', '齋', '辺', '邊', '高', '髙', '崎', '﨑', '広', '廣', '沢', '澤',
			'桜', '櫻', '国', '國');

	/** The same group written by another hand: one to four variants. */
	Gen variant(Gen g) {
		String name = g.name();
		String kana = g.kana();
		String rep = g.rep();
		String phone = g.phone();
		String address = g.address();
		int n = 1 + random.nextInt(4);
		for (int i = 0; i < n; i++) {
			switch (random.nextInt(7)) {
				case 0 -> { // width
					name = toFullWidth(name);
					kana = kana == null ? null : toHalfWidthKana(kana);
					phone = toFullWidth(phone);
				}
				case 1 -> { // spacing
					int at = 1 + random.nextInt(Math.max(1, name.length() - 1));
					name = name.substring(0, at) + (random.nextBoolean() ? " " : "　") + name.substring(at);
					rep = rep.replace(" ", random.nextBoolean() ? "　" : "");
				}
				case 2 -> name = switch (random.nextInt(4)) { // company forms
					case 0 -> "株式会社" + name;
					case 1 -> "㈱" + name;
					case 2 -> name + "（株）";
					default -> "有限会社" + name;
				};
				case 3 -> address = address.replaceFirst("(\\d+)丁目(\\d+)番(\\d+)号", "$1-$2-$3"); // address notation
				case 4 -> address = kanjiNumerals(address); // 漢数字
				case 5 -> { // old kanji
					var sb = new StringBuilder(rep);
					for (int k = 0; k < sb.length(); k++) {
						Character old = OLD.get(sb.charAt(k));
						if (old != null) {
							sb.setCharAt(k, old);
						}
					}
					rep = sb.toString();
				}
				default -> phone = "(" + phone.substring(0, 3) + ")" + phone.substring(4); // phone notation
			}
		}
		int noise = random.nextInt(20);
		if (noise == 0) {
			rep = SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
		} else if (noise == 1) {
			phone = null;
		}
		if (random.nextBoolean()) {
			address = "広島市" + address;
		}
		return new Gen(name, kana, g.ward(), rep, phone, address);
	}

	static String toFullWidth(String s) {
		var sb = new StringBuilder();
		for (char c : s.toCharArray()) {
			sb.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
		}
		return sb.toString();
	}

	static final String FULL_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー";
	static final String HALF_KANA = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ";

	/** Full-width katakana as half-width (ガ as ｶﾞ), as older systems write kana. */
	static String toHalfWidthKana(String s) {
		var sb = new StringBuilder();
		for (char c : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).toCharArray()) {
			int i = FULL_KANA.indexOf(c);
			sb.append(i >= 0 ? HALF_KANA.charAt(i) : c == '\u3099' ? 'ﾞ' : c == '\u309A' ? 'ﾟ' : c);
		}
		return sb.toString();
	}

	static String kanjiNumerals(String s) {
		String[] d = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
		var m = java.util.regex.Pattern.compile("\\d+").matcher(s);
		var sb = new StringBuilder();
		while (m.find()) {
			int v = Integer.parseInt(m.group());
			String k = v < 10 ? d[v] : (v / 10 == 1 ? "" : d[v / 10]) + "十" + (v % 10 == 0 ? "" : d[v % 10]);
			m.appendReplacement(sb, k);
		}
		m.appendTail(sb);
		return sb.toString();
	}

	long insert(Gen g, String state, LocalDate applied) {
		var group = new G(jp.ikiiki.desk.groups.GroupCategory.GENERAL, g.name(), g.kana() == null ? "" : g.kana(), g.ward(),
				null, g.rep(), g.address(), g.phone(), null, List.of("D"));
		return "REGISTERED".equals(state) ? registered(group, applied) : applied(group, applied);
	}

	String townCsv(List<Gen> entries, boolean kana) {
		var sb = new StringBuilder("団体番号,団体名," + (kana ? "団体名カナ," : "") + "代表者,電話番号,住所\n");
		int n = 1;
		for (Gen g : entries) {
			sb.append(n++).append(',').append(g.name()).append(',').append(kana ? g.kana() + "," : "").append(g.rep())
					.append(',').append(g.phone()).append(',').append(g.address()).append('\n');
		}
		return sb.toString();
	}

	@Test
	void check_500_new_groups_against_11000_registered_and_the_towns_lists() {
		int registeredCount = Integer.getInteger("bench.registered", 11_000);
		long t0 = System.nanoTime();
		List<Gen> registered = new ArrayList<>();
		List<Long> registeredIds = new ArrayList<>();
		for (int i = 0; i < registeredCount; i++) {
			Gen g = fresh(null);
			registered.add(g);
			registeredIds.add(insert(g, "REGISTERED", LocalDate.of(2020 + i % 6, 1 + i % 12, 1 + i % 28)));
		}
		List<Gen> fuchu = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			fuchu.add(fresh("府中町"));
		}
		List<Gen> kaita = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			kaita.add(fresh("海田町"));
		}
		as("bench", () -> towns.load(Town.FUCHU, "fuchu.csv",
				new ByteArrayInputStream(townCsv(fuchu, true).getBytes(StandardCharsets.UTF_8)), false, "bench"), "OPERATOR");
		as("bench", () -> towns.load(Town.KAITA, "kaita.csv",
				new ByteArrayInputStream(townCsv(kaita, false).getBytes(StandardCharsets.UTF_8)), false, "bench"), "OPERATOR");
		// 200 planted: 150 of registered groups, 25 of each town's entries; 300 new groups of their own.
		Map<Long, String> planted = new HashMap<>();
		List<Gen> rawNew = new ArrayList<>();
		Map<Long, Gen> plantedSource = new HashMap<>();
		for (int i = 0; i < 500; i++) {
			LocalDate on = MONTH.atDay(1 + i % 28);
			if (i < 150) {
				int k = random.nextInt(registered.size());
				Gen v = variant(registered.get(k));
				long id = insert(v, "APPLIED", on);
				planted.put(id, "G:" + registeredIds.get(k));
				plantedSource.put(id, registered.get(k));
				rawNew.add(v);
			} else if (i < 200) {
				boolean f = i < 175;
				List<Gen> list = f ? fuchu : kaita;
				int k = random.nextInt(list.size());
				Gen source = list.get(k);
				Gen v = variant(source);
				long id = insert(v, "APPLIED", on);
				planted.put(id, (f ? "FUCHU" : "KAITA") + ":N:" + (k + 1));
				plantedSource.put(id, source);
				rawNew.add(v);
			} else {
				Gen g = fresh(null);
				insert(g, "APPLIED", on);
				rawNew.add(g);
			}
		}
		System.out.printf("%n[bench] generated %,d registered, 300 + 200 town entries, 500 new (200 planted) in %,d ms%n",
				registeredCount, (System.nanoTime() - t0) / 1_000_000);

		// The check as it runs: read the groups and the towns, block, score, keep the pairs.
		long t1 = System.nanoTime();
		int pairs = checks.run(MONTH);
		long checkMs = (System.nanoTime() - t1) / 1_000_000;
		var listed = checks.list(MONTH);
		Set<String> found = new HashSet<>();
		for (var p : listed) {
			found.add(p.a().groupId() + ">" + p.b().ref());
		}
		long hits = planted.entrySet().stream().filter(e -> found.contains(e.getKey() + ">" + e.getValue())).count();
		// Two planted copies of the same group found with each other are a true pair too.
		java.util.function.Predicate<DuplicateChecks.Pair> truePair = p -> {
			String a = planted.get(p.a().groupId());
			return p.b().ref().equals(a) || (a != null && p.b().groupId() != null
					&& a.equals(planted.get(p.b().groupId())));
		};
		long falsePairs = listed.stream().filter(truePair.negate()).count();
		System.out.printf("[bench] duplicate check (service, database included): %,d ms; %d pairs listed%n", checkMs, pairs);
		System.out.printf("[bench]   recall: %d of %d planted pairs listed (%.1f %%); false pairs: %d of %d listed (%.1f %%)%n",
				hits, planted.size(), 100.0 * hits / planted.size(), falsePairs, listed.size(),
				listed.isEmpty() ? 0 : 100.0 * falsePairs / listed.size());
		listed.stream().filter(truePair.negate()).limit(5)
				.forEach(p -> System.out.printf("[bench]   false pair: score %.3f matched %s (%s)%n", p.score(), p.matched(),
						planted.containsKey(p.a().groupId()) ? "planted group, other side" : "unplanted group"));
		planted.entrySet().stream().filter(e -> !found.contains(e.getKey() + ">" + e.getValue())).limit(5)
				.forEach(e -> System.out.printf("[bench]   missed: %s%n", e.getValue().startsWith("G:") ? "registered" : e.getValue().substring(0, 5)));

		// In memory: the blocking finder, and the baseline of every pair on 50 new groups, in the same run.
		List<Candidate> others = new ArrayList<>();
		directory.active().forEach(g -> others.add(DuplicateChecks.candidate(g)));
		for (int i = 0; i < fuchu.size(); i++) {
			Gen g = fuchu.get(i);
			others.add(Candidate.of("FUCHU:N:" + (i + 1), g.name(), g.kana(), g.rep(), g.phone(), g.address()));
		}
		for (int i = 0; i < kaita.size(); i++) {
			Gen g = kaita.get(i);
			others.add(Candidate.of("KAITA:N:" + (i + 1), g.name(), null, g.rep(), g.phone(), g.address()));
		}
		List<Candidate> news = directory.appliedIn(MONTH).stream().map(DuplicateChecks::candidate).toList();
		long t2 = System.nanoTime();
		var finder = new DuplicateFinder(others);
		long indexMs = (System.nanoTime() - t2) / 1_000_000;
		long t3 = System.nanoTime();
		int blockedFound = 0;
		for (Candidate c : news) {
			blockedFound += finder.find(c).size();
		}
		long blockedMs = (System.nanoTime() - t3) / 1_000_000;
		long t4 = System.nanoTime();
		int allFound = 0;
		int blockedOnSubset = 0;
		for (Candidate c : news.subList(0, 50)) {
			allFound += finder.findByComparingAll(c).size();
			blockedOnSubset += finder.find(c).size();
		}
		long allMs = (System.nanoTime() - t4) / 1_000_000;
		System.out.printf("[bench] in memory, %,d others: index %,d ms; blocking, 500 new: %,d ms (%d pairs)%n",
				others.size(), indexMs, blockedMs, blockedFound);
		System.out.printf("[bench] baseline, every pair compared on 50 new groups: %,d ms (≈ %,d ms for 500); pairs %d, "
				+ "blocking found %d of them on the same 50%n", allMs, allMs * 10, allFound, blockedOnSubset);

		// Baseline recall: the fields compared as written (name or phone equal, nothing normalised).
		long rawHits = 0;
		for (var e : plantedSource.entrySet()) {
			Gen v = rawNew.get(newIndex(e.getKey()));
			Gen s = e.getValue();
			if (v.name().equals(s.name()) || (v.phone() != null && v.phone().equals(s.phone()))) {
				rawHits++;
			}
		}
		System.out.printf("[bench] baseline recall, fields compared as written: %d of %d planted pairs (%.1f %%)%n", rawHits,
				planted.size(), 100.0 * rawHits / planted.size());
	}

	private final Map<Long, Integer> order = new HashMap<>();

	private int newIndex(long id) {
		if (order.isEmpty()) {
			List<Long> ids = jdbc.sql("select id from activity_group where state = 'APPLIED' order by id")
					.query(Long.class).list();
			for (int i = 0; i < ids.size(); i++) {
				order.put(ids.get(i), i);
			}
		}
		return order.get(id);
	}
}
