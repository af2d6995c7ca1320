package jp.ikiiki.desk.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class PlatformConfiguration {

	/** With a configured server: the application's role connects once before anything uses the pool. */
	@Bean
	static ConfiguredDatabaseCheck configuredDatabaseCheck(Environment environment) {
		return new ConfiguredDatabaseCheck(environment);
	}
}
