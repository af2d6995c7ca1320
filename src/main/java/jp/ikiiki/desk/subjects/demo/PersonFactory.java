package jp.ikiiki.desk.subjects.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import jp.ikiiki.desk.subjects.demo.Person.Gaiji;
import jp.ikiiki.desk.subjects.demo.Person.GaijiKind;
import jp.ikiiki.desk.subjects.demo.ReferenceData.Name;
import jp.ikiiki.desk.subjects.demo.ReferenceData.Postcode;

/**
 * Makes person {@code i} of a seed. Every person comes from its own random stream derived from (seed, i), so
 * person {@code i} is the same whatever the file size, kind or format, and no person depends on another.
 */
final class PersonFactory {

	/** The four subsidy ticket types (交通費助成 利用券種). */
	static final List<String> TICKET_TYPES = List.of("タクシー券", "バス・電車券", "交通系ICカード", "自家用車燃料券");

	static final String[] CARE_LEVELS = { "要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5",
			"事業対象者", "非該当" };
	private static final int[] CARE_WEIGHTS = { 14, 14, 20, 16, 11, 9, 6, 6, 4 };

	private static final String[] BUILDING_STEMS = { "グリーン", "サン", "ロイヤル", "パーク", "リバーサイド", "セントラル",
			"エクセル", "ソレイユ", "アーバン", "ファミール", "ベル", "シャトー", "さくら", "ひまわり", "コスモ", "平和" };
	private static final String[] BUILDING_TYPES = { "ハイツ", "コーポ", "マンション", "レジデンス", "ハイム", "パレス",
			"ビル", "荘" };
	private static final String[] SYMBOLS = { "Ⅱ", "Ⅲ", "②", "③" };
	private static final String[] PLACEHOLDERS = { "〓", "〓", "■", "・" };

	private static final long SALT_PERSON = 0x5045_5253_4f4eL;
	private static final long SALT_GAIJI = 0x4741_494aL;

	private final long seed;
	private final double gaijiShare;
	private final LocalDate referenceDate;
	private final ReferenceData data = ReferenceData.get();
	private final long addressOffset;
	private final long managementOffset;
	private final long insuredOffset;
	private final int[] ageWeights = new int[36];

	PersonFactory(long seed, double gaijiShare, LocalDate referenceDate) {
		this.seed = seed;
		this.gaijiShare = gaijiShare;
		this.referenceDate = referenceDate;
		this.addressOffset = Math.floorMod(mix(seed, 1), 9_000_000_000L);
		this.managementOffset = Math.floorMod(mix(seed, 2), 9_000_000_000L);
		this.insuredOffset = Math.floorMod(mix(seed, 3), 9_000_000_000L);
		// Ages 65–100: many more people in their late 60s and 70s than past 90.
		for (int a = 0; a <= 35; a++) {
			ageWeights[a] = a < 15 ? 100 : Math.max(2, 100 - (a - 15) * 5);
		}
	}

