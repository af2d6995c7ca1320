package jp.ikiiki.desk.platform.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens connections outside the pool, with the pool's URL and credentials: the leadership's lock lives and dies
 * with its session, so it must never go back to a pool, and LISTEN needs a session of its own.
 * <p>
 * Each connection has a socket timeout (a check that hangs counts as a lost connection) and asks the server to
 * notice a vanished client quickly ({@code tcp_user_timeout} and keepalives), so that a node cut off from the
 * network loses its lock on the server within seconds, not after the kernel's two hours.
 */
final class DedicatedConnections {

	private final String url;
	private final String user;
	private final String password;
	private final Duration timeout;

	DedicatedConnections(DataSource pool, Duration timeout) {
		HikariDataSource hikari;
		try {
			hikari = pool.unwrap(HikariDataSource.class);
		} catch (SQLException e) {
			throw new IllegalStateException("ikiiki.cluster.enabled needs the Hikari connection pool Spring Boot "
					+ "configures (its URL and credentials open the leadership's own connection)", e);
		}
		this.url = hikari.getJdbcUrl();
		this.user = hikari.getUsername();
		this.password = hikari.getPassword();
		this.timeout = timeout;
	}

	Connection open(String purpose) throws SQLException {
		Properties p = new Properties();
		if (user != null) {
			p.setProperty("user", user);
		}
		if (password != null) {
			p.setProperty("password", password);
		}
		int seconds = (int) Math.max(1, timeout.toSeconds());
		String name = "ikiiki-" + purpose;
		p.setProperty("ApplicationName", name.length() > 63 ? name.substring(0, 63) : name);
		p.setProperty("connectTimeout", String.valueOf(seconds));
		p.setProperty("socketTimeout", String.valueOf(seconds));
		p.setProperty("tcpKeepAlive", "true");
		Connection c = DriverManager.getConnection(url, p);
		try (Statement s = c.createStatement()) {
			// The server's side: a client gone without a word (power, network) ends the session, and its lock.
			long ms = timeout.toMillis();
			s.execute("set tcp_user_timeout = " + ms);
			s.execute("set tcp_keepalives_idle = " + seconds);
			s.execute("set tcp_keepalives_interval = 1");
			s.execute("set tcp_keepalives_count = " + seconds);
		} catch (SQLException e) {
			c.close();
			throw e;
		}
		c.setAutoCommit(true);
		return c;
	}
}
