package jp.ikiiki.desk.security.internal;

import java.util.List;
import jp.ikiiki.desk.platform.DemoMode;
import jp.ikiiki.desk.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode only ({@link DemoMode}): the demo users, one per role and a second operator ({@code verifier}, so that
 * a booklet's entry and verify can be keyed by two people), password {@code demo}. Only users that
 * do not exist yet are created; an existing user of that name is left exactly as it is.
 */
@Component
@Order(10)
class DemoUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	static final String PASSWORD = "demo";

	record DemoUser(String username, String displayName, String role) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("agent", "オペレーター 一郎", Roles.AGENT),
			new DemoUser("manager", "現場責任者 二郎", Roles.FLOOR_MANAGER),
			new DemoUser("operator", "事務担当 三郎", Roles.OPERATOR),
			new DemoUser("verifier", "事務担当 五郎（ベリファイ）", Roles.OPERATOR),
			new DemoUser("city", "広島市 職員", Roles.CITY_STAFF),
			new DemoUser("security", "情報管理責任者 四郎", Roles.SECURITY_ADMIN));

	private final DemoMode demoMode;
	private final JdbcClient jdbc;
	private final PasswordEncoder passwordEncoder;
	private final TransactionTemplate transactions;

	DemoUsers(DemoMode demoMode, JdbcClient jdbc, PasswordEncoder passwordEncoder, TransactionTemplate transactions) {
		this.demoMode = demoMode;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demoMode.enabled()) {
			return;
		}
		int created = 0;
		for (DemoUser user : USERS) {
			Boolean inserted = transactions.execute(status -> createIfMissing(user));
			if (Boolean.TRUE.equals(inserted)) {
				created++;
			}
		}
		if (created > 0) {
			log.warn("Demo mode: created {} demo users with the well-known password; never use demo mode in production", created);
		}
	}

	private boolean createIfMissing(DemoUser user) {
		if (jdbc.sql("select exists (select 1 from app_user where username = :username)")
				.param("username", user.username()).query(Boolean.class).single()) {
			return false;
		}
		var id = jdbc.sql("""
				insert into app_user (username, display_name, password_hash)
				values (:username, :displayName, :hash)
				on conflict (username) do nothing
				returning id""")
				.param("username", user.username())
				.param("displayName", user.displayName())
				.param("hash", passwordEncoder.encode(PASSWORD))
				.query(Long.class).optional();
		id.ifPresent(userId -> jdbc.sql("insert into app_user_role (app_user, role) values (:id, :role)")
				.param("id", userId)
				.param("role", user.role())
				.update());
		return id.isPresent();
	}
}
