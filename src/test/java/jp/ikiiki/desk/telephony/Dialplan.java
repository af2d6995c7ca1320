package jp.ikiiki.desk.telephony;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one extension of an {@code extensions.conf} context the way Asterisk would for the few applications and
 * functions the line gate uses, so that a test can follow a call through it. Unknown applications and functions
 * fail loudly instead of being skipped.
 */
final class Dialplan {

	/** One priority: optional label, application name and its (unsubstituted) arguments. */
	record Step(String label, String application, String data) {
	}

	/** What a call did: applications in the order run, with their substituted arguments. */
	record Run(List<Step> executed) {

		boolean ran(String application) {
			return executed.stream().anyMatch(s -> s.application().equals(application));
		}

		String dataOf(String application) {
			return executed.stream().filter(s -> s.application().equals(application)).map(Step::data).findFirst()
					.orElseThrow(() -> new AssertionError(application + " did not run: " + executed));
		}

		List<String> applications() {
			return executed.stream().map(Step::application).toList();
		}
	}

	private static final Pattern APP = Pattern.compile("^(\\w+)\\((.*)\\)$|^(\\w+)$");
	private static final Pattern PRIORITY = Pattern.compile("^(\\d+|n)(?:\\((\\w+)\\))?$");

	private final List<Step> steps;
	final Map<String, String> globals;
	final Map<String, String> astdb;
	private final Map<String, Integer> groupCounts;
	private final Map<String, String> channel = new HashMap<>();

	/**
	 * @param context     the context's section
	 * @param extension   the extension to run (its priorities must be 1, then {@code same => n})
	 * @param globals     global variables (changed by {@code Set(GLOBAL(...))})
	 * @param astdb       AstDB as {@code family/key -> value}
	 * @param groupCounts {@code GROUP_COUNT(group@category)} results, the call itself included
	 */
	Dialplan(AsteriskConf.Section context, String extension, Map<String, String> globals, Map<String, String> astdb,
			Map<String, Integer> groupCounts) {
		this.steps = steps(context, extension);
		this.globals = globals;
		this.astdb = astdb;
		this.groupCounts = groupCounts;
	}

