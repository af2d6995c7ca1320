package jp.ikiiki.desk.subjects.importing;

import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.ImportProblem.Severity;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * Checks the header row against the 別紙: the columns must be exactly those of the contract, in its order
 * (compared with {@link Column#canonicalHeader}, so spacing and width variants pass). 別紙3 may come with the
 * city's 54 columns only or with all 84. Trailing blank header cells are ignored.
 */
final class HeaderCheck {

	/**
	 * @param width    how many columns the file has (33; 54 or 84 for 別紙3), or 0 if the header is wrong
	 * @param problems one problem on row 1 per wrong, missing or extra column
	 */
	record Result(int width, List<ImportProblem> problems) {
		boolean ok() {
			return problems.isEmpty();
		}
	}

	static final int PROGRESS_CITY_COLUMNS = 54;

	private HeaderCheck() {
	}

	/**
	 * The other city file whose header this is, if it is exactly that: a 別紙2 file chosen as 別紙3, say. Then the
	 * problem to show is the kind, not thirty wrong column names.
	 */
	static java.util.Optional<SubjectFileKind> otherKind(SubjectFileKind chosen, SourceRow header) {
		for (SubjectFileKind other : SubjectFileKind.values()) {
			if (other != chosen && check(other, header).ok()) {
				return java.util.Optional.of(other);
			}
		}
		return java.util.Optional.empty();
	}

	/** The problem on row 1 of a file of the other kind. */
	static ImportProblem wrongKind(SubjectFileKind chosen, SubjectFileKind found) {
		return new ImportProblem(1, null, "", "このファイルは「" + found.title() + "」（" + found.annex() + "）の見出しです。「"
				+ chosen.title() + "」（" + chosen.annex() + "）として取り込むことはできません。ファイルの種類で「" + found.title()
				+ "」を選んでやり直してください。", Severity.ERROR);
	}

	static Result check(SubjectFileKind kind, SourceRow header) {
		List<String> cells = new ArrayList<>(header.cells());
		while (!cells.isEmpty() && (cells.get(cells.size() - 1) == null || cells.get(cells.size() - 1).isBlank())) {
			cells.remove(cells.size() - 1);
		}
		List<Column> columns = kind.columns();
		int width = columns.size();
		if (kind == SubjectFileKind.PROGRESS && cells.size() <= PROGRESS_CITY_COLUMNS) {
			width = PROGRESS_CITY_COLUMNS;
		}
		List<ImportProblem> problems = new ArrayList<>();
		String allowed = kind == SubjectFileKind.PROGRESS ? "（" + kind.title() + "は54列または84列）"
				: "（" + kind.title() + "は" + columns.size() + "列）";
		for (int i = 0; i < Math.min(cells.size(), width); i++) {
			Column expected = columns.get(i);
			String found = cells.get(i) == null ? "" : cells.get(i);
			if (!Column.canonicalHeader(found).equals(Column.canonicalHeader(expected.header()))) {
				problems.add(new ImportProblem(1, expected.header(), found, (i + 1) + "列目の見出しは「" + expected.header()
						+ "」のはずですが「" + found + "」です。別紙の列の順に並べてください。", Severity.ERROR));
			}
		}
		for (int i = cells.size(); i < width; i++) {
			Column missing = columns.get(i);
			problems.add(new ImportProblem(1, missing.header(), "", (i + 1) + "列目「" + missing.header() + "」がありません"
					+ allowed + "。", Severity.ERROR));
		}
		for (int i = width; i < cells.size(); i++) {
			problems.add(new ImportProblem(1, cells.get(i), cells.get(i), (i + 1) + "列目「" + cells.get(i)
					+ "」は余分な列です" + allowed + "。", Severity.ERROR));
		}
		return new Result(problems.isEmpty() ? width : 0, List.copyOf(problems));
	}
}
