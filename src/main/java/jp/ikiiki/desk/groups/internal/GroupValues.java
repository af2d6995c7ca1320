package jp.ikiiki.desk.groups.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.GroupEntry;
import jp.ikiiki.desk.groups.GroupField;
import jp.ikiiki.desk.groups.GroupFormKind;
import jp.ikiiki.desk.groups.GroupsProperties;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.PhoneNumbers;

/**
 * A form's fields as keyed → as stored (the keying compares the stored form, so ｱ and ア, ２ and 2 agree), with every
 * check a field can have on its own; '' for a field left empty. Which fields a form must have is {@link #required}.
 */
final class GroupValues {

	private GroupValues() {
	}

	/** The longest value of each field, in characters. */
	static int maxLength(GroupField field) {
		return switch (field) {
			case NAME, NAME_KANA -> 100;
			case CATEGORY -> 24;
			case WARD -> 3;
			case ACTIVITY_CODES -> 60;
			case MEETING_PLACE, REPRESENTATIVE_ADDRESS, PUBLIC_CONTACT -> 200;
			case REPRESENTATIVE_NAME -> 50;
			case REPRESENTATIVE_PHONE -> 13;
		};
	}

	/** Every field of an entry converted, in field order. */
	static Map<GroupField, String> of(GroupEntry e, GroupsProperties properties) {
		if (e == null) {
			throw new InvalidInputException("body", "入力内容がありません");
		}
		var values = new EnumMap<GroupField, String>(GroupField.class);
		values.put(GroupField.NAME, convert(GroupField.NAME, e.name(), properties));
		values.put(GroupField.NAME_KANA, convert(GroupField.NAME_KANA, e.nameKana(), properties));
		values.put(GroupField.CATEGORY, convert(GroupField.CATEGORY, e.category(), properties));
		values.put(GroupField.WARD, convert(GroupField.WARD, e.ward(), properties));
		values.put(GroupField.ACTIVITY_CODES, convert(GroupField.ACTIVITY_CODES,
				e.activityCodes() == null ? null : String.join(",", e.activityCodes().stream()
						.map(c -> c == null ? "" : c).toList()), properties));
		values.put(GroupField.MEETING_PLACE, convert(GroupField.MEETING_PLACE, e.meetingPlace(), properties));
		values.put(GroupField.REPRESENTATIVE_NAME, convert(GroupField.REPRESENTATIVE_NAME, e.representativeName(),
				properties));
		values.put(GroupField.REPRESENTATIVE_ADDRESS, convert(GroupField.REPRESENTATIVE_ADDRESS,
				e.representativeAddress(), properties));
		values.put(GroupField.REPRESENTATIVE_PHONE, convert(GroupField.REPRESENTATIVE_PHONE, e.representativePhone(),
				properties));
		values.put(GroupField.PUBLIC_CONTACT, convert(GroupField.PUBLIC_CONTACT, e.publicContact(), properties));
		return values;
	}

