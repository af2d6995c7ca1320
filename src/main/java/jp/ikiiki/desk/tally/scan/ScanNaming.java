package jp.ikiiki.desk.tally.scan;

import jp.ikiiki.desk.tally.BookletKind;

/**
 * The names linked scans are kept under, which are the values of 別紙3 col 76 (手帳スキャンイメージファイル名) and col 77
 * (追加手帳スキャンイメージファイル名): {@code <business year>_<申請書管理番号>.pdf} for the main booklet and
 * {@code <business year>_<申請書管理番号>_T.pdf} (T: 追加) for the additional one, e.g. {@code 2025_K0012345.pdf} and
 * {@code 2025_K0012345_T.pdf}. ASCII only (letters, digits, underscore), so the names survive any archive or file
 * system the city uses; unique, because a year has one main and one additional booklet per subject. Files are kept
 * in one folder per business year.
 */
public final class ScanNaming {

	private ScanNaming() {
	}

	/** The file name of a booklet's scan. */
	public static String fileName(int businessYear, String managementNumber, BookletKind kind) {
		if (!managementNumber.matches("[0-9A-Z]{1,30}")) {
			throw new IllegalArgumentException("not a normalised 申請書管理番号");
		}
		return businessYear + "_" + managementNumber + (kind == BookletKind.ADDITIONAL ? "_T" : "") + ".pdf";
	}
}
