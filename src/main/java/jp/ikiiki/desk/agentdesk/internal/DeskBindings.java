package jp.ikiiki.desk.agentdesk.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code agent_binding}. */
@Repository
class DeskBindings {

	private final JdbcClient jdbc;

	DeskBindings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<DeskBinding> of(String username) {
		return jdbc.sql("select * from agent_binding where username = :u").param("u", username)
				.query(DeskBindings::row).optional();
	}

	Optional<DeskBinding> atMember(String queue, String memberInterface) {
		return jdbc.sql("select * from agent_binding where queue = :q and member_interface = :m").param("q", queue)
				.param("m", memberInterface).query(DeskBindings::row).optional();
	}

	/** The agent bound to a member of any queue (a member interface is one phone). */
	Optional<DeskBinding> atInterface(String memberInterface) {
		return jdbc.sql("select * from agent_binding where member_interface = :m order by bound_at desc limit 1")
				.param("m", memberInterface).query(DeskBindings::row).optional();
	}

	List<DeskBinding> all() {
		return jdbc.sql("select * from agent_binding order by username").query(DeskBindings::row).list();
	}

	void bind(String username, String queue, String memberInterface) {
		jdbc.sql("""
				insert into agent_binding (username, queue, member_interface) values (:u, :q, :m)
				on conflict (username) do update set queue = excluded.queue, member_interface = excluded.member_interface,
				       bound_at = now()
				""").param("u", username).param("q", queue).param("m", memberInterface).update();
	}

	boolean release(String username) {
		return jdbc.sql("delete from agent_binding where username = :u").param("u", username).update() == 1;
	}

	private static DeskBinding row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DeskBinding(rs.getString("username"), rs.getString("queue"), rs.getString("member_interface"),
				rs.getObject("bound_at", OffsetDateTime.class).toInstant());
	}
}
