package jp.ikiiki.desk.platform.logcapture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 第11章: no personal value in any log line — checked over the log of the whole test run. Runs in its own failsafe
 * execution after every other integration test (pom.xml, {@code personal-data-in-logs}): every test JVM logs every
 * line to {@code target/test-logs/*.log} (logback-test.xml), and every application context the tests started left
 * the personal values it held in {@code target/test-logs/personal-data/} ({@link PersonalDataSnapshot}). Any of those
 * values found in a log line fails the build, naming the file, the line, the kind of value and the logger.
 *
 * <p>What is searched: 宛名番号 and 申請書管理番号 (whole), names in kanji and kana (whole, without spaces, and each part
 * of at least two kanji or three kana), addresses (whole, from eight characters), caller numbers (whole, from ten
 * digits). Dates are not searched: a birth date looks like any other date in a log line.
 */
class PersonalDataInLogsVerification {

	static final Path LOGS = Path.of(System.getProperty("user.dir"), "target", "test-logs");
	private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");

	record Finding(String file, long line, String kind, String value, String excerpt) {
		@Override
		public String toString() {
			return file + ":" + line + " " + kind + "「" + value + "」 in: " + excerpt;
		}
	}

	@Test
	void no_log_line_of_the_test_run_holds_a_test_subjects_number_name_address_or_phone() throws IOException {
		assertThat(LOGS).as("the log capture of the test run (logback-test.xml)").isDirectory();
		List<Path> logs;
		try (Stream<Path> files = Files.list(LOGS)) {
			logs = files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
		}
		assertThat(logs).as("captured log files").isNotEmpty();
		Map<String, String> needles = needles();
		// A run of tests that never held a subject (-Dit.test naming a few) has nothing to search for.
		org.junit.jupiter.api.Assumptions.assumeFalse(needles.isEmpty(), "no test context held personal data");

		Map<String, List<String>> byStart = new HashMap<>();
		needles.keySet().forEach(v -> byStart.computeIfAbsent(v.substring(0, 2), k -> new ArrayList<>()).add(v));
		List<Finding> findings = new ArrayList<>();
		for (Path log : logs) {
			try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
				String line;
				long n = 0;
				while ((line = reader.readLine()) != null) {
					n++;
					if (!mayHold(line)) {
						continue;
					}
					String found = find(line, byStart);
					if (found != null) {
						findings.add(new Finding(log.getFileName().toString(), n, needles.get(found), found,
								line.length() > 300 ? line.substring(0, 300) + "…" : line));
					}
				}
			}
		}
		assertThat(findings).as("log lines holding personal data (" + needles.size() + " values searched in "
				+ logs.size() + " files)").isEmpty();
	}

	/** The first searched value the line holds, or null. */
	private static String find(String line, Map<String, List<String>> byStart) {
		for (int i = 0; i + 1 < line.length(); i++) {
			List<String> candidates = byStart.get(line.substring(i, i + 2));
			if (candidates != null) {
				for (String candidate : candidates) {
					if (line.startsWith(candidate, i) && standsAlone(line, i, candidate)) {
						return candidate;
					}
				}
			}
		}
		return null;
	}

	/**
	 * Whether a number found in the line is a number of its own, not digits inside a longer one (a temporary
	 * directory's random name such as {@code ikiiki-pg13125478395300170104} holds any seven digits somewhere).
	 */
	static boolean standsAlone(String line, int at, String candidate) {
		boolean digitBefore = at > 0 && Character.isDigit(line.charAt(at - 1));
		int end = at + candidate.length();
		boolean digitAfter = end < line.length() && Character.isDigit(line.charAt(end));
		return !(Character.isDigit(candidate.charAt(0)) && digitBefore)
				&& !(Character.isDigit(candidate.charAt(candidate.length() - 1)) && digitAfter);
	}

	/** A cheap pre-filter: every searched value has a digit or a character beyond ASCII. */
	private static boolean mayHold(String line) {
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c > 0x7F || Character.isDigit(c)) {
				return true;
			}
		}
		return false;
	}

	/** value → kind, from every snapshot. */
	static Map<String, String> needles() throws IOException {
		Map<String, String> needles = new HashMap<>();
		Path directory = PersonalDataSnapshot.DIRECTORY;
		if (!Files.isDirectory(directory)) {
			return needles;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					int tab = row.indexOf('\t');
					if (tab < 0) {
						continue;
					}
					String kind = row.substring(0, tab);
					String value = row.substring(tab + 1).strip();
					switch (kind) {
						case "宛名番号", "申請書管理番号" -> {
							if (value.length() >= 6) {
								needles.put(value, kind);
							}
						}
						case "電話番号" -> {
							if (value.replaceAll("\\D", "").length() >= 10) {
								needles.put(value, kind);
							}
						}
						case "住所", "送付先住所" -> {
							if (value.length() >= 8) {
								needles.put(value, kind);
							}
						}
						default -> names(kind, value, needles);
					}
				}
			}
		}
		return needles;
	}

	private static void names(String kind, String value, Map<String, String> needles) {
		String joined = SPACES.matcher(value).replaceAll("");
		if (joined.length() >= 2) {
			needles.put(value, kind);
			needles.put(joined, kind);
		}
		boolean kana = value.codePoints().allMatch(c -> (c >= 0x30A0 && c <= 0x30FF) || c == 0x3000 || c == ' ');
		for (String part : SPACES.split(value)) {
			if (part.codePointCount(0, part.length()) >= (kana ? 3 : 2)) {
				needles.put(part, kind);
			}
		}
	}
}
