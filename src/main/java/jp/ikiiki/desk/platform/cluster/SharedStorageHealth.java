package jp.ikiiki.desk.platform.cluster;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code sharedStorage} in {@code /actuator/health}: UP when every configured directory is shared with every live
 * node, DOWN with the directory, the other node and the reason otherwise, UNKNOWN before the first check.
 */
final class SharedStorageHealth implements HealthIndicator {

	private final SharedStorageCheck check;

	SharedStorageHealth(SharedStorageCheck check) {
		this.check = check;
	}

	@Override
	public Health health() {
		SharedStorageCheck.Result r = check.last();
		if (r.checkedAt() == null) {
			return Health.unknown().build();
		}
		Health.Builder b = r.problems().isEmpty() ? Health.up() : Health.down();
		b.withDetail("checkedAt", r.checkedAt().toString()).withDetail("peers", r.peers());
		if (!r.problems().isEmpty()) {
			b.withDetail("problems", r.problems().stream().map(p -> java.util.Map.of("directory", p.directory(),
					"otherNode", p.node(), "path", String.valueOf(p.path()), "reason", p.reason())).toList());
		}
		return b.build();
	}
}
