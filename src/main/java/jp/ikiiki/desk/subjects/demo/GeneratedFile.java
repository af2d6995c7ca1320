package jp.ikiiki.desk.subjects.demo;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * What {@link SubjectGenerator} wrote: the data-row count and the rows an import must reject or flag.
 *
 * @param kind     the file kind
 * @param format   the file format
 * @param rows     data rows written (the header is not counted)
 * @param problems every bad row's one defect, in row order
 * @param gaiji    every cell holding characters for 外字 review, in row order (bad rows included)
 */
public record GeneratedFile(SubjectFileKind kind, OutputFormat format, int rows, List<ExpectedProblem> problems,
		List<ExpectedGaiji> gaiji) {

	public GeneratedFile {
		problems = List.copyOf(problems);
		gaiji = List.copyOf(gaiji);
	}

	/** Line numbers (header = 1) of the bad rows. */
	public Set<Long> badRows() {
		var rows = new TreeSet<Long>();
		problems.forEach(p -> rows.add(p.row()));
		return rows;
	}

	/** Line numbers (header = 1) of the rows with 外字 characters. */
	public Set<Long> gaijiRows() {
		var rows = new TreeSet<Long>();
		gaiji.forEach(g -> rows.add(g.row()));
		return rows;
	}
}
