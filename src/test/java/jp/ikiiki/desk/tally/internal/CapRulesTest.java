package jp.ikiiki.desk.tally.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyProperties.CapRule;
import jp.ikiiki.desk.tally.YearPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapRulesTest {

	/** The city's published rules as application.yml sets them. */
	private static final List<CapRule> CONTRACT = List.of(
			new CapRule("交通費助成・要支援", 75, true, List.of("要支援1", "要支援2"), null),
			new CapRule("交通費助成・要介護", 50, true, List.of("要介護1", "要介護2", "要介護3", "要介護4", "要介護5"), null),
			new CapRule("障害者交通助成", 40, null, List.of(), true));

	private final CapRules rules = new CapRules(100, 100, CONTRACT);

	@ParameterizedTest(name = "交通助成={0} 要介護認定状態={1} 障害者交通助成={2} → {3} P")
	@CsvSource(nullValues = "null", value = {
			// nobody else supports them: the base cap
			"null,  null,     null,  100, null",
			"false, 要支援1,   false, 100, null",
			"false, 要介護3,   null,  100, null",
			// the subsidy alone, or with a level that is neither 要支援 nor 要介護, lowers nothing
			"true,  null,     null,  100, null",
			"true,  事業対象者, null,  100, null",
			"true,  非該当,    false, 100, null",
			// the subsidy and 要支援
			"true,  要支援1,   null,  75,  交通費助成・要支援",
			"true,  要支援2,   false, 75,  交通費助成・要支援",
			// the subsidy and 要介護
			"true,  要介護1,   null,  50,  交通費助成・要介護",
			"true,  要介護5,   false, 50,  交通費助成・要介護",
			// the 障害者 transport aid, alone and combined: the lowest applies
			"null,  null,     true,  40,  障害者交通助成",
			"false, 要介護2,   true,  40,  障害者交通助成",
			"true,  要支援1,   true,  40,  障害者交通助成",
			"true,  要介護4,   true,  40,  障害者交通助成" })
	void every_rule_and_combination_gives_the_lowest_cap_that_applies(Boolean transport, String care, Boolean disabled,
			int cap, String rule) {
		assertThat(rules.capFor(transport, care, disabled)).isEqualTo(new CapRules.Cap(cap, rule));
	}

	@Test
	void a_care_level_with_stray_spaces_still_matches() {
		assertThat(rules.capFor(true, " 要支援2 ", null).points()).isEqualTo(75);
	}

	@Test
	void credited_points_are_the_total_up_to_the_cap_and_the_rest_is_listed_as_over_the_cap() {
		var counts = new StampCounts(10, 20, List.of(3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2), 15, 4);
		// 4×10 + 2×20 + 2×5 + 1×15 = 105
		YearPoints under = rules.yearPoints("1", 2025, counts, rules.capFor(null, null, null), 2, 2);
		assertThat(under.total()).isEqualTo(105);
		assertThat(under.cap()).isEqualTo(100);
		assertThat(under.credited()).isEqualTo(100);
		assertThat(under.overCap()).isEqualTo(5);
		assertThat(under.amountYen()).isEqualTo(10_000);
		assertThat(under.state()).isEqualTo(YearPoints.State.VERIFIED);

		YearPoints capped = rules.yearPoints("1", 2025, counts, rules.capFor(true, "要介護1", null), 2, 1);
		assertThat(capped.credited()).isEqualTo(50);
		assertThat(capped.overCap()).isEqualTo(55);
		assertThat(capped.amountYen()).isEqualTo(5_000);
		assertThat(capped.capRule()).isEqualTo("交通費助成・要介護");
		assertThat(capped.state()).isEqualTo(YearPoints.State.IN_PROGRESS);
	}

	@Test
	void a_total_below_the_cap_is_credited_in_full_at_the_configured_rate() {
		var rates = new CapRules(100, 120, CONTRACT);
		var counts = new StampCounts(0, 0, StampCounts.ZERO.checkups(), 7, 0);
		YearPoints p = rates.yearPoints("1", 2025, counts, rates.capFor(null, null, true), 1, 1);
		assertThat(p.credited()).isEqualTo(7);
		assertThat(p.overCap()).isZero();
		assertThat(p.amountYen()).isEqualTo(840);
	}

	@Test
	void a_year_without_booklets_has_nothing() {
		YearPoints p = rules.yearPoints("1", 2025, StampCounts.ZERO, rules.capFor(null, null, null), 0, 0);
		assertThat(p.state()).isEqualTo(YearPoints.State.NONE);
		assertThat(p.total()).isZero();
		assertThat(p.amountYen()).isZero();
	}

	@Test
	void a_rule_without_any_condition_is_refused_at_start_up() {
		assertThatThrownBy(() -> new CapRule("誰でも", 10, null, null, null))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no condition");
	}
}
