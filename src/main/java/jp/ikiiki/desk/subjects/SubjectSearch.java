package jp.ikiiki.desk.subjects;

import java.util.StringJoiner;
import jp.ikiiki.desk.shared.ControlCharacters;

/**
 * A search as a person typed it: the single search box and the separate fields, any of them blank. The look-up
 * reads it into a {@link SubjectQuery} itself, so that a search it refuses is audited like one it runs.
 *
 * @param text             the search box (see {@link SubjectQuery#parse})
 * @param managementNumber 申請書管理番号
 * @param addressNumber    宛名番号
 * @param kana             start of the kana name
 * @param kanji            part of the kanji name
 * @param birthDate        birth date, western or era form
 * @param address          part of an address
 */
public record SubjectSearch(String text, String managementNumber, String addressNumber, String kana, String kanji,
		String birthDate, String address) {

	/** The search box alone. */
	public static SubjectSearch of(String text) {
		return new SubjectSearch(text, null, null, null, null, null, null);
	}

	/**
	 * The criteria.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming the field that cannot be read
	 */
	public SubjectQuery toQuery() {
		return SubjectQuery.parse(text).and(SubjectQuery.ofFields(managementNumber, addressNumber, kana, kanji, birthDate,
				address));
	}

	/** Whether nothing was typed. */
	public boolean isBlank() {
		return blank(text) && blank(managementNumber) && blank(addressNumber) && blank(kana) && blank(kanji)
				&& blank(birthDate) && blank(address);
	}

	/**
	 * What was typed, for the audit trail only (it holds personal data): each non-blank field, control characters
	 * named, each cut at 200 characters.
	 */
	public String describe() {
		var j = new StringJoiner("; ");
		add(j, "q", text);
		add(j, "managementNumber", managementNumber);
		add(j, "addressNumber", addressNumber);
		add(j, "kana", kana);
		add(j, "kanji", kanji);
		add(j, "birthDate", birthDate);
		add(j, "address", address);
		return j.toString();
	}

	private static void add(StringJoiner j, String name, String value) {
		if (!blank(value)) {
			String v = value.length() > SubjectQuery.MAX_LENGTH ? value.substring(0, SubjectQuery.MAX_LENGTH) + "…" : value;
			j.add(name + "=" + ControlCharacters.visible(v));
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
