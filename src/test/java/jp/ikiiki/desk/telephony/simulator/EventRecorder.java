package jp.ikiiki.desk.telephony.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.asteriskjava.manager.ManagerEventListener;
import org.awaitility.Awaitility;
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

	/** Waits until some event matches; fails the test after the timeout, naming the events seen. */
	public <T extends ManagerEvent> T await(Class<T> type, Predicate<T> match, Duration timeout) {
		return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
				.alias("no " + type.getSimpleName() + " matching")
				.until(() -> events.stream().filter(type::isInstance).map(type::cast).filter(match).findFirst(),
						Optional::isPresent)
				.orElseThrow();
	}

	/** Waits until a condition holds; fails the test after the timeout, naming what was awaited. */
	public static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
		Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).alias(what)
				.until(condition::getAsBoolean);
	}
}
