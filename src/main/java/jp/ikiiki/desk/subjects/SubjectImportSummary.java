package jp.ikiiki.desk.subjects;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * One entry of the import history: an attempt to import a city file and what came of it. Holds no personal
 * data (file name, counts, who and when).
 *
 * @param id           import id
 * @param kind         which file
 * @param fileName     the file name as uploaded
 * @param fileSha256   SHA-256 of the bytes received (hex), null if the upload could not be read
 * @param format       CSV or XLSX, null if not recognised
 * @param charset      the encoding of a CSV file (UTF-8, UTF-8 (BOM付き), Windows-31J), null for XLSX
 * @param rows         data rows read
 * @param status       what happened
 * @param dryRun       whether it was a dry run
 * @param acceptValid  whether valid rows were to be imported despite rejected ones
 * @param added        subjects added (or, when not applied, that would have been)
 * @param changed      subjects changed
 * @param ended        subjects ended (for a held import: the number its confirmation must carry)
 * @param rejected     rows rejected
 * @param flagged      rows imported with 外字 flags
 * @param problemCount problems found
 * @param importedBy   user name
 * @param startedAt    start
 * @param finishedAt   end, null while running
 * @param hasReport    whether a システム更新結果報告書 is stored
 * @param hold         why the mass-ending guard held the file (or, for a dry run, would hold it); null if not
 * @param confirmedBy  the floor manager who confirmed a held import, null otherwise
 * @param confirmedAt  when a held import was confirmed, null otherwise
 */
public record SubjectImportSummary(long id, SubjectFileKind kind, String fileName, String fileSha256, String format,
		String charset, int rows, State status, boolean dryRun, boolean acceptValid, int added, int changed, int ended,
		int rejected, int flagged, int problemCount, String importedBy, Instant startedAt, Instant finishedAt,
		boolean hasReport, ImportOutcome.Hold hold, String confirmedBy, Instant confirmedAt) {

	/**
	 * The state of an import attempt. Every change of state goes through {@link #canBecome}: an attempt starts
	 * RUNNING and ends in one of the outcomes; only a HELD attempt moves on, to APPLIED when a floor manager
	 * confirms it, WITHDRAWN when someone withdraws it, or SUPERSEDED when a later file of its kind is applied or
	 * held. Every other state is final.
	 */
	public enum State {
		RUNNING("実行中"),
		APPLIED("取込済み"),
		DRY_RUN("試行（変更なし）"),
		BLOCKED("不備のため中止（変更なし）"),
		WRONG_KIND("ファイルの種類違い（変更なし）"),
		HELD("確認待ち（大量終了・変更なし）"),
		WITHDRAWN("取り下げ（変更なし）"),
		SUPERSEDED("後の取込により無効（変更なし）"),
		FAILED("異常終了（変更なし）");

		private final String label;

		State(String label) {
			this.label = label;
		}

		/** Japanese label for screens and reports. */
		public String label() {
			return label;
		}

		/** Whether an attempt in this state may move to {@code next}. */
		public boolean canBecome(State next) {
			return switch (this) {
				case RUNNING -> next != RUNNING && next != WITHDRAWN && next != SUPERSEDED;
				case HELD -> next == APPLIED || next == WITHDRAWN || next == SUPERSEDED;
				default -> false;
			};
		}

		/** The states from which an attempt may move to {@code next}. */
		public static Set<State> before(State next) {
			Set<State> from = EnumSet.noneOf(State.class);
			for (State s : values()) {
				if (s.canBecome(next)) {
					from.add(s);
				}
			}
			return from;
		}

		/** Whether the attempt is over and nothing can follow. */
		public boolean isFinal() {
			return this != RUNNING && this != HELD;
		}

		/** The history state of an outcome. */
		public static State of(ImportOutcome.Status status) {
			return switch (status) {
				case APPLIED -> APPLIED;
				case DRY_RUN -> DRY_RUN;
				case BLOCKED -> BLOCKED;
				case WRONG_KIND -> WRONG_KIND;
				case HELD -> HELD;
			};
		}
	}
}
