package jp.ikiiki.desk.mailings.internal;

import jp.ikiiki.desk.mailings.MailingsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailingsProperties.class)
class MailingsConfiguration {
}
