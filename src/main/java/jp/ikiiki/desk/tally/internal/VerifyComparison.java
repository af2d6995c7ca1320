package jp.ikiiki.desk.tally.internal;

import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletKeying.FieldResult.Outcome;
import jp.ikiiki.desk.tally.StampField;

/**
 * The verify pass's comparison of one field with the entry, as it is keyed (第7章1(4): ベリファイはパンチデータを随時
 * 1カラムずつ検査・照合). The first difference asks the verifier to key the field again; a second difference sends it
 * to a floor manager's decision. A field matched or disputed is final, so that a verifier cannot try values until
 * one matches.
 */
final class VerifyComparison {

	private VerifyComparison() {
	}

	/**
	 * @param field      the field
	 * @param previous   the field's verify status so far: null (not keyed) or REKEY; MATCHED and DISPUTED are final
	 * @param entryValue the entry's value
	 * @param value      the verifier's value
	 * @return MATCHED, REKEY or DISPUTED
	 * @throws StateConflictException if the field is final
	 */
	static Outcome compare(StampField field, Outcome previous, int entryValue, int value) {
		if (previous == Outcome.MATCHED || previous == Outcome.DISPUTED) {
			throw new StateConflictException("「" + field.label() + "」は照合済みです（"
					+ (previous == Outcome.MATCHED ? "一致" : "判定待ち") + "）");
		}
		if (value == entryValue) {
			return Outcome.MATCHED;
		}
		return previous == null ? Outcome.REKEY : Outcome.DISPUTED;
	}
}
