package jp.ikiiki.desk.groups;

import java.util.List;
import java.util.Optional;

/**
 * A field of the registration, change and deletion forms as keyed (第10章2), in keying order; the ordinal is the
 * stored field number. The representative's fields are private (never on a public list or shown to a caller).
 */
public enum GroupField {
	NAME("団体名", "name"),
	NAME_KANA("団体名（カナ）", "nameKana"),
	CATEGORY("種別", "category"),
	WARD("区", "ward"),
	ACTIVITY_CODES("活動の種類", "activityCodes"),
	MEETING_PLACE("活動場所", "meetingPlace"),
	REPRESENTATIVE_NAME("代表者氏名", "representative.name"),
	REPRESENTATIVE_ADDRESS("代表者住所", "representative.address"),
	REPRESENTATIVE_PHONE("代表者電話番号", "representative.phone"),
	PUBLIC_CONTACT("公開する連絡先", "publicContact");

	/** Every field in keying order. */
	public static final List<GroupField> ALL = List.of(values());

	private final String label;
	private final String apiName;

	GroupField(String label, String apiName) {
		this.label = label;
		this.apiName = apiName;
	}

	/** The Japanese name messages quote. */
	public String label() {
		return label;
	}

	/** The name in the HTTP API (representative's fields dotted). */
	public String apiName() {
		return apiName;
	}

	/** The console label key, e.g. {@code groups.field.NAME}. */
	public String labelKey() {
		return "groups.field." + name();
	}

	/** True for the representative's (private) fields. */
	public boolean personal() {
		return this == REPRESENTATIVE_NAME || this == REPRESENTATIVE_ADDRESS || this == REPRESENTATIVE_PHONE;
	}

	/** The field of an API name. */
	public static Optional<GroupField> ofApiName(String apiName) {
		return ALL.stream().filter(f -> f.apiName.equals(apiName)).findFirst();
	}
}
