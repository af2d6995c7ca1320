package jp.ikiiki.desk.printing.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.ikiiki.desk.printing.CharacterDecision;

/**
 * The recorded decisions of one run, applied to field values: the kana form first, then each character's replacement
 * (the person's own for the field, for every field, then the rules for everyone).
 */
public final class DecisionSet {

	/** No decisions. */
	public static final DecisionSet NONE = new DecisionSet(List.of());

	private static final String ANY = "*";

	private final Set<String> kana = new HashSet<>();
	private final Map<String, String> replacements = new HashMap<>();

	private DecisionSet(List<CharacterDecision> decisions) {
		for (CharacterDecision d : decisions) {
			if (d.kind() == CharacterDecision.Kind.KANA) {
				kana.add(key(d.subjectId(), d.field()));
			}
			else {
				replacements.put(key(d.subjectId(), d.field(), d.original()), d.replacement());
			}
		}
	}

	/** The decisions as a set to apply. */
	public static DecisionSet of(List<CharacterDecision> decisions) {
		return decisions.isEmpty() ? NONE : new DecisionSet(decisions);
	}

	/** True if nothing is decided. */
	public boolean isEmpty() {
		return kana.isEmpty() && replacements.isEmpty();
	}

	/**
	 * The value as it prints.
	 *
	 * @param fields the item's fields, for the kana form ({@code field + "Kana"})
	 */
	public String apply(String subjectId, String field, String value, Map<String, String> fields) {
		if (value == null || isEmpty()) {
			return value;
		}
		String v = value;
		if (kana.contains(key(subjectId, field)) || kana.contains(key(null, field))) {
			String k = fields.get(field + "Kana");
			if (k != null && !k.isBlank()) {
				v = k;
			}
		}
		if (replacements.isEmpty()) {
			return v;
		}
		StringBuilder out = null;
		List<String> chars = Printability.characters(v);
		for (int i = 0; i < chars.size(); i++) {
			String c = chars.get(i);
			String r = replacement(subjectId, field, c);
			if (r != null && out == null) {
				out = new StringBuilder(v.length());
				for (int j = 0; j < i; j++) {
					out.append(chars.get(j));
				}
			}
			if (out != null) {
				out.append(r != null ? r : c);
			}
		}
		return out == null ? v : out.toString();
	}

	private String replacement(String subjectId, String field, String c) {
		String r = replacements.get(key(subjectId, field, c));
		if (r == null) {
			r = replacements.get(key(subjectId, ANY, c));
		}
		if (r == null) {
			r = replacements.get(key(null, field, c));
		}
		if (r == null) {
			r = replacements.get(key(null, ANY, c));
		}
		return r;
	}

	private static String key(String subjectId, String field) {
		return (subjectId == null ? "" : subjectId) + '\u0000' + field;
	}

	private static String key(String subjectId, String field, String c) {
		return key(subjectId, field) + '\u0000' + c;
	}
}
