package jp.ikiiki.desk.platform.cluster;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Several nodes on one database ({@code ikiiki.cluster}).
 *
 * @param enabled       true when more than one node may run against the database: leadership by advisory lock and
 *                      messages by LISTEN/NOTIFY; false (default): this node leads alone and messages stay in memory
 * @param node          this node's name in the leadership record and the log; blank = host name and process id
 * @param checkInterval how often the leader proves its lock (and a follower tries to take it)
 * @param checkTimeout  how long one check may take before the connection counts as lost (the socket timeout of the
 *                      dedicated connections)
 * @param lockKey       the advisory lock's second key (the first is fixed); two installations on one server need
 *                      different keys
 */
@Validated
@ConfigurationProperties("ikiiki.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled, @DefaultValue("") String node,
		@DefaultValue("1s") @NotNull Duration checkInterval, @DefaultValue("3s") @NotNull Duration checkTimeout,
		@DefaultValue("1") int lockKey) {

	/** This node's name: the configured one, else host name and process id. */
	public String nodeName() {
		if (node != null && !node.isBlank()) {
			return node.strip();
		}
		String host;
		try {
			host = java.net.InetAddress.getLocalHost().getHostName();
		} catch (java.io.IOException e) {
			host = "localhost";
		}
		return host + "/" + ProcessHandle.current().pid();
	}
}
