package jp.ikiiki.desk.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured — for a first look, the demo and
 * the tests; never under the {@code prod} profile, where the city's data needs a real, administered server.
 * <p>
 * Two roles, as on a real server: the superuser owns the schema and runs Flyway; the application connects as
 * {@code ikiiki.database.app-role}, which gets DML rights only (and SELECT/INSERT only on the audit trail). Both have
 * passwords (SCRAM-SHA-256), generated once and kept in the data directory, owner-only
 * ({@link EmbeddedDatabaseSecrets}); the server listens on 127.0.0.1 only, without a Unix socket, and accepts
 * password connections only ({@link EmbeddedServerLockdown}). A server left running by an application that died is
 * stopped at the next start; a directory in use by a live application is refused ({@link DataDirectoryClaim}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
	static final String DATABASE = "ikiiki";

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedPostgres(DatabaseProperties properties, Environment environment) throws IOException, SQLException {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new EmbeddedDatabaseRefusal("The embedded PostgreSQL does not run under the prod profile: the city's "
					+ "personal data needs a real PostgreSQL server (administered, backed up, with its own accounts).",
					"Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (the "
							+ "application's role) and SPRING_FLYWAY_USER, SPRING_FLYWAY_PASSWORD (the schema owner); "
							+ "see docs/operations.md, \"Preparing a PostgreSQL server\".");
		}
		String appRole = properties.appRole();
		if (appRole.equals(EmbeddedServerLockdown.SUPERUSER)) {
			throw new EmbeddedDatabaseRefusal("ikiiki.database.app-role must not be the superuser ("
					+ EmbeddedServerLockdown.SUPERUSER + ").", "Leave it at its default (ikiiki_app).");
		}
		var embedded = properties.embedded();
		boolean throwAway = embedded == null || embedded.dataDir() == null || embedded.dataDir().isBlank();
		boolean rotate = embedded != null && embedded.rotateSecrets();
		Path dataDir = throwAway ? Files.createTempDirectory("ikiiki-pg")
				: createOwnerOnly(Path.of(embedded.dataDir()).toAbsolutePath().normalize());
		EmbeddedDatabaseSecrets.tightenPermissions(dataDir)
				.ifPresent(t -> log.warn("Embedded database files were readable by others; tightened: {}", t));
		DataDirectoryClaim claim = DataDirectoryClaim.claim(dataDir);
		EmbeddedServer server = null;
		try {
			boolean existing = !throwAway && Files.exists(dataDir.resolve("postgresql.conf"));
			EmbeddedDatabaseSecrets change = secretsToSet(dataDir, appRole, existing, rotate);
			EmbeddedDatabaseSecrets secrets = change != null ? change : EmbeddedDatabaseSecrets.load(dataDir).orElseThrow();
			var binaries = PostgresBinaries.INSTANCE;
			var builder = EmbeddedPostgres.builder()
					.setDataDirectory(dataDir)
					.setCleanDataDirectory(throwAway)
					.setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
					.setPgBinaryResolver(binaries)
					// After initdb, before the first start: passwords, pg_hba.conf, listening addresses.
					.setDataDirectoryCustomizer(dir -> lockDown(dir.toPath(), binaries, appRole, change))
					// zonky's readiness check connects as the superuser.
					.setConnectConfig("password", secrets.password(EmbeddedServerLockdown.SUPERUSER))
					// Stopped by the Spring context (destroy method), after every bean that still writes to it: zonky's
					// own JVM shutdown hook would stop it in parallel with the context, so that the last writes (the
					// telephony gap of a clean stop, outstanding event publications) failed.
					.setRegisterShutdownHook(false)
					.setServerConfig("max_connections", "100")
					.setServerConfig("shared_buffers", "256MB")
					.setServerConfig("work_mem", "16MB")
					.setServerConfig("maintenance_work_mem", "256MB")
					.setServerConfig("synchronous_commit", throwAway ? "off" : "on")
					.setServerConfig("fsync", throwAway ? "off" : "on")
					.setServerConfig("lc_messages", "C");
			EmbeddedServerLockdown.SETTINGS.forEach(builder::setServerConfig);
			if (embedded != null && embedded.port() > 0) {
				builder.setPort(embedded.port());
			}
			EmbeddedPostgres pg = builder.start();
			try {
				claim.recordOwner();
			} catch (RuntimeException e) {
				pg.close();
				throw e;
			}
			server = new EmbeddedServer(pg, throwAway ? dataDir : null, secrets, appRole, claim);
			log.info("Embedded PostgreSQL on 127.0.0.1:{} (password authentication, no Unix socket), data in {}",
					pg.getPort(), throwAway ? "a throw-away directory" : dataDir);
			try (Connection c = server.ownerConnection(); Statement s = c.createStatement()) {
				try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
					if (!rs.next()) {
						s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
					}
				}
			}
			return server;
		} catch (IOException | SQLException | RuntimeException e) {
			if (server != null) {
				server.close(); // stops the server, lets the directory go
			} else {
				claim.close(true);
				if (throwAway) {
					FileSystemUtils.deleteRecursively(dataDir);
				}
			}
			throw e;
		}
	}

	/**
	 * The passwords to set before this start, or null when those in the data directory stay as they are. Never
	 * silently replaces lost secrets: a directory that was locked down before and has no secrets file is refused
	 * unless {@code rotate} asks for new ones.
	 *
	 * @param existing whether the directory holds a database already (else initdb is about to make one)
	 */
	private static EmbeddedDatabaseSecrets secretsToSet(Path dataDir, String appRole, boolean existing, boolean rotate) {
		Optional<EmbeddedDatabaseSecrets> pending = EmbeddedDatabaseSecrets.loadPending(dataDir);
		Optional<EmbeddedDatabaseSecrets> current = EmbeddedDatabaseSecrets.load(dataDir);
		if (!existing && (pending.isPresent() || current.isPresent())) {
			throw new EmbeddedDatabaseRefusal("The embedded database's data directory " + dataDir + " holds "
					+ EmbeddedDatabaseSecrets.FILE + " but no database.", "Point IKIIKI_DATA_DIR at the directory the "
							+ "database is in, or remove the stray file.");
		}
		if (pending.isPresent()) {
			log.warn("Completing a change of the embedded database's passwords that a stop interrupted");
			return pending.get().withRole(EmbeddedServerLockdown.SUPERUSER).withRole(appRole);
		}
		if (rotate && existing) {
			log.warn("New passwords for the embedded database's roles (ikiiki.database.embedded.rotate-secrets)");
			var roles = new LinkedHashSet<>(List.of(EmbeddedServerLockdown.SUPERUSER, appRole));
			current.ifPresent(c -> roles.addAll(c.roles()));
			return EmbeddedDatabaseSecrets.generate(roles);
		}
		if (current.isEmpty()) {
			if (existing && EmbeddedServerLockdown.lockedDownBefore(dataDir)) {
				throw new EmbeddedDatabaseRefusal("The embedded database's passwords (" + dataDir.resolve(
						EmbeddedDatabaseSecrets.FILE) + ") are missing, but the database was set up with them. They are "
						+ "not replaced silently.", "Restore the file from the backup of the data directory, or start "
								+ "once with IKIIKI_DB_ROTATE_SECRETS=true to set new passwords (docs/operations.md).");
			}
			if (existing) {
				log.warn("Upgrading the embedded database in {}: it was created without passwords; setting passwords "
						+ "(kept in {}), password-only access from 127.0.0.1 and no Unix socket", dataDir,
						EmbeddedDatabaseSecrets.FILE);
			}
			return EmbeddedDatabaseSecrets.generate(List.of(EmbeddedServerLockdown.SUPERUSER, appRole));
		}
		EmbeddedDatabaseSecrets more = current.get().withRole(EmbeddedServerLockdown.SUPERUSER).withRole(appRole);
		return more == current.get() ? null : more;
	}

	/**
	 * On the data directory, with the server stopped: sets the passwords to change (pending file first, so that an
	 * interruption is completed at the next start), then writes pg_hba.conf and the lock-down settings.
	 */
	private static void lockDown(Path dataDir, PostgresBinaries binaries, String appRole, EmbeddedDatabaseSecrets change) {
		var lockdown = new EmbeddedServerLockdown(dataDir, binaries);
		if (change != null) {
			change.writePending(dataDir);
			lockdown.setPasswords(change, appRole);
			EmbeddedDatabaseSecrets.commitPending(dataDir);
		}
		lockdown.writeConfiguration();
	}

	private static Path createOwnerOnly(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			Files.createDirectories(dir.getParent());
			Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(EmbeddedDatabaseSecrets.OWNER_ONLY_DIRECTORY));
		}
		return dir;
	}

	@Bean
	@Primary
	DataSource dataSource(EmbeddedServer server) {
		var config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(server.appRole());
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
		ds.setUsername(EmbeddedServerLockdown.SUPERUSER);
		ds.setPassword(server.ownerPassword());
		return ds;
	}

	/** The running server; {@link #close()} stops it and removes a throw-away data directory. */
	static final class EmbeddedServer implements AutoCloseable {
		private final EmbeddedPostgres pg;
		private final Path throwAwayDir;
		private final EmbeddedDatabaseSecrets secrets;
		private final String appRole;
		private final DataDirectoryClaim claim;
		private final long postmasterPid;

		EmbeddedServer(EmbeddedPostgres pg, Path throwAwayDir, EmbeddedDatabaseSecrets secrets, String appRole,
				DataDirectoryClaim claim) {
			this.pg = pg;
			this.postmasterPid = claim.postmasterPid();
			this.throwAwayDir = throwAwayDir;
			this.secrets = secrets;
			this.appRole = appRole;
			this.claim = claim;
		}

		String jdbcUrl() {
			return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + DATABASE;
		}

		int port() {
			return pg.getPort();
		}

		String appRole() {
			return appRole;
		}

		String appPassword() {
			return secrets.password(appRole);
		}

		String ownerPassword() {
			return secrets.password(EmbeddedServerLockdown.SUPERUSER);
		}

		Connection ownerConnection() throws SQLException {
			return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres",
					EmbeddedServerLockdown.SUPERUSER, ownerPassword());
		}

		/**
		 * Stops the server: zonky's fast shutdown ({@code pg_ctl stop -m fast}, which gives up waiting after 5 s while
		 * the server goes on shutting down), then waits for the postmaster to be gone, so that the JVM never ends with
		 * its server still running.
		 */
		@Override
		public void close() throws IOException {
			boolean stopped = false;
			try {
				pg.close();
				Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive);
				stopped = postmaster.isEmpty();
				if (!stopped) {
					postmaster.get().onExit().get(2, TimeUnit.MINUTES);
					stopped = true;
				}
			} catch (ExecutionException | TimeoutException e) {
				log.warn("The embedded PostgreSQL (process {}) has not stopped within 2 minutes", postmasterPid);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} finally {
				// A server still running keeps its owner record: the next start knows it as this (then dead) JVM's.
				claim.close(stopped);
				if (throwAwayDir != null) {
					FileSystemUtils.deleteRecursively(throwAwayDir);
				}
			}
		}
	}
}
