package jp.ikiiki.desk.platform.cluster;

/**
 * Whether this node is the leader: the one node that holds the AMI connection and the line limit, runs the
 * schedulers and finishes or fails what a dead node left running. Changes are published as
 * {@link LeadershipGained} and {@link LeadershipLost} (on the leadership's own thread; listeners must not block).
 * <p>
 * With {@code ikiiki.cluster.enabled=false} (one node, the default) the node is the leader from its start and stays
 * it; no event is published.
 */
public interface Leadership {

	/** True while this node leads. A node that lost its database connection answers false at once. */
	boolean isLeader();

	/** This node's name ({@code ikiiki.cluster.node}), as recorded in {@code cluster_leader_term}. */
	String node();
}
