package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;

import jp.ikiiki.desk.subjects.SubjectsProperties.Guard;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.Test;

class ImportGuardTest {

	private final ImportGuard guard = new ImportGuard(Guard.DEFAULTS);

	@Test
	void a_five_row_file_against_three_thousand_is_held_for_both_reasons() {
		var hold = guard.check(SubjectFileKind.INDEX, 2995, 3000, 5);
		assertThat(hold).isNotNull();
		assertThat(hold.ended()).isEqualTo(2995);
		assertThat(hold.reasons()).hasSize(2);
		assertThat(hold.reasons().get(0)).contains("3,000人のうち 2,995人（99.8%）が「終了」").contains("2%");
		assertThat(hold.reasons().get(1)).contains("5行").contains("50%");
	}

	@Test
	void an_ordinary_month_ends_less_than_the_share_and_passes() {
		assertThat(guard.check(SubjectFileKind.PROGRESS, 1500, 190_000, 189_000)).isNull();
	}

	@Test
	void ending_more_than_two_percent_holds_even_when_every_other_row_is_valid() {
		var hold = guard.check(SubjectFileKind.PROGRESS, 4000, 190_000, 186_000);
		assertThat(hold).isNotNull();
		assertThat(hold.reasons()).singleElement().asString().contains("190,000人のうち 4,000人");
	}

	@Test
	void few_valid_rows_hold_a_file_even_when_its_rejected_rows_keep_everyone_active() {
		var hold = guard.check(SubjectFileKind.INDEX, 0, 3000, 1000);
		assertThat(hold).isNotNull();
		assertThat(hold.reasons()).singleElement().asString().contains("1,000行").contains("33.3%");
	}

	@Test
	void a_small_difference_within_the_tolerance_never_holds() {
		assertThat(guard.check(SubjectFileKind.INDEX, 1, 3, 2)).isNull();
		assertThat(guard.check(SubjectFileKind.INDEX, 10, 40, 30)).isNull();
		assertThat(guard.check(SubjectFileKind.INDEX, 11, 40, 29)).isNotNull();
	}

	@Test
	void a_first_file_has_nothing_to_compare_with() {
		assertThat(guard.check(SubjectFileKind.INDEX, 0, 0, 3)).isNull();
	}
}