	/**
	 * One field as keyed → as stored.
	 *
	 * @throws InvalidInputException naming the field (API name) and why
	 */
	static String convert(GroupField field, String text, GroupsProperties properties) {
		if (text == null) {
			return "";
		}
		// Refuse before anything else, so that no value is cut or stored with a control character in it.
		if (text.length() > 4 * maxLength(field) + 20) {
			throw refuse(field, "「" + field.label() + "」が長すぎます（" + text.length() + "文字、上限 " + maxLength(field)
					+ "文字）");
		}
		int control = ControlCharacters.indexOf(text);
		if (control >= 0) {
			throw refuse(field, "「" + field.label() + "」に制御文字（" + ControlCharacters.name(text.charAt(control))
					+ "）が含まれています");
		}
		// Runs of spaces of either width become one ideographic space (U+3000), as Japanese forms write them.
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// Direction overrides make a printed name read differently from what is stored.
			if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F') {
				throw refuse(field, "「" + field.label() + "」に制御文字（文字の向きの指定 U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
						+ "）が含まれています");
			}
		}
		String s = text.strip().replaceAll("[\\s\u3000]+", "\u3000");
		if (s.isEmpty()) {
			return "";
		}
		String value = switch (field) {
			case NAME, MEETING_PLACE, REPRESENTATIVE_NAME, REPRESENTATIVE_ADDRESS, PUBLIC_CONTACT -> s;
			case NAME_KANA -> {
				String k = Kana.toFullwidthKatakana(s);
				if (!Kana.isKanaName(k)) {
					throw refuse(field, "「団体名（カナ）」はカタカナで入力してください");
				}
				yield k;
			}
			case CATEGORY -> category(s);
			case WARD -> ward(s);
			case ACTIVITY_CODES -> codes(s, properties);
			case REPRESENTATIVE_PHONE -> {
				if (!PhoneNumbers.isJapanese(s)) {
					throw refuse(field, "「代表者電話番号」は0で始まる10桁または11桁の電話番号で入力してください");
				}
				yield PhoneNumbers.format(s);
			}
		};
		if (value.length() > maxLength(field)) {
			throw refuse(field, "「" + field.label() + "」が長すぎます（" + value.length() + "文字、上限 " + maxLength(field)
					+ "文字）");
		}
		return value;
	}

	/** Checks a stored value on its own (what {@link #convert} gives is accepted). */
	static void check(GroupField field, String value, GroupsProperties properties) {
		if (value == null) {
			throw refuse(field, "「" + field.label() + "」がありません");
		}
		if (!value.isEmpty() && !convert(field, value, properties).equals(value)) {
			throw refuse(field, "「" + field.label() + "」の値が正しくありません");
		}
	}

	private static String category(String s) {
		String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).strip();
		// The keying screens key the category by its number on the form: 1 一般 … 5 薬局 (the enum's order).
		if (n.matches("[1-5]")) {
			return GroupCategory.values()[Integer.parseInt(n) - 1].name();
		}
		for (GroupCategory c : GroupCategory.values()) {
			if (c.name().equals(n)) {
				return n;
			}
		}
		throw refuse(GroupField.CATEGORY, "「種別」は " + Arrays.toString(GroupCategory.values())
				.replaceAll("[\\[\\]]", "") + " のいずれかです");
	}

	private static String ward(String s) {
		String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
		for (Ward w : Ward.values()) {
			if (w.japaneseName().equals(n)) {
				return String.valueOf(w.code());
			}
		}
		if (n.matches("[0-9]{1,3}")) {
			int code = Integer.parseInt(n);
			if (Ward.ofCode(code).isPresent()) {
				return String.valueOf(code);
			}
		}
		throw refuse(GroupField.WARD, "「区」は区コード 101〜108（中区 101 … 佐伯区 108）で入力してください");
	}

	private static String codes(String s, GroupsProperties properties) {
		String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
		var codes = new TreeSet<String>();
		for (String c : n.split("[,、，\\s\u3000]+")) {
			if (c.isEmpty()) {
				continue;
			}
			if (properties.type(c).isEmpty()) {
				throw refuse(GroupField.ACTIVITY_CODES, "活動の種類 " + (c.length() > 10 ? c.substring(0, 10) + "…" : c)
						+ " はありません（" + String.join("・", properties.types().stream().map(t -> t.code()).toList())
						+ "）");
			}
			if (!codes.add(c)) {
				throw refuse(GroupField.ACTIVITY_CODES, "活動の種類 " + c + " が2回あります");
			}
		}
		return String.join(",", codes);
	}

	/** The codes of a stored value. */
	static List<String> codes(String stored) {
		return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
	}

	/**
	 * Checks that the form has what its kind needs: a registration every field but the public contact; a change at
	 * least one field; a deletion the group's name.
	 *
	 * @throws InvalidInputException naming the first field missing
	 */
	static void required(GroupFormKind form, Map<GroupField, String> values) {
		switch (form) {
			case REGISTER -> {
				for (GroupField f : GroupField.ALL) {
					if (f != GroupField.PUBLIC_CONTACT && values.getOrDefault(f, "").isEmpty()) {
						throw refuse(f, "登録届出書には「" + f.label() + "」が必要です");
					}
				}
			}
			case CHANGE -> {
				if (values.values().stream().allMatch(String::isEmpty)) {
					throw refuse(GroupField.NAME, "変更届出書に変更する項目がありません");
				}
			}
			case DELETE -> {
				if (values.getOrDefault(GroupField.NAME, "").isEmpty()) {
					throw refuse(GroupField.NAME, "抹消届出書には「団体名」が必要です");
				}
			}
		}
	}

	static InvalidInputException refuse(GroupField field, String reason) {
		return new InvalidInputException(field.apiName(), reason);
	}
}
