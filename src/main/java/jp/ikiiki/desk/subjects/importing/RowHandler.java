package jp.ikiiki.desk.subjects.importing;

/** Receives the records of a file in order, the header first. */
@FunctionalInterface
interface RowHandler {
	void row(SourceRow row);
}
