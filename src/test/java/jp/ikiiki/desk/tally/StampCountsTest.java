package jp.ikiiki.desk.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class StampCountsTest {

	private static List<Integer> checkups(int... c) {
		Integer[] all = new Integer[14];
		for (int i = 0; i < 14; i++) {
			all[i] = i < c.length ? c[i] : 0;
		}
		return List.of(all);
	}

	@Test
	void points_are_four_two_two_and_one_per_stamp_and_void_stamps_count_nothing() {
		var c = new StampCounts(3, 5, checkups(1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 9, 6);
		assertThat(c.points()).isEqualTo(4 * 3 + 2 * 5 + 2 * 4 + 9);
		assertThat(c.checkupStamps()).isEqualTo(4);
		assertThat(c.validStamps()).isEqualTo(3 + 5 + 4 + 9);
	}

	@Test
	void two_booklets_add_up_field_by_field() {
		var a = new StampCounts(1, 2, checkups(1), 3, 0);
		var b = new StampCounts(4, 0, checkups(0, 5), 1, 2);
		var sum = a.plus(b);
		assertThat(sum).isEqualTo(new StampCounts(5, 2, checkups(1, 5), 4, 2));
	}

	@Test
	void every_field_is_read_back_by_its_keying_field() {
		var c = new StampCounts(1, 2, checkups(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), 17, 18);
		int expected = 1;
		for (StampField f : StampField.ALL) {
			assertThat(c.get(f)).as(f.apiName()).isEqualTo(expected++);
		}
	}

	@Test
	void a_missing_or_negative_count_is_refused_naming_the_field() {
		assertThatThrownBy(() -> new StampCounts(0, 0, List.of(0, 0), 0, 0))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("14");
		var withNegative = new java.util.ArrayList<>(checkups());
		withNegative.set(4, -1);
		assertThatThrownBy(() -> new StampCounts(0, 0, withNegative, 0, 0))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("checkups[4]"));
		assertThatThrownBy(() -> new StampCounts(-1, 0, checkups(), 0, 0)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void api_names_cover_the_eighteen_fields_in_keying_order() {
		assertThat(StampField.ALL).hasSize(18);
		assertThat(StampField.ALL.get(0).apiName()).isEqualTo("stamps4p");
		assertThat(StampField.ALL.get(2).apiName()).isEqualTo("checkups[0]");
		assertThat(StampField.ALL.get(15).apiName()).isEqualTo("checkups[13]");
		assertThat(StampField.ALL.get(17).apiName()).isEqualTo("voidStamps");
		assertThat(StampField.ofApiName("checkups[13]")).contains(StampField.CHECKUP_14);
		assertThat(StampField.checkup(14)).isEqualTo(StampField.CHECKUP_14);
	}

	@Test
	void a_booklet_with_no_stamp_gets_no_notice_but_one_with_every_stamp_void_does() {
		assertThat(NoticeCandidate.Decision.of(StampCounts.ZERO)).isEqualTo(NoticeCandidate.Decision.NO_STAMPS);
		assertThat(NoticeCandidate.Decision.of(new StampCounts(0, 0, checkups(), 0, 3)))
				.isEqualTo(NoticeCandidate.Decision.NOTIFY_ALL_VOID);
		assertThat(NoticeCandidate.Decision.of(new StampCounts(0, 0, checkups(), 1, 3)))
				.isEqualTo(NoticeCandidate.Decision.NOTIFY);
		assertThat(NoticeCandidate.Decision.NO_STAMPS.notifies()).isFalse();
		assertThat(NoticeCandidate.Decision.NOTIFY_ALL_VOID.notifies()).isTrue();
	}

	@Test
	void the_progress_figures_fill_columns_55_to_75_as_points_per_activity_kind() {
		var counts = new StampCounts(10, 20, checkups(1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3), 15, 4);
		var year = new YearPoints("123", 2025, counts, counts.points(), 75, "交通費助成・要支援", 75,
				counts.points() - 75, 7_500, YearPoints.State.VERIFIED, 1, 1);
		var figures = new ProgressFigures("123", 2025, year);
		assertThat(figures.columns()).hasSize(21).containsExactly(40, 40, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 12, 15,
				107, 75, 7_500);
		assertThat(figures.column(73)).isEqualTo(107);
		assertThat(figures.column(74)).isEqualTo(75);
		assertThat(figures.column(75)).isEqualTo(7_500);
		assertThatThrownBy(() -> figures.column(76)).isInstanceOf(IllegalArgumentException.class);
	}
}
