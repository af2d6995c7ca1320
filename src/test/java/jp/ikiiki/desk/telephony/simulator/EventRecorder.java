package jp.ikiiki.desk.telephony.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;

/** Collects what asterisk-java delivers, for tests. */
public final class EventRecorder implements ManagerEventListener {

	private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onManagerEvent(ManagerEvent event) {
		events.add(event);
	}

	public List<ManagerEvent> events() {
		return List.copyOf(events);
	}

	public <T extends ManagerEvent> List<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** Waits until some event matches; fails the test after the timeout. */
	public <T extends ManagerEvent> T await(Class<T> type, Predicate<T> match, Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			for (ManagerEvent e : events) {
				if (type.isInstance(e) && match.test(type.cast(e))) {
					return type.cast(e);
				}
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " matching within " + timeout + "; got "
				+ events.stream().map(e -> e.getClass().getSimpleName()).toList());
	}

	public static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			if (condition.getAsBoolean()) {
				return;
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
		throw new AssertionError("timed out waiting for " + what);
	}
}
