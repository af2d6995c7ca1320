package jp.ikiiki.desk.mailings;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One mailing to a person as the agent desk tells a caller about it ("when was my booklet sent?"): a batch of one
 * kind that held the person, and what became of the person's envelope in it.
 *
 * @param batchId          the batch
 * @param kind             {@link MailingKind#code()}
 * @param kindLabel        the kind's Japanese name (e.g. 手帳再交付)
 * @param batchTitle       the operator's title of the batch
 * @param batchStatus      where the batch is ({@link BatchStatus#SELECTED}, {@link BatchStatus#PRINTED} or
 *                         {@link BatchStatus#DISPATCHED}; withdrawn batches sent nothing and are not listed)
 * @param dispatchedOn     発送日 of the person's envelope; null unless {@link State#DISPATCHED}
 * @param registeredNumber 簡易書留 引受番号 as printed on the label (123-45-67890-1); null unless registered mail with a
 *                         number assigned
 * @param reissueNo        which reissue this is for the person (第4章4), 1 for the first; 0 if not a reissue
 * @param pulledAt         when the envelope was pulled out (引抜); null unless {@link State#PULLED_OUT}
 * @param pullReason       why it was pulled out; null unless {@link State#PULLED_OUT}
 */
public record SubjectMailing(long batchId, String kind, String kindLabel, String batchTitle, BatchStatus batchStatus,
		LocalDate dispatchedOn, String registeredNumber, int reissueNo, Instant pulledAt, String pullReason) {

	/** What became of the person's envelope. */
	public enum State {
		/** In a batch selected or printed, not handed to the post office yet. */
		PREPARING("発送準備中"),
		/** Handed to the post office on {@link #dispatchedOn()}. */
		DISPATCHED("発送済"),
		/** Pulled out of its batch before dispatch: not sent. */
		PULLED_OUT("引抜（未発送）");

		private final String label;

		State(String label) {
			this.label = label;
		}

		/** Japanese name shown to agents. */
		public String label() {
			return label;
		}
	}

	public State state() {
		if (pulledAt != null) {
			return State.PULLED_OUT;
		}
		return dispatchedOn != null ? State.DISPATCHED : State.PREPARING;
	}
}
