package jp.ikiiki.desk.mailings;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One mailing batch with its counts. Pulled-out envelopes are in {@link #pulled()} and in no other count.
 *
 * @param id           batch id
 * @param kind         {@link MailingKind#code()}
 * @param kindLabel    the kind's Japanese name
 * @param title        the operator's title
 * @param status       where the batch is
 * @param bundleSize   envelopes per bundle
 * @param envelopes    envelopes to send (selected, not pulled out)
 * @param pulled       envelopes pulled out
 * @param excluded     subjects left out at selection
 * @param bundles      bundles
 * @param bundlesWritten bundles whose print files are in place
 * @param createdBy    who created it
 * @param createdAt    when
 * @param dispatchedOn 発送日; null until dispatched
 */
public record BatchSummary(long id, String kind, String kindLabel, String title, Status status, int bundleSize,
		int envelopes, int pulled, int excluded, int bundles, int bundlesWritten, String createdBy,
		OffsetDateTime createdAt, LocalDate dispatchedOn) {

	/** A batch's life: created, selected, print files written, handed to the post office. */
	public enum Status {
		NEW("作成済"), SELECTED("抽出済"), PRINTED("印刷ファイル作成済"), DISPATCHED("発送済");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
