package jp.ikiiki.desk.mailings.kinds;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.shared.Postcodes;
import jp.ikiiki.desk.subjects.MailingSubject;

/**
 * The print fields every addressed item carries (第3章: 郵便番号, 住所, 方書, 氏名, 申請書管理番号), by the names of
 * {@link PrintFields} and as printed: the forms print their templates verbatim, so values are display values
 * (〒 postcode 123-4567, amounts with thousands separators).
 */
final class Fields {

	private Fields() {
	}

	static Map<String, String> address(MailingSubject s) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put(PrintFields.NAME, s.nameKanji());
		f.put(PrintFields.NAME_KANA, s.nameKana());
		f.put(PrintFields.POSTCODE, Postcodes.format(s.postalCode()));
		f.put(PrintFields.ADDRESS, s.address() == null ? "" : s.address());
		f.put(PrintFields.ADDRESS_EXTRA, s.addressExtra() == null ? "" : s.addressExtra());
		f.put(PrintFields.APPLICATION_NUMBER, s.managementNumber() == null ? "" : s.managementNumber());
		return f;
	}

	/** A yen amount as printed before 円: 10,000. */
	static String amount(int yen) {
		return String.format(Locale.ROOT, "%,d", yen);
	}
}