	static List<Step> steps(AsteriskConf.Section context, String extension) {
		List<Step> steps = new ArrayList<>();
		boolean inExtension = false;
		for (AsteriskConf.Entry entry : context.entries()) {
			String[] parts = entry.value().split(",", 3);
			if (entry.key().equals("exten")) {
				inExtension = parts[0].equals(extension);
				if (inExtension) {
					if (!parts[1].equals("1")) {
						throw new IllegalArgumentException("Extension " + extension + " must start at priority 1");
					}
					steps.add(step(null, parts[2]));
				}
			}
			else if (entry.key().equals("same") && inExtension) {
				String[] same = entry.value().split(",", 2);
				Matcher priority = PRIORITY.matcher(same[0]);
				if (!priority.matches() || !priority.group(1).equals("n")) {
					throw new IllegalArgumentException("Unexpected priority in " + entry.value());
				}
				steps.add(step(priority.group(2), same[1]));
			}
		}
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("No extension " + extension + " in [" + context.name() + "]");
		}
		return steps;
	}

	private static Step step(String label, String call) {
		Matcher app = APP.matcher(call.strip());
		if (!app.matches()) {
			throw new IllegalArgumentException("Not an application call: " + call);
		}
		return app.group(1) != null ? new Step(label, app.group(1), app.group(2)) : new Step(label, app.group(3), "");
	}

	Run run() {
		List<Step> executed = new ArrayList<>();
		int pc = 0;
		for (int guard = 0; guard < 100 && pc < steps.size(); guard++) {
			Step step = steps.get(pc);
			String data = substitute(step.data());
			executed.add(new Step(step.label(), step.application(), data));
			pc++;
			switch (step.application()) {
				case "NoOp", "Answer", "UserEvent" -> {
				}
				case "Set" -> set(data);
				case "GotoIf" -> {
					String[] condition = data.split("\\?", 2);
					if (truthy(condition[0])) {
						pc = labelIndex(condition[1].split(":", 2)[0]);
					}
					else if (condition[1].contains(":")) {
						pc = labelIndex(condition[1].split(":", 2)[1]);
					}
				}
				case "Queue", "Busy", "Hangup", "Dial" -> {
					return new Run(executed);
				}
				default -> throw new IllegalArgumentException("Application not modelled: " + step.application());
			}
		}
		return new Run(executed);
	}

	private int labelIndex(String label) {
		for (int i = 0; i < steps.size(); i++) {
			if (label.equals(steps.get(i).label())) {
				return i;
			}
		}
		throw new IllegalArgumentException("No label " + label);
	}

	private void set(String assignment) {
		String[] parts = assignment.split("=", 2);
		String name = parts[0];
		String value = parts[1];
		Matcher function = Pattern.compile("^(\\w+)\\((.*)\\)$").matcher(name);
		if (!function.matches()) {
			channel.put(name, value);
		}
		else if (function.group(1).equals("GLOBAL")) {
			globals.put(function.group(2), value);
		}
		else if (function.group(1).equals("GROUP")) {
			channel.put("GROUP(" + function.group(2) + ")", value);
		}
		else {
			throw new IllegalArgumentException("Function not modelled in Set: " + name);
		}
	}

	String channelVariable(String name) {
		return channel.getOrDefault(name, "");
	}

	/** Asterisk's substitution: innermost ${...} and $[...] first, left to right. */
	String substitute(String text) {
		String result = text;
		while (true) {
			int start = Math.max(result.lastIndexOf("${"), result.lastIndexOf("$["));
			if (start < 0) {
				return result;
			}
			boolean expression = result.charAt(start + 1) == '[';
			int end = result.indexOf(expression ? ']' : '}', start);
			if (end < 0) {
				throw new IllegalArgumentException("Unclosed substitution in " + text);
			}
			String inner = result.substring(start + 2, end);
			String value = expression ? expression(inner) : variable(inner);
			result = result.substring(0, start) + value + result.substring(end + 1);
		}
	}

	private String variable(String inner) {
		Matcher function = Pattern.compile("^(\\w+)\\((.*)\\)$").matcher(inner);
		if (!function.matches()) {
			if (channel.containsKey(inner)) {
				return channel.get(inner);
			}
			return globals.getOrDefault(inner, "");
		}
		String argument = function.group(2);
		return switch (function.group(1)) {
			case "DB" -> astdb.getOrDefault(argument, "");
			case "GROUP_COUNT" -> {
				String[] group = argument.split("@", 2);
				boolean member = channel.getOrDefault("GROUP(" + group[1] + ")", "").equals(group[0]);
				if (!member) {
					throw new IllegalStateException("GROUP_COUNT(" + argument + ") before the call joined the group");
				}
				yield String.valueOf(groupCounts.getOrDefault(argument, 0));
			}
			case "IF" -> {
				String[] branches = argument.split("\\?", 2);
				String[] values = branches[1].split(":", 2);
				yield truthy(branches[0]) ? values[0] : (values.length > 1 ? values[1] : "");
			}
			default -> throw new IllegalArgumentException("Function not modelled: " + inner);
		};
	}

	/** Asterisk's comparison operators: numeric when both sides are integers, else string comparison. */
	private static String expression(String inner) {
		Matcher comparison = Pattern.compile("^\\s*(.*?)\\s*(!=|>=|<=|=|>|<)\\s*(.*?)\\s*$").matcher(inner);
		if (!comparison.matches()) {
			throw new IllegalArgumentException("Expression not modelled: " + inner);
		}
		String left = unquote(comparison.group(1));
		String right = unquote(comparison.group(3));
		int order = isNumber(left) && isNumber(right) ? Long.compare(Long.parseLong(left), Long.parseLong(right))
				: left.compareTo(right);
		boolean result = switch (comparison.group(2)) {
			case "!=" -> order != 0;
			case "=" -> order == 0;
			case ">" -> order > 0;
			case ">=" -> order >= 0;
			case "<" -> order < 0;
			default -> order <= 0;
		};
		return result ? "1" : "0";
	}

	private static boolean truthy(String value) {
		String v = value.strip();
		return !v.isEmpty() && !v.equals("0");
	}

	private static String unquote(String value) {
		return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
				? value.substring(1, value.length() - 1) : value;
	}

	private static boolean isNumber(String value) {
		return value.matches("-?\\d+");
	}
}
