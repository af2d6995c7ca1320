package jp.ikiiki.desk.printing;

import java.time.OffsetDateTime;

/**
 * The city's decision on characters that must not be printed as they are (第3章1), for one person and field.
 *
 * @param subjectId   the person's 宛名番号; null for a rule that applies to everyone (e.g. 髙 → 高 wherever it occurs)
 * @param field       the field name ({@link PrintFields}), or {@code *} for every field
 * @param kind        replace one character, or print the field's kana form instead
 * @param original    the character (a code point, or a base character with its variation selector) for
 *                    {@link Kind#REPLACE}; null for {@link Kind#KANA}
 * @param replacement what prints instead (may be empty to drop the character) for {@link Kind#REPLACE}; null for
 *                    {@link Kind#KANA}
 * @param note        the city's instruction (who, when, reference); may be null
 * @param decidedBy   the operator who recorded it (filled by the service)
 * @param decidedAt   when it was recorded (filled by the service)
 */
public record CharacterDecision(String subjectId, String field, Kind kind, String original, String replacement,
		String note, String decidedBy, OffsetDateTime decidedAt) {

	/** What the city decided. */
	public enum Kind {
		/** Print {@code replacement} instead of {@code original} (an external-character mapping). */
		REPLACE,
		/** Print the kana form of the field ({@code nameKana} for {@code name}). */
		KANA
	}

	/** A decision as an operator enters it; who and when are filled on recording. */
	public static CharacterDecision replace(String subjectId, String field, String original, String replacement,
			String note) {
		return new CharacterDecision(subjectId, field, Kind.REPLACE, original, replacement, note, null, null);
	}

	/** @see #replace(String, String, String, String, String) */
	public static CharacterDecision kana(String subjectId, String field, String note) {
		return new CharacterDecision(subjectId, field, Kind.KANA, null, null, note, null, null);
	}
}
