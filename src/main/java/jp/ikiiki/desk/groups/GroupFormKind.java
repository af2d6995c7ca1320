package jp.ikiiki.desk.groups;

/** The three forms a group sends (第10章2): 活動団体登録届出書, 登録内容変更届出書, 登録抹消届出書. */
public enum GroupFormKind {
	/** 活動団体登録届出書: a new group. */
	REGISTER("登録届出書"),
	/** 活動団体登録内容変更届出書: fields left blank keep the group's value. */
	CHANGE("変更届出書"),
	/** 活動団体登録抹消届出書: the group's name is keyed to confirm which group; the rest may be blank. */
	DELETE("抹消届出書");

	private final String label;

	GroupFormKind(String label) {
		this.label = label;
	}

	/** As people read it. */
	public String label() {
		return label;
	}
}
