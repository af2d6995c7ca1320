package jp.ikiiki.desk.subjects.importing;

/**
 * The file cannot be read on (broken encoding, unterminated quote, not a workbook). The import is blocked
 * whatever the options; the message is the Japanese reason shown to the operator.
 */
class UnreadableFileException extends RuntimeException {

	private final long row;

	UnreadableFileException(long row, String reason) {
		super(reason);
		this.row = row;
	}

	UnreadableFileException(long row, String reason, Throwable cause) {
		super(reason, cause);
		this.row = row;
	}

	/** The line or sheet row where reading failed (1 if unknown). */
	long row() {
		return row;
	}
}
