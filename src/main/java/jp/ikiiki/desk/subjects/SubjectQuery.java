package jp.ikiiki.desk.subjects;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.TextNormalizer;

/**
 * What an agent searches subjects by. Every criterion is optional; those given are combined with AND. Values
 * are held normalised (see the factory methods), so two queries typed differently but meaning the same are
 * equal.
 *
 * @param managementNumber 申請書管理番号, exact; upper case, scanner start/stop characters removed
 * @param addressNumber    宛名番号, exact; digits
 * @param kanaPrefix       start of the kana name as a {@link Kana#searchKey search key} (ﾀﾅｶ, たなか, タ ナ カ → タナカ)
 * @param kanjiFragment    part of the kanji name as a {@link TextNormalizer#forKey text key} (spaces ignored)
 * @param birthDate        生年月日, exact
 * @param addressFragment  part of 住所, 方書, 送付先住所 or 送付先方書 as a text key
 * @param numbers          free-text numbers: each must be the 宛名番号 or the 申請書管理番号 (or, if it reads as a
 *                         date such as 19400302, the birth date) of the subject
 * @param nameOrAddress    free-text fragments: each must occur in the kanji name or in the addresses
 */
public record SubjectQuery(String managementNumber, String addressNumber, String kanaPrefix, String kanjiFragment,
		LocalDate birthDate, String addressFragment, List<String> numbers, List<String> nameOrAddress) {

	/** The longest text one criterion (or the search box) may have: a search, not a document. */
	public static final int MAX_LENGTH = 200;
	/** The most words the search box may combine. */
	public static final int MAX_WORDS = 10;

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");
	private static final Pattern ALNUM_WITH_DIGIT = Pattern.compile("(?=.*[0-9])[0-9A-Za-z]+");

	/** Values are normalised again, so records built by hand compare equal to parsed ones. */
	public SubjectQuery {
		managementNumber = blankToNull(ManagementNumber.normalize(managementNumber));
		addressNumber = blankToNull(AddressNumber.normalize(addressNumber));
		kanaPrefix = blankToNull(Kana.searchKey(kanaPrefix));
		kanjiFragment = blankToNull(TextNormalizer.forKey(kanjiFragment));
		addressFragment = blankToNull(TextNormalizer.forKey(addressFragment));
		numbers = numbers == null ? List.of()
				: numbers.stream().map(ManagementNumber::normalize).filter(s -> !s.isEmpty()).toList();
		nameOrAddress = nameOrAddress == null ? List.of()
				: nameOrAddress.stream().map(TextNormalizer::forKey).filter(s -> !s.isEmpty()).toList();
	}

	/** A query with no criteria; {@link SubjectLookup} refuses to run it. */
	public static final SubjectQuery EMPTY = new SubjectQuery(null, null, null, null, null, null, List.of(), List.of());

	/**
	 * Builds a query from separately entered fields, as typed by an agent or passed to the API. Blank fields are
	 * ignored.
	 *
	 * @throws InvalidInputException naming the field: a 宛名番号 or 申請書管理番号 that is not one (see
	 *                               {@link AddressNumber}, {@link ManagementNumber}), a kana name that is not kana, a
	 *                               birth date that cannot be read, a control character, a text over
	 *                               {@value #MAX_LENGTH} characters
	 */
	public static SubjectQuery ofFields(String managementNumber, String addressNumber, String kana, String kanji,
			String birthDate, String address) {
		checked("申請書管理番号", managementNumber, true);
		checked("宛名番号", addressNumber, true);
		checked("氏名カナ", kana, false);
		checked("氏名", kanji, false);
		checked("生年月日", birthDate, false);
		checked("住所", address, false);
		String number = blank(addressNumber) ? "" : AddressNumber.parse(addressNumber).value();
		String management = blank(managementNumber) ? "" : ManagementNumber.parse(managementNumber).value();
		if (!blank(kana) && !Kana.isKanaName(kana)) {
			throw new InvalidInputException("氏名カナ", "氏名カナはカナで入力してください");
		}
		LocalDate date = null;
		if (!blank(birthDate)) {
			try {
				date = JapaneseDates.parse(birthDate);
			} catch (IllegalArgumentException e) {
				throw new InvalidInputException("生年月日", "生年月日: " + e.getMessage()); // the date parser's Japanese reason
			}
		}
		return new SubjectQuery(management, number, kana, kanji, date, address, List.of(), List.of());
	}

	/**
	 * Refuses a criterion no search needs and no database should see: over {@value #MAX_LENGTH} characters, or with a
	 * control character (NUL, ESC …). Where a scanner may type (the search box, the two numbers) its line end or TAB
	 * is only a separator.
	 */
	private static void checked(String field, String text, boolean scanned) {
		if (text == null) {
			return;
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInputException(field, field + "が長すぎます（" + MAX_LENGTH + "文字まで）");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (ControlCharacters.isControl(c) && !(scanned && (c == '\r' || c == '\n' || c == '\t'))) {
				throw new InvalidInputException(field, field + "に制御文字（" + ControlCharacters.name(c) + "）が含まれています。"
						+ "文字だけで入力してください");
			}
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/**
	 * Reads the single search box: the words of {@code text} (separated by spaces) are classified one by one and
	 * combined with AND.
	 * <ul>
	 * <li>digits (宛名番号 or a scanned/typed 申請書管理番号; 19400302 also as a birth date) → {@link #numbers}</li>
	 * <li>a date in western or era form (1940/3/2, S15.3.2, 昭和15年3月2日) → {@link #birthDate}</li>
	 * <li>letters and digits (A0012345, *A0012345* from a Code 39 scanner) → {@link #managementNumber}</li>
	 * <li>kana (full or half width, hiragana; kana words are joined, as the key has no spaces: タナカ タ → タナカタ) → {@link #kanaPrefix}</li>
	 * <li>anything else → {@link #nameOrAddress}: part of the kanji name or of an address</li>
	 * </ul>
	 * Scanner line ends (CR, LF, TAB) are ignored. Null or blank gives {@link #EMPTY}.
	 *
	 * @throws InvalidInputException if two different birth dates or management numbers are given, the text holds a
	 *                               control character other than a scanner's line end, or it is over
	 *                               {@value #MAX_LENGTH} characters or {@value #MAX_WORDS} words
	 */
	public static SubjectQuery parse(String text) {
		if (text == null || text.isBlank()) {
			return EMPTY;
		}
		checked("検索語", text, true);
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u3000', ' ').strip();
		if (s.split("\\s+").length > MAX_WORDS) {
			throw new InvalidInputException("検索語", "検索語が多すぎます（" + MAX_WORDS + "語まで）。条件を絞ってください");
		}
		String management = null;
		LocalDate birth = null;
		var kana = new StringBuilder();
		var numbers = new ArrayList<String>();
		var fragments = new ArrayList<String>();
		for (String word : s.split("\\s+")) {
			String token = ManagementNumber.withoutScannerFrame(word);
			if (token.isEmpty()) {
				continue;
			}
			if (DIGITS.matcher(token).matches()) {
				numbers.add(token);
			} else if (JapaneseDates.tryParse(token) != null) {
				LocalDate d = JapaneseDates.tryParse(token);
				if (birth != null && !birth.equals(d)) {
					throw new InvalidInputException("検索語", "生年月日が2つ入力されています");
				}
				birth = d;
			} else if (ALNUM_WITH_DIGIT.matcher(token).matches()) {
				String m = ManagementNumber.normalize(token);
				if (management != null && !management.equals(m)) {
					throw new InvalidInputException("検索語", "申請書管理番号が2つ入力されています");
				}
				management = m;
			} else if (Kana.isKanaName(token)) {
				kana.append(token);
			} else {
				fragments.add(token);
			}
		}
		return new SubjectQuery(management, null, kana.toString(), null, birth, null, numbers, fragments);
	}

	/**
	 * This query with the criteria of {@code other} added (a search box and separate fields used together).
	 *
	 * @throws InvalidInputException if both give a different value for the same single-valued criterion
	 */
	public SubjectQuery and(SubjectQuery other) {
		var numbers = new ArrayList<>(this.numbers);
		numbers.addAll(other.numbers);
		var fragments = new ArrayList<>(this.nameOrAddress);
		fragments.addAll(other.nameOrAddress);
		return new SubjectQuery(
				merge(managementNumber, other.managementNumber, "申請書管理番号"),
				merge(addressNumber, other.addressNumber, "宛名番号"),
				merge(kanaPrefix, other.kanaPrefix, "氏名カナ"),
				merge(kanjiFragment, other.kanjiFragment, "氏名"),
				merge(birthDate, other.birthDate, "生年月日"),
				merge(addressFragment, other.addressFragment, "住所"),
				numbers, fragments);
	}

	/** True if no criterion is given. */
	public boolean isEmpty() {
		return managementNumber == null && addressNumber == null && kanaPrefix == null && kanjiFragment == null
				&& birthDate == null && addressFragment == null && numbers.isEmpty() && nameOrAddress.isEmpty();
	}

	/**
	 * The criteria as one line for the audit trail (never for the application log: it holds personal data), e.g.
	 * {@code kana=タナカ; birthDate=1940-03-02}.
	 */
	public String describe() {
		var j = new StringJoiner("; ");
		add(j, "managementNumber", managementNumber);
		add(j, "addressNumber", addressNumber);
		add(j, "kana", kanaPrefix);
		add(j, "kanji", kanjiFragment);
		add(j, "birthDate", birthDate);
		add(j, "address", addressFragment);
		numbers.forEach(n -> add(j, "number", n));
		nameOrAddress.forEach(f -> add(j, "nameOrAddress", f));
		return j.toString();
	}


	private static <T> T merge(T a, T b, String label) {
		if (a != null && b != null && !a.equals(b)) {
			throw new InvalidInputException(label, label + "が2つの異なる値で指定されています");
		}
		return a != null ? a : b;
	}

	private static void add(StringJoiner j, String key, Object value) {
		if (value != null) {
			j.add(key + "=" + value);
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}
}
