package jp.ikiiki.desk.deliverables.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverablesProperties.class)
class DeliverablesConfiguration {
}
