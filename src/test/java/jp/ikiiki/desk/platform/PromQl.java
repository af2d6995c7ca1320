package jp.ikiiki.desk.platform;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads: identifiers that are neither functions, keywords nor labels. */
final class PromQl {

	/** The metrics the application exports for the call centre: the names the dashboards and alert rules rely on. */
	static final Set<String> TELEPHONY_METRICS = Set.of("ikiiki_ami_connected", "ikiiki_ami_reconnects_total",
			"ikiiki_lines_limit", "ikiiki_lines_in_use", "ikiiki_callers_waiting", "ikiiki_longest_wait_seconds",
			"ikiiki_calls_total", "ikiiki_answer_rate", "ikiiki_city_open");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "bool", "offset", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private PromQl() {
	}

	static Set<String> metrics(String expr) {
		String text = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // string literals
				.replaceAll("\\{[^}]*}", " ") // label matchers
				.replaceAll("\\[[^]]*]", " ") // range selectors, $__range included
				.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // label lists
				.replaceAll("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?[smhdwy]?\\b", " "); // numbers and durations
		Set<String> metrics = new TreeSet<>();
		Matcher m = IDENTIFIER.matcher(text);
		while (m.find()) {
			String name = m.group();
			String rest = text.substring(m.end()).stripLeading();
			boolean function = rest.startsWith("(");
			if (!function && !KEYWORDS.contains(name.toLowerCase())) {
				metrics.add(name);
			}
		}
		return metrics;
	}
}
