package jp.ikiiki.desk.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * A throw-away PostgreSQL server from the operating system's packages (Debian's {@code postgresql}, installed by
 * {@code src/test/scripts/ensure-postgresql.sh}), for the tests of the external-database mode: {@code initdb} into a
 * directory under {@code target/postgres-test/} (see {@link #base()}), a free port on 127.0.0.1 only, no Unix socket, SCRAM-SHA-256
 * passwords for every connection and a superuser of its own with a random password.
 * <p>
 * PostgreSQL refuses to run as root: as root (CI machines) the server runs as the packages' {@code postgres} user
 * through {@code runuser}; otherwise as the user running the tests. The client tools ({@code pg_dump},
 * {@code pg_restore}) run as the test's user, over TCP with a password. A cluster left behind by a test JVM that died
 * is stopped at the first start of the next one.
 * <p>
 * Where the binaries are: {@code IKIIKI_TEST_PG_BIN} (a directory holding {@code initdb}), else the newest
 * {@code /usr/lib/postgresql/<major>/bin}. Without them {@link Required} skips the tests, naming why.
 */
public final class PostgresCluster implements AutoCloseable {

	/** The server's own superuser (never the application's roles). */
	public static final String SUPERUSER = "cluster_admin";
	static final Path BASE = base();
	private static final String OWNER_PID_FILE = "test-jvm.pid";
	private static volatile boolean leftOversStopped;

	private final Path home;
	private final Path dataDir;
	private final Path bin;
	private final int port;
	private final String superuserPassword;
	private boolean running;

	private PostgresCluster(Path home, Path bin, int port, String superuserPassword) {
		this.home = home;
		this.dataDir = home.resolve("data");
		this.bin = bin;
		this.port = port;
		this.superuserPassword = superuserPassword;
	}

	/** The directory of {@code initdb}, {@code pg_ctl}, {@code pg_dump} …, when PostgreSQL is installed. */
	public static Optional<Path> binaries() {
		String configured = System.getenv("IKIIKI_TEST_PG_BIN");
		if (configured != null && !configured.isBlank()) {
			Path dir = Path.of(configured);
			return Files.isExecutable(dir.resolve("initdb")) ? Optional.of(dir) : Optional.empty();
		}
		String root0 = System.getenv("IKIIKI_TEST_PG_ROOT");
		Path root = Path.of(root0 == null || root0.isBlank() ? "/usr/lib/postgresql" : root0);
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
					.filter(v -> Files.isExecutable(v.resolve("bin").resolve("initdb")))
					.max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
					.map(v -> v.resolve("bin"));
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	/** Why no server can be started here, or empty when one can. */
	public static Optional<String> unavailableReason() {
		if (binaries().isEmpty()) {
			return Optional.of("No PostgreSQL server installed (no /usr/lib/postgresql/<major>/bin/initdb and no "
					+ "IKIIKI_TEST_PG_BIN): the build installs Debian's postgresql only when it runs as root "
					+ "(src/test/scripts/ensure-postgresql.sh); install it with: sudo apt-get install postgresql");
		}
		if (isRoot() && runAsUser().isEmpty()) {
			return Optional.of("Running as root, and PostgreSQL refuses to run as root, but there is no 'postgres' user "
					+ "to run the test server as (Debian's postgresql package creates it)");
		}
		return Optional.empty();
	}

	/**
	 * For {@code @ExtendWith}: skips every test of the class, naming why, when no server can be started here (each
	 * test is reported as skipped with the reason; a class-level abort would be reported as no test at all). A
	 * {@code @BeforeAll} of such a class checks {@link #unavailableReason()} itself before starting a server.
	 */
	public static final class Required implements ExecutionCondition {
		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String prefix = "External PostgreSQL tests skipped: ";
			if (context.getTestMethod().isEmpty()) {
				return ConditionEvaluationResult.enabled("decided per test");
			}
			Optional<String> reason = unavailableReason();
			if (reason.isEmpty()) {
				return ConditionEvaluationResult.enabled("a PostgreSQL server can be started");
			}
			String message = prefix + reason.get();
			if (WARNED.add(prefix)) {
				System.err.println("[" + PostgresCluster.class.getSimpleName() + "] " + message);
			}
			return ConditionEvaluationResult.disabled(message);
		}

		private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
	}

	/** Starts a new, empty cluster named {@code name} (a directory name) under {@code target/postgres-test/}. */
	public static PostgresCluster start(String name) {
		Path bin = binaries().orElseThrow(() -> new IllegalStateException(unavailableReason().orElse("no PostgreSQL")));
		stopLeftOvers(bin);
		try {
			Files.createDirectories(BASE);
			Path home = Files.createTempDirectory(BASE, name + "-");
			Files.writeString(home.resolve(OWNER_PID_FILE), Long.toString(ProcessHandle.current().pid()));
			String password = randomSecret();
			var cluster = new PostgresCluster(home, bin, freePort(), password);
			cluster.initialise();
			cluster.startServer();
			return cluster;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void initialise() throws IOException {
		Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path passwordFile = home.resolve("superuser-password");
		Files.writeString(passwordFile, superuserPassword + "\n");
		Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
		if (isRoot()) {
			// The server's files belong to the user it runs as.
			UserPrincipal postgres = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAsUser().orElseThrow());
			for (Path p : List.of(home, dataDir, passwordFile)) {
				Files.setOwner(p, postgres);
			}
		}
		serverTool(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER, "--pwfile="
				+ passwordFile, "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C",
				"--no-sync"), 120);
		Files.delete(passwordFile);
		Files.writeString(dataDir.resolve("postgresql.conf"), String.join("\n",
				"",
				"# Throw-away test server: loopback only, no Unix socket, passwords only.",
				"listen_addresses = '127.0.0.1'",
				"port = " + port,
				"unix_socket_directories = ''",
				"password_encryption = 'scram-sha-256'",
				"max_connections = 200",
				"fsync = off",
				"synchronous_commit = off",
				"full_page_writes = off",
				"lc_messages = 'C'",
				"timezone = 'UTC'",
				""), java.nio.file.StandardOpenOption.APPEND);
		Files.writeString(dataDir.resolve("pg_hba.conf"), String.join("\n",
				"# TYPE  DATABASE  USER  ADDRESS        METHOD",
				"host    all       all   127.0.0.1/32   scram-sha-256",
				""));
	}

	private void startServer() {
		serverTool(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
				home.resolve("server.log").toString(), "-w", "-t", "60", "start"), 90);
		running = true;
	}

	/** Starts the server again after {@link #stop()}, on the same port and with the same data. */
	public void restart() {
		if (!running) {
			startServer();
		}
	}

	/** Stops the server (fast shutdown: open sessions are ended, their transactions rolled back); keeps the data. */
	public void stop() {
		if (running) {
			serverTool(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t",
					"60", "stop"), 90);
			running = false;
		}
	}

	/**
	 * Asks the server to stop once its last client has gone ("smart" shutdown) and returns at once: for a JVM's
	 * shutdown hook, running beside the application contexts' own, which still write while they close. Its directory
	 * is removed by the next test JVM's first start.
	 */
	public void stopWhenClientsLeave() {
		if (running) {
			serverTool(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "smart", "-W", "stop"), 30);
			running = false;
		}
	}

	/** Stops the server and removes its directory. */
	@Override
	public void close() {
		try {
			stop();
		} finally {
			FileSystemUtils.deleteRecursively(home.toFile());
		}
	}

	public int port() {
		return port;
	}

	public String superuserPassword() {
		return superuserPassword;
	}

	/** The server's major version, e.g. 15. */
	public int majorVersion() {
		try (Connection c = connect("postgres"); Statement s = c.createStatement();
				var rs = s.executeQuery("show server_version_num")) {
			rs.next();
			return Integer.parseInt(rs.getString(1)) / 10000;
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** A connection as the cluster's superuser. */
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
	}

	/** Runs statements as the superuser, each in its own transaction (CREATE DATABASE cannot run in one). */
	public void execute(String database, String... statements) {
		try (Connection c = connect(database); Statement s = c.createStatement()) {
			for (String sql : statements) {
				s.execute(sql);
			}
		} catch (SQLException e) {
			throw new IllegalStateException("On the test server: " + e.getMessage(), e);
		}
	}

	/**
	 * Prepares the server as the operations manual's "Preparing a PostgreSQL server" says: the schema owner and the
	 * application's role, both with passwords (SCRAM), and the database owned by the schema owner.
	 */
	public void prepareAsTheManualSays(Roles roles, String database) {
		createRoles(roles);
		createDatabase(database, roles.owner());
	}

	public void createRoles(Roles roles) {
		execute("postgres",
				"create role " + roles.owner() + " login password '" + roles.ownerPassword() + "'",
				"create role " + roles.app() + " login password '" + roles.appPassword() + "'");
	}

	public void createDatabase(String database, String owner) {
		execute("postgres", "create database " + database + " owner " + owner + " encoding 'UTF8' template template0");
	}

	/** The path of a client tool of the same installation ({@code pg_dump}, {@code pg_restore}, {@code psql}). */
	public Path tool(String name) {
		return bin.resolve(name);
	}

	/** The server's log (for a failure's message). */
	public String serverLog() {
		try {
			return Files.readString(home.resolve("server.log"));
		} catch (IOException e) {
			return "(no server log: " + e.getMessage() + ")";
		}
	}

	/** The outcome of a command: its exit code and its standard output and error, interleaved. */
	public record Result(int exitCode, String output) {
		public Result orThrow() {
			if (exitCode != 0) {
				throw new IllegalStateException("exit code " + exitCode + ": " + output);
			}
			return this;
		}
	}

	/**
	 * Runs a client tool as the test's own user (never as the server's), with {@code environment} added (e.g.
	 * {@code PGPASSWORD}), waiting at most {@code timeoutSeconds}.
	 */
	public static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds) {
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		return execute(builder, timeoutSeconds);
	}

	/** Runs a server tool as the user the server runs as. */
	private void serverTool(List<String> command, int timeoutSeconds) {
		List<String> full = new ArrayList<>();
		if (isRoot()) {
			full.addAll(List.of("runuser", "-u", runAsUser().orElseThrow(), "--"));
		}
		full.addAll(command);
		var builder = new ProcessBuilder(full).redirectErrorStream(true).directory(home.toFile());
		Result result = execute(builder, timeoutSeconds);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("PostgreSQL test server: " + String.join(" ", command) + " failed (exit code "
					+ result.exitCode() + "): " + result.output() + (command.get(0).endsWith("pg_ctl") ? "\nServer log:\n"
							+ serverLog() : ""));
		}
	}

	private static Result execute(ProcessBuilder builder, int timeoutSeconds) {
		try {
			Path output = Files.createTempFile("ikiiki-pg-tool", ".out");
			try {
				builder.redirectOutput(output.toFile());
				Process process = builder.start();
				process.getOutputStream().close();
				if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(builder.command() + " did not finish within " + timeoutSeconds + " s");
				}
				return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			} finally {
				Files.deleteIfExists(output);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Stops the servers of test JVMs that are gone (killed before their clean-up), and removes their directories. */
	private static synchronized void stopLeftOvers(Path bin) {
		if (leftOversStopped || !Files.isDirectory(BASE)) {
			leftOversStopped = true;
			return;
		}
		leftOversStopped = true;
		try (Stream<Path> homes = Files.list(BASE)) {
			for (Path home : homes.toList()) {
				long owner;
				try {
					owner = Long.parseLong(Files.readString(home.resolve(OWNER_PID_FILE)).trim());
				} catch (IOException | NumberFormatException e) {
					continue;
				}
				if (ProcessHandle.of(owner).filter(ProcessHandle::isAlive).isPresent()) {
					continue; // another test JVM's, still running
				}
				if (Files.exists(home.resolve("data").resolve("postmaster.pid"))) {
					var stale = new PostgresCluster(home, bin, 0, "");
					try {
						stale.serverTool(List.of(bin.resolve("pg_ctl").toString(), "-D", home.resolve("data").toString(),
								"-m", "immediate", "-w", "stop"), 60);
					} catch (RuntimeException e) {
						// not running any more
					}
				}
				FileSystemUtils.deleteRecursively(home.toFile());
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * {@code target/postgres-test}; as root, when the server's user could not reach it (a checkout under
	 * {@code /root}, which is 0700), a directory in the temporary directory instead.
	 */
	private static Path base() {
		Path target = Path.of(System.getProperty("user.dir"), "target", "postgres-test").toAbsolutePath();
		if (!isRoot()) {
			return target;
		}
		for (Path p = target.getParent(); p != null; p = p.getParent()) {
			try {
				if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(
						java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
					return Path.of(System.getProperty("java.io.tmpdir"), "ikiiki-postgres-test");
				}
			} catch (IOException | UnsupportedOperationException e) {
				return target;
			}
		}
		return target;
	}

	static boolean isRoot() {
		try {
			Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
			return Integer.valueOf(0).equals(uid);
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	private static Optional<String> runAsUser() {
		try {
			Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
			return Optional.of("postgres");
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** 128 random bits as hex: a password without characters that need quoting in SQL or a URL. */
	public static String randomSecret() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** The schema owner and the application's role of one installation, with their passwords. */
	public record Roles(String owner, String ownerPassword, String app, String appPassword) {
		/** The operations manual's names ({@code ikiiki_owner}, {@code ikiiki_app}) with fresh random passwords. */
		public static Roles fresh() {
			return new Roles("ikiiki_owner", randomSecret(), "ikiiki_app", randomSecret());
		}

		/** The application's settings for {@code url}, as the operations manual gives them. */
		public Map<String, Object> applicationProperties(String url) {
			return Map.of("spring.datasource.url", url,
					"spring.datasource.username", app,
					"spring.datasource.password", appPassword,
					"spring.flyway.user", owner,
					"spring.flyway.password", ownerPassword);
		}
	}
}
