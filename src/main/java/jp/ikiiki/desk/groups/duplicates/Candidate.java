package jp.ikiiki.desk.groups.duplicates;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One side of a comparison: a group of this system or an entry of a town's list, with its comparable forms
 * ({@link GroupNormalizer}) and their bigram sets computed once, so that scoring a pair allocates nothing.
 */
final class Candidate {

	private final String ref;
	private final String name;
	private final String kana;
	private final String representative;
	private final String phone;
	private final List<String> addresses;
	final Set<String> nameGrams;
	final Set<String> kanaGrams;
	final Set<String> representativeGrams;
	final List<Set<String>> addressGrams;

	/**
	 * @param ref       the pair reference: {@code G:<group id>} or {@code FUCHU:<entry key>} / {@code KAITA:<entry key>}
	 * @param name      comparable name ("" when none), likewise the others
	 * @param addresses comparable addresses: the representative's and the meeting place (a town's entry has one)
	 */
	Candidate(String ref, String name, String kana, String representative, String phone, List<String> addresses) {
		this.ref = ref;
		this.name = name;
		this.kana = kana;
		this.representative = representative;
		this.phone = phone;
		this.addresses = addresses.stream().filter(a -> !a.isEmpty()).distinct().toList();
		this.nameGrams = DuplicateScorer.bigrams(name);
		this.kanaGrams = DuplicateScorer.bigrams(kana);
		this.representativeGrams = DuplicateScorer.bigrams(representative);
		this.addressGrams = this.addresses.stream().map(DuplicateScorer::bigrams).toList();
	}

	/** Builds the comparable forms from the fields as written. */
	static Candidate of(String ref, String name, String kana, String representative, String phone,
			String... addresses) {
		return new Candidate(ref, GroupNormalizer.name(name), GroupNormalizer.kana(kana),
				GroupNormalizer.person(representative), GroupNormalizer.phone(phone),
				Arrays.stream(addresses).map(GroupNormalizer::address).toList());
	}

	String ref() {
		return ref;
	}

	String name() {
		return name;
	}

	String kana() {
		return kana;
	}

	String representative() {
		return representative;
	}

	String phone() {
		return phone;
	}

	List<String> addresses() {
		return addresses;
	}

	@Override
	public String toString() {
		return "Candidate[" + ref + "]";
	}
}
