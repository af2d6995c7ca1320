package jp.ikiiki.desk.subjects;

import java.io.InputStream;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Imports the city's subject files (CSV in Windows-31J or UTF-8 with or without BOM, or XLSX), validating
 * every row, upserting by 宛名番号 and producing the システム更新結果報告書. All-or-nothing unless
 * {@link ImportOptions#acceptValid()}; importing the same file twice changes nothing the second time.
 *
 * <p>One import of a kind runs at a time (a second one is refused with a {@link jp.ikiiki.desk.shared.StateConflictException}
 * naming who is importing what since when). A full file that would end too many subjects is held (see
 * {@link SubjectsProperties.Guard}); a floor manager applies it with {@link #confirm}, naming the number of
 * subjects it ends.
 */
public interface SubjectImports {

	/**
	 * Imports a file. OPERATOR.
	 *
	 * @param kind     which file (別紙2 or 別紙3)
	 * @param fileName the original file name (its extension decides CSV or XLSX); recorded in the history and audit
	 * @param content  the file; read once, streamed, not closed by this method
	 * @param options  dry run / accept valid rows
	 * @param channel  the screen or API call the import came from, for the audit trail (e.g. {@code 画面:対象者データ取込},
	 *                 {@code POST /api/imports/subjects})
	 * @return the outcome; never null. A file that cannot be read (wrong header, unknown encoding) yields BLOCKED or
	 *         WRONG_KIND with a problem on row 1 rather than an exception
	 * @throws jp.ikiiki.desk.shared.StateConflictException if an import of the same kind is running
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  if the file exceeds a limit (size, line length, columns,
	 *                                                      rows, cell length); the attempt is recorded as FAILED
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	ImportOutcome importFile(SubjectFileKind kind, String fileName, InputStream content, ImportOptions options,
			String channel);

	/** {@link #importFile(SubjectFileKind, String, InputStream, ImportOptions, String)} from the import screen. OPERATOR. */
	@PreAuthorize("hasRole('OPERATOR')")
	default ImportOutcome importFile(SubjectFileKind kind, String fileName, InputStream content, ImportOptions options) {
		return importFile(kind, fileName, content, options, "画面:対象者データ取込");
	}

	/**
	 * Applies a held import: the stored file is imported again and applied if it still ends exactly
	 * {@code confirmEnded} subjects. FLOOR_MANAGER. Audited with the confirmer.
	 *
	 * @param importId     a HELD import
	 * @param confirmEnded the number of subjects the person confirms will end, as the hold stated it
	 * @return the outcome of the import (APPLIED)
	 * @throws jp.ikiiki.desk.shared.NotFoundException      no such import
	 * @throws jp.ikiiki.desk.shared.StateConflictException the import is not held (any more), another import of the
	 *                                                      kind is running, or the subjects changed since the hold
	 *                                                      so that it now ends a different number (the hold is
	 *                                                      updated to it; confirm again)
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  {@code confirmEnded} is not the number the hold states
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	ImportOutcome confirm(long importId, int confirmEnded, String channel);

	/**
	 * Withdraws a held import: it will never be applied and its stored file is deleted. OPERATOR or FLOOR_MANAGER.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException      no such import
	 * @throws jp.ikiiki.desk.shared.StateConflictException the import is not held
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void withdraw(long importId, String channel);
}
