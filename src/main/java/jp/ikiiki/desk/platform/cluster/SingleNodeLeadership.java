package jp.ikiiki.desk.platform.cluster;

/** One node on the database ({@code ikiiki.cluster.enabled=false}): it leads from its start. */
final class SingleNodeLeadership implements Leadership {

	private final String node;

	SingleNodeLeadership(String node) {
		this.node = node;
	}

	@Override
	public boolean isLeader() {
		return true;
	}

	@Override
	public String node() {
		return node;
	}
}
