package jp.ikiiki.desk.agentdesk;

import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;

/**
 * What the agent has filled in on the desk for one open entry: saved as a draft as it changes
 * ({@link AgentDesk#saveDraft}), and checked and written into the entry when the agent closes it
 * ({@link AgentDesk#close}).
 *
 * @param subjectId          宛名番号 of the subject linked, or null when the caller is not (or not yet) a subject
 * @param callerKind         who called; {@link CallerKind#SUBJECT} is implied when a subject is linked and this is null
 * @param categoryId         the inquiry category, or null (required to close)
 * @param note               the note, never null (may be blank; at most {@value #MAX_NOTE} characters)
 * @param manualEntryId      the answer-manual entry used, or null
 * @param manualEntryVersion its version (required with the entry)
 * @param outcome            how the agent means to close it, or null (required to close)
 */
public record CallLogDraft(String subjectId, CallerKind callerKind, Long categoryId, String note, Long manualEntryId,
		Integer manualEntryVersion, Outcome outcome) {

	/** The longest note. */
	public static final int MAX_NOTE = 4000;

	/** Nothing filled in. */
	public static final CallLogDraft EMPTY = new CallLogDraft(null, null, null, "", null, null, null);

	public CallLogDraft {
		note = note == null ? "" : note;
	}

	/** True when nothing is filled in: leaving the entry loses nothing. */
	public boolean blank() {
		return subjectId == null && callerKind == null && categoryId == null && note.isBlank() && manualEntryId == null
				&& outcome == null;
	}

	public CallLogDraft withSubject(String subject, CallerKind kind) {
		return new CallLogDraft(subject, kind, categoryId, note, manualEntryId, manualEntryVersion, outcome);
	}

	public CallLogDraft withCategory(Long category) {
		return new CallLogDraft(subjectId, callerKind, category, note, manualEntryId, manualEntryVersion, outcome);
	}

	public CallLogDraft withNote(String text) {
		return new CallLogDraft(subjectId, callerKind, categoryId, text, manualEntryId, manualEntryVersion, outcome);
	}

	public CallLogDraft withManualEntry(Long entry, Integer version) {
		return new CallLogDraft(subjectId, callerKind, categoryId, note, entry, version, outcome);
	}

	public CallLogDraft withOutcome(Outcome chosen) {
		return new CallLogDraft(subjectId, callerKind, categoryId, note, manualEntryId, manualEntryVersion, chosen);
	}
}
