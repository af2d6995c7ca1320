package jp.ikiiki.desk.tally;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.keying.Pass;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Entry and verify (第7章1(4)): two different operators key every booklet independently, field by field, and every
 * field is saved as it is keyed. The verify pass compares each field with the entry as it is keyed (1カラムずつ検査・
 * 照合) without showing the entry's value: a difference stops the verifier at that field to key it again, and what
 * still differs goes to a floor manager's decision. Nothing unverified reaches a total. The rules are those of
 * {@link jp.ikiiki.desk.keying.DoubleKeying}, shared with every keyed document.
 */
public interface BookletKeying {

	/**
	 * The next booklet for the signed-in operator in {@code pass}, claimed for them: their own unfinished one first,
	 * then the oldest received (scanned ones first). The verify pass never offers a booklet the operator keyed in
	 * entry.
	 *
	 * @return empty when nothing waits
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Optional<Sheet> next(Pass pass);

	/**
	 * A booklet's sheet in {@code pass} for the signed-in operator: the values they keyed so far (a verifier sees only
	 * their own values, never the entry's).
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException      unknown booklet
	 * @throws jp.ikiiki.desk.shared.StateConflictException the pass is not open for this operator (another holds
	 *                                                      it, the booklet is past that pass, or the operator keyed
	 *                                                      its entry and asks to verify)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Sheet sheet(long bookletId, Pass pass);

	/**
	 * Keys one field and saves it at once. In the entry pass the value is stored (and may be keyed again until the
	 * entry is completed). In the verify pass it is compared with the entry: {@link Outcome#MATCHED},
	 * {@link Outcome#REKEY} (the first difference: key it again) or {@link Outcome#DISPUTED}
	 * (the second: goes to a decision); a matched or disputed field is final.
	 *
	 * @param value 0 to {@code ikiiki.tally.max-stamps}
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  a value out of range
	 * @throws jp.ikiiki.desk.shared.StateConflictException the pass is not open for this operator, or the field is
	 *                                                      final
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	FieldResult key(long bookletId, Pass pass, StampField field, int value);

	/**
	 * Completes the pass: the entry once every field is keyed (→ waiting for verify); the verify once every field is
	 * matched or disputed (→ VERIFIED, or DISPUTED for a floor manager).
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException fields still to key (property {@code missing}) or the pass
	 *                                                      not open for this operator
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BookletSummary complete(long bookletId, Pass pass);

	/**
	 * The HTTP API's entry: every field at once, then completed.
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException the entry is complete already or held by another operator
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BookletSummary submitEntry(long bookletId, StampCounts counts);

	/**
	 * The HTTP API's verify: every field still open is compared as the console would, in field order; fields already
	 * matched or disputed stay as they are. The result lists the fields that differ.
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException the verifier keyed the entry, the entry is not complete,
	 *                                                      or another operator holds the verify
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	VerifyResult submitVerify(long bookletId, StampCounts counts);

	/** Booklets waiting for a floor manager's decision, oldest first, with both keyings of every disputed field. */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	List<Dispute> disputes();

	/**
	 * Decides every disputed field of a booklet; the booklet is then VERIFIED.
	 *
	 * @param values the value of each disputed field (entry's, verifier's or another read from the scan)
	 * @param note   why, for the record; may be blank
	 * @throws jp.ikiiki.desk.shared.StateConflictException not waiting for a decision, or the floor manager keyed it
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  a disputed field without a value, or a field not disputed
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	BookletSummary decide(long bookletId, Map<StampField, Integer> values, String note);

	/** Counts for the work lists: booklets waiting per pass and for a decision. */
	Waiting waiting();

	/**
	 * A booklet as one keyer sees it.
	 *
	 * @param booklet the booklet
	 * @param pass    the pass
	 * @param values  the values this operator keyed so far in this pass, by field
	 * @param status  per keyed field: KEYED (entry), MATCHED, REKEY or DISPUTED (verify)
	 * @param pages   pages of the linked scan; 0 if none
	 */
	record Sheet(BookletSummary booklet, Pass pass, Map<StampField, Integer> values, Map<StampField, Outcome> status,
			int pages) {

		/** The first field not keyed yet (or waiting to be keyed again); empty when every field is done. */
		public Optional<StampField> firstOpen() {
			for (StampField f : StampField.ALL) {
				if (Outcome.open(status.get(f))) {
					return Optional.of(f);
				}
			}
			return Optional.empty();
		}
	}

	/**
	 * The outcome of keying one field.
	 *
	 * @param field   the field
	 * @param outcome what happened
	 * @param state   the booklet's state afterwards
	 */
	record FieldResult(StampField field, Outcome outcome, BookletState state) {
	}

	/**
	 * The verify of the HTTP API.
	 *
	 * @param booklet    the booklet afterwards (VERIFIED, VERIFYING with fields to key again, or DISPUTED)
	 * @param mismatches the fields that differ (to key again, or disputed), by API name, in field order
	 */
	record VerifyResult(BookletSummary booklet, List<String> mismatches) {
	}

	/**
	 * A booklet waiting for a decision.
	 *
	 * @param booklet  the booklet
	 * @param fields   every disputed field
	 * @param enteredBy who keyed the entry
	 * @param verifiedBy who keyed the verify
	 * @param pages    pages of the linked scan; 0 if none
	 */
	record Dispute(BookletSummary booklet, List<DisputedField> fields, String enteredBy, String verifiedBy, int pages) {
	}

	/**
	 * One disputed field.
	 *
	 * @param field           the field
	 * @param entryValue      the entry's value
	 * @param verifyValue     the verifier's last value
	 * @param firstVerifyValue the verifier's first value
	 * @param at              when it was disputed
	 */
	record DisputedField(StampField field, int entryValue, int verifyValue, int firstVerifyValue, Instant at) {
	}

	/**
	 * Work waiting.
	 *
	 * @param entry    booklets received and not completely entered
	 * @param verify   booklets entered and not completely verified
	 * @param decision booklets waiting for a floor manager
	 * @param oldestReceivedOn the oldest receipt date among them; null if none
	 */
	record Waiting(long entry, long verify, long decision, java.time.LocalDate oldestReceivedOn) {
	}
}
