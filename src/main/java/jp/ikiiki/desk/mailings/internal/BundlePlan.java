package jp.ikiiki.desk.mailings.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts envelopes in postcode order (第4章1(3): 郵便番号ごとに仕分け) and splits them into bundles of a fixed size.
 * Envelopes without a postcode never reach a plan (they are left out for 宛先不備).
 */
final class BundlePlan {

	/** An envelope to place. */
	record Key(String subjectId, String postalCode) {
	}

	/** Where an envelope goes. */
	record Place(Key key, int seq, int bundleNo, int bundleSeq) {
	}

	/** Postcode, then 宛名番号, so the same selection always gives the same order. */
	static final Comparator<Key> ORDER = Comparator.comparing(Key::postalCode, Comparator.nullsLast(String::compareTo))
			.thenComparing(Key::subjectId);

	private BundlePlan() {
	}

	/**
	 * @param keys       the envelopes, any order; not changed
	 * @param bundleSize envelopes per bundle, at least 1
	 */
	static List<Place> place(List<Key> keys, int bundleSize) {
		if (bundleSize < 1) {
			throw new IllegalArgumentException("bundle size must be at least 1");
		}
		List<Key> sorted = new ArrayList<>(keys);
		sorted.sort(ORDER);
		List<Place> out = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			out.add(new Place(sorted.get(i), i + 1, i / bundleSize + 1, i % bundleSize + 1));
		}
		return out;
	}

	/** How many bundles {@code envelopes} make. */
	static int bundles(int envelopes, int bundleSize) {
		return (envelopes + bundleSize - 1) / bundleSize;
	}
}
