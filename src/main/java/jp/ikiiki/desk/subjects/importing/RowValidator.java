package jp.ikiiki.desk.subjects.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.Jis0208;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.ImportProblem.Severity;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.FieldType;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * Validates and normalises the data rows of one file, column by column (see {@link FieldRules}). Problems
 * name the row, the column, the value as found and the reason. Uniqueness of 宛名番号 across the file is
 * checked by the importer, which sees every row.
 */
final class RowValidator {

	/** Text columns copied into typed {@code varchar(100)} columns of {@code subject}. */
	private static final Map<String, Integer> MAX_LENGTH = Map.of("氏名カナ", 100, "氏名漢字", 100, "通称名漢字", 100);

	private final SubjectFileKind kind;
	private final FieldRules rules;
	private final int width;
	private final boolean csv;

	/**
	 * @param width the number of columns of the file's header (see {@link HeaderCheck})
	 * @param csv   whether rows come from CSV, where a short row means a broken record (XLSX leaves out blank
	 *              trailing cells, so a short XLSX row is padded with blanks)
	 */
	RowValidator(SubjectFileKind kind, FieldRules rules, int width, boolean csv) {
		this.kind = kind;
		this.rules = rules;
		this.width = width;
		this.csv = csv;
	}

	ValidatedRow validate(SourceRow source) {
		long row = source.row();
		List<String> cells = source.cells();
		List<ImportProblem> problems = new ArrayList<>();
		List<ValidatedRow.GaijiMark> gaiji = new ArrayList<>();
		List<Column> columns = kind.columns();
		String addressNumber = null;
		boolean systemValues = false;

		if (csv && cells.size() < width) {
			problems.add(new ImportProblem(row, null, "", "列の数が足りません（" + cells.size() + "列、見出しは" + width
					+ "列）。引用符や改行の誤りがないか確認してください。", Severity.ERROR));
		}
		for (int i = width; i < cells.size(); i++) {
			if (!blank(cells.get(i))) {
				problems.add(new ImportProblem(row, null, cells.get(i), (i + 1) + "列目に値がありますが、見出しは" + width
						+ "列です。", Severity.ERROR));
				break;
			}
		}

		Map<String, String> values = new LinkedHashMap<>(columns.size() * 2);
		for (Column column : columns) {
			int i = column.number() - 1;
			String raw = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
			int control = ControlCharacters.indexOf(raw);
			if (control >= 0) {
				// Checked on the cell as found, before trimming: a trailing line break is as wrong as one inside.
				problems.add(controlProblem(row, column, raw, control));
				values.put(column.header(), "");
				continue;
			}
			String value = raw.strip();
			if (column.owner() == Column.Owner.SYSTEM) {
				// 別紙3 55–84 belong to Ikiiki Desk; never taken from a file.
				systemValues |= i < width && !value.isEmpty();
				values.put(column.header(), "");
				continue;
			}
			if (value.isEmpty()) {
				if (column.required()) {
					problems.add(new ImportProblem(row, column.header(), raw, "必須の項目が空欄です", Severity.ERROR));
				}
				values.put(column.header(), "");
				continue;
			}
			String normalized;
			try {
				normalized = rules.normalize(column.type(), value);
			} catch (InvalidInputException e) {
				problems.add(new ImportProblem(row, column.header(), raw, e.reason(), Severity.ERROR));
				values.put(column.header(), "");
				continue;
			}
			Integer max = MAX_LENGTH.get(column.header());
			if (max != null && normalized.length() > max) {
				problems.add(new ImportProblem(row, column.header(), raw, "長すぎます（" + max + "文字まで）", Severity.ERROR));
				continue;
			}
			if (column.type() == FieldType.ADDRESS_NUMBER) {
				addressNumber = normalized;
			}
			if (column.type() == FieldType.TEXT || column.type() == FieldType.KANA) {
				String flagged = Jis0208.flagged(normalized);
				if (!flagged.isEmpty()) {
					gaiji.add(new ValidatedRow.GaijiMark(column.header(), normalized, flagged));
					problems.add(new ImportProblem(row, column.header(), raw, "外字確認が必要な文字があります: " + flagged
							+ "（取り込み、市の判断を待ちます）", Severity.GAIJI));
				}
			}
			values.put(column.header(), normalized);
		}
		boolean rejected = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
		return new ValidatedRow(row, addressNumber, rejected ? Map.of() : values, List.copyOf(problems),
				List.copyOf(gaiji), systemValues);
	}

	/**
	 * A control character in a cell (第3章1: what is printed must be text): ESC, BEL, TAB, a line break and the other
	 * C0/C1 controls reject the row whatever the file format. The value is shown with the character named.
	 */
	private static ImportProblem controlProblem(long row, Column column, String raw, int index) {
		char c = raw.charAt(index);
		String where = (index + 1) + "文字目";
		String reason = c == '\n' || c == '\r'
				? "項目の中に改行があります（" + where + "）。1つの項目は1行で入力してください"
				: "制御文字（" + ControlCharacters.name(c) + "）が含まれています（" + where + "）。削除してください";
		return new ImportProblem(row, column.header(), ControlCharacters.visible(raw), reason, Severity.ERROR);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
