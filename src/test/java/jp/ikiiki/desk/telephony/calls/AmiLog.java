package jp.ikiiki.desk.telephony.calls;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jp.ikiiki.desk.telephony.LineLimitRejectEvent;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Reads a raw AMI stream (CRLF lines, blocks separated by an empty line) into the event objects asterisk-java
 * 3.42.2 builds: each {@code Event:} block becomes an attribute map with lower-case keys, as
 * {@code ManagerReaderImpl} makes it, and goes through the library's own (package-private)
 * {@code EventBuilderImpl.buildEvent}. Responses and unknown events are skipped, as the library skips them.
 */
public final class AmiLog {

	private static final Pattern TIMESTAMP = Pattern.compile("Timestamp: (\\d+\\.\\d+)");

	private final Object builder;
	private final Method buildEvent;

	public AmiLog() {
		try {
			Class<?> type = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			builder = constructor.newInstance();
			buildEvent = type.getMethod("buildEvent", Object.class, Map.class);
			buildEvent.setAccessible(true);
			// What the AMI connection does (registerUserEventClass) for the dialplan's refusal event.
			Method register = type.getMethod("registerEventClass", Class.class);
			register.setAccessible(true);
			register.invoke(builder, LineLimitRejectEvent.class);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("asterisk-java's EventBuilderImpl changed", e);
		}
	}

	/** The events of a recording on the test class path, in the order received. */
	public static List<ManagerEvent> fixture(String resource) {
		return new AmiLog().events(resource(resource));
	}

	/**
	 * A recorded stream as other calls: every Linkedid and Uniqueid prefixed, and the Timestamps moved by
	 * {@code shiftSeconds}, so that the same recording can be fed again as new calls.
	 */
	public List<ManagerEvent> copy(String stream, String prefix, double shiftSeconds) {
		return events(copyText(stream, prefix, shiftSeconds));
	}

	/** {@link #copy} as AMI text, e.g. for the simulator to replay through its socket. */
	public static String copyText(String stream, String prefix, double shiftSeconds) {
		String renamed = stream.replace("call", prefix + "call")
				.replaceAll("Uniqueid: (\\d+\\.\\d+)", "Uniqueid: " + prefix + "$1")
				.replaceAll("DestUniqueid: (\\d+\\.\\d+)", "DestUniqueid: " + prefix + "$1");
		return TIMESTAMP.matcher(renamed).replaceAll(m -> "Timestamp: " + new BigDecimal(m.group(1))
				.add(BigDecimal.valueOf(shiftSeconds)).toPlainString());
	}

	/** The text of a recording on the test class path. */
	public static String resource(String resource) {
		try (InputStream in = AmiLog.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public List<ManagerEvent> events(String stream) {
		List<ManagerEvent> events = new ArrayList<>();
		for (String block : stream.split("\r\n\r\n")) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			for (String line : block.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					attributes.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ENGLISH),
							line.substring(colon + 1).trim());
				}
			}
			if (attributes.containsKey("event")) {
				ManagerEvent event = build(attributes);
				if (event != null) {
					events.add(event);
				}
			}
		}
		return events;
	}

	ManagerEvent build(Map<String, Object> attributes) {
		try {
			return (ManagerEvent) buildEvent.invoke(builder, this, attributes);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
