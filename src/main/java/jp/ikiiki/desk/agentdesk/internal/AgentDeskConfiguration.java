package jp.ikiiki.desk.agentdesk.internal;

import jp.ikiiki.desk.agentdesk.AgentDeskProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentDeskProperties.class)
class AgentDeskConfiguration {
}
