package jp.ikiiki.desk.telephony.members;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.ikiiki.desk.platform.cluster.ClusterMessages;
import jp.ikiiki.desk.platform.cluster.ClusterProperties;
import jp.ikiiki.desk.platform.cluster.Leadership;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.CallCentreNow;
import jp.ikiiki.desk.telephony.QueueMemberState;
import jp.ikiiki.desk.telephony.QueueMembers;
import jp.ikiiki.desk.telephony.TelephonyStatus;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The live telephony state the wallboard shows (connection, calls in progress, members) lives in the memory of the
 * node that holds the AMI connection: the leader. With several nodes the leader writes it to
 * {@code telephony_live_state} when it changes (looked at shortly after every AMI event and every
 * {@link #INTERVAL}, written again every {@link #REWRITE} at least) and tells the other nodes
 * ({@code telephony.live}); they read the row and refresh their wallboards. A row older than {@link #STALE} means
 * that no leader reports: the wallboard shows the connection as down. Nothing in it is a caller's data.
 * <p>
 * With one node nothing is written: {@link #current()} is this node's own state.
 * <p>
 * It is also the {@link QueueMembers} every module gets: the desk of a node that is not the leader offers and checks
 * the leader's members.
 */
@Component
@Primary
public class LiveTelephony implements AmiEventConsumer, QueueMembers, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveTelephony.class);
	static final String TOPIC = "cluster.telephony.live";
	static final Duration INTERVAL = Duration.ofMillis(500);
	static final Duration REWRITE = Duration.ofSeconds(5);
	static final Duration STALE = Duration.ofSeconds(15);
	/** Delay after an event before looking: lets the call tracking apply the same event first. */
	static final long COALESCE_MS = 150;

	/** What the wallboard needs of the leader's memory. */
	public record Live(TelephonyStatus.Status status, CallCentreNow.Snapshot calls, List<QueueMemberState> members) {
	}

	private final TelephonyStatus telephony;
	private final CallCentreNow calls;
	private final QueueMemberTracker members;
	private final Leadership leadership;
	private final ClusterMessages messages;
	private final JdbcClient jdbc;
	private final ObjectMapper json;
	private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
	private final Clock clock;
	private final boolean shared;
	private final AtomicBoolean pending = new AtomicBoolean();
	private final ScheduledExecutorService timer;
	private Live written;
	private Instant writtenAt = Instant.EPOCH;
	private volatile Live remote;
	private volatile Instant remoteAt = Instant.EPOCH;

	LiveTelephony(TelephonyStatus telephony, CallCentreNow calls, QueueMemberTracker members, Leadership leadership,
			ClusterMessages messages, ClusterProperties cluster, JdbcClient jdbc, ObjectMapper json,
			ObjectProvider<Clock> clock) {
		this.telephony = telephony;
		this.calls = calls;
		this.members = members;
		this.leadership = leadership;
		this.messages = messages;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.shared = cluster.enabled();
		if (shared) {
			timer = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "telephony-live-share");
				t.setDaemon(true);
				return t;
			});
			timer.scheduleWithFixedDelay(this::tick, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			messages.subscribe(TOPIC, m -> {
				if (!m.local()) {
					timer.execute(this::read);
				}
			});
		} else {
			timer = null;
		}
	}

	/** The live state to show: this node's own when it leads (or is alone), else the leader's last report. */
	public Live current() {
		if (!shared || leadership.isLeader()) {
			return local();
		}
		Live r = remote;
		if (r == null || Duration.between(remoteAt, clock.instant()).compareTo(STALE) > 0) {
			return new Live(new TelephonyStatus.Status(TelephonyStatus.State.DISCONNECTED, remoteAt, 0,
					"no leader reports"), new CallCentreNow.Snapshot(0, 0, 0), List.of());
		}
		return r;
	}

	/** This node's own state, in the caller's security context (the members are for signed-in people). */
	private Live local() {
		return new Live(telephony.status(), calls.now(), members.members());
	}

	/** Runs {@code listener} whenever another node's live state arrives (a node that is not the leader). */
	public void onRemoteChange(Runnable listener) {
		listeners.add(listener);
	}

	@Override
	public List<QueueMemberState> members() {
		return current().members();
	}

	@Override
	public Optional<QueueMemberState> member(String queue, String memberInterface) {
		return current().members().stream()
				.filter(m -> m.queue().equals(queue) && m.memberInterface().equals(memberInterface)).findFirst();
	}

	@Override
	public void onEvent(ManagerEvent event) {
		if (shared && pending.compareAndSet(false, true)) {
			timer.schedule(() -> {
				pending.set(false);
				tick();
			}, COALESCE_MS, TimeUnit.MILLISECONDS);
		}
	}

	private synchronized void tick() {
		// the share's own thread: what it reads and whom it tells (this node's subscribers too) act as the system
		CurrentUser.runAsSystem(this::share);
	}

	private void share() {
		try {
			if (leadership.isLeader()) {
				Live now = local();
				Instant at = clock.instant();
				if (!now.equals(written) || Duration.between(writtenAt, at).compareTo(REWRITE) >= 0) {
					write(now);
					written = now;
					writtenAt = at;
					messages.publish(TOPIC, String.valueOf(at.toEpochMilli()));
				}
			} else {
				written = null;
				if (Duration.between(remoteAt, clock.instant()).compareTo(REWRITE.multipliedBy(2)) > 0) {
					read(); // a missed message, or no leader
				}
			}
		} catch (RuntimeException e) {
			log.warn("Live telephony state not shared: {}", SafeThrowables.describe(e));
		}
	}

	private void write(Live live) {
		try {
			jdbc.sql("""
					insert into telephony_live_state (id, node, state, written_at) values (1, :node, cast(:state as jsonb), now())
					on conflict (id) do update set node = excluded.node, state = excluded.state, written_at = now()""")
					.param("node", leadership.node()).param("state", json.writeValueAsString(live)).update();
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("live state not serialisable", e);
		}
	}

	private synchronized void read() {
		CurrentUser.runAsSystem(this::readShared);
	}

	private void readShared() {
		try {
			jdbc.sql("select state, written_at from telephony_live_state where id = 1").query((rs, n) -> {
				try {
					remote = json.readValue(rs.getString(1), Live.class);
					remoteAt = rs.getTimestamp(2).toInstant();
				} catch (JsonProcessingException e) {
					throw new IllegalStateException("live state not readable", e);
				}
				return remote;
			}).optional();
			listeners.forEach(Runnable::run);
		} catch (RuntimeException e) {
			log.warn("Live telephony state not read: {}", SafeThrowables.describe(e));
		}
	}

	@Override
	public void destroy() {
		if (timer != null) {
			timer.shutdownNow();
		}
	}
}
