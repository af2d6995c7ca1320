package jp.ikiiki.desk.telephony.lines;

import jp.ikiiki.desk.platform.cluster.LeadershipGained;
import jp.ikiiki.desk.platform.cluster.LeadershipLost;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.telephony.ami.AmiConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Telephony follows the node's leadership (several nodes on one database): the node that becomes the leader
 * computes the line limit in force from the database (a change made on the old leader counts), then takes the AMI
 * connection, whose login puts that limit in force, re-syncs the queue ({@code QueueStatus}) and closes the gap
 * opened at the old leader's last heartbeat; the node that stops being the leader closes its connection at once.
 */
@Component
class TelephonyLeadership {

	private static final Logger log = LoggerFactory.getLogger(TelephonyLeadership.class);

	private final LineLimitScheduler scheduler;
	private final ObjectProvider<AmiConnection> connection;

	TelephonyLeadership(LineLimitScheduler scheduler, ObjectProvider<AmiConnection> connection) {
		this.scheduler = scheduler;
		this.connection = connection;
	}

	@EventListener
	void on(LeadershipGained gained) {
		try {
			scheduler.applyNow();
		} catch (RuntimeException e) {
			// The connection still opens: it applies the limit last kept, and the timer tries again.
			log.error("Line limit not computed on taking over: {}", SafeThrowables.describe(e));
		}
		connection.ifAvailable(c -> c.takeOver(gained.previousLastSeen()));
	}

	@EventListener
	void on(LeadershipLost lost) {
		connection.ifAvailable(AmiConnection::giveUp);
	}
}
