package jp.ikiiki.desk.telephony.ami;

import jp.ikiiki.desk.telephony.TelephonyStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Health component {@code ami}: UP while connected; otherwise the connection state as its own status
 * ({@code RECONNECTING}, {@code DISCONNECTED}). Those statuses do not pull the application's overall status down:
 * the desk works without telephony, and alerting uses the metric {@code ikiiki_ami_connected}.
 */
public class AmiHealthIndicator extends AbstractHealthIndicator {

	private final TelephonyStatus status;

	public AmiHealthIndicator(TelephonyStatus status) {
		super("AMI health check failed");
		this.status = status;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		TelephonyStatus.Status s = status.status();
		builder.status(s.state() == TelephonyStatus.State.CONNECTED ? Status.UP : new Status(s.state().name()))
				.withDetail("state", s.state().name()).withDetail("since", s.since().toString())
				.withDetail("reconnects", s.reconnects()).withDetail("detail", s.detail());
	}
}
