package jp.ikiiki.desk.mailings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.ikiiki.desk.mailings.internal.BundlePlan.Key;
import jp.ikiiki.desk.mailings.internal.BundlePlan.Place;
import org.junit.jupiter.api.Test;

class BundlePlanTest {

	@Test
	void envelopes_are_sorted_by_postcode_then_address_number() {
		var places = BundlePlan.place(List.of(new Key("3", "7340014"), new Key("2", "7300013"), new Key("1", "7340014"),
				new Key("4", "7310138")), 10);
		assertThat(places).extracting(p -> p.key().subjectId()).containsExactly("2", "4", "1", "3");
		assertThat(places).extracting(Place::seq).containsExactly(1, 2, 3, 4);
	}

	@Test
	void bundles_hold_the_configured_number_and_the_last_one_the_rest() {
		List<Key> keys = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			keys.add(new Key(String.valueOf(i), "73000" + (10 + i)));
		}
		var places = BundlePlan.place(keys, 3);
		assertThat(places).extracting(Place::bundleNo).containsExactly(1, 1, 1, 2, 2, 2, 3);
		assertThat(places).extracting(Place::bundleSeq).containsExactly(1, 2, 3, 1, 2, 3, 1);
		assertThat(BundlePlan.bundles(7, 3)).isEqualTo(3);
		assertThat(BundlePlan.bundles(6, 3)).isEqualTo(2);
		assertThat(BundlePlan.bundles(0, 3)).isZero();
	}

	@Test
	void a_bundle_size_below_one_is_refused() {
		assertThatThrownBy(() -> BundlePlan.place(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
