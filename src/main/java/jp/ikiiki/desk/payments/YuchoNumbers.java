package jp.ikiiki.desk.payments;

import java.text.Normalizer;
import jp.ikiiki.desk.shared.InvalidInputException;

/**
 * ゆうちょ銀行's 記号・番号 of a 通常貯金 as the 全銀 format needs them (ゆうちょ銀行's published rule): bank 9900, branch
 * (店番) = the 2nd and 3rd digits of the 記号 followed by 8, type 普通, account number = the 番号 without its last
 * digit (which is 1), zero-padded to 7 digits. Example: 記号 14180, 番号 12345671 → 店番 418, 口座番号 1234567. A 記号
 * starting with 0 is a 振替口座, which is not accepted for a person's incentive.
 */
public final class YuchoNumbers {

	/** ゆうちょ銀行's institution code. */
	public static final String BANK_CODE = "9900";

	private YuchoNumbers() {
	}

	/**
	 * The converted account.
	 *
	 * @param branchCode    店番, 3 digits
	 * @param accountNumber 7 digits
	 */
	public record Converted(String branchCode, String accountNumber) {
	}

	/** The 記号 as keyed: 5 digits starting with 1 (full-width digits, spaces and hyphens tolerated). */
	public static String symbol(String text) {
		String s = digits(text);
		if (!s.matches("[0-9]{5}")) {
			throw new InvalidInputException("yuchoSymbol", "ゆうちょの記号は5桁の数字です");
		}
		if (s.charAt(0) == '0') {
			throw new InvalidInputException("yuchoSymbol", "記号が0で始まる振替口座は登録できません（通常貯金の記号は1で始まります）");
		}
		if (s.charAt(0) != '1') {
			throw new InvalidInputException("yuchoSymbol", "ゆうちょの通常貯金の記号は1で始まる5桁です");
		}
		return s;
	}

	/** The 番号 as keyed: up to 8 digits ending in 1. */
	public static String number(String text) {
		String n = digits(text);
		if (!n.matches("[0-9]{2,8}")) {
			throw new InvalidInputException("yuchoNumber", "ゆうちょの番号は8桁以内の数字です");
		}
		if (!n.endsWith("1")) {
			throw new InvalidInputException("yuchoNumber", "ゆうちょの通常貯金の番号は末尾が1です（番号 " + n + "）");
		}
		return n;
	}

	/** The branch and account number of a 記号・番号 (each checked as {@link #symbol} and {@link #number} do). */
	public static Converted convert(String symbolText, String numberText) {
		String s = symbol(symbolText);
		String n = number(numberText);
		String account = n.substring(0, n.length() - 1);
		account = "0".repeat(7 - account.length()) + account;
		return new Converted(s.substring(1, 3) + "8", account);
	}

	static String digits(String text) {
		if (text == null) {
			return "";
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\-‐－ー]", "");
	}
}
