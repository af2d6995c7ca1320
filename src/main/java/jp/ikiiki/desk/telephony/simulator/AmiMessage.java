package jp.ikiiki.desk.telephony.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One AMI message: ordered {@code Key: value} header lines, as Asterisk writes them (CRLF after each line, a blank
 * line after the block). Keys may repeat ({@code Variable:} in an {@code Originate}).
 */
public final class AmiMessage {

	private final List<String[]> headers = new ArrayList<>();

	public static AmiMessage event(String name) {
		return new AmiMessage().add("Event", name);
	}

	public static AmiMessage response(String response, String actionId) {
		AmiMessage m = new AmiMessage().add("Response", response);
		if (actionId != null) {
			m.add("ActionID", actionId);
		}
		return m;
	}

	public AmiMessage add(String key, Object value) {
		headers.add(new String[] { key, value == null ? "" : String.valueOf(value) });
		return this;
	}

	/** The first value of a header (keys compare ignoring case, as Asterisk does), or null. */
	public String get(String key) {
		for (String[] h : headers) {
			if (h[0].equalsIgnoreCase(key)) {
				return h[1];
			}
		}
		return null;
	}

	public List<String> getAll(String key) {
		List<String> values = new ArrayList<>();
		for (String[] h : headers) {
			if (h[0].equalsIgnoreCase(key)) {
				values.add(h[1]);
			}
		}
		return values;
	}

	public List<String[]> headers() {
		return headers;
	}

	/** The event's name, or null when the message is not an event. */
	public String eventName() {
		return get("Event");
	}

	public String toWire() {
		StringBuilder b = new StringBuilder(64 + headers.size() * 32);
		for (String[] h : headers) {
			b.append(h[0]).append(": ").append(h[1]).append("\r\n");
		}
		return b.append("\r\n").toString();
	}

	/** Parses the lines of one block ({@code Key: value}; a line without a colon is kept with an empty value). */
	public static AmiMessage parse(List<String> lines) {
		AmiMessage m = new AmiMessage();
		for (String line : lines) {
			int colon = line.indexOf(':');
			if (colon < 0) {
				m.add(line.trim(), "");
			} else {
				String value = line.substring(colon + 1);
				m.add(line.substring(0, colon).trim(), value.startsWith(" ") ? value.substring(1) : value);
			}
		}
		return m;
	}

	@Override
	public String toString() {
		String name = eventName();
		return name != null ? "Event " + name : "Message " + headers.size() + " headers";
	}

	static String lower(String s) {
		return s == null ? null : s.toLowerCase(Locale.ROOT);
	}
}
