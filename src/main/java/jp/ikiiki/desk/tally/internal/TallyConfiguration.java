package jp.ikiiki.desk.tally.internal;

import java.time.Clock;
import jp.ikiiki.desk.tally.TallyProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TallyProperties.class)
class TallyConfiguration {

	@Bean
	CapRules capRules(TallyProperties properties) {
		return new CapRules(properties);
	}

	@Bean
	TallyClock tallyClock(ObjectProvider<Clock> clock) {
		return new TallyClock(clock.getIfAvailable(Clock::systemUTC));
	}
}
