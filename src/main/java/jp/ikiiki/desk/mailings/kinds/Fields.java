package jp.ikiiki.desk.mailings.kinds;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.ikiiki.desk.subjects.MailingSubject;

/** The print fields every addressed item carries (第3章: 郵便番号, 住所, 氏名, 申請書管理番号). */
final class Fields {

	private Fields() {
	}

	static Map<String, String> address(MailingSubject s) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("subjectId", s.addressNumber());
		f.put("name", s.nameKanji());
		f.put("kana", s.nameKana());
		f.put("postcode", s.postalCode() == null ? "" : s.postalCode());
		f.put("address", s.address() == null ? "" : s.address());
		f.put("applicationNumber", s.managementNumber() == null ? "" : s.managementNumber());
		return f;
	}
}
