package jp.ikiiki.desk.mailings;

import java.util.List;
import jp.ikiiki.desk.printing.UnprintableText;

/**
 * How a print-file run ended.
 *
 * @param outcome   DONE (every bundle written), CANCELLED (stopped between bundles; a restart goes on from
 *                  there), UNDECIDED (nothing written: characters await the city's decision)
 * @param written   bundles written by this run
 * @param skipped   bundles already written by an earlier run, not written again
 * @param undecided the undecided characters when UNDECIDED; empty otherwise
 */
public record PrintRun(Outcome outcome, int written, int skipped, List<UnprintableText> undecided) {

	public enum Outcome {
		DONE, CANCELLED, UNDECIDED
	}
}
