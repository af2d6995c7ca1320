package jp.ikiiki.desk.subjects.importing;

import jp.ikiiki.desk.subjects.SubjectsProperties.ImportSettings;

/**
 * The limits a reader checks on each record while it streams (see {@link ImportSettings}).
 *
 * @param maxLineLength characters of one CSV record
 * @param maxCellLength characters of one cell
 * @param maxColumns    cells of one row
 */
record ReadLimits(int maxLineLength, int maxCellLength, int maxColumns) {

	static ReadLimits of(ImportSettings settings) {
		return new ReadLimits(settings.maxLineLength(), settings.maxCellLength(), settings.maxColumns());
	}

	LimitExceededException lineTooLong(long row) {
		return new LimitExceededException(row, "max-line-length", row + "行目が長すぎます（1行" + String.format("%,d", maxLineLength)
				+ "文字まで）。ファイルの形式が正しいか確認してください。取込は中止しました。");
	}

	LimitExceededException unclosedQuote(long row) {
		return new LimitExceededException(row, "max-line-length", row + "行目から始まる項目の引用符（\"）が閉じられていないため、"
				+ "1行（" + String.format("%,d", maxLineLength) + "文字）または1項目（" + String.format("%,d", maxCellLength)
				+ "文字）の上限を超えました。取込は中止しました。");
	}

	LimitExceededException cellTooLong(long row, int column) {
		return new LimitExceededException(row, "max-cell-length", row + "行目" + column + "列目の項目が長すぎます（1項目"
				+ String.format("%,d", maxCellLength) + "文字まで）。ファイルの形式が正しいか確認してください。取込は中止しました。");
	}

	LimitExceededException tooManyColumns(long row) {
		return new LimitExceededException(row, "max-columns", row + "行目の列が多すぎます（" + maxColumns
				+ "列まで。別紙2は33列、別紙3は54列または84列）。取込は中止しました。");
	}
}
