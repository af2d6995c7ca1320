package jp.ikiiki.desk.escalations.internal;

import jp.ikiiki.desk.escalations.EscalationsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationsProperties.class)
class EscalationsConfiguration {
}
