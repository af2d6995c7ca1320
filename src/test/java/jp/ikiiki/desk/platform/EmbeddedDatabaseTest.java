package jp.ikiiki.desk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.ikiiki.desk.platform.EmbeddedDatabaseConfiguration.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
			.withUserConfiguration(PlatformConfiguration.class, EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("ikiiki.database.app-role=ikiiki_app");

	@Test
	void data_survives_a_restart_in_the_configured_data_directory(@TempDir Path dir) {
		Path data = dir.resolve("pgdata");
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			try (Connection c = ctx.getBean("ownerDataSource", DataSource.class).getConnection(); Statement s = c.createStatement()) {
				s.execute("create table kept (v text)");
				s.execute("insert into kept values ('still here')");
			}
		});
		assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			assertThat(ctx).hasNotFailed();
			assertThat(single(ctx.getBean("ownerDataSource", DataSource.class), "select v from kept")).isEqualTo("still here");
		});
	}

	@Test
	void the_application_connects_as_its_own_non_superuser_role() {
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=").run(ctx -> {
			try (Connection c = ctx.getBean("dataSource", DataSource.class).getConnection();
					Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("ikiiki_app");
				assertThat(rs.getBoolean(2)).isFalse();
			}
		});
	}

	@Test
	void no_embedded_server_starts_when_a_datasource_url_is_configured() {
		runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/ikiiki")
				.run(ctx -> assertThat(ctx).doesNotHaveBean(EmbeddedServer.class));
	}

	@Test
	void connecting_without_a_password_or_with_a_wrong_one_is_refused_for_every_role() {
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=").run(ctx -> {
			EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
			for (String role : List.of("postgres", "ikiiki_app")) {
				for (String database : List.of("postgres", "ikiiki")) {
					assertThatThrownBy(() -> connect(server.port(), database, role, null)).isInstanceOf(SQLException.class);
					assertThatThrownBy(() -> connect(server.port(), database, role, ""))
							.isInstanceOf(SQLException.class);
					assertThatThrownBy(() -> connect(server.port(), database, role, "postgres"))
							.isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
				}
			}
			// zonky's own default (user postgres, no password) included
			assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/postgres?user=postgres"))
					.isInstanceOf(SQLException.class);
			try (Connection c = connect(server.port(), "ikiiki", "ikiiki_app", server.appPassword())) {
				assertThat(c.isValid(2)).isTrue();
			}
			try (Connection c = connect(server.port(), "postgres", "postgres", server.ownerPassword());
					Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select type, auth_method, address from pg_hba_file_rules")) {
				List<String> rules = new ArrayList<>();
				while (rs.next()) {
					rules.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
				}
				assertThat(rules).containsExactly("host scram-sha-256 127.0.0.1");
			}
			assertThat(single(server, "select rolname from pg_authid where rolcanlogin and "
					+ "(rolpassword is null or rolpassword not like 'SCRAM-SHA-256$%') limit 1")).isNull();
		});
	}

	@Test
	void the_server_listens_on_127_0_0_1_only_and_has_no_unix_socket_in_tmp_or_anywhere() throws Exception {
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=").run(ctx -> {
			EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
			assertThat(single(server, "show listen_addresses")).isEqualTo("127.0.0.1");
			assertThat(single(server, "show unix_socket_directories")).isEmpty();
			assertThat(Path.of("/tmp/.s.PGSQL." + server.port())).doesNotExist();
			assertThat(Path.of(System.getProperty("java.io.tmpdir"), ".s.PGSQL." + server.port())).doesNotExist();
			String dataDir = single(server, "show data_directory");
			try (var files = Files.list(Path.of(dataDir))) {
				assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".s.PGSQL"));
			}
			// Nothing answers on the port but the loopback address: not the host's other addresses, not IPv6.
			for (InetAddress other : otherAddresses()) {
				try (Socket socket = new Socket()) {
					assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, server.port()), 1000))
							.as("connect to %s", other).isInstanceOf(IOException.class);
				}
			}
		});
	}

	@Test
	void the_secrets_are_kept_in_the_data_directory_readable_by_its_owner_only_and_not_regenerated(@TempDir Path dir) throws Exception {
		Path data = dir.resolve("pgdata");
		String[] first = new String[2];
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
			first[0] = server.ownerPassword();
			first[1] = server.appPassword();
		});
		Path secrets = data.resolve(EmbeddedDatabaseSecrets.FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		Properties stored = new Properties();
		try (var in = Files.newBufferedReader(secrets, StandardCharsets.UTF_8)) {
			stored.load(in);
		}
		assertThat(stored.getProperty("role.postgres")).isEqualTo(first[0]).hasSizeGreaterThanOrEqualTo(32);
		assertThat(stored.getProperty("role.ikiiki_app")).isEqualTo(first[1]).isNotEqualTo(first[0]);
		assertThat(data.resolve(EmbeddedDatabaseSecrets.PENDING)).doesNotExist();

		// Loosened by a careless copy: tightened again at the next start, same passwords.
		Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			assertThat(ctx).hasNotFailed();
			EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
			assertThat(server.ownerPassword()).isEqualTo(first[0]);
			assertThat(server.appPassword()).isEqualTo(first[1]);
		});
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void the_server_runs_only_binaries_that_no_other_user_can_change(@TempDir Path dir) throws Exception {
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=").run(ctx -> {
			assertThat(ctx).hasNotFailed();
			Path bin = PostgresBinaries.INSTANCE.binDirectory();
			Path privateDir = bin.getParent().getParent().getParent(); // <private>/embedded-pg/PG-<digest>/bin
			assertThat(privateDir.getFileName().toString()).startsWith("ikiiki-desk-postgres-");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateDir))).isEqualTo("rwx------");
			assertThat(bin.startsWith(Path.of("/tmp/embedded-pg"))).isFalse();
		});
		Path fresh = dir.resolve("fresh");
		PostgresBinaries.ensurePrivate(fresh);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");

		Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
				PosixFilePermissions.fromString("rwxrwxrwx")));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThatThrownBy(() -> PostgresBinaries.ensurePrivate(open)).isInstanceOf(EmbeddedDatabaseRefusal.class)
				.hasMessageContaining("rwxrwxrwx");
		Path link = Files.createSymbolicLink(dir.resolve("link"), fresh);
		assertThatThrownBy(() -> PostgresBinaries.ensurePrivate(link)).isInstanceOf(EmbeddedDatabaseRefusal.class)
				.hasMessageContaining("symbolic link");
		if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0) {
			Path someoneElses = Files.createDirectory(dir.resolve("someone-elses"),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Files.setAttribute(someoneElses, "unix:uid", 65534);
			assertThatThrownBy(() -> PostgresBinaries.ensurePrivate(someoneElses)).isInstanceOf(EmbeddedDatabaseRefusal.class)
					.hasMessageContaining("owner uid 65534");
		}
	}

	@Test
	void a_data_directory_created_without_passwords_is_upgraded_in_place(@TempDir Path dir) throws Exception {
		Path data = dir.resolve("pgdata");
		// What earlier versions left: zonky's defaults (trust for every local connection), a role and data.
		try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
				Connection c = legacy.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create role ikiiki_app login password 'whatever'");
			s.execute("create database ikiiki encoding 'UTF8' template template0");
			s.execute("create table old_data (v text)");
			s.execute("insert into old_data values ('kept')");
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");
		assertThat(data.resolve(EmbeddedDatabaseSecrets.FILE)).doesNotExist();

		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			assertThat(ctx).hasNotFailed();
			EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
			try (Connection c = connect(server.port(), "postgres", "postgres", server.ownerPassword());
					Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from old_data")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("kept");
			}
			assertThatThrownBy(() -> connect(server.port(), "postgres", "postgres", null)).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> connect(server.port(), "ikiiki", "ikiiki_app", "whatever"))
					.isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
			assertThat(single(ctx.getBean("dataSource", DataSource.class), "select current_user")).isEqualTo("ikiiki_app");
		});
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(EmbeddedDatabaseSecrets.FILE))))
				.isEqualTo("rw-------");
	}

	@Test
	void lost_secrets_are_never_replaced_silently_and_rotation_sets_new_ones(@TempDir Path dir) throws Exception {
		Path data = dir.resolve("pgdata");
		String[] old = new String[2];
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
			old[0] = server.ownerPassword();
			old[1] = server.appPassword();
			try (Connection c = ctx.getBean("ownerDataSource", DataSource.class).getConnection(); Statement s = c.createStatement()) {
				s.execute("create table kept (v text)");
				s.execute("insert into kept values ('still here')");
			}
		});
		Path secrets = data.resolve(EmbeddedDatabaseSecrets.FILE);
		Path aside = dir.resolve("secrets-aside");
		Files.move(secrets, aside);
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			assertThat(ctx).hasFailed();
			assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(EmbeddedDatabaseRefusal.class)
					.hasMessageContaining("are missing").hasMessageContaining("not replaced silently");
		});
		assertThat(secrets).doesNotExist();
		assertThat(DataDirectoryClaim.postmasterPid(data)).isEmpty();

		// Restored from the backup: starts with the old passwords.
		Files.move(aside, secrets);
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data)
				.run(ctx -> assertThat(ctx.getBean(EmbeddedServer.class).ownerPassword()).isEqualTo(old[0]));

		// Rotation: new passwords, the old ones refused, data kept.
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data, "ikiiki.database.embedded.rotate-secrets=true")
				.run(ctx -> {
					assertThat(ctx).hasNotFailed();
					EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
					assertThat(server.ownerPassword()).isNotEqualTo(old[0]);
					assertThat(server.appPassword()).isNotEqualTo(old[1]);
					assertThatThrownBy(() -> connect(server.port(), "postgres", "postgres", old[0]))
							.isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
					assertThatThrownBy(() -> connect(server.port(), "ikiiki", "ikiiki_app", old[1]))
							.isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
					assertThat(single(ctx.getBean("ownerDataSource", DataSource.class), "select v from kept")).isEqualTo("still here");
					assertThat(single(ctx.getBean("dataSource", DataSource.class), "select current_user")).isEqualTo("ikiiki_app");
				});
	}

	@Test
	void the_embedded_database_refuses_to_start_under_the_prod_profile() {
		runner.withPropertyValues("spring.profiles.active=prod", "ikiiki.database.embedded.data-dir=").run(ctx -> {
			assertThat(ctx).hasFailed();
			assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(EmbeddedDatabaseRefusal.class)
					.hasMessageContaining("prod profile").hasMessageContaining("real PostgreSQL server");
		});
	}

	@Test
	void the_refusal_is_printed_as_what_is_wrong_and_what_to_do(CapturedOutput output) {
		var app = new SpringApplicationBuilder(ConfigurationPropertiesAutoConfiguration.class, PlatformConfiguration.class,
				EmbeddedDatabaseConfiguration.class).web(WebApplicationType.NONE).profiles("prod");
		assertThatThrownBy(() -> app.run("--ikiiki.database.app-role=ikiiki_app", "--ikiiki.database.embedded.data-dir="))
				.hasRootCauseInstanceOf(EmbeddedDatabaseRefusal.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("The embedded PostgreSQL does not run under the prod profile")
				.contains("Set SPRING_DATASOURCE_URL");
	}

	@Test
	void a_data_directory_in_use_by_a_running_application_is_refused(@TempDir Path dir) {
		Path data = dir.resolve("pgdata");
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(first -> {
			assertThat(first).hasNotFailed();
			runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(second -> {
				assertThat(second).hasFailed();
				assertThat(second.getStartupFailure()).rootCause().isInstanceOf(EmbeddedDatabaseRefusal.class)
						.hasMessageContaining("in use by another running Ikiiki Desk");
			});
			// the first one is unharmed
			assertThat(single(first.getBean("dataSource", DataSource.class), "select 'alive'")).isEqualTo("alive");
		});
	}

	@Test
	void a_server_left_running_by_a_dead_application_is_stopped_and_the_start_goes_on(@TempDir Path dir) throws Exception {
		Path data = dir.resolve("pgdata");
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			try (Connection c = ctx.getBean("ownerDataSource", DataSource.class).getConnection(); Statement s = c.createStatement()) {
				s.execute("create table kept (v text)");
				s.execute("insert into kept values ('still here')");
			}
		});
		long orphan = startServerByHand(data);
		// as the dead application left it: its own pid (a process that has ended) and the postmaster it started
		Process dead = new ProcessBuilder("true").start();
		dead.waitFor(10, TimeUnit.SECONDS);
		Files.writeString(data.resolve(DataDirectoryClaim.OWNER_FILE),
				"jvm.pid=" + dead.pid() + "\njvm.started=2026-01-05T00:00:00Z\npostmaster.pid=" + orphan + "\n");

		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			assertThat(ctx).hasNotFailed();
			assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(single(ctx.getBean("ownerDataSource", DataSource.class), "select v from kept")).isEqualTo("still here");
			assertThat(DataDirectoryClaim.readOwner(data.toRealPath())).get()
					.satisfies(o -> assertThat(o.jvmPid()).isEqualTo(ProcessHandle.current().pid()))
					.satisfies(o -> assertThat(o.postmasterPid()).isEqualTo(DataDirectoryClaim.postmasterPid(data).getAsLong()));
		});
		assertThat(data.resolve(DataDirectoryClaim.OWNER_FILE)).doesNotExist();
	}

	@Test
	void a_server_the_application_did_not_start_is_left_alone_and_the_start_refused(@TempDir Path dir) throws Exception {
		Path data = dir.resolve("pgdata");
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> assertThat(ctx).hasNotFailed());
		long byHand = startServerByHand(data);
		try {
			runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
				assertThat(ctx).hasFailed();
				assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(EmbeddedDatabaseRefusal.class)
						.hasMessageContaining("did not start").hasMessageContaining(Long.toString(byHand));
			});
			assertThat(ProcessHandle.of(byHand).filter(ProcessHandle::isAlive)).isPresent();
		} finally {
			run(PostgresBinaries.INSTANCE.command("pg_ctl", "-D", data.toString(), "stop", "-m", "fast", "-w"));
		}
	}

	/** Starts a postmaster on the directory as an operator would, outside the application; returns its pid. */
	private static long startServerByHand(Path data) throws Exception {
		int port;
		try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		run(PostgresBinaries.INSTANCE.command("pg_ctl", "-D", data.toString(), "-l", data.resolve("by-hand.log").toString(),
				"-o", "-p " + port + " -c listen_addresses=127.0.0.1", "-w", "start"));
		long pid = DataDirectoryClaim.postmasterPid(data).orElseThrow();
		assertThat(DataDirectoryClaim.isPostmasterOf(pid, data.toRealPath())).isTrue();
		return pid;
	}

	private static void run(List<String> command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(out).isZero();
	}

	private static List<InetAddress> otherAddresses() throws IOException {
		List<InetAddress> addresses = new ArrayList<>();
		addresses.add(InetAddress.getByName("::1"));
		var interfaces = java.net.NetworkInterface.getNetworkInterfaces();
		while (interfaces.hasMoreElements()) {
			interfaces.nextElement().inetAddresses().filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
					.forEach(addresses::add);
		}
		return addresses;
	}

	private static Connection connect(int port, String database, String user, String password) throws SQLException {
		var props = new Properties();
		props.setProperty("user", user);
		if (password != null) {
			props.setProperty("password", password);
		}
		props.setProperty("connectTimeout", "5");
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
	}

	private static String single(EmbeddedServer server, String sql) throws SQLException {
		try (Connection c = server.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static String single(DataSource ds, String sql) throws SQLException {
		try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}
}
