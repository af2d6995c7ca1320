package jp.ikiiki.desk.platform.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the integration tests, unchanged, against a PostgreSQL server from the operating system's packages instead of
 * the embedded one, when the JVM has {@code -Dikiiki.test.postgres=external} (the failsafe execution
 * {@code external-postgres} of the build sets it).
 * <p>
 * One throw-away {@link PostgresCluster} per test JVM, prepared as the operations manual says (schema owner
 * {@code ikiiki_owner}, application role {@code ikiiki_app}, each with a password); every application context the
 * tests start gets a fresh database of its own on it (as each gets its own embedded server otherwise), and the
 * application's settings for it: {@code spring.datasource.*} as the application role, {@code spring.flyway.user}
 * as the owner. So Flyway runs every migration and {@code afterMigrate.sql} there as a non-superuser owner.
 * <p>
 * Two hooks, both registered for every test JVM and inert without the property: as an {@link EnvironmentPostProcessor}
 * ({@code META-INF/spring.factories}) it points a context without a configured database at its new database; as a
 * JUnit extension ({@code META-INF/services}, auto-detected) it skips every test, naming why, when no server
 * can be started on this machine.
 */
public class ExternalPostgresMode implements EnvironmentPostProcessor, ExecutionCondition {

	public static final String PROPERTY = "ikiiki.test.postgres";
	private static final AtomicInteger DATABASES = new AtomicInteger();
	private static PostgresCluster cluster;
	private static PostgresCluster.Roles roles;

	public static boolean active() {
		return "external".equals(System.getProperty(PROPERTY));
	}

	/**
	 * Skips every test class, naming why, when no server can be started here: at the class, because a Spring test's
	 * application context is loaded before its first test's own condition would be asked.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!active() || context.getTestMethod().isPresent()) {
			return ConditionEvaluationResult.enabled("the embedded database, or decided for the class");
		}
		return PostgresCluster.unavailableReason()
				.map(reason -> {
					System.err.println("[ExternalPostgresMode] " + context.getDisplayName() + " skipped: " + reason);
					return ConditionEvaluationResult.disabled("Skipped in the run against an external PostgreSQL "
							+ "server: " + reason);
				})
				.orElseGet(() -> ConditionEvaluationResult.enabled("a PostgreSQL server can be started"));
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!active() || environment.containsProperty("spring.datasource.url")) {
			return;
		}
		PostgresCluster server = shared();
		String database = "ikiiki_" + DATABASES.incrementAndGet();
		server.createDatabase(database, roles.owner());
		Map<String, Object> settings = new HashMap<>(roles.applicationProperties(server.jdbcUrl(database)));
		environment.getPropertySources().addFirst(new MapPropertySource("externalPostgresTestDatabase", settings));
	}

	/** The JVM's shared server, started at the first use and stopped when the JVM's last connection to it
	 * has closed. */
	public static synchronized PostgresCluster shared() {
		if (cluster == null) {
			PostgresCluster started = PostgresCluster.start("shared");
			PostgresCluster.Roles fresh = PostgresCluster.Roles.fresh();
			started.createRoles(fresh);
			Runtime.getRuntime().addShutdownHook(new Thread(started::stopWhenClientsLeave, "external-postgres-stop"));
			roles = fresh;
			cluster = started;
		}
		return cluster;
	}

	/** The roles of {@link #shared()}'s installation. */
	public static synchronized PostgresCluster.Roles sharedRoles() {
		shared();
		return roles;
	}
}
