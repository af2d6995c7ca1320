package jp.ikiiki.desk.telephony.ami;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jp.ikiiki.desk.telephony.AmiEventConsumer;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands AMI events from asterisk-java's reader thread to the {@link AmiEventConsumer}s without ever blocking it:
 * each event goes onto one of a fixed set of single-thread lanes with an unbounded queue. Lane 0 takes events
 * without a call id (queue members, globals, bridges, the connection's own); the others are chosen by the hash of
 * the call's id, so the events of one call stay in order.
 * <p>
 * The call id is the {@code Linkedid}; events that carry none of their own use the first of {@code DestLinkedid},
 * {@code LocalOneLinkedid} and {@code Uniqueid} (the Uniqueid of a call's first channel is its Linkedid, as
 * {@code OriginateResponse} shows).
 */
public final class AmiEventDispatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AmiEventDispatcher.class);
	private static final List<String> ID_GETTERS = List.of("getlinkedid", "getdestlinkedid", "getlocalonelinkedid",
			"getuniqueid");

	private static final ClassValue<Method[]> CALL_ID_GETTERS = new ClassValue<>() {
		@Override
		protected Method[] computeValue(Class<?> type) {
			List<Method> found = new ArrayList<>();
			for (String wanted : ID_GETTERS) {
				for (Method m : type.getMethods()) {
					if (m.getParameterCount() == 0 && m.getReturnType() == String.class
							&& Modifier.isPublic(m.getModifiers())
							&& m.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
						found.add(m);
						break;
					}
				}
			}
			return found.toArray(Method[]::new);
		}
	};

	private final List<AmiEventConsumer> consumers;
	private final ThreadPoolExecutor[] lanes;
	private final AtomicLong dispatched = new AtomicLong();
	private final AtomicLong delivered = new AtomicLong();
	private final AtomicLong failures = new AtomicLong();

	public AmiEventDispatcher(List<AmiEventConsumer> consumers, int laneCount) {
		if (laneCount < 2) {
			throw new IllegalArgumentException("at least two lanes");
		}
		this.consumers = List.copyOf(consumers);
		this.lanes = new ThreadPoolExecutor[laneCount];
		for (int i = 0; i < laneCount; i++) {
			String name = i == 0 ? "ami-events-other" : "ami-events-" + i;
			lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
				Thread t = new Thread(r, name);
				t.setDaemon(true);
				return t;
			});
		}
	}

	/** Queues the event for the consumers; returns at once. */
	public void dispatch(ManagerEvent event) {
		String callId = callId(event);
		int lane = callId == null ? 0 : 1 + Math.floorMod(callId.hashCode(), lanes.length - 1);
		submit(lane, event);
	}

	/** Queues the event on the lane of events without a call (queue state after a re-sync). */
	public void dispatchOther(ManagerEvent event) {
		submit(0, event);
	}

	private void submit(int lane, ManagerEvent event) {
		dispatched.incrementAndGet();
		try {
			lanes[lane].execute(() -> deliver(event));
		} catch (java.util.concurrent.RejectedExecutionException e) {
			log.debug("AMI event after shutdown dropped: {}", event.getClass().getSimpleName());
		}
	}

	private void deliver(ManagerEvent event) {
		for (AmiEventConsumer consumer : consumers) {
			try {
				consumer.onEvent(event);
			} catch (RuntimeException e) {
				failures.incrementAndGet();
				// Event content may hold caller numbers: log the type only.
				log.error("AMI event consumer {} failed on {}", consumer.getClass().getName(),
						event.getClass().getSimpleName(), e);
			}
		}
		delivered.incrementAndGet();
	}

	/** The id that keeps a call's events in order, or null. */
	static String callId(ManagerEvent event) {
		for (Method m : CALL_ID_GETTERS.get(event.getClass())) {
			try {
				Object value = m.invoke(event);
				if (value instanceof String s && !s.isEmpty() && !"none".equals(s)) {
					return s;
				}
			} catch (ReflectiveOperationException e) {
				log.debug("cannot read {} of {}", m.getName(), event.getClass().getSimpleName());
			}
		}
		return null;
	}

	public long dispatched() {
		return dispatched.get();
	}

	public long delivered() {
		return delivered.get();
	}

	public long consumerFailures() {
		return failures.get();
	}

	/** Events queued and not yet delivered. */
	public int backlog() {
		int sum = 0;
		for (ThreadPoolExecutor lane : lanes) {
			sum += lane.getQueue().size() + lane.getActiveCount();
		}
		return sum;
	}

	/** Delivers what is queued (up to the timeout), then stops the lanes. */
	@Override
	public void close() {
		for (ThreadPoolExecutor lane : lanes) {
			lane.shutdown();
		}
		for (ThreadPoolExecutor lane : lanes) {
			try {
				if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
					lane.shutdownNow();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				lane.shutdownNow();
			}
		}
	}
}
