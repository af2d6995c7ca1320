package jp.ikiiki.desk.groups.duplicates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the likely duplicates of each new group among the others (第5章2) without comparing every pair: blocking.
 *
 * <p>The others are indexed once by four keys: the phone digits, the representative's comparable name, and each
 * bigram of the comparable name and of the comparable kana. A new group is scored only against the others that share
 * its phone, its representative, or at least half of the bigrams of the shorter name or of the shorter kana (counted
 * through the bigram indexes). A pair that shares none of these has a name and a kana similarity below 0.5, a phone
 * that differs and a representative that is not equal, so its weighted mean stays below
 * {@link DuplicateScorer#LISTED} whichever fields are missing (at most (0.175 + 0.075 + 0.2 × 0.85 + 0.1) / 0.8 =
 * 0.65 without a phone). The benchmark measures the blocking against the comparison of every pair.
 */
final class DuplicateFinder {

	/** A likely duplicate: {@code a} is the new group, {@code b} the other. */
	record Found(Candidate a, Candidate b, DuplicateScorer.Match match) {
	}

	private final List<Candidate> others;
	private final Map<String, List<Integer>> byPhone = new HashMap<>();
	private final Map<String, List<Integer>> byRepresentative = new HashMap<>();
	private final Map<String, List<Integer>> byBigram = new HashMap<>();
	private final Map<String, List<Integer>> byKanaBigram = new HashMap<>();
	private final int[] gramCounts;
	private final int[] kanaGramCounts;

	DuplicateFinder(List<Candidate> others) {
		this.others = List.copyOf(others);
		this.gramCounts = new int[this.others.size()];
		this.kanaGramCounts = new int[this.others.size()];
		for (int i = 0; i < this.others.size(); i++) {
			Candidate c = this.others.get(i);
			if (!c.phone().isEmpty()) {
				byPhone.computeIfAbsent(c.phone(), k -> new ArrayList<>()).add(i);
			}
			if (!c.representative().isEmpty()) {
				byRepresentative.computeIfAbsent(c.representative(), k -> new ArrayList<>()).add(i);
			}
			Set<String> grams = c.nameGrams;
			gramCounts[i] = grams.size();
			for (String g : grams) {
				byBigram.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
			}
			Set<String> kanaGrams = c.kanaGrams;
			kanaGramCounts[i] = kanaGrams.size();
			for (String g : kanaGrams) {
				byKanaBigram.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
			}
		}
	}

	/** The others whose score against {@code group} reaches the listing threshold, best first. */
	List<Found> find(Candidate group) {
		boolean[] blocked = new boolean[others.size()];
		List<Integer> order = new ArrayList<>();
		int[] sharedName = shareHalf(group.nameGrams, byBigram, gramCounts, blocked, order);
		int[] sharedKana = shareHalf(group.kanaGrams, byKanaBigram, kanaGramCounts, blocked, order);
		if (!group.phone().isEmpty()) {
			mark(byPhone.getOrDefault(group.phone(), List.of()), blocked, order);
		}
		if (!group.representative().isEmpty()) {
			mark(byRepresentative.getOrDefault(group.representative(), List.of()), blocked, order);
		}
		List<Found> found = new ArrayList<>();
		for (int i : order) {
			Candidate other = others.get(i);
			if (other.ref().equals(group.ref())) {
				continue;
			}
			// The name and kana similarities are known from the index's counts: a pair that cannot reach the
			// threshold even with the representative and the address equal is not scored.
			double nameDice = dice(sharedName, i, group.nameGrams.size(), gramCounts[i]);
			double kanaDice = dice(sharedKana, i, group.kanaGrams.size(), kanaGramCounts[i]);
			if (DuplicateScorer.upperBound(group, other, nameDice, kanaDice) < DuplicateScorer.LISTED) {
				continue;
			}
			var match = DuplicateScorer.score(group, other);
			if (match.score() >= DuplicateScorer.LISTED) {
				found.add(new Found(group, other, match));
			}
		}
		found.sort((x, y) -> Double.compare(y.match().score(), x.match().score()));
		return found;
	}

	private static double dice(int[] shared, int i, int a, int b) {
		if (shared == null || a == 0 || b == 0) {
			return 0;
		}
		return 2.0 * shared[i] / (a + b);
	}

	private static void mark(List<Integer> hits, boolean[] blocked, List<Integer> order) {
		for (int i : hits) {
			if (!blocked[i]) {
				blocked[i] = true;
				order.add(i);
			}
		}
	}

	/** Marks the others sharing at least half of the bigrams of the shorter text (counted in an array, not a map). */
	private int[] shareHalf(Set<String> grams, Map<String, List<Integer>> index, int[] counts, boolean[] blocked,
			List<Integer> order) {
		if (grams.isEmpty()) {
			return null;
		}
		int[] shared = new int[others.size()];
		List<Integer> touched = new ArrayList<>();
		for (String g : grams) {
			for (int i : index.getOrDefault(g, List.of())) {
				if (shared[i]++ == 0) {
					touched.add(i);
				}
			}
		}
		for (int i : touched) {
			int shorter = Math.min(grams.size(), counts[i]);
			if (!blocked[i] && shorter > 0 && shared[i] * 2 >= shorter) {
				blocked[i] = true;
				order.add(i);
			}
		}
		return shared;
	}

	/** Every pair, for the benchmark's baseline: the new group scored against each other, no blocking. */
	List<Found> findByComparingAll(Candidate group) {
		List<Found> found = new ArrayList<>();
		for (Candidate other : others) {
			if (other.ref().equals(group.ref())) {
				continue;
			}
			var match = DuplicateScorer.score(group, other);
			if (match.score() >= DuplicateScorer.LISTED) {
				found.add(new Found(group, other, match));
			}
		}
		found.sort((x, y) -> Double.compare(y.match().score(), x.match().score()));
		return found;
	}

	int size() {
		return others.size();
	}
}
