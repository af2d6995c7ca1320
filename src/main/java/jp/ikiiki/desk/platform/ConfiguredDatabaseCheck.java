package jp.ikiiki.desk.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * With a configured PostgreSQL server ({@code SPRING_DATASOURCE_URL}): connects once as the application's role when
 * its connection pool has been configured, before anything uses it. A refusal (wrong password, no such role or
 * database, server down) then stops the start with the server's own reason, which
 * {@link ConfiguredDatabaseFailureAnalyzer} prints as one description and action — instead of the pool logging its
 * start-up failure with a stack trace and every bean that needed the database failing after it.
 */
final class ConfiguredDatabaseCheck implements BeanPostProcessor {

	private final Environment environment;

	ConfiguredDatabaseCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		String url = environment.getProperty("spring.datasource.url");
		if (!(bean instanceof HikariDataSource pool) || url == null || url.isBlank() || url.equals("embedded")
				|| pool.isRunning() || pool.getJdbcUrl() == null || !pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			return bean;
		}
		var credentials = new Properties();
		if (pool.getUsername() != null) {
			credentials.setProperty("user", pool.getUsername());
		}
		if (pool.getPassword() != null) {
			credentials.setProperty("password", pool.getPassword());
		}
		credentials.setProperty("connectTimeout", "15");
		try (Connection c = new org.postgresql.Driver().connect(pool.getJdbcUrl(), credentials)) {
			return bean;
		} catch (SQLException e) {
			throw new ConfiguredDatabaseRefusal(pool.getJdbcUrl(), pool.getUsername(), e);
		}
	}

	/** The configured server refused the application's role or could not be reached (the cause says why). */
	static final class ConfiguredDatabaseRefusal extends RuntimeException {
		ConfiguredDatabaseRefusal(String url, String user, SQLException cause) {
			super("The PostgreSQL server at " + withoutParameters(url) + " refused the application's role " + user,
					cause);
		}
	}

	/** A JDBC URL without its query string (which may carry a password). */
	static String withoutParameters(String url) {
		int q = url.indexOf('?');
		return q < 0 ? url : url.substring(0, q);
	}
}
