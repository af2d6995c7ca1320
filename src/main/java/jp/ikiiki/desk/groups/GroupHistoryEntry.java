package jp.ikiiki.desk.groups;

import java.time.Instant;

/**
 * One step of a group's history.
 *
 * @param event   REGISTER_VERIFIED, REGISTERED, REJECTED, CHANGED, DELETED, STAMPS_ISSUED …
 * @param formId  the form that made it; null if none
 * @param summary what changed, without the representative's values
 */
public record GroupHistoryEntry(String event, Long formId, String actedBy, Instant actedAt, String summary) {
}
