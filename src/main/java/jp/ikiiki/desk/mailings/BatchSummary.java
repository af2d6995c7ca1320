package jp.ikiiki.desk.mailings;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One mailing batch with its counts. Pulled-out envelopes are in {@link #pulled()} and in no other count.
 *
 * @param id             batch id
 * @param kind           {@link MailingKind#code()}
 * @param kindLabel      the kind's Japanese name
 * @param title          the operator's title
 * @param status         where the batch is
 * @param bundleSize     envelopes per bundle
 * @param envelopes      envelopes to send (selected, not pulled out)
 * @param pulled         envelopes pulled out
 * @param excluded       subjects left out at selection
 * @param bundles        bundles
 * @param bundlesWritten bundles whose print files are in place
 * @param undecided      fields awaiting the city's decision on characters when the last print run stopped for them
 *                       (第3章1); 0 once a run got past the check
 * @param createdBy      who created it (login name)
 * @param createdByName  who created it as people know them (the user's display name; the login name if the user is
 *                       no longer registered)
 * @param createdAt      when
 * @param dispatchedOn   発送日; null until dispatched
 * @param cancelReason   why it was withdrawn; null unless {@link BatchStatus#CANCELLED}
 */
public record BatchSummary(long id, String kind, String kindLabel, String title, BatchStatus status, int bundleSize,
		int envelopes, int pulled, int excluded, int bundles, int bundlesWritten, int undecided, String createdBy,
		String createdByName, OffsetDateTime createdAt, LocalDate dispatchedOn, String cancelReason) {

	/**
	 * True if a print run stopped part way (cancelled, or the application stopped): some bundles are written, some
	 * not. The next run goes on from the first bundle not written.
	 */
	public boolean printInterrupted() {
		return status == BatchStatus.SELECTED && bundlesWritten > 0 && bundlesWritten < bundles;
	}

	/** True if the last print run stopped because characters await the city's decision. */
	public boolean awaitingCharacterDecisions() {
		return undecided > 0 && (status == BatchStatus.SELECTED || status == BatchStatus.PRINTED);
	}
}
