package jp.ikiiki.desk.groups.duplicates;

import java.util.List;

/**
 * One side of a comparison: a group of this system or an entry of a town's list, with its comparable forms
 * ({@link GroupNormalizer}) computed once.
 *
 * @param ref       the pair reference: {@code G:<group id>} or {@code FUCHU:<entry key>} / {@code KAITA:<entry key>}
 * @param name      comparable name ("" when none), likewise the others
 * @param addresses comparable addresses: the representative's and the meeting place (a town's entry has one)
 */
record Candidate(String ref, String name, String kana, String representative, String phone,
		List<String> addresses) {

	Candidate {
		addresses = addresses.stream().filter(a -> !a.isEmpty()).distinct().toList();
	}

	/** Builds the comparable forms from the fields as written. */
	static Candidate of(String ref, String name, String kana, String representative, String phone,
			String... addresses) {
		return new Candidate(ref, GroupNormalizer.name(name), GroupNormalizer.kana(kana),
				GroupNormalizer.person(representative), GroupNormalizer.phone(phone),
				java.util.Arrays.stream(addresses).map(GroupNormalizer::address).toList());
	}

	@Override
	public String toString() {
		return "Candidate[" + ref + "]";
	}
}
