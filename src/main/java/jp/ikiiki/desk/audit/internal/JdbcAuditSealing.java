package jp.ikiiki.desk.audit.internal;

import javax.sql.DataSource;
import jp.ikiiki.desk.audit.AuditSealing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcAuditSealing implements AuditSealing {

	private final JdbcClient jdbc;

	JdbcAuditSealing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Counts counts() {
		return jdbc.sql("select count(*) as entries, count(*) filter (where not values_erased) as readable from audit_event")
				.query((rs, n) -> new Counts(rs.getLong("entries"), rs.getLong("readable"))).single();
	}

	@Override
	public int destroySecrets(DataSource owner) {
		return JdbcClient.create(owner).sql("select audit_destroy_keys()").query(Integer.class).single();
	}
}
