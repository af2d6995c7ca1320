package jp.ikiiki.desk.groups.internal;

import java.time.Clock;
import jp.ikiiki.desk.groups.GroupsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GroupsProperties.class)
class GroupsConfiguration {

	@Bean
	GroupsClock groupsClock(ObjectProvider<Clock> clock) {
		return new GroupsClock(clock.getIfAvailable(Clock::systemUTC));
	}
}
