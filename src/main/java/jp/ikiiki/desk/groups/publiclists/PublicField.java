package jp.ikiiki.desk.groups.publiclists;

import java.util.function.Function;
import jp.ikiiki.desk.groups.GroupProfile;

/**
 * The fields of a group that the city may choose to publish (第9章1(6): データ項目等は発注者から別途指示). The
 * representative's name, address and phone are not among them and cannot be configured in: naming one in
 * {@code ikiiki.groups.public-list.columns} stops the start-up ({@link PublicListProperties}).
 */
enum PublicField {
	WARD(g -> g.ward().japaneseName()),
	CATEGORY(g -> null),
	NAME(GroupProfile::name),
	NAME_KANA(GroupProfile::nameKana),
	ACTIVITY_CODES(g -> String.join("・", g.activityCodes())),
	MEETING_PLACE(GroupProfile::meetingPlace),
	PUBLIC_CONTACT(GroupProfile::publicContact);

	/** Private fields that are never published, named as the configuration would name them. */
	enum Private {
		REPRESENTATIVE_NAME, REPRESENTATIVE_ADDRESS, REPRESENTATIVE_PHONE
	}

	private final Function<GroupProfile, String> value;

	PublicField(Function<GroupProfile, String> value) {
		this.value = value;
	}

	/** The group's value of this field ("" when none); CATEGORY is filled by the list with the category's label. */
	String valueOf(GroupProfile group) {
		String v = value.apply(group);
		return v == null ? "" : v;
	}
}
