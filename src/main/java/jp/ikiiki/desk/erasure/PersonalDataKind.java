package jp.ikiiki.desk.erasure;

/**
 * One kind of personal data a module keeps, as the erasure certificate names it.
 *
 * @param key   stable identifier, unique across modules, e.g. {@code subjects.subject}
 * @param label Japanese name shown in the console and on the certificate, e.g. {@code 対象者（交通費助成・ポイント）}
 * @param place where it is kept
 * @param unit  Japanese counter of the count, e.g. {@code 件}, {@code ファイル}
 */
public record PersonalDataKind(String key, String label, Place place, String unit) {

	/** Where a kind is kept. */
	public enum Place {
		/** Rows of a database table (or personal columns of rows that are otherwise kept). */
		DATABASE("データベース"),
		/** Files on disk. */
		FILES("ディスク上のファイル");

		private final String label;

		Place(String label) {
			this.label = label;
		}

		/** Japanese name. */
		public String label() {
			return label;
		}
	}

	/** Rows of a table, counted in 件. */
	public static PersonalDataKind rows(String key, String label) {
		return new PersonalDataKind(key, label, Place.DATABASE, "件");
	}

	/** Files on disk. */
	public static PersonalDataKind files(String key, String label) {
		return new PersonalDataKind(key, label, Place.FILES, "ファイル");
	}
}
