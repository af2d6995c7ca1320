package jp.ikiiki.desk.agentdesk;

/**
 * What the agent filled in on the desk.
 *
 * @param subjectId          宛名番号 of the subject linked, or null when the caller is not (or not yet) a subject
 * @param callerKind         who called; {@link CallerKind#SUBJECT} is implied when a subject is linked and this is null
 * @param categoryId         the inquiry category, or null (required to close)
 * @param note               the note, may be blank
 * @param manualEntryId      the answer-manual entry used, or null
 * @param manualEntryVersion its version (required with the entry)
 */
public record CallLogDraft(String subjectId, CallerKind callerKind, Long categoryId, String note, Long manualEntryId,
		Integer manualEntryVersion) {

	/** Nothing filled in. */
	public static final CallLogDraft EMPTY = new CallLogDraft(null, null, null, "", null, null);
}
