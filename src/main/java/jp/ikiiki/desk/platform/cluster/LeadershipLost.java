package jp.ikiiki.desk.platform.cluster;

/**
 * This node is no longer the leader: it stops leader-only work at once (its advisory lock may already be another
 * node's).
 *
 * @param node   this node's name
 * @param reason why, in English for the log ("database connection lost", "stopping")
 */
public record LeadershipLost(String node, String reason) {
}
