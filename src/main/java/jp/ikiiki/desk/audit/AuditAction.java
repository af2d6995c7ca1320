package jp.ikiiki.desk.audit;

/** What was done. Labels are the Japanese names shown in the audit view. */
public enum AuditAction {
	LOGIN("ログイン"),
	LOGIN_FAILED("ログイン失敗"),
	LOGOUT("ログアウト"),
	SEARCH("検索"),
	VIEW("閲覧"),
	EXPORT("出力"),
	DOWNLOAD("ダウンロード"),
	IMPORT("取込"),
	USER_ADMIN("利用者管理"),
	SETTINGS("設定変更"),
	CREATE("登録"),
	UPDATE("更新"),
	PRINT("印刷"),
	SEND("送信");

	private final String label;

	AuditAction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
