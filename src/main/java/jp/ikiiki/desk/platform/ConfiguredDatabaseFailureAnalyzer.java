package jp.ikiiki.desk.platform;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Prints a start that failed on the configured PostgreSQL server (a wrong password, a missing role or database, a
 * server that is down) as Spring Boot's "APPLICATION FAILED TO START" description and action: which server, which role,
 * the server's reason and what to check — the schema owner's connection (Flyway, first) as well as the application's
 * ({@link ConfiguredDatabaseCheck}). Passwords are never printed; the server's messages carry none.
 */
class ConfiguredDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	ConfiguredDatabaseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String configured = environment.getProperty("spring.datasource.url");
		if (configured == null || configured.isBlank() || configured.equals("embedded")) {
			return null;
		}
		String state = cause.getSQLState() == null ? "" : cause.getSQLState();
		String url = ConfiguredDatabaseCheck.withoutParameters(configured);
		String app = environment.getProperty("spring.datasource.username", "(SPRING_DATASOURCE_USERNAME not set)");
		String owner = environment.getProperty("spring.flyway.user", app);
		String description = "The application could not use its PostgreSQL server " + url + ": " + firstLine(cause)
				+ " (SQL state " + state + "). Application role: " + app + "; schema owner (Flyway): " + owner + ".";
		String action;
		if (state.startsWith("28")) {
			action = "Check the password of the role the server names: SPRING_DATASOURCE_PASSWORD for the application "
					+ "role (SPRING_DATASOURCE_USERNAME), SPRING_FLYWAY_PASSWORD for the schema owner (SPRING_FLYWAY_USER), "
					+ "and that both roles exist with LOGIN (docs/operations.md, \"Preparing a PostgreSQL server\"; after "
					+ "a restore: \"Backup and restore\"). pg_hba.conf must allow them from this host.";
		} else if (state.startsWith("08") || state.equals("57P03")) {
			action = "Check that the PostgreSQL server runs and accepts TCP connections at the address of "
					+ "SPRING_DATASOURCE_URL (listen_addresses, port, firewall), then start the application again.";
		} else if (state.equals("3D000")) {
			action = "Create the database as docs/operations.md, \"Preparing a PostgreSQL server\", says (owned by the "
					+ "schema owner), or correct the database name in SPRING_DATASOURCE_URL.";
		} else if (state.equals("42501")) {
			action = "A role lacks a right: the schema owner must own the database (or have CREATE on it and on schema "
					+ "public); see docs/operations.md, \"Preparing a PostgreSQL server\".";
		} else {
			return null;
		}
		return new FailureAnalysis(description, action, cause);
	}

	private static String firstLine(SQLException e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		int nl = message.indexOf('\n');
		return nl < 0 ? message : message.substring(0, nl);
	}
}
