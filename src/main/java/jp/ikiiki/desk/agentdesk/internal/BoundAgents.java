package jp.ikiiki.desk.agentdesk.internal;

import java.util.HashMap;
import java.util.Map;
import jp.ikiiki.desk.telephony.MemberAgents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells telephony (the wallboard) which agent is bound to which phone of a queue. */
@Component
class BoundAgents implements MemberAgents {

	private final JdbcClient jdbc;

	BoundAgents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> agentsByMember(String queue) {
		Map<String, String> agents = new HashMap<>();
		jdbc.sql("select member_interface, username from agent_binding where queue = :q").param("q", queue)
				.query(rs -> {
					agents.put(rs.getString(1), rs.getString(2));
				});
		return agents;
	}
}
