package jp.ikiiki.desk.groups.duplicates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How alike two groups are (第5章2), from 0 to 1.
 *
 * <p>Each field present on both sides is compared on its comparable form ({@link GroupNormalizer}): name, kana and
 * address by the Dice coefficient of their character bigrams (1 when equal, so a single different character in a long
 * name still scores high); the representative 1 when equal, else the bigram Dice; the phone 1 when the digits are
 * equal, else 0. The score is the weighted mean over the fields present on both sides — name 0.35, kana 0.15,
 * representative 0.20, phone 0.20, address 0.10 — so a town list without kana is neither helped nor hurt by it; at
 * least two fields must be comparable. A field whose similarity is at least {@value #MATCHED} is listed as matched.
 * A pair is listed for the city from {@value #LISTED} (the threshold the benchmark's generated set was measured at).
 */
final class DuplicateScorer {

	static final double LISTED = 0.70;
	static final double MATCHED = 0.85;

	static final double W_NAME = 0.35;
	static final double W_KANA = 0.15;
	static final double W_REPRESENTATIVE = 0.20;
	static final double W_PHONE = 0.20;
	static final double W_ADDRESS = 0.10;

	/** The score and the fields that matched. */
	record Match(double score, List<MatchField> matched) {
	}

	private DuplicateScorer() {
	}

	static Match score(Candidate a, Candidate b) {
		double sum = 0;
		double weights = 0;
		int fields = 0;
		List<MatchField> matched = new ArrayList<>(5);
		if (!a.name().isEmpty() && !b.name().isEmpty()) {
			double s = dice(a.name(), a.nameGrams, b.name(), b.nameGrams);
			sum += W_NAME * s;
			weights += W_NAME;
			fields++;
			if (s >= MATCHED) {
				matched.add(MatchField.NAME);
			}
		}
		if (!a.kana().isEmpty() && !b.kana().isEmpty()) {
			double s = dice(a.kana(), a.kanaGrams, b.kana(), b.kanaGrams);
			sum += W_KANA * s;
			weights += W_KANA;
			fields++;
			if (s >= MATCHED) {
				matched.add(MatchField.KANA);
			}
		}
		if (!a.representative().isEmpty() && !b.representative().isEmpty()) {
			double s = dice(a.representative(), a.representativeGrams, b.representative(), b.representativeGrams);
			sum += W_REPRESENTATIVE * s;
			weights += W_REPRESENTATIVE;
			fields++;
			if (s >= MATCHED) {
				matched.add(MatchField.REPRESENTATIVE);
			}
		}
		if (!a.phone().isEmpty() && !b.phone().isEmpty()) {
			double s = a.phone().equals(b.phone()) ? 1 : 0;
			sum += W_PHONE * s;
			weights += W_PHONE;
			fields++;
			if (s >= MATCHED) {
				matched.add(MatchField.PHONE);
			}
		}
		if (!a.addresses().isEmpty() && !b.addresses().isEmpty()) {
			double s = 0;
			for (int i = 0; i < a.addresses().size(); i++) {
				for (int j = 0; j < b.addresses().size(); j++) {
					s = Math.max(s, dice(a.addresses().get(i), a.addressGrams.get(i), b.addresses().get(j),
							b.addressGrams.get(j)));
				}
			}
			sum += W_ADDRESS * s;
			weights += W_ADDRESS;
			fields++;
			if (s >= MATCHED) {
				matched.add(MatchField.ADDRESS);
			}
		}
		if (fields < 2) {
			return new Match(0, List.of());
		}
		return new Match(Math.round(sum / weights * 1000) / 1000.0, List.copyOf(matched));
	}

	/**
	 * The highest score the pair could reach given its name and kana similarities (from the blocking index): the
	 * representative and the address taken as equal where both are present, the phone as it compares. Used to skip
	 * scoring pairs that cannot be listed; never below {@link #score}.
	 */
	static double upperBound(Candidate a, Candidate b, double nameDice, double kanaDice) {
		double sum = 0;
		double weights = 0;
		if (!a.name().isEmpty() && !b.name().isEmpty()) {
			sum += W_NAME * nameDice;
			weights += W_NAME;
		}
		if (!a.kana().isEmpty() && !b.kana().isEmpty()) {
			sum += W_KANA * kanaDice;
			weights += W_KANA;
		}
		if (!a.representative().isEmpty() && !b.representative().isEmpty()) {
			sum += W_REPRESENTATIVE;
			weights += W_REPRESENTATIVE;
		}
		if (!a.phone().isEmpty() && !b.phone().isEmpty()) {
			sum += a.phone().equals(b.phone()) ? W_PHONE : 0;
			weights += W_PHONE;
		}
		if (!a.addresses().isEmpty() && !b.addresses().isEmpty()) {
			sum += W_ADDRESS;
			weights += W_ADDRESS;
		}
		return weights == 0 ? 0 : sum / weights + 0.001;
	}

	/** The Dice coefficient of the two texts' distinct code-point bigrams; 1 when equal, 0 when either is empty. */
	static double dice(String x, String y) {
		return dice(x, bigrams(x), y, bigrams(y));
	}

	/** {@link #dice(String, String)} with the bigram sets computed beforehand. */
	static double dice(String x, Set<String> gx, String y, Set<String> gy) {
		if (x.equals(y)) {
			return x.isEmpty() ? 0 : 1;
		}
		if (gx.isEmpty() || gy.isEmpty()) {
			return 0;
		}
		int common = 0;
		Set<String> small = gx.size() <= gy.size() ? gx : gy;
		Set<String> large = small == gx ? gy : gx;
		for (String g : small) {
			if (large.contains(g)) {
				common++;
			}
		}
		return 2.0 * common / (gx.size() + gy.size());
	}

	/** Distinct code-point bigrams; a one-character text is its own single gram. */
	static Set<String> bigrams(String s) {
		if (s == null || s.isEmpty()) {
			return Set.of();
		}
		int[] cps = s.codePoints().toArray();
		Set<String> grams = new HashSet<>();
		if (cps.length == 1) {
			grams.add(s);
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			grams.add(new String(cps, i, 2));
		}
		return grams;
	}
}
