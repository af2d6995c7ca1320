package jp.ikiiki.desk.subjects.importing;

/**
 * A file beyond one of the configured limits (size, record length, cell length, columns, rows, unpacked XLSX
 * parts), noticed while it streams in: reading stops at once and nothing is imported. The message is the Japanese
 * reason naming the row and the limit.
 */
final class LimitExceededException extends RuntimeException {

	private final long row;
	private final String limit;

	/**
	 * @param row    the line or sheet row where the limit was passed (header = 1), or 0 for the file as a whole
	 * @param limit  which limit, as its configuration key under {@code ikiiki.subjects.import}
	 * @param reason the Japanese reason
	 */
	LimitExceededException(long row, String limit, String reason) {
		super(reason, null, false, false);
		this.row = row;
		this.limit = limit;
	}

	long row() {
		return row;
	}

	String limit() {
		return limit;
	}
}
