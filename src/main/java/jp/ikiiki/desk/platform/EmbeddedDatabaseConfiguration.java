package jp.ikiiki.desk.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured.
 * <p>
 * Two roles, as on a real server: the superuser owns the schema and runs Flyway; the application connects
 * as {@code ikiiki.database.app-role}, which gets DML rights only (and SELECT/INSERT only on the audit
 * trail). Its password is generated at each start and never leaves the process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
	static final String DATABASE = "ikiiki";

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedPostgres(DatabaseProperties properties) throws IOException, SQLException {
		var embedded = properties.embedded();
		boolean throwAway = embedded == null || embedded.dataDir() == null || embedded.dataDir().isBlank();
		Path dataDir = throwAway ? Files.createTempDirectory("ikiiki-pg") : Path.of(embedded.dataDir()).toAbsolutePath();
		Files.createDirectories(dataDir);
		var builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(throwAway)
				// Stopped by the Spring context (destroy method), after every bean that still writes to it: zonky's own
				// JVM shutdown hook would stop it in parallel with the context, so that the last writes (the telephony
				// gap of a clean stop, outstanding event publications) failed.
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("work_mem", "16MB")
				.setServerConfig("maintenance_work_mem", "256MB")
				.setServerConfig("synchronous_commit", throwAway ? "off" : "on")
				.setServerConfig("fsync", throwAway ? "off" : "on")
				.setServerConfig("lc_messages", "C");
		if (embedded != null && embedded.port() > 0) {
			builder.setPort(embedded.port());
		}
		EmbeddedPostgres pg = builder.start();
		log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", pg.getPort(), throwAway ? "a throw-away directory" : dataDir);
		String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
				}
			}
			String role = properties.appRole();
			try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
				ps.setString(1, role);
				try (var rs = ps.executeQuery()) {
					if (!rs.next()) {
						s.execute("create role " + role + " login");
					}
				}
			}
			s.execute("alter role " + role + " with login nosuperuser nocreatedb nocreaterole password '" + password + "'");
		}
		return new EmbeddedServer(pg, throwAway ? dataDir : null, password);
	}

	@Bean
	@Primary
	DataSource dataSource(EmbeddedServer server, DatabaseProperties properties) {
		var config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(properties.appRole());
		config.setPassword(server.appPassword());
		config.setMaximumPoolSize(30);
		config.setPoolName("ikiiki");
		return new HikariDataSource(config);
	}

	/** The schema owner, for Flyway only. */
	@Bean
	@FlywayDataSource
	DataSource ownerDataSource(EmbeddedServer server) {
		var ds = new SimpleDriverDataSource();
		ds.setDriverClass(org.postgresql.Driver.class);
		ds.setUrl(server.jdbcUrl());
		ds.setUsername("postgres");
		ds.setPassword("postgres");
		return ds;
	}

	/** The running server; {@link #close()} stops it and removes a throw-away data directory. */
	static final class EmbeddedServer implements AutoCloseable {
		private final EmbeddedPostgres pg;
		private final Path throwAwayDir;
		private final String appPassword;

		EmbeddedServer(EmbeddedPostgres pg, Path throwAwayDir, String appPassword) {
			this.pg = pg;
			this.throwAwayDir = throwAwayDir;
			this.appPassword = appPassword;
		}

		String jdbcUrl() {
			return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + DATABASE;
		}

		String appPassword() {
			return appPassword;
		}

		@Override
		public void close() throws IOException {
			pg.close();
			if (throwAwayDir != null) {
				FileSystemUtils.deleteRecursively(throwAwayDir);
			}
		}
	}
}
