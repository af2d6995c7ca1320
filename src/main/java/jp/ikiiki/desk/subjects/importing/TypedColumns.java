package jp.ikiiki.desk.subjects.importing;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.TextNormalizer;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * The typed search and print columns of {@code subject} (see V4), taken from a valid row's normalised values.
 * Blank values are null. 別紙3 has no 区コード, so {@link #wardCode} is null for it and the stored one is kept.
 */
record TypedColumns(String nameKana, String nameKanaKey, String nameKanji, String nameKanjiKey, String aliasKanji,
		String sex, String birthDate, String wardCode, String postalCode, String address, String addressExtra,
		String mailPostalCode, String mailAddress, String mailAddressExtra, String addressKey, String careLevel,
		String ticketType, String managementNumber) {

	static TypedColumns of(SubjectFileKind kind, Map<String, String> v) {
		boolean index = kind == SubjectFileKind.INDEX;
		String address = get(v, "住所漢字");
		String addressExtra = get(v, "方書漢字");
		String mailAddress = get(v, index ? "送付先住所漢字" : "送付先住所");
		String mailAddressExtra = get(v, index ? "送付先方書漢字" : "送付先方書");
		String nameKana = get(v, "氏名カナ");
		String nameKanji = get(v, "氏名漢字");
		// All address parts in one key, so that an address fragment finds the home or the mailing address.
		String addressKey = TextNormalizer.forKey(Stream.of(address, addressExtra, mailAddress, mailAddressExtra)
				.filter(s -> s != null).collect(Collectors.joining(" ")));
		return new TypedColumns(nameKana, Kana.searchKey(nameKana), nameKanji, TextNormalizer.forKey(nameKanji),
				get(v, "通称名漢字"), get(v, "性別"), get(v, "生年月日"), index ? get(v, "区コード") : null,
				get(v, "郵便番号"), address, addressExtra, get(v, "送付先郵便番号"), mailAddress, mailAddressExtra,
				addressKey, get(v, "要介護認定状態"), get(v, "利用券種"), get(v, "申請書管理番号"));
	}

	private static String get(Map<String, String> values, String header) {
		String s = values.get(header);
		return s == null || s.isEmpty() ? null : s;
	}
}
