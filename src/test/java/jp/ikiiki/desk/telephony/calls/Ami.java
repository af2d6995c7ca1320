package jp.ikiiki.desk.telephony.calls;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.asteriskjava.manager.event.ManagerEvent;

/** Builds single AMI events for tests, through asterisk-java's own event builder. */
final class Ami {

	private static final AmiLog LOG = new AmiLog();

	private Ami() {
	}

	/** {@code event("Hangup", 12.5, "Uniqueid", "c1", "Linkedid", "c1")}: name, timestamp, then header pairs. */
	static ManagerEvent event(String name, double timestamp, String... headers) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("event", name);
		attributes.put("timestamp", String.format(Locale.ROOT, "%.6f", timestamp));
		for (int i = 0; i < headers.length; i += 2) {
			attributes.put(headers[i].toLowerCase(Locale.ENGLISH), headers[i + 1]);
		}
		ManagerEvent event = LOG.build(attributes);
		if (event == null) {
			throw new IllegalArgumentException("asterisk-java builds no event for " + attributes);
		}
		return event;
	}
}
