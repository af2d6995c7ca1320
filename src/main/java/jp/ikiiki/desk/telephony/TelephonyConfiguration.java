package jp.ikiiki.desk.telephony;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelephonyProperties.class)
class TelephonyConfiguration {
}
