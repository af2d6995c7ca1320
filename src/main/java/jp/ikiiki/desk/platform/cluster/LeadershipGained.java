package jp.ikiiki.desk.platform.cluster;

import java.time.Instant;

/**
 * This node has become the leader.
 *
 * @param node             this node's name
 * @param previousNode     the node that led before, null when none is recorded
 * @param previousLastSeen when the previous leader last proved it was alive (its last heartbeat, UTC), null when
 *                         none is recorded or it handed over cleanly; work that only the leader does (telephony
 *                         data) is missing from then on
 */
public record LeadershipGained(String node, String previousNode, Instant previousLastSeen) {
}
