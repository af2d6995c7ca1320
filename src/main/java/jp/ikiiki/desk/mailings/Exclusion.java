package jp.ikiiki.desk.mailings;

/**
 * One subject left out of a batch.
 *
 * @param subjectId 宛名番号 (as given in the city's list when no subject matches)
 * @param reason    why; not null
 * @param detail    what exactly (e.g. ポイント助成対象外, the other batch's id); null if the reason says it all
 */
public record Exclusion(String subjectId, ExclusionReason reason, String detail) {

	/** A left-out without a subject id yet: the selection fills it in. */
	public static Exclusion of(ExclusionReason reason, String detail) {
		return new Exclusion(null, reason, detail);
	}

	public Exclusion forSubject(String id) {
		return new Exclusion(id, reason, detail);
	}
}
