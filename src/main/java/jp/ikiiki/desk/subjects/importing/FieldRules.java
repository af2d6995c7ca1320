package jp.ikiiki.desk.subjects.importing;

import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.ManagementNumber;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.subjects.columns.FieldType;

/**
 * How one non-blank cell is checked and normalised, by {@link FieldType}. Every method returns the value as it
 * is stored in the subject's record (dates ISO, postal codes 7 digits, flags 1/0, sex 1/2, ward 101–108, care
 * level and ticket type as their label) or throws {@link InvalidInputException} with the Japanese reason
 * an operator reads in the problem list.
 */
final class FieldRules {

	/** Width of the typed columns of {@code subject} that text columns are copied into. */
	static final int ADDRESS_NUMBER_MAX = AddressNumber.MAX_DIGITS;
	static final int MANAGEMENT_NUMBER_MAX = ManagementNumber.MAX_LENGTH;

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");
	private static final Pattern POSTAL = Pattern.compile("([0-9]{3})-?([0-9]{4})");
	private static final Map<String, String> CARE_LEVELS = new LinkedHashMap<>();

	static {
		// Labels and the long-term care insurance codes (要介護状態区分コード) the city's system exports.
		CARE_LEVELS.put("12", "要支援1");
		CARE_LEVELS.put("13", "要支援2");
		CARE_LEVELS.put("21", "要介護1");
		CARE_LEVELS.put("22", "要介護2");
		CARE_LEVELS.put("23", "要介護3");
		CARE_LEVELS.put("24", "要介護4");
		CARE_LEVELS.put("25", "要介護5");
		CARE_LEVELS.put("06", "事業対象者");
		CARE_LEVELS.put("01", "非該当");
	}

	private final List<String> ticketTypes;
	private final Map<String, String> ticketTypesByKey = new LinkedHashMap<>();

	FieldRules(List<String> ticketTypes) {
		this.ticketTypes = List.copyOf(ticketTypes);
		for (String t : ticketTypes) {
			ticketTypesByKey.put(key(t), t);
		}
	}

	/**
	 * Normalises a non-blank, already trimmed cell.
	 *
	 * @throws InvalidInputException with the reason, if the value is not acceptable for the type
	 */
	String normalize(FieldType type, String value) {
		return switch (type) {
			case ADDRESS_NUMBER -> addressNumber(value);
			case TEXT -> value;
			case KANA -> kana(value);
			case DATE -> date(value);
			case POSTAL_CODE -> postalCode(value);
			case WARD_CODE -> wardCode(value);
			case SEX -> sex(value);
			case CARE_LEVEL -> careLevel(value);
			case TICKET_TYPE -> ticketType(value);
			case FLAG -> flag(value);
			case INTEGER -> integer(value);
			case DIGITS -> digits(value);
			case MANAGEMENT_NUMBER -> managementNumber(value);
		};
	}

	static String addressNumber(String value) {
		return AddressNumber.parse(value).value();
	}

	static String date(String value) {
		try {
			return JapaneseDates.parse(value).toString();
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(e.getMessage()); // the shared date parser's Japanese reason
		}
	}

	static String kana(String value) {
		if (!Kana.isKanaName(value)) {
			throw new InvalidInputException("カナ以外の文字が含まれています（カタカナ・ひらがな・長音・中点・空白のみ）");
		}
		return Kana.toFullwidthKatakana(value);
	}

	static String postalCode(String value) {
		var m = POSTAL.matcher(nfkc(value).replace('ー', '-').replace('−', '-'));
		if (!m.matches()) {
			throw new InvalidInputException("郵便番号は7桁の数字で入力してください（ハイフン可、例: 730-0011）");
		}
		return m.group(1) + m.group(2);
	}

	static String wardCode(String value) {
		String s = nfkc(value);
		if (DIGITS.matcher(s).matches() && s.length() <= 5) {
			int code = Integer.parseInt(s);
			if (code >= 34101 && code <= 34108) {
				code -= 34000; // 全国地方公共団体コード of Hiroshima's wards (34101 中区 … 34108 佐伯区)
			}
			if (code >= 101 && code <= 108) {
				return Integer.toString(code);
			}
		}
		throw new InvalidInputException("区コードは広島市の8区の101〜108（または34101〜34108）で入力してください");
	}

	static String sex(String value) {
		return switch (nfkc(value)) {
			case "1", "男", "男性" -> "1";
			case "2", "女", "女性" -> "2";
			default -> throw new InvalidInputException("性別は1（男）または2（女）で入力してください");
		};
	}

	static String careLevel(String value) {
		String s = nfkc(value).replaceAll("\\s+", "");
		String byCode = CARE_LEVELS.get(s.length() == 1 ? "0" + s : s);
		if (byCode != null) {
			return byCode;
		}
		if (CARE_LEVELS.containsValue(s)) {
			return s;
		}
		throw new InvalidInputException("要介護認定状態が分かりません（要支援1・2、要介護1〜5、事業対象者、非該当、"
				+ "または認定コード12・13・21〜25・06・01）");
	}

	String ticketType(String value) {
		String label = ticketTypesByKey.get(key(value));
		if (label == null) {
			throw new InvalidInputException("利用券種が登録された種類にありません（" + String.join("、", ticketTypes) + "）");
		}
		return label;
	}

	static String flag(String value) {
		return switch (nfkc(value)) {
			case "1", "有", "○", "〇", "◯" -> "1";
			case "0", "無" -> "0";
			default -> throw new InvalidInputException("1（有）、0（無）または空欄で入力してください");
		};
	}

	static String integer(String value) {
		String s = nfkc(value);
		if (!DIGITS.matcher(s).matches()) {
			throw new InvalidInputException("0以上の整数で入力してください");
		}
		return new BigInteger(s).toString();
	}

	static String digits(String value) {
		String s = nfkc(value);
		if (!DIGITS.matcher(s).matches()) {
			throw new InvalidInputException("数字のみで入力してください");
		}
		return s;
	}

	static String managementNumber(String value) {
		return ManagementNumber.parse(value).value();
	}

	private static String key(String s) {
		return nfkc(s).replaceAll("\\s+", "");
	}

	private static String nfkc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
	}
}
