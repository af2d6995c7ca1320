package jp.ikiiki.desk.telephony.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.QueueMemberChanged;
import org.asteriskjava.manager.event.ManagerEvent;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the open wallboards to refresh: shortly after any AMI event (coalesced, so that a burst of events makes
 * one refresh and the other consumers of the same event have run first), and every second in any case, for the
 * waiting times and the clock.
 * <p>
 * Each refresh round computes the day's statistics once for every open wallboard ({@link #shared}): the first
 * screen to refresh in a round queries them, the others of the same round reuse the result, so that ten screens
 * cost no more database work than one.
 */
@Component
class WallboardFeed implements AmiEventConsumer, DisposableBean {

	/** Delay after an event before refreshing: lets the call tracking apply the same event first. */
	static final long COALESCE_MS = 150;

	private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
	private final AtomicLong round = new AtomicLong();
	private long sharedRound = -1;
	private Object sharedValue;
	private final AtomicBoolean pending = new AtomicBoolean();
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "wallboard-feed");
		t.setDaemon(true);
		return t;
	});

	WallboardFeed() {
		timer.scheduleAtFixedRate(this::notifySubscribers, 1, 1, TimeUnit.SECONDS);
	}

	/** Refreshes the open wallboards shortly: another node's live state arrived (several nodes). */
	void refreshSoon() {
		soon();
	}

	/** Registers a refresh; the returned handle unregisters it. */
	Runnable subscribe(Runnable refresh) {
		subscribers.add(refresh);
		return () -> subscribers.remove(refresh);
	}

	@Override
	public void onEvent(ManagerEvent event) {
		soon();
	}

	@EventListener
	void on(QueueMemberChanged change) {
		soon();
	}

	private void soon() {
		if (pending.compareAndSet(false, true)) {
			timer.schedule(() -> {
				pending.set(false);
				notifySubscribers();
			}, COALESCE_MS, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * The value computed once per refresh round: the first caller of a round computes it (in its own security
	 * context), later callers of the same round get the same value. Only for figures that are the same for every
	 * viewer (no personal data).
	 */
	@SuppressWarnings("unchecked")
	synchronized <T> T shared(Supplier<T> compute) {
		long current = round.get();
		if (sharedRound != current || sharedValue == null) {
			sharedValue = compute.get();
			sharedRound = current;
		}
		return (T) sharedValue;
	}

	private void notifySubscribers() {
		round.incrementAndGet();
		for (Runnable r : subscribers) {
			try {
				r.run();
			} catch (RuntimeException e) {
				subscribers.remove(r); // a closed UI; it unsubscribes itself on detach anyway
			}
		}
	}

	int subscribers() {
		return subscribers.size();
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
