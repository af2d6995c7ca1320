package jp.ikiiki.desk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import jp.ikiiki.desk.IkiikiDeskApplication;

/**
 * With SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD the application uses that server and starts no embedded one.
 * The "external" server here is a PostgreSQL the test starts itself, reached only by URL.
 */
class ConfiguredDatabaseIT {

	static EmbeddedPostgres external;

	@BeforeAll
	static void startExternalServer() throws Exception {
		external = EmbeddedPostgres.builder().start();
		try (Connection c = external.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create role desk_app login password 'app-secret-1'");
			s.execute("create database desk");
		}
	}

	@AfterAll
	static void stop() throws Exception {
		external.close();
	}

	@Test
	void uses_the_configured_server_and_no_demo_users() {
		String url = "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/desk";
		try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(IkiikiDeskApplication.class)
				.run("--spring.datasource.url=" + url, "--spring.datasource.username=desk_app",
						"--spring.datasource.password=app-secret-1", "--spring.flyway.user=postgres",
						"--spring.flyway.password=postgres", "--ikiiki.demo.enabled=auto", "--server.port=0")) {
			assertThat(ctx.getBeanNamesForType(EmbeddedDatabaseConfiguration.EmbeddedServer.class)).isEmpty();
			var jdbc = ctx.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_database() || ':' || current_user").query(String.class).single()).isEqualTo("desk:desk_app");
			assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single()).isPositive();
			assertThat(ctx.getBean(DemoMode.class).enabled()).isFalse();
			assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
		}
	}
}
