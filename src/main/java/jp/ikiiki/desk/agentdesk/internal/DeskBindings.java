package jp.ikiiki.desk.agentdesk.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code agent_binding} (V13, V35). Only bindings of a running application instance count: a
 * binding of an instance not seen for the configured timeout is treated as ended even before the sweep deletes it.
 */
@Repository
class DeskBindings {

	private static final String LIVE = """
			select b.* from agent_binding b join desk_instance i on i.id = b.instance_id
			where i.seen_at > now() - cast(:timeout as interval)
			""";

	private final JdbcClient jdbc;
	private final DeskInstances instances;

	DeskBindings(JdbcClient jdbc, DeskInstances instances) {
		this.jdbc = jdbc;
		this.instances = instances;
	}

	Optional<DeskBinding> of(String username) {
		return jdbc.sql(LIVE + " and b.username = :u").param("timeout", timeout()).param("u", username)
				.query(DeskBindings::row).optional();
	}

	Optional<DeskBinding> atMember(String queue, String memberInterface) {
		return jdbc.sql(LIVE + " and b.queue = :q and b.member_interface = :m").param("timeout", timeout())
				.param("q", queue).param("m", memberInterface).query(DeskBindings::row).optional();
	}

	/** The agent bound to a member of any queue (a member interface is one phone). */
	Optional<DeskBinding> atInterface(String memberInterface) {
		return jdbc.sql(LIVE + " and b.member_interface = :m order by b.bound_at desc limit 1")
				.param("timeout", timeout()).param("m", memberInterface).query(DeskBindings::row).optional();
	}

	List<DeskBinding> all() {
		return jdbc.sql(LIVE + " order by b.username").param("timeout", timeout()).query(DeskBindings::row).list();
	}

	/**
	 * Binds the user for the session on this instance, replacing the user's earlier binding. Bindings of stopped
	 * instances are swept first, so that a phone left bound by a crashed instance can be taken.
	 */
	void bind(String username, String queue, String memberInterface, String sessionKey) {
		instances.sweep();
		jdbc.sql("""
				insert into agent_binding (username, queue, member_interface, session_key, instance_id)
				values (:u, :q, :m, :s, :i)
				on conflict (username) do update set queue = excluded.queue, member_interface = excluded.member_interface,
				       session_key = excluded.session_key, instance_id = excluded.instance_id, bound_at = now()
				""").param("u", username).param("q", queue).param("m", memberInterface).param("s", sessionKey)
				.param("i", instances.id()).update();
	}

	boolean release(String username) {
		return jdbc.sql("delete from agent_binding where username = :u").param("u", username).update() == 1;
	}

	/** Ends every binding the session made; returns them. */
	List<DeskBinding> endSession(String sessionKey) {
		return jdbc.sql("delete from agent_binding where session_key = :s returning *").param("s", sessionKey)
				.query(DeskBindings::row).list();
	}

	/** The session got a new id (Spring Security changes it at sign-in): its bindings follow. */
	void sessionRenamed(String oldKey, String newKey) {
		jdbc.sql("update agent_binding set session_key = :n where session_key = :o").param("o", oldKey)
				.param("n", newKey).update();
	}

	private String timeout() {
		Duration d = instances.timeout();
		return d.toMillis() + " milliseconds";
	}

	static DeskBinding row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DeskBinding(rs.getString("username"), rs.getString("queue"), rs.getString("member_interface"),
				rs.getObject("bound_at", OffsetDateTime.class).toInstant());
	}
}
