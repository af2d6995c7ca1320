package jp.ikiiki.desk.subjects;

import java.io.InputStream;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * Imports the city's subject files (CSV in Windows-31J or UTF-8 with or without BOM, or XLSX), validating
 * every row, upserting by 宛名番号 and producing the システム更新結果報告書. All-or-nothing unless
 * {@link ImportOptions#acceptValid()}; importing the same file twice changes nothing the second time.
 */
public interface SubjectImports {

	/**
	 * @param kind     which file (別紙2 or 別紙3)
	 * @param fileName the original file name (its extension decides CSV or XLSX); recorded in the history and audit
	 * @param content  the file; read once, streamed, not closed by this method
	 * @param options  dry run / accept valid rows
	 * @return the outcome; never null. A file that cannot be read at all (wrong header, unknown encoding)
	 *         yields BLOCKED with a problem on row 1 rather than an exception
	 */
	ImportOutcome importFile(SubjectFileKind kind, String fileName, InputStream content, ImportOptions options);

	/**
	 * As {@link #importFile(SubjectFileKind, String, InputStream, ImportOptions)}, naming the screen or API call
	 * the import came from in the audit trail (e.g. {@code 画面:対象者データ取込}, {@code POST /api/imports/subjects}).
	 * The default ignores the channel (test doubles); the real service overrides it.
	 */
	default ImportOutcome importFile(SubjectFileKind kind, String fileName, InputStream content, ImportOptions options,
			String channel) {
		return importFile(kind, fileName, content, options);
	}
}
