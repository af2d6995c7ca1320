package jp.ikiiki.desk.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The representative's postcode read from the start of the keyed address (第5章2: the stamps' envelope). */
class StampMailingsTest {

	@Test
	void a_postcode_at_the_start_is_split_off_in_any_width_with_or_without_mark_and_hyphen() {
		assertThat(StampMailings.split("〒730-0011 広島市中区基町1-1"))
				.isEqualTo(new StampMailings.SplitAddress("7300011", "広島市中区基町1-1"));
		assertThat(StampMailings.split("７３３－０８１５　広島市西区己斐上３－３"))
				.isEqualTo(new StampMailings.SplitAddress("7330815", "広島市西区己斐上３－３"));
		assertThat(StampMailings.split("〒 7340007広島市南区皆実町2-2"))
				.isEqualTo(new StampMailings.SplitAddress("7340007", "広島市南区皆実町2-2"));
	}

	@Test
	void an_address_without_a_postcode_first_is_kept_whole_and_gets_none() {
		assertThat(StampMailings.split("広島市中区基町1-1 〒730-0011"))
				.isEqualTo(new StampMailings.SplitAddress(null, "広島市中区基町1-1 〒730-0011"));
		// eight digits are no postcode
		assertThat(StampMailings.split("73000112 広島市")).isEqualTo(new StampMailings.SplitAddress(null, "73000112 広島市"));
		assertThat(StampMailings.split("〒730-0011")).isEqualTo(new StampMailings.SplitAddress("7300011", null));
		assertThat(StampMailings.split("  ")).isEqualTo(new StampMailings.SplitAddress(null, null));
		assertThat(StampMailings.split(null)).isEqualTo(new StampMailings.SplitAddress(null, null));
	}

	@Test
	void a_group_key_is_never_a_subjects_number() {
		assertThat(StampMailings.key(123)).isEqualTo("G123");
	}
}
