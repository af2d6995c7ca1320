package jp.ikiiki.desk.security.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.security.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcUserDirectory implements UserDirectory {

	private final JdbcClient jdbc;

	JdbcUserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> displayNames(Collection<String> usernames) {
		Map<String, String> names = new HashMap<>();
		if (usernames == null || usernames.isEmpty()) {
			return names;
		}
		jdbc.sql("select username, display_name from app_user where username in (:names)")
				.param("names", List.copyOf(usernames))
				.query(rs -> {
					names.put(rs.getString(1), rs.getString(2));
				});
		return names;
	}
}
