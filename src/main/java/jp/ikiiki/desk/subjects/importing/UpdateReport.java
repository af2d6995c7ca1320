package jp.ikiiki.desk.subjects.importing;

import jp.ikiiki.desk.shared.JapanTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * The システム更新結果報告書 (第9章1(2)) of one import, as XLSX: 概要 (file, kind, who, when, status, counts),
 * 追加, 変更 (one line per changed field with before and after), 終了, 不備 (row, column, value, reason) and
 * 外字確認. Lists are streamed from the staging tables into SXSSF, so a report of 190,000 rows never sits in
 * memory.
 */
final class UpdateReport {
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(JapanTime.ZONE);
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd_HHmm").withZone(JapanTime.ZONE);

	/** What the 概要 sheet shows. */
	record Summary(long importId, SubjectFileKind kind, String fileName, String format, String charset, String sha256,
			String user, Instant startedAt, SubjectImportSummary.State status, boolean dryRun, boolean acceptValid,
			int rows, int added, int changed, int ended, int rejected, int flagged, int problemCount,
			ImportOutcome.Hold hold, String confirmedBy, Instant confirmedAt) {
	}

	/** A moment as the city reads it: 令和8年9月1日 10:31:05 (the report goes to the city, 第9章1(2)). */
	static String eraDateTime(Instant t) {
		return JapaneseDates.toEraKanji(t.atZone(JapanTime.ZONE).toLocalDate()) + " " + TIME.format(t);
	}

	private UpdateReport() {
	}

	/** File name of the report of an import. */
	static String fileName(long importId, SubjectFileKind kind, Instant startedAt) {
		return "システム更新結果報告書_" + kind.title() + "_" + importId + "_" + STAMP.format(startedAt) + ".xlsx";
	}

	/**
	 * Writes the report.
	 *
	 * @param stage the staging tables of the import, or null when the file could not be read (no lists then)
	 */
	static byte[] write(Summary s, ImportStage stage, List<ImportProblem> problems) {
		Path tmp = null;
		try (var book = new ReportWorkbook()) {
			var overview = book.table("概要", 24, 70).header("項目", "内容");
			overview.row("報告書", "システム更新結果報告書");
			overview.row("取込ID", s.importId());
			overview.row("ファイルの種類", s.kind().title());
			overview.row("ファイル名", s.fileName());
			overview.row("形式", s.format() == null ? "" : s.format() + (s.charset() == null ? "" : "（" + s.charset() + "）"));
			overview.row("SHA-256", s.sha256());
			overview.row("取込者", s.user());
			overview.row("取込日時", eraDateTime(s.startedAt()));
			overview.row("結果", s.status().label());
			if (s.confirmedBy() != null) {
				overview.row("大量終了の確認", s.confirmedBy() + "（" + eraDateTime(s.confirmedAt()) + "）");
			}
			if (s.hold() != null) {
				overview.row(s.status() == SubjectImportSummary.State.DRY_RUN ? "本取込で確認待ちになる理由" : "確認待ちの理由",
						String.join(" ", s.hold().reasons()));
				overview.row("確認に必要な終了人数", s.hold().ended());
			}
			overview.row("指定", (s.dryRun() ? "試行（変更しない）" : "本取込")
					+ (s.acceptValid() ? "・正常な行のみ取り込む" : "・不備があれば全体を中止"));
			overview.row("データ行数", s.rows());
			overview.row("追加", s.added());
			overview.row("変更", s.changed());
			overview.row("終了", s.ended());
			overview.row("不備（取込不可の行）", s.rejected());
			overview.row("外字確認（取込済み）", s.flagged());
			overview.row("不備・注意の件数", s.problemCount());
			if (s.status() != SubjectImportSummary.State.APPLIED) {
				overview.row("注記", "この取込では対象者データを変更していません。各シートは取り込んだ場合の内容です。");
			}

			var added = book.table("追加", 12, 16, 24, 28).header("行", "宛名番号", "氏名", "氏名カナ");
			var changed = book.table("変更", 12, 16, 24, 30, 40, 40).header("行", "宛名番号", "氏名", "項目", "変更前", "変更後");
			var ended = book.table("終了", 16, 24).header("宛名番号", "氏名");
			if (stage != null) {
				stage.added(rs -> added.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
				stage.changes(rs -> changed.row(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getString(5), rs.getString(6), rs.getString(7)));
				stage.ended(rs -> ended.row(rs.getString(1), rs.getString(2)));
			}
			var bad = book.table("不備", 10, 24, 30, 70, 10).header("行", "項目", "値", "理由", "種別");
			for (ImportProblem p : problems) {
				bad.row(p.row(), p.column(), p.value(), p.reason(), severityLabel(p.severity()));
			}
			var gaiji = book.table("外字確認", 10, 16, 24, 40, 16).header("行", "宛名番号", "項目", "値", "確認する文字");
			if (stage != null) {
				stage.gaiji(rs -> gaiji.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)));
			}
			// SXSSF spills to disk; the finished file goes through a temporary file too, not a growing array.
			tmp = Files.createTempFile("ikiiki-report", ".xlsx");
			try (OutputStream out = Files.newOutputStream(tmp)) {
				book.write(out);
			}
			return Files.readAllBytes(tmp);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			if (tmp != null) {
				try {
					Files.deleteIfExists(tmp);
				} catch (IOException ignored) {
					// a temporary file of the report only; the OS cleans its temp directory
				}
			}
		}
	}

	/** The problem list alone as XLSX (download from the history). */
	static byte[] problemsXlsx(List<ImportProblem> problems) {
		try (var book = new ReportWorkbook()) {
			var bad = book.table("不備", 10, 24, 30, 70, 10).header("行", "項目", "値", "理由", "種別");
			for (ImportProblem p : problems) {
				bad.row(p.row(), p.column(), p.value(), p.reason(), severityLabel(p.severity()));
			}
			var out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	/** Columns of the history file (CSV and XLSX). */
	static final String[] HISTORY_HEADERS = {"取込ID", "開始", "終了", "種類", "ファイル名", "形式", "文字コード", "結果", "試行",
			"正常な行のみ", "行数", "追加", "変更", "終了人数", "不備", "外字確認", "不備・注意の件数", "取込者", "大量終了の確認者",
			"SHA-256"};

	/** One import as a row of the history file: numbers as numbers, times in 和暦 (the city reads it too). */
	static Object[] historyRow(SubjectImportSummary s) {
		return new Object[] {s.id(), eraDateTime(s.startedAt()),
				s.finishedAt() == null ? "" : eraDateTime(s.finishedAt()), s.kind().title(),
				s.fileName(), s.format(), s.charset(), s.status().label(), s.dryRun() ? "はい" : "", s.acceptValid() ? "はい" : "",
				s.rows(), s.added(), s.changed(), s.ended(), s.rejected(), s.flagged(), s.problemCount(), s.importedBy(),
				s.confirmedBy(), s.fileSha256()};
	}

	/** The history as XLSX. */
	static byte[] historyXlsx(List<SubjectImportSummary> imports) {
		try (var book = new ReportWorkbook()) {
			var table = book.table("取込履歴", 8, 16, 16, 20, 36, 6, 14, 28, 6, 10, 10, 8, 8, 8, 8, 8, 10, 14, 14, 66)
					.header(HISTORY_HEADERS);
			imports.forEach(s -> table.row(historyRow(s)));
			var out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	static String severityLabel(ImportProblem.Severity severity) {
		return switch (severity) {
			case ERROR -> "不備";
			case GAIJI -> "外字確認";
			case NOTICE -> "注意";
		};
	}
}