	/** A well-mixed 64-bit value of (a, b) (SplitMix64 finaliser). */
	static long mix(long a, long b) {
		long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A random stream for (seed, index, salt); {@link Random} is specified exactly, so the files never change. */
	static Random stream(long seed, long index, long salt) {
		return new Random(mix(mix(seed, salt), index));
	}

	/** A 10-digit number unique per index: a bijection of 0 … 8,999,999,999 onto 1,000,000,000 … 9,999,999,999. */
	static String tenDigits(long index, long multiplier, long offset) {
		return Long.toString(1_000_000_000L + Math.floorMod(index * multiplier + offset, 9_000_000_000L));
	}

	/** Whether person {@code index} has 外字 (decided apart from everything else, so it can be asked cheaply). */
	boolean hasGaiji(long index) {
		return stream(seed, index, SALT_GAIJI).nextDouble() < gaijiShare;
	}

	Person person(long index) {
		Random r = stream(seed, index, SALT_PERSON);
		Random g = stream(seed, index, SALT_GAIJI);
		boolean gaiji = g.nextDouble() < gaijiShare;

		String addressNumber = tenDigits(index, 2_654_435_761L, addressOffset);
		String managementNumber = tenDigits(index, 2_246_822_519L, managementOffset);
		String insuredNumber = tenDigits(index, 3_266_489_917L, insuredOffset);

		int sex = r.nextInt(100) < 57 ? 2 : 1;
		Name surname = pick(r, data.surnames);
		Name given = pick(r, sex == 1 ? data.maleNames : data.femaleNames);
		String surnameKanji = surname.kanji();
		String surnameKana = surname.kana();
		String apartmentSymbol = null;
		Gaiji gaijiInfo = Gaiji.NONE;
		if (gaiji) {
			int kind = g.nextInt(4);
			if (kind <= 1) {
				var variant = data.gaijiSurnames.get(g.nextInt(data.gaijiSurnames.size()));
				surnameKanji = variant.kanji();
				surnameKana = variant.kana();
				gaijiInfo = new Gaiji(GaijiKind.VARIANT, differingCharacters(variant.kanji(), variant.commonForm()));
			}
			else if (kind == 2) {
				int[] cps = surnameKanji.codePoints().toArray();
				int at = g.nextInt(cps.length);
				String placeholder = PLACEHOLDERS[g.nextInt(PLACEHOLDERS.length)];
				var sb = new StringBuilder();
				for (int k = 0; k < cps.length; k++) {
					sb.append(k == at ? placeholder : new String(Character.toChars(cps[k])));
				}
				surnameKanji = sb.toString();
				gaijiInfo = new Gaiji(GaijiKind.PLACEHOLDER, placeholder);
			}
			else {
				apartmentSymbol = SYMBOLS[g.nextInt(SYMBOLS.length)];
				gaijiInfo = new Gaiji(GaijiKind.SYMBOL, apartmentSymbol);
			}
		}
		String nameKanji = surnameKanji + (r.nextInt(10) == 0 ? " " : "\u3000") + given.kanji();
		String nameKana = r.nextInt(100) < 65 ? surnameKana + "\u3000" + given.kana()
				: halfWidth(surnameKana) + " " + halfWidth(given.kana());

		int age = 65 + weighted(r, ageWeights);
		LocalDate latest = referenceDate.minusYears(age);
		LocalDate earliest = referenceDate.minusYears(age + 1L).plusDays(1);
		LocalDate birthDate = earliest.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(earliest, latest) + 1));

		boolean fullWidthDigits = r.nextInt(100) < 45;
		String cityPrefix = switch (r.nextInt(20)) {
			case 0, 1, 2 -> "広島県広島市";
			case 3 -> "";
			default -> "広島市";
		};
		Postcode home = pick(r, data.postcodes);
		String address = address(r, home, cityPrefix, fullWidthDigits);
		String addressExtra = null;
		if (apartmentSymbol != null || r.nextInt(100) < 22) {
			addressExtra = apartment(r, home, fullWidthDigits, apartmentSymbol);
		}
		Postcode mailHome = null;
		String mailAddress = null;
		String mailExtra = null;
		if (r.nextInt(100) < 7) {
			// A family member receives the mail (第4章: 送付先).
			mailHome = pick(r, data.postcodes);
			mailAddress = address(r, mailHome, cityPrefix, fullWidthDigits);
			if (r.nextInt(10) < 7) {
				Name family = pick(r, data.surnames);
				Name familyGiven = pick(r, r.nextBoolean() ? data.maleNames : data.femaleNames);
				mailExtra = family.kanji() + "\u3000" + familyGiven.kanji() + "様方";
			}
			else {
				mailExtra = apartment(r, mailHome, fullWidthDigits, null);
			}
		}

