package jp.ikiiki.desk.telephony.calls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.Optional;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Reads the headers asterisk-java puts on many unrelated event classes ({@code Linkedid}, {@code Uniqueid}):
 * there is no common supertype, and the getter is spelt {@code getLinkedId} or {@code getLinkedid}.
 */
final class AmiFields {

	private static final ClassValue<Optional<MethodHandle>> LINKED_ID = getter("getLinkedId", "getLinkedid");
	private static final ClassValue<Optional<MethodHandle>> UNIQUE_ID = getter("getUniqueId", "getUniqueid");
	private static final ClassValue<Optional<MethodHandle>> DEST_UNIQUE_ID = getter("getDestUniqueId");

	private AmiFields() {
	}

	/** The event's Linkedid, or null if it has none (or Asterisk sent an empty one). */
	static String linkedId(ManagerEvent event) {
		return read(LINKED_ID, event);
	}

	static String uniqueId(ManagerEvent event) {
		return read(UNIQUE_ID, event);
	}

	static String destUniqueId(ManagerEvent event) {
		return read(DEST_UNIQUE_ID, event);
	}

	/**
	 * When Asterisk raised the event ({@code Timestamp}, sent with {@code timestampevents=yes}), else when it was
	 * received, else now.
	 */
	static Instant timestamp(ManagerEvent event) {
		Double seconds = event.getTimestamp();
		if (seconds != null) {
			long whole = (long) Math.floor(seconds);
			long micros = Math.round((seconds - whole) * 1_000_000);
			return Instant.ofEpochSecond(whole).plusNanos(micros * 1000);
		}
		return event.getDateReceived() != null ? event.getDateReceived().toInstant() : Instant.now();
	}

	private static String read(ClassValue<Optional<MethodHandle>> getter, ManagerEvent event) {
		Optional<MethodHandle> handle = getter.get(event.getClass());
		if (handle.isEmpty()) {
			return null;
		}
		try {
			Object value = handle.get().invoke(event);
			if (value == null) {
				return null;
			}
			String text = value.toString();
			return text.isBlank() || "none".equals(text) ? null : text;
		}
		catch (Throwable e) {
			throw new IllegalStateException("cannot read " + event.getClass().getSimpleName(), e);
		}
	}

	private static ClassValue<Optional<MethodHandle>> getter(String... names) {
		return new ClassValue<>() {
			@Override
			protected Optional<MethodHandle> computeValue(Class<?> type) {
				for (String name : names) {
					try {
						MethodHandle handle = MethodHandles.publicLookup()
								.findVirtual(type, name, MethodType.methodType(String.class));
						return Optional.of(handle.asType(MethodType.methodType(Object.class, ManagerEvent.class)));
					}
					catch (NoSuchMethodException | IllegalAccessException e) {
						// try the next spelling
					}
				}
				return Optional.empty();
			}
		};
	}
}
