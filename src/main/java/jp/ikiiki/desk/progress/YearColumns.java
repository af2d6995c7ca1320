package jp.ikiiki.desk.progress;

import java.util.List;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * The 別紙3 columns that belong to a business year rather than to a person: 49 手帳作成日 to 84 備考 (booklet
 * receipt, points, cap, amount, scan file names, bank details, 引受番号). A year's values are a list of 36 texts, the
 * first being column 49; an empty text is an empty cell.
 */
public final class YearColumns {

	/** The first year column (手帳作成日). */
	public static final int FIRST = 49;
	/** The last year column (備考). */
	public static final int LAST = 84;
	/** How many. */
	public static final int COUNT = LAST - FIRST + 1;

	public static final int BOOKLET_MADE = 49;
	public static final int BOOKLET_RECEIVED = 50;
	public static final int ACCOUNT_RECEIVED = 51;
	public static final int DEFICIENCY_SENT = 52;
	public static final int PAYMENT_PLANNED = 53;
	public static final int TRANSFERRED = 54;
	public static final int FIRST_FIGURE = 55;
	public static final int CHECKUP_SUBTOTAL = 71;
	public static final int HEALTH_1P = 72;
	public static final int TOTAL = 73;
	public static final int CAP = 74;
	public static final int AMOUNT = 75;
	public static final int SCAN_FILE = 76;
	public static final int ADDITIONAL_SCAN_FILE = 77;
	public static final int BANK_CODE = 78;
	public static final int BANK_NAME = 79;
	public static final int BRANCH_CODE = 80;
	public static final int ACCOUNT_HOLDER = 81;
	public static final int ACCEPTANCE_NUMBER = 82;
	public static final int EXTRACTED = 83;
	public static final int NOTE = 84;

	private static final List<Column> COLUMNS = SubjectFileKind.PROGRESS.columns().subList(FIRST - 1, LAST);

	private YearColumns() {
	}

	/** Columns 49–84 of 別紙3, in order. */
	public static List<Column> columns() {
		return COLUMNS;
	}

	/** The 別紙3 column {@code number} (49–84). */
	public static Column column(int number) {
		return COLUMNS.get(index(number));
	}

	/** The position of column {@code number} in a year's values. */
	public static int index(int number) {
		if (number < FIRST || number > LAST) {
			throw new IllegalArgumentException("year columns are 49–84: " + number);
		}
		return number - FIRST;
	}
}
