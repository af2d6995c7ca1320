package jp.ikiiki.desk.tally.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.tally.BookletKind;
import org.junit.jupiter.api.Test;

class ScanNamingTest {

	@Test
	void the_main_and_the_additional_booklet_of_a_year_have_their_own_ascii_names() {
		assertThat(ScanNaming.fileName(2025, "K0012345", BookletKind.MAIN)).isEqualTo("2025_K0012345.pdf");
		assertThat(ScanNaming.fileName(2025, "K0012345", BookletKind.ADDITIONAL)).isEqualTo("2025_K0012345_T.pdf");
		assertThat(ScanNaming.fileName(2026, "K0012345", BookletKind.MAIN)).isEqualTo("2026_K0012345.pdf");
	}

	@Test
	void a_number_that_could_leave_the_folder_is_refused() {
		assertThatThrownBy(() -> ScanNaming.fileName(2025, "../etc", BookletKind.MAIN))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
