package jp.ikiiki.desk.agentdesk;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the desk knows that the application instance holding an agent's console session still runs. A binding lives
 * as long as the session that made it, and sessions live in the memory of one running application: each instance
 * refreshes its row every {@code heartbeat}; an instance not seen for {@code instanceTimeout} (it crashed) is gone,
 * and with it every binding its sessions made.
 *
 * @param heartbeat       how often a running instance says so
 * @param instanceTimeout after how long without a heartbeat an instance counts as stopped; at least twice the
 *                        heartbeat
 */
@Validated
@ConfigurationProperties("ikiiki.agentdesk")
public record AgentDeskProperties(@NotNull Duration heartbeat, @NotNull Duration instanceTimeout) {

	public AgentDeskProperties {
		if (heartbeat != null && (heartbeat.isNegative() || heartbeat.isZero())) {
			throw new IllegalArgumentException("ikiiki.agentdesk.heartbeat must be positive: " + heartbeat);
		}
		if (heartbeat != null && instanceTimeout != null && instanceTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("ikiiki.agentdesk.instance-timeout (" + instanceTimeout
					+ ") must be at least twice the heartbeat (" + heartbeat + ")");
		}
	}
}