		String careLevel = CARE_LEVELS[weighted(r, CARE_WEIGHTS)];
		boolean certified = careLevel.startsWith("要") || careLevel.equals("非該当");
		LocalDate applicationDate = null;
		String applicationReason = null;
		LocalDate certificationDate = null;
		LocalDate validFrom = null;
		LocalDate validTo = null;
		if (certified) {
			int months = new int[] { 12, 24, 36, 48 }[r.nextInt(4)];
			validFrom = referenceDate.withDayOfMonth(1).minusMonths(r.nextInt(months));
			applicationDate = validFrom.minusDays(20 + r.nextInt(40));
			certificationDate = applicationDate.plusDays(25 + r.nextInt(15));
			applicationReason = switch (r.nextInt(20)) {
				case 0, 1, 2 -> "新規";
				case 3, 4, 5 -> "区分変更";
				default -> "更新";
			};
			if (careLevel.equals("非該当")) {
				validFrom = null;
			}
			else {
				validTo = validFrom.plusMonths(months).minusDays(1);
			}
		}
		boolean careShownInProgress = careLevel.equals("事業対象者") || r.nextInt(100) < 30;

		LocalDate deathDate = r.nextInt(1000) < 5 ? referenceDate.minusDays(1 + r.nextInt(300)) : null;
		boolean eligible = careLevel.startsWith("要");
		boolean granted = eligible && deathDate == null && r.nextInt(100) < 93;
		String ticketType = granted ? TICKET_TYPES.get(weighted(r, new int[] { 45, 30, 15, 10 })) : null;
		boolean continuing = granted && r.nextInt(100) < 70;
		String decisionReason;
		if (deathDate != null) {
			decisionReason = "死亡";
		}
		else if (granted) {
			decisionReason = continuing ? "継続" : "新規";
		}
		else if (!eligible) {
			decisionReason = "要介護認定なし";
		}
		else {
			decisionReason = r.nextBoolean() ? "施設入所" : "申請取下げ";
		}
		int assessments = r.nextInt(100) < 85 ? 1 : 2;
		String disability = r.nextInt(100) < 3 ? "身体障害者手帳" + (1 + r.nextInt(4)) + "級" : null;

