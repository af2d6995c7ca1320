package jp.ikiiki.desk.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps the embedded server closed to everyone but the application: passwords (SCRAM-SHA-256) for every role,
 * a {@code pg_hba.conf} that accepts nothing but password connections from 127.0.0.1, no Unix socket, TCP on the
 * loopback address only.
 * <p>
 * Runs on the data directory before the server starts (zonky's data directory customizer: after {@code initdb},
 * before the first {@code pg_ctl start}), so the server never listens with zonky's {@code trust} configuration —
 * not even on the first start of a new directory, nor for the upgrade of a directory made before passwords were
 * required. Passwords are set in single-user mode, where no connection is involved.
 */
final class EmbeddedServerLockdown {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServerLockdown.class);
	static final String SUPERUSER = "postgres";
	/** Included from postgresql.conf, so that a server started by hand on this directory is locked down too. */
	static final String CONF = "ikiiki-lockdown.conf";
	private static final String INCLUDE = "include_if_exists = '" + CONF + "'";

	/**
	 * The server settings of the lock-down, also passed on the command line (where they outrank postgresql.conf and
	 * anything set with ALTER SYSTEM).
	 */
	static final Map<String, String> SETTINGS;
	static {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("listen_addresses", "127.0.0.1");
		settings.put("unix_socket_directories", "");
		settings.put("password_encryption", "scram-sha-256");
		SETTINGS = java.util.Collections.unmodifiableMap(settings);
	}

	private static final String PG_HBA = """
			# Written by Ikiiki Desk at every start of its embedded PostgreSQL: changes here are overwritten.
			# Password (SCRAM-SHA-256) connections over TCP from 127.0.0.1 only; the Unix socket is off; anything
			# not matched below is refused. The passwords are in %s (owner only).
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			host    all       all   127.0.0.1/32  scram-sha-256
			""".formatted(EmbeddedDatabaseSecrets.FILE);

	private final Path dataDir;
	private final PostgresBinaries binaries;

	EmbeddedServerLockdown(Path dataDir, PostgresBinaries binaries) {
		this.dataDir = dataDir;
		this.binaries = binaries;
	}

	/** Whether this directory has been locked down before (by this or an earlier start). */
	static boolean lockedDownBefore(Path dataDir) {
		return Files.exists(dataDir.resolve(CONF));
	}

	/** Writes pg_hba.conf and the lock-down settings; idempotent. */
	void writeConfiguration() {
		try {
			Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
			var conf = new StringBuilder("# Written by Ikiiki Desk at every start of its embedded PostgreSQL.\n");
			SETTINGS.forEach((name, value) -> conf.append(name).append(" = '").append(value).append("'\n"));
			Files.writeString(dataDir.resolve(CONF), conf, StandardCharsets.UTF_8);
			Path postgresqlConf = dataDir.resolve("postgresql.conf");
			String current = Files.readString(postgresqlConf, StandardCharsets.UTF_8);
			if (!current.contains(INCLUDE)) {
				Files.writeString(postgresqlConf, (current.endsWith("\n") ? "" : "\n") + "\n# Ikiiki Desk's lock-down\n"
						+ INCLUDE + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Sets the password of every role in {@code secrets} in single-user mode (the server must not be running),
	 * creating the application role if it does not exist yet. Only SCRAM verifiers reach PostgreSQL, never a
	 * password.
	 *
	 * @param appRole the application's role: a login role without any privilege beyond logging in (the schema owner
	 *                grants it DML in the migrations)
	 */
	void setPasswords(EmbeddedDatabaseSecrets secrets, String appRole) {
		List<String> statements = new ArrayList<>();
		for (String role : secrets.roles()) {
			// Role names are checked ([a-z_][a-z0-9_]*) and verifiers are base64 and '$', ':': nothing to escape.
			String verifier = PasswordUtil.encodeScramSha256(secrets.password(role).toCharArray());
			if (role.equals(SUPERUSER)) {
				statements.add("ALTER ROLE " + SUPERUSER + " PASSWORD '" + verifier + "'");
			} else {
				statements.add("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
						+ "') THEN CREATE ROLE " + role + "; END IF; END $$");
				String attributes = role.equals(appRole)
						? " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS" : "";
				statements.add("ALTER ROLE " + role + attributes + " PASSWORD '" + verifier + "'");
			}
		}
		singleUser(statements);
	}

	private void singleUser(List<String> statements) {
		List<String> command = binaries.command("postgres", "--single", "-D", dataDir.toString(), "-c",
				"exit_on_error=on", "-c", "log_statement=none", "-c", "log_min_messages=warning", SUPERUSER);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			try (OutputStream in = process.getOutputStream()) {
				for (String statement : statements) {
					in.write((statement + ";\n").getBytes(StandardCharsets.UTF_8));
				}
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("PostgreSQL in single-user mode did not finish within 2 minutes");
			}
			if (process.exitValue() != 0) {
				// Only PostgreSQL's error lines: the statements carry password verifiers.
				String errors = output.lines().filter(l -> l.contains("ERROR") || l.contains("FATAL"))
						.filter(l -> !l.contains("SCRAM-SHA-256$")).reduce((a, b) -> a + " | " + b).orElse("");
				throw new IllegalStateException("Setting the embedded database's passwords failed (exit code "
						+ process.exitValue() + "): " + errors);
			}
			log.debug("Passwords set in single-user mode for {} role(s)", statements.size());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while setting the embedded database's passwords", e);
		}
	}
}
