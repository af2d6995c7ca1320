package jp.ikiiki.desk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code dashboards/callcentre.json}: a Grafana dashboard provisioned like {@code platform.json} that shows the call
 * centre from the application's telephony metrics only.
 */
class CallCentreDashboardTest {

	private static final Path DASHBOARD = Path.of("dashboards/callcentre.json");

	private final JsonNode dashboard;

	CallCentreDashboardTest() throws IOException {
		dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
	}

	private List<JsonNode> panels() {
		List<JsonNode> panels = new ArrayList<>();
		dashboard.get("panels").forEach(panels::add);
		return panels;
	}

	private List<String> expressions() {
		List<String> exprs = new ArrayList<>();
		panels().forEach(p -> p.get("targets").forEach(t -> exprs.add(t.get("expr").asText())));
		return exprs;
	}

	@Test
	void dashboard_reads_only_the_applications_telephony_metrics_and_all_of_them() {
		Set<String> read = new TreeSet<>();
		expressions().forEach(expr -> read.addAll(PromQl.metrics(expr)));

		assertThat(read).containsExactlyInAnyOrderElementsOf(PromQl.TELEPHONY_METRICS);
	}

	@Test
	void dashboard_is_provisioned_like_the_platform_dashboard() throws IOException {
		JsonNode platform = new ObjectMapper().readTree(Files.readString(Path.of("dashboards/platform.json")));

		assertThat(dashboard.get("uid").asText()).isEqualTo("ikiiki-callcentre").isNotEqualTo(platform.get("uid").asText());
		assertThat(dashboard.get("schemaVersion")).isEqualTo(platform.get("schemaVersion"));
		assertThat(dashboard.get("timezone").asText()).isEqualTo("Asia/Tokyo");
		assertThat(dashboard.get("templating")).isEqualTo(platform.get("templating"));
		assertThat(panels()).allSatisfy(p -> {
			assertThat(p.at("/datasource/uid").asText()).isEqualTo("${datasource}");
			assertThat(p.get("targets")).isNotEmpty();
		});
	}

	@Test
	void panels_have_unique_ids_and_do_not_overlap_on_the_24_column_grid() {
		Set<Integer> ids = new HashSet<>();
		Set<String> cells = new HashSet<>();
		for (JsonNode panel : panels()) {
			assertThat(ids.add(panel.get("id").asInt())).as("id %s", panel.get("id")).isTrue();
			JsonNode grid = panel.get("gridPos");
			int x = grid.get("x").asInt();
			int w = grid.get("w").asInt();
			assertThat(x + w).as(panel.get("title").asText()).isLessThanOrEqualTo(24);
			for (int dx = 0; dx < w; dx++) {
				for (int dy = 0; dy < grid.get("h").asInt(); dy++) {
					String cell = (x + dx) + "," + (grid.get("y").asInt() + dy);
					assertThat(cells.add(cell)).as("%s overlaps at %s", panel.get("title").asText(), cell).isTrue();
				}
			}
		}
	}

	@Test
	void answer_rates_are_shown_against_the_90_percent_target() {
		List<JsonNode> ratePanels = panels().stream()
				.filter(p -> p.get("targets").toString().contains("ikiiki_answer_rate")).toList();
		assertThat(ratePanels).hasSizeGreaterThanOrEqualTo(3);
		assertThat(ratePanels).allSatisfy(p -> {
			assertThat(p.at("/fieldConfig/defaults/unit").asText()).isEqualTo("percentunit");
			assertThat(p.at("/fieldConfig/defaults/thresholds/steps/1/value").asDouble()).isEqualTo(0.9);
		});
		assertThat(expressions()).contains("ikiiki_answer_rate{period=\"today\"}", "ikiiki_answer_rate{period=\"halfday\"}");
	}
}
