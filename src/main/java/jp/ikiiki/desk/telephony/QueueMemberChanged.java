package jp.ikiiki.desk.telephony;

/**
 * A queue member's state changed (or the member was added or removed: then {@code removed} says which).
 *
 * @param state   the member's state now (for a removed member, its last state)
 * @param removed whether the member left the queue
 */
public record QueueMemberChanged(QueueMemberState state, boolean removed) {
}
