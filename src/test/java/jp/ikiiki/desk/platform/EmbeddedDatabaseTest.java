package jp.ikiiki.desk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedDatabaseTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
			.withUserConfiguration(PlatformConfiguration.class, EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("ikiiki.database.app-role=ikiiki_app");

	@Test
	void data_survives_a_restart_in_the_configured_data_directory(@TempDir Path dir) {
		Path data = dir.resolve("pgdata");
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			try (Connection c = ctx.getBean("ownerDataSource", javax.sql.DataSource.class).getConnection(); Statement s = c.createStatement()) {
				s.execute("create table kept (v text)");
				s.execute("insert into kept values ('still here')");
			}
		});
		assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=" + data).run(ctx -> {
			try (Connection c = ctx.getBean("ownerDataSource", javax.sql.DataSource.class).getConnection();
					Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from kept")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("still here");
			}
		});
	}

	@Test
	void the_application_connects_as_its_own_non_superuser_role() {
		runner.withPropertyValues("ikiiki.database.embedded.data-dir=").run(ctx -> {
			try (Connection c = ctx.getBean("dataSource", javax.sql.DataSource.class).getConnection();
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
				.run(ctx -> assertThat(ctx).doesNotHaveBean(EmbeddedDatabaseConfiguration.EmbeddedServer.class));
	}
}
