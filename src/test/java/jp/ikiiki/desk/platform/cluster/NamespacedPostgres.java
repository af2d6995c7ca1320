package jp.ikiiki.desk.platform.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Debian's PostgreSQL 15 server on a test host: a throw-away cluster ({@code initdb} as the {@code postgres} user,
 * SCRAM passwords, listening only on the host's address, no Unix socket), the schema owner and the application role
 * made as the operations manual says, stopped (fast) and removed at the end.
 */
final class NamespacedPostgres implements AutoCloseable {

	static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

	final String address;
	final String superPassword = secret();
	final String ownerPassword = secret();
	final String appPassword = secret();
	private final String ns;
	private final Path dir;
	private final Path data;
	private boolean started;

	/** Why the server cannot run here, or empty when it can. */
	static Optional<String> unavailable() {
		if (!Files.isExecutable(BIN.resolve("postgres"))) {
			return Optional.of("Debian's PostgreSQL 15 server is not installed (" + BIN + ")");
		}
		try {
			TestHosts.run("id", "postgres");
			return Optional.empty();
		} catch (IOException e) {
			return Optional.of("no postgres user to run the server as");
		}
	}

	NamespacedPostgres(String ns, String address) throws IOException {
		this.ns = ns;
		this.address = address;
		this.dir = Files.createTempDirectory("ikiiki-pg15-");
		this.data = dir.resolve("data");
		Path pw = dir.resolve("pw");
		Files.writeString(pw, superPassword + "\n");
		TestHosts.run("chown", "-R", "postgres:postgres", dir.toString());
		TestHosts.run("chmod", "700", dir.toString());
		TestHosts.run("runuser", "-u", "postgres", "--", BIN.resolve("initdb").toString(), "-D", data.toString(),
				"-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + pw, "-E", "UTF8", "--no-locale");
		Files.delete(pw);
		Files.writeString(data.resolve("pg_hba.conf"), "host all all " + TestHosts.SUBNET + "0/24 scram-sha-256\n");
		Files.writeString(data.resolve("postgresql.conf"), "\nlisten_addresses = '" + address + "'\nport = 5432\n"
				+ "unix_socket_directories = ''\nmax_connections = 200\nfsync = off\n", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
	}

	void start() throws IOException {
		TestHosts.run(TestHosts.in(ns, List.of("runuser", "-u", "postgres", "--", BIN.resolve("pg_ctl").toString(),
				"-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "start"))
				.toArray(String[]::new));
		started = true;
		try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", superPassword);
				Statement s = c.createStatement()) {
			s.execute("create role ikiiki_owner login password '" + ownerPassword + "'");
			s.execute("create role ikiiki_app login password '" + appPassword + "'");
			s.execute("create database ikiiki owner ikiiki_owner encoding 'UTF8' template template0");
		} catch (SQLException e) {
			throw new IOException("roles not made: " + e.getMessage(), e);
		}
	}

	String url(String database) {
		return "jdbc:postgresql://" + address + ":5432/" + database;
	}

	@Override
	public void close() {
		if (started) {
			try {
				TestHosts.run(TestHosts.in(ns, List.of("runuser", "-u", "postgres", "--",
						BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"))
						.toArray(String[]::new));
			} catch (IOException e) {
				System.err.println("test PostgreSQL not stopped: " + e.getMessage());
			}
		}
		try {
			TestHosts.run("rm", "-rf", dir.toString());
		} catch (IOException e) {
			System.err.println("test PostgreSQL directory not removed: " + e.getMessage());
		}
	}

	private static String secret() {
		byte[] b = new byte[18];
		new SecureRandom().nextBytes(b);
		return HexFormat.of().formatHex(b);
	}
}
