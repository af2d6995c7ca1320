package jp.ikiiki.desk.telephony.ami;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.LineLimitRejectEvent;
import jp.ikiiki.desk.telephony.TelephonyProperties;
import jp.ikiiki.desk.telephony.TelephonyStatus;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The AMI connection (asterisk-java 3.42): logs in (retrying while the first login fails), lets asterisk-java
 * reconnect by itself after a loss (it re-logs in with the same credentials), pings, and tracks its state.
 * <p>
 * On every connection, on its own control thread (never asterisk-java's reader thread, which must not wait for a
 * response): closes the open {@code telephony_gap}, applies the line limit again, and re-syncs the queue with
 * {@code QueueStatus}, whose events go to the consumers like any other. On a loss: state RECONNECTING and a gap
 * opens. Events go to the {@link AmiEventDispatcher} straight from the reader thread.
 * <p>
 * asterisk-java 3.42 signals a loss with a {@link DisconnectEvent}, then reconnects in its own thread (short
 * retries first, then every 5 s) until it is logged in again; its {@code ConnectEvent} comes before that login, so
 * the state is taken from {@link ManagerConnection#getState()}.
 * <p>
 * Several nodes on one database: only the leader connects ({@code platform.cluster.Leadership}); a node that becomes
 * the leader connects ({@link #takeOver}) and one that stops being it disconnects at once ({@link #giveUp}), so
 * that one node at a time records calls and sets the line limit.
 */
public class AmiConnection implements SmartLifecycle, TelephonyStatus {

	private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);
	private static final long ACTION_TIMEOUT_MS = 10_000;

	private final TelephonyProperties properties;
	private final String host;
	private final int port;
	private final Supplier<List<AmiEventConsumer>> consumers;
	private volatile AmiEventDispatcher dispatcher;
	private final AmiLineLimitControl lineLimit;
	private final TelephonyGaps gaps;
	private final Clock clock;
	private final Counter reconnectCounter;
	private final AtomicLong reconnects = new AtomicLong();
	private final AtomicLong pings = new AtomicLong();
	private ScheduledExecutorService control;
	private ScheduledExecutorService pinger;
	private volatile ManagerConnection connection;
	private volatile Status status;
	private final BooleanSupplier leadership;
	private volatile boolean running;
	private volatile boolean lifecycle;
	private boolean everConnected;
	private boolean polling;

	public AmiConnection(TelephonyProperties properties, String host, int port,
			Supplier<List<AmiEventConsumer>> consumers,
			AmiLineLimitControl lineLimit, TelephonyGaps gaps, MeterRegistry registry, Clock clock,
			BooleanSupplier leadership) {
		this.properties = properties;
		this.leadership = leadership;
		this.host = host;
		this.port = port;
		this.consumers = consumers;
		this.lineLimit = lineLimit;
		this.gaps = gaps;
		this.clock = clock;
		this.status = new Status(State.DISCONNECTED, clock.instant(), 0, "not started");
		Gauge.builder("ikiiki.ami.connected", this, c -> c.status.state() == State.CONNECTED ? 1 : 0)
				.description("1 while the AMI connection is logged in").register(registry);
		this.reconnectCounter = Counter.builder("ikiiki.ami.reconnects")
				.description("AMI reconnections after a lost connection").register(registry);
		Gauge.builder("ikiiki.lines.limit", lineLimit, l -> l.inForce() < 0 ? Double.NaN : l.inForce())
				.description("Line limit in force in Asterisk").register(registry);
	}

	@Override
	public Status status() {
		return status;
	}

	public int port() {
		return port;
	}

	/** The dispatcher of the current run (null before the first start). */
	public AmiEventDispatcher dispatcher() {
		return dispatcher;
	}

	public long pings() {
		return pings.get();
	}

	/**
	 * The application's lifecycle: connects when this node is the leader (always, with one node); otherwise waits
	 * for {@link #takeOver}.
	 */
	@Override
	public synchronized void start() {
		if (lifecycle) {
			return;
		}
		lifecycle = true;
		if (leadership.getAsBoolean()) {
			connect(clock.instant(), "application started");
		} else {
			setStatus(State.DISCONNECTED, "another node is the leader");
			log.info("AMI connection waits: another node is the leader");
		}
	}

	@Override
	public synchronized void stop() {
		lifecycle = false;
		disconnect("application stopped", "stopped");
	}

	/**
	 * This node has become the leader: the gap from {@code gapFrom} (the previous leader's last heartbeat) until
	 * the connection is up is recorded, then the connection opens; on login the line limit is applied again and the
	 * queue re-synced, as after any reconnection.
	 */
	public synchronized void takeOver(Instant gapFrom) {
		if (lifecycle && !running) {
			connect(gapFrom != null ? gapFrom : clock.instant(), "leader node changed");
		}
	}

	/** This node is no longer the leader: the connection closes at once (the other node may already hold one). */
	public synchronized void giveUp() {
		disconnect("leadership given up", "another node is the leader");
	}

	private void connect(Instant gapFrom, String reason) {
		running = true;
		polling = false;
		control = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ami-control"));
		pinger = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ami-ping"));
		dispatcher = new AmiEventDispatcher(consumers.get(), properties.connection().eventLanes());
		recordGap(() -> gaps.openIfNone(gapFrom, reason));
		DefaultManagerConnection c = new DefaultManagerConnection(host, port, properties.ami().username(),
				properties.ami().password());
		registerRefusalEvent(c, properties.refusalEvent());
		c.addEventListener(new Listener());
		connection = c;
		control.execute(this::login);
		long ping = properties.connection().pingInterval().toMillis();
		pinger.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
		log.info("AMI connection to {}:{} as {} starting", host, port, properties.ami().username());
	}

	private void disconnect(String gapReason, String detail) {
		if (!running) {
			return;
		}
		running = false;
		recordGap(() -> gaps.openIfNone(clock.instant(), gapReason));
		pinger.shutdownNow();
		control.shutdownNow();
		ManagerConnection c = connection;
		lineLimit.disconnected();
		if (c != null && c.getState() == ManagerConnectionState.CONNECTED) {
			try {
				c.logoff();
			} catch (RuntimeException e) {
				log.debug("AMI logoff", e);
			}
		}
		setStatus(State.DISCONNECTED, detail);
		dispatcher.close();
	}

	@Override
	public boolean isRunning() {
		return lifecycle;
	}

	/** True while this node holds (or is opening) the AMI connection. */
	public boolean connecting() {
		return running;
	}

	private void login() {
		if (!running) {
			return;
		}
		try {
			connection.login();
			onConnected();
		} catch (AuthenticationFailedException e) {
			setStatus(State.DISCONNECTED, "login failed");
			log.error("AMI login to {}:{} as {} refused; retrying in {}", host, port, properties.ami().username(),
					properties.connection().loginRetry());
			retryLogin();
		} catch (IOException | TimeoutException | IllegalStateException e) {
			setStatus(State.DISCONNECTED, "cannot connect");
			log.warn("AMI connection to {}:{} failed ({}); retrying in {}", host, port, e.toString(),
					properties.connection().loginRetry());
			retryLogin();
		}
	}

	private void retryLogin() {
		if (running) {
			control.schedule(this::login, properties.connection().loginRetry().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** On the control thread: the connection is logged in (first time or again). */
	private void onConnected() {
		if (!running || status.state() == State.CONNECTED) {
			return;
		}
		boolean again = everConnected;
		everConnected = true;
		if (again) {
			reconnects.incrementAndGet();
			reconnectCounter.increment();
		}
		recordGap(() -> gaps.closeOpen(clock.instant()));
		setStatus(State.CONNECTED, again ? "reconnected" : "connected");
		log.info("AMI {} to {}:{}", again ? "reconnected" : "connected", host, port);
		lineLimit.connected(connection);
		resyncQueue();
	}

	/** On the control thread: asterisk-java lost the connection and reconnects by itself. */
	private void onLost() {
		if (!running) {
			return;
		}
		if (status.state() == State.CONNECTED) {
			Instant lost = clock.instant();
			lineLimit.disconnected();
			recordGap(() -> gaps.openIfNone(lost, "connection lost"));
			setStatus(State.RECONNECTING, "connection lost");
			log.warn("AMI connection to {}:{} lost; reconnecting", host, port);
		}
		if (everConnected && !polling) {
			polling = true;
			control.schedule(this::pollReconnected, 100, TimeUnit.MILLISECONDS);
		}
	}

	private void pollReconnected() {
		if (!running) {
			return;
		}
		if (connection.getState() == ManagerConnectionState.CONNECTED) {
			polling = false;
			onConnected();
		} else {
			control.schedule(this::pollReconnected, 200, TimeUnit.MILLISECONDS);
		}
	}

	private void resyncQueue() {
		try {
			QueueStatusAction action = new QueueStatusAction();
			action.setQueue(properties.queue());
			ResponseEvents events = connection.sendEventGeneratingAction(action, ACTION_TIMEOUT_MS);
			for (ResponseEvent e : events.getEvents()) {
				dispatcher.dispatchOther(e);
			}
		} catch (Exception e) {
			log.warn("QueueStatus after connecting failed: {}", e.toString());
		}
	}

	private void ping() {
		ManagerConnection c = connection;
		if (!running || c == null || status.state() != State.CONNECTED) {
			return;
		}
		try {
			c.sendAction(new PingAction(), ACTION_TIMEOUT_MS);
			pings.incrementAndGet();
		} catch (Exception e) {
			log.warn("AMI ping failed: {}", e.toString());
		}
	}

	private void setStatus(State state, String detail) {
		Status previous = status;
		if (previous.state() != state || !previous.detail().equals(detail)) {
			status = new Status(state, previous.state() == state ? previous.since() : clock.instant(),
					reconnects.get(), detail);
		}
	}

	/**
	 * asterisk-java maps {@code UserEvent: X} to a registered class named {@code XEvent}. The default name
	 * ({@code LineLimitReject}) is registered that way; another configured name is registered under that name in
	 * the connection's event builder, which asterisk-java offers no public method for (reflection on 3.42.x).
	 */
	static void registerRefusalEvent(DefaultManagerConnection c, String name) {
		c.registerUserEventClass(LineLimitRejectEvent.class);
		if (name.equalsIgnoreCase("LineLimitReject")) {
			return;
		}
		try {
			Object impl = field(c, "impl");
			Object reader = field(impl, "reader");
			Object builder = field(reader, "eventBuilder");
			java.lang.reflect.Method register = builder.getClass().getMethod("registerEventClass", String.class,
					Class.class);
			register.setAccessible(true);
			register.invoke(builder, "UserEvent" + name, LineLimitRejectEvent.class);
		} catch (ReflectiveOperationException | RuntimeException e) {
			throw new IllegalStateException("cannot register the refusal UserEvent " + name
					+ " with this asterisk-java version; use LineLimitReject", e);
		}
	}

	private static Object field(Object target, String name) throws ReflectiveOperationException {
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			try {
				java.lang.reflect.Field f = type.getDeclaredField(name);
				f.setAccessible(true);
				return f.get(target);
			} catch (NoSuchFieldException e) {
				// look in the superclass
			}
		}
		throw new NoSuchFieldException(name);
	}

	/** A database failure must not stop the connection's own handling. */
	private static void recordGap(Runnable write) {
		try {
			write.run();
		} catch (RuntimeException e) {
			log.warn("telephony_gap not written: {}", e.toString());
		}
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	/** Runs on asterisk-java's reader thread: never waits. */
	private final class Listener implements ManagerEventListener {

		@Override
		public void onManagerEvent(ManagerEvent event) {
			if (event instanceof DisconnectEvent) {
				ScheduledExecutorService c = control;
				if (c != null && !c.isShutdown()) {
					try {
						c.execute(AmiConnection.this::onLost);
					} catch (java.util.concurrent.RejectedExecutionException e) {
						log.debug("AMI disconnect while stopping");
					}
				}
			}
			dispatcher.dispatch(event);
		}
	}
}
