package jp.ikiiki.desk.tally;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.tally.TallyProperties.CapRule;
import jp.ikiiki.desk.tally.TallyProperties.YearSettings;
import org.springframework.util.unit.DataSize;

/** {@link TallyProperties} as application.yml sets them, for tests without a Spring context. */
public final class TallyTestProperties {

	public static final List<CapRule> CAP_RULES = List.of(
			new CapRule("交通費助成・要支援", 75, true, List.of("要支援1", "要支援2"), null),
			new CapRule("交通費助成・要介護", 50, true, List.of("要介護1", "要介護2", "要介護3", "要介護4", "要介護5"), null),
			new CapRule("障害者交通助成", 40, null, List.of(), true));

	private TallyTestProperties() {
	}

	public static TallyProperties defaults() {
		return with(List.of(), Map.of());
	}

	public static TallyProperties with(List<Integer> openYears, Map<Integer, YearSettings> years) {
		return new TallyProperties(openYears, years, 100, 100, CAP_RULES, List.of(), 400, Duration.ofMinutes(30),
				scan(Path.of("target", "tally-unit")));
	}

	public static TallyProperties.Scan scan(Path dir) {
		return new TallyProperties.Scan(dir.resolve("scans"), dir.resolve("inbox"), DataSize.ofMegabytes(100), 120, 450,
				40_000_000L, 200, 2);
	}
}
