package jp.ikiiki.desk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus configuration and alert rules in {@code provisioning/prometheus/}, checked by Prometheus's own
 * {@code promtool} (Debian package {@code prometheus}, installed by {@code src/test/scripts/ensure-promtool.sh}):
 * the configuration and rules are valid and the rules' unit tests pass.
 */
class PrometheusRulesTest {

	private static final Path PROMETHEUS = Path.of("provisioning/prometheus");
	private static final Path RULES = PROMETHEUS.resolve("alerts/telephony.yml");
	private static final Path RULE_TESTS = PROMETHEUS.resolve("alerts/telephony.test.yml");

	record Result(int exitCode, String output) {
	}

	static Result promtool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(System.getProperty("promtool", "promtool"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException e) {
			throw new IllegalStateException("promtool not found: apt-get install prometheus", e);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("promtool did not finish: " + output);
		}
		return new Result(process.exitValue(), output);
	}

	@Test
	void prometheus_configuration_is_valid_and_loads_the_telephony_rules() throws Exception {
		Result result = promtool("check", "config", "prometheus.yml");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 1 rule files found", "alerts/telephony.yml");
	}

	@Test
	void alert_rules_are_valid() throws Exception {
		Result result = promtool("check", "rules", PROMETHEUS.relativize(RULES).toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + alerts().size() + " rules found");
	}

	@Test
	void alert_rules_pass_their_unit_tests() throws Exception {
		Result result = promtool("test", "rules", PROMETHEUS.relativize(RULE_TESTS).toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
	}

	@Test
	void every_alert_has_a_unit_test_where_it_fires_and_one_where_it_stays_quiet() throws IOException {
		Set<String> fires = new TreeSet<>();
		Set<String> quiet = new TreeSet<>();
		for (Map<String, Object> test : list(yaml(RULE_TESTS).get("tests"))) {
			for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
				String alert = (String) check.get("alertname");
				(list(check.get("exp_alerts")).isEmpty() ? quiet : fires).add(alert);
			}
		}
		assertThat(fires).containsExactlyInAnyOrderElementsOf(alerts().keySet());
		assertThat(quiet).containsExactlyInAnyOrderElementsOf(alerts().keySet());
	}

	@Test
	void alert_rules_read_only_the_applications_telephony_metrics_and_the_scrape_state() throws IOException {
		Set<String> read = new TreeSet<>();
		alerts().values().forEach(expr -> read.addAll(PromQl.metrics(expr)));

		assertThat(read).contains("ikiiki_answer_rate", "ikiiki_ami_connected", "ikiiki_lines_in_use", "up");
		Set<String> allowed = new TreeSet<>(PromQl.TELEPHONY_METRICS);
		allowed.add("up");
		assertThat(allowed).containsAll(read);
	}

	@Test
	void the_metric_name_reader_finds_metrics_and_ignores_functions_labels_and_durations() {
		assertThat(PromQl.metrics("sum by (job, instance) (increase(ikiiki_calls_total{outcome=\"refused\"}[8h45m])) >= 20"
				+ " and on (job) ikiiki_city_open == 1 or absent(up{job=\"x\"})"))
				.containsExactly("ikiiki_calls_total", "ikiiki_city_open", "up");
	}

	/** Alert name to expression, from the rule file. */
	private static Map<String, String> alerts() throws IOException {
		Map<String, String> alerts = new java.util.LinkedHashMap<>();
		for (Map<String, Object> group : list(yaml(RULES).get("groups"))) {
			for (Map<String, Object> rule : list(group.get("rules"))) {
				alerts.put((String) rule.get("alert"), (String) rule.get("expr"));
			}
		}
		return alerts;
	}

	static Map<String, Object> yaml(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new Yaml().load(in);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}
}
