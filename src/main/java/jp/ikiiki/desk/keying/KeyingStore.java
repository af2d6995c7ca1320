package jp.ikiiki.desk.keying;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one kind of document keeps its keying (SPI): the document's row with the holders of its passes, one value per
 * document, pass and field, and the floor manager's decisions. {@link DoubleKeying} applies the rules; the store only
 * reads and writes, always inside the caller's transaction, after {@link #lock} in that transaction.
 *
 * @param <D> the document as its module describes it (returned to the caller with every lock)
 * @param <F> a field
 * @param <V> a field's value, compared with {@link Object#equals}; never null
 */
public interface KeyingStore<D, F, V> {

	/** Every field in keying order (the order of screens, comparisons and lists). */
	List<F> fields();

	/** The field's Japanese name, as messages quote it. */
	String label(F field);

	/** The field's name in the HTTP API (missing and mismatching fields are listed by it). */
	String apiName(F field);

	/**
	 * Checks a value on its own (a range, a length) before anything is saved. Checks that need other fields belong to
	 * the caller, before it calls the rules.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming the field and why
	 */
	void check(F field, V value);

	/**
	 * The document, locked for update until the transaction ends, with the holders of its passes.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException      unknown document
	 * @throws jp.ikiiki.desk.shared.StateConflictException a document the kind does not key at all in its state
	 */
	Held<D> lock(long id);

	/** Records {@code user} as the holder of {@code pass}, touched at {@code at}. */
	void hold(long id, Pass pass, String user, Instant at);

	/** True if {@code user} keyed any field of the document in {@code pass}, or in either pass if {@code pass} is null. */
	boolean keyedBy(long id, Pass pass, String user);

	/** What was keyed in {@code pass}, by field. */
	Map<F, Keyed<V>> keyed(long id, Pass pass);

	/**
	 * One field of both passes, for the comparison.
	 *
	 * @return the entry's value (null if the entry has none) and the verify's keyed field (null if not keyed)
	 */
	FieldPair<V> pair(long id, F field);

	/** Saves one field of one pass (insert or replace). */
	void save(long id, Pass pass, F field, Keyed<V> keyed);

	/**
	 * Moves the document from {@code from} to {@code to}: ENTERING, VERIFYING, ENTERED or DISPUTED. VERIFIED is reached
	 * only through {@link #verified}.
	 *
	 * @return the document in its new stage
	 */
	Held<D> stage(long id, Held<D> from, Stage to);

	/**
	 * The document is verified with these values (the entry's, replaced by decisions where there were any): write them
	 * where they count and move it to VERIFIED.
	 *
	 * @param held   the document as locked, in its stage before this step
	 * @param values every field's value
	 * @param at     now
	 * @return the document, VERIFIED
	 */
	Held<D> verified(long id, Held<D> held, Map<F, V> values, Instant at);

	/** Records a floor manager's decisions (both keyings' values kept), before {@link #verified}. */
	void decided(long id, List<Decision<F, V>> decisions, String by, Instant at, String note);

	/** The users who keyed {@code pass} of the document, distinct, in name order. */
	List<String> keyers(long id, Pass pass);

	/**
	 * A document locked for keying.
	 *
	 * @param document      the document as its module describes it
	 * @param stage         where it is in the keying
	 * @param stateLabel    its state as people read it (messages quote it)
	 * @param entryBy       holder of the entry; null if none
	 * @param entryTouched  when the entry's holder last keyed or claimed; null if never
	 * @param verifyBy      holder of the verify; null if none
	 * @param verifyTouched when the verify's holder last keyed or claimed; null if never
	 */
	record Held<D>(D document, Stage stage, String stateLabel, String entryBy, Instant entryTouched, String verifyBy,
			Instant verifyTouched) {

		/** The same document and holders in another stage (labelled {@code label}). */
		public Held<D> at(Stage next, String label) {
			return new Held<>(document, next, label, entryBy, entryTouched, verifyBy, verifyTouched);
		}
	}

	/**
	 * One keyed field.
	 *
	 * @param value      the value keyed (last)
	 * @param firstValue verify: the verifier's first value when it differed; null otherwise
	 * @param status     KEYED (entry), MATCHED, REKEY or DISPUTED (verify)
	 * @param by         who keyed it
	 * @param at         when
	 */
	record Keyed<V>(V value, V firstValue, Outcome status, String by, Instant at) {
	}

	/**
	 * A field of both passes.
	 *
	 * @param entryValue the entry's value; null if the entry did not key it
	 * @param verify     the verify's field; null if not keyed yet
	 */
	record FieldPair<V>(V entryValue, Keyed<V> verify) {
	}

	/**
	 * A floor manager's decision on one field.
	 *
	 * @param field        the field
	 * @param entryValue   the entry's value
	 * @param verifyValue  the verifier's last value
	 * @param decidedValue what counts
	 */
	record Decision<F, V>(F field, V entryValue, V verifyValue, V decidedValue) {
	}
}