		LocalDate moveInDate = r.nextInt(100) < 4 ? referenceDate.minusDays(10 + r.nextInt(700)) : null;
		LocalDate residentSince;
		if (moveInDate != null) {
			residentSince = moveInDate;
		}
		else if (r.nextBoolean()) {
			residentSince = birthDate;
		}
		else {
			LocalDate from = birthDate.plusYears(20);
			LocalDate to = LocalDate.of(2020, 3, 31);
			residentSince = from.plusDays(r.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(from, to))));
		}

		return new Person(index, addressNumber, managementNumber, insuredNumber, sex, nameKanji, nameKana, gaijiInfo,
				birthDate, home, address, addressExtra, mailHome, mailAddress, mailExtra, careLevel, applicationDate,
				applicationReason, certificationDate, validFrom, validTo, careShownInProgress, granted, ticketType,
				decisionReason, continuing, assessments, disability, moveInDate, residentSince, deathDate);
	}

	/** 住所漢字: city, ward, 町域 and 丁目-番-号 in one of the forms the registers hold. */
	private static String address(Random r, Postcode p, String cityPrefix, boolean fullWidth) {
		int chome = 1 + weighted(r, new int[] { 30, 25, 20, 15, 10 });
		int ban = 1 + r.nextInt(30);
		int go = 1 + r.nextInt(25);
		String tail = switch (weighted(r, new int[] { 35, 20, 25, 10, 10 })) {
			case 0 -> chome + "丁目" + ban + "-" + go;
			case 1 -> chome + "丁目" + ban + "番" + go + "号";
			case 2 -> ban + "-" + go;
			case 3 -> ban + "番" + go + "号";
			default -> (1 + r.nextInt(3000)) + "番地" + (r.nextBoolean() ? "" : String.valueOf(1 + r.nextInt(20)));
		};
		return cityPrefix + p.wardName() + p.town() + (fullWidth ? fullWidth(tail) : tail);
	}

	/** 方書: a building and room, occasionally with a symbol outside JIS X 0208 in the building's name. */
	private static String apartment(Random r, Postcode p, boolean fullWidth, String symbol) {
		int floor = 1 + weighted(r, new int[] { 30, 25, 20, 10, 6, 4, 3, 2 });
		String room = floor + DateText.two(1 + r.nextInt(8));
		String building;
		switch (symbol != null ? 2 : r.nextInt(5)) {
			case 0 -> building = "市営" + p.town() + "アパート" + (1 + r.nextInt(12)) + "号棟";
			case 1 -> building = "県営" + p.town() + "住宅" + (1 + r.nextInt(6)) + "-";
			default -> building = BUILDING_STEMS[r.nextInt(BUILDING_STEMS.length)]
					+ BUILDING_TYPES[r.nextInt(BUILDING_TYPES.length)] + (r.nextInt(4) == 0 ? p.town() : "")
					+ (symbol != null ? symbol : "");
		}
		String text = building.endsWith("-") ? building + room
				: building + (r.nextBoolean() ? " " + room + "号" : room + "号室");
		return fullWidth ? fullWidth(text).replace(' ', '\u3000') : text;
	}

	/** ASCII digits and hyphen to their full-width forms (the hyphen as Windows enters it, U+FF0D). */
	static String fullWidth(String s) {
		var sb = new StringBuilder(s.length());
		for (int k = 0; k < s.length(); k++) {
			char c = s.charAt(k);
			if (c >= '0' && c <= '9') {
				sb.append((char) (c - '0' + '０'));
			}
			else if (c == '-') {
				sb.append('－');
			}
			else {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー";
	private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ";
	private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
	private static final String VOICED_BASE = "カキクケコサシスセソタチツテトハヒフヘホ";
	private static final String SEMI_VOICED = "パピプペポ";

	/** Full-width katakana to half-width (ｶﾞ as two characters), as older systems export 氏名カナ. */
	static String halfWidth(String katakana) {
		var sb = new StringBuilder(katakana.length() + 4);
		for (int k = 0; k < katakana.length(); k++) {
			char c = katakana.charAt(k);
			int i;
			if ((i = FULL.indexOf(c)) >= 0) {
				sb.append(HALF.charAt(i));
			}
			else if ((i = VOICED.indexOf(c)) >= 0) {
				sb.append(HALF.charAt(FULL.indexOf(VOICED_BASE.charAt(i)))).append('ﾞ');
			}
			else if ((i = SEMI_VOICED.indexOf(c)) >= 0) {
				sb.append(HALF.charAt(FULL.indexOf("ハヒフヘホ".charAt(i)))).append('ﾟ');
			}
			else if (c == 'ヴ') {
				sb.append("ｳﾞ");
			}
			else if (c == '\u3000') {
				sb.append(' ');
			}
			else {
				throw new IllegalArgumentException("no half-width form for " + c);
			}
		}
		return sb.toString();
	}

	/** The characters of {@code variant} that differ from {@code common} (code point by code point). */
	private static String differingCharacters(String variant, String common) {
		int[] v = variant.codePoints().toArray();
		int[] c = common.codePoints().toArray();
		var sb = new StringBuilder();
		for (int k = 0; k < v.length; k++) {
			if (k >= c.length || v[k] != c[k]) {
				sb.appendCodePoint(v[k]);
			}
		}
		return sb.toString();
	}

	static <T> T pick(Random r, List<T> list) {
		return list.get(r.nextInt(list.size()));
	}

	static int weighted(Random r, int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int x = r.nextInt(total);
		for (int k = 0; k < weights.length; k++) {
			x -= weights[k];
			if (x < 0) {
				return k;
			}
		}
		return weights.length - 1;
	}
}
