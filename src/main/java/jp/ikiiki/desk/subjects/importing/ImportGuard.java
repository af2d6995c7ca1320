package jp.ikiiki.desk.subjects.importing;

import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectsProperties.Guard;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * The mass-ending guard (see {@link Guard}): whether a full file ends, or leaves out, so many of the active
 * subjects of its kind that a floor manager must confirm it before it is applied.
 */
final class ImportGuard {

	private final Guard settings;

	ImportGuard(Guard settings) {
		this.settings = settings;
	}

	/**
	 * @param ended     subjects the file would end
	 * @param active    subjects of the kind active before the file
	 * @param validRows the file's valid rows
	 * @return why the file is held, or null if it may be applied without confirmation
	 */
	ImportOutcome.Hold check(SubjectFileKind kind, int ended, int active, int validRows) {
		if (active <= 0) {
			return null; // a first file ends nobody and has nothing to be compared with
		}
		List<String> reasons = new ArrayList<>();
		if (ended > settings.tolerance() && ended > settings.maxEndedShare() * active) {
			reasons.add("このファイルを取り込むと、" + kind.title() + "の現在の対象者 " + n(active) + "人のうち " + n(ended) + "人（"
					+ percent((double) ended / active) + "）が「終了」になります。確認なしで終了にできるのは "
					+ percent(settings.maxEndedShare()) + " までです。");
		}
		if (validRows < settings.minValidShare() * active && active - validRows > settings.tolerance()) {
			reasons.add("取り込める行が " + n(validRows) + "行で、現在の対象者 " + n(active) + "人の " + percent((double) validRows / active)
					+ " しかありません（" + percent(settings.minValidShare()) + " 以上のはずです）。ファイルが途中までしかないか、"
					+ "別のファイルではありませんか。");
		}
		return reasons.isEmpty() ? null : new ImportOutcome.Hold(ended, active, validRows, reasons);
	}

	private static String n(int value) {
		return String.format("%,d", value);
	}

	private static String percent(double share) {
		double p = share * 100;
		return (p == Math.rint(p) ? String.format("%.0f", p) : String.format("%.1f", p)) + "%";
	}
}
