package jp.ikiiki.desk.architecture.ui;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the architecture rule must refuse: a view (in a {@code ui} package) with SQL of its own. Test fixture only. */
public class ViewWithSql {

	private final JdbcClient jdbc;

	public ViewWithSql(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long count() {
		return jdbc.sql("select count(*) from subject").query(Long.class).single();
	}
}
