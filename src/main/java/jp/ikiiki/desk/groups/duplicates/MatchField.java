package jp.ikiiki.desk.groups.duplicates;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The fields the duplicate check compares (第5章2), as the API and the checklist name them. */
enum MatchField {
	NAME, KANA, REPRESENTATIVE, PHONE, ADDRESS;

	/** The API's name: name, kana, representative, phone, address. */
	@JsonValue
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The console label key, {@code groups.duplicates.field.name} …. */
	String labelKey() {
		return "groups.duplicates.field." + key();
	}

	/** The Japanese heading of the checklist. */
	String heading() {
		return switch (this) {
			case NAME -> "名称";
			case KANA -> "カナ";
			case REPRESENTATIVE -> "代表者";
			case PHONE -> "電話番号";
			case ADDRESS -> "住所";
		};
	}

	static MatchField ofKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}
}
