package jp.ikiiki.desk.progress.internal;

import java.util.List;
import jp.ikiiki.desk.progress.ProgressYear.Source;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.BookletReceived;
import jp.ikiiki.desk.tally.PointsVerified;
import jp.ikiiki.desk.tally.ProgressFigures;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the tally's work in the person's progress record of the booklet's year: the receipt date (col 50) when a
 * booklet is received, and columns 55–75 as the tally derived them from the verified keying when a booklet is
 * verified (never typed), with the booklet's scan file name (col 76 main, 77 additional). Runs after the tally's
 * transaction commits, from the event publication registry (so an
 * event is retried after a crash). Events of one person may arrive out of order: figures over fewer verified
 * booklets than those already recorded are older and are not written.
 */
@Component
class TallyListener {

	private final ProgressStore store;
	private final BookletReceipts booklets;

	TallyListener(ProgressStore store, BookletReceipts booklets) {
		this.store = store;
		this.booklets = booklets;
	}

	@ApplicationModuleListener
	void on(BookletReceived event) {
		store.change(event.addressNumber(), event.businessYear(), Source.SYSTEM, v -> {
			int i = YearColumns.index(YearColumns.BOOKLET_RECEIVED);
			// 手帳受付日 is the main booklet's; an additional booklet's date fills it only when there is none.
			if (event.kind() == BookletKind.MAIN || v.get(i).isEmpty()) {
				v.set(i, event.receivedOn().toString());
			}
			return v;
		}, e -> new ProgressStore.Extra(Source.SYSTEM, e.tallyBooklets(), e.noticeSentOn(), e.paidOn()));
	}

	@ApplicationModuleListener
	void on(PointsVerified event) {
		int verified = event.year().verifiedBooklets();
		List<Integer> figures = new ProgressFigures(event.addressNumber(), event.businessYear(), event.year()).columns();
		// The scan is linked before keying (the keying screens show its page): its name is col 76 (main) or 77.
		String scanFile = CurrentUser.callAsSystem(() -> booklets.booklet(event.bookletId()), Roles.OPERATOR)
				.map(BookletSummary::scanFile).orElse(null);
		int scanColumn = event.kind() == BookletKind.MAIN ? YearColumns.SCAN_FILE : YearColumns.ADDITIONAL_SCAN_FILE;
		store.change(event.addressNumber(), event.businessYear(), Source.SYSTEM, v -> {
			if (scanFile != null) {
				v.set(YearColumns.index(scanColumn), scanFile);
			}
			if (verified < currentBooklets(event)) {
				return v;
			}
			for (int c = ProgressFigures.FIRST_COLUMN; c <= ProgressFigures.LAST_COLUMN; c++) {
				v.set(YearColumns.index(c), figures.get(c - ProgressFigures.FIRST_COLUMN).toString());
			}
			return v;
		}, e -> new ProgressStore.Extra(Source.SYSTEM, Math.max(e.tallyBooklets(), verified), e.noticeSentOn(),
				e.paidOn()));
	}

	private int currentBooklets(PointsVerified event) {
		return store.find(event.addressNumber(), event.businessYear()).map(p -> p.tallyBooklets()).orElse(0);
	}
}
