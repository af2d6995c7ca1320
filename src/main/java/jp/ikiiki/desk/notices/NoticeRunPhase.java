package jp.ikiiki.desk.notices;

/** Where a notice run is: the phases of a running run in their order, then {@link #FINISHED}. */
public enum NoticeRunPhase {
	/** Reading the year's verified booklets not yet notified and the predecessor's carried-over years. */
	SELECTING,
	/** Making the mailing batches and selecting their envelopes (deceased, moved out … left out). */
	BATCHING,
	/** Writing the 獲得ポイント通知一覧 for the city. */
	LISTING,
	/** Recording the booklets taken and the run's result, in one transaction. */
	RECORDING,
	/** Done or failed. */
	FINISHED
}
