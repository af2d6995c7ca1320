package jp.ikiiki.desk.keying;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import jp.ikiiki.desk.keying.KeyingStore.Decision;
import jp.ikiiki.desk.keying.KeyingStore.FieldPair;
import jp.ikiiki.desk.keying.KeyingStore.Held;
import jp.ikiiki.desk.keying.KeyingStore.Keyed;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;

/**
 * The rules of entry and verify (第7章1(4): エントリー・ベリファイ; ベリファイはパンチデータを随時1カラムずつ検査・照合),
 * the same for every kind of document:
 * <ul>
 * <li>every field is saved as it is keyed, so nothing keyed is lost;</li>
 * <li>a pass is held by one operator at a time — claimed by the first field or by opening the document, taken over
 * once left untouched for the claim timeout; a holder keying on is touched at most once a minute;</li>
 * <li>whoever keyed any field of the entry may not verify the document, and whoever keyed either pass may not decide
 * it;</li>
 * <li>the verify compares each field with the entry as it is keyed and never shows the entry's value: equal →
 * MATCHED, first difference → REKEY (key it again), second → DISPUTED; MATCHED and DISPUTED are final, so nobody can
 * try values until one matches;</li>
 * <li>a complete entry waits for the verify; a complete verify makes the document VERIFIED with the entry's values,
 * or DISPUTED for a floor manager, who decides every disputed field (both values kept).</li>
 * </ul>
 * Stateless over its {@link KeyingStore}: every method runs in the caller's transaction (which must be open) and
 * locks the document first. Acts as {@link CurrentUser}. Refusals are domain exceptions with the reason in Japanese.
 *
 * @param <D> the document as its module describes it
 * @param <F> a field
 * @param <V> a field's value
 */
public final class DoubleKeying<D, F, V> {

	private final KeyingStore<D, F, V> store;
	private final String noun;
	private final Supplier<Instant> clock;
	private final Supplier<Duration> claimTimeout;

	/**
	 * @param store        where the document kind keeps its keying
	 * @param noun         what the document is called in messages (手帳, 口座登録用紙)
	 * @param clock        now
	 * @param claimTimeout how long a pass left untouched stays with its holder
	 */
	public DoubleKeying(KeyingStore<D, F, V> store, String noun, Supplier<Instant> clock, Supplier<Duration> claimTimeout) {
		this.store = store;
		this.noun = noun;
		this.clock = clock;
		this.claimTimeout = claimTimeout;
	}

	// --- opening a pass -------------------------------------------------------------------------------------------

	/**
	 * Locks the document and claims {@code pass} for the signed-in operator.
	 *
	 * @return the document as locked
	 * @throws StateConflictException the pass is not open for this operator (another holds it, the document is past
	 *                                that pass, or the operator keyed its entry and asks to verify)
	 */
	public Held<D> open(long id, Pass pass) {
		Held<D> held = store.lock(id);
		claim(id, held, pass);
		return held;
	}

	/** The values and statuses keyed in {@code pass} so far (no lock, no claim: for showing a sheet after {@link #open}). */
	public Sheet<F, V> sheet(long id, Pass pass) {
		var values = new LinkedHashMap<F, V>();
		var status = new LinkedHashMap<F, Outcome>();
		store.keyed(id, pass).forEach((f, k) -> {
			values.put(f, k.value());
			status.put(f, k.status());
		});
		return new Sheet<>(values, status);
	}

	private void claim(long id, Held<D> held, Pass pass) {
		String me = CurrentUser.name();
		Stage stage = held.stage();
		Instant now = clock.get();
		String by = pass == Pass.ENTRY ? held.entryBy() : held.verifyBy();
		Instant at = pass == Pass.ENTRY ? held.entryTouched() : held.verifyTouched();
		boolean mine = me.equals(by);
		if (pass == Pass.ENTRY) {
			if (!stage.acceptsEntry()) {
				throw new StateConflictException(name(id) + " のエントリーは完了しています（" + held.stateLabel() + "）");
			}
		} else {
			if (stage == Stage.WAITING || stage == Stage.ENTERING) {
				throw new StateConflictException(name(id) + " はエントリーが完了していません");
			}
			if (!stage.acceptsVerify()) {
				throw new StateConflictException(name(id) + " のベリファイは完了しています（" + held.stateLabel() + "）");
			}
			// Checked when the verify is claimed; the entry cannot change afterwards (it is complete).
			if (!mine && store.keyedBy(id, Pass.ENTRY, me)) {
				throw new StateConflictException("エントリーを入力した担当者は同じ" + noun + "をベリファイできません");
			}
		}
		if (by != null && !mine && at != null && at.isAfter(now.minus(claimTimeout.get()))) {
			throw new StateConflictException(name(id) + " は " + by + " さんが" + pass.label() + "中です");
		}
		if (!mine || at == null || at.isBefore(now.minusSeconds(60))) {
			store.hold(id, pass, me, now);
		}
	}

	// --- keying a field ---------------------------------------------------------------------------------------------

	/**
	 * Keys one field and saves it at once: in the entry it is stored (and may be keyed again until the entry is
	 * complete); in the verify it is compared with the entry.
	 *
	 * @return the outcome and the document afterwards
	 * @throws InvalidInputException  the value refused by {@link KeyingStore#check}
	 * @throws StateConflictException the pass is not open for this operator, or the field is final
	 */
	public Keying<D> key(long id, Pass pass, F field, V value) {
		store.check(field, value);
		Held<D> held = store.lock(id);
		claim(id, held, pass);
		Outcome outcome = keyLocked(id, pass, field, value);
		Stage target = pass == Pass.ENTRY ? Stage.ENTERING : Stage.VERIFYING;
		if (held.stage() != target) {
			held = store.stage(id, held, target);
		}
		return new Keying<>(held, outcome);
	}

	private Outcome keyLocked(long id, Pass pass, F field, V value) {
		String me = CurrentUser.name();
		Instant now = clock.get();
		if (pass == Pass.ENTRY) {
			store.save(id, pass, field, new Keyed<>(value, null, Outcome.KEYED, me, now));
			return Outcome.KEYED;
		}
		FieldPair<V> pair = store.pair(id, field);
		if (pair.entryValue() == null) {
			throw new IllegalStateException("entry complete without field " + field);
		}
		Outcome before = pair.verify() == null ? null : pair.verify().status();
		Outcome outcome = compare(store.label(field), before, pair.entryValue(), value);
		V first = pair.verify() == null ? null : pair.verify().firstValue();
		if (outcome == Outcome.REKEY) {
			first = value;
		}
		store.save(id, pass, field, new Keyed<>(value, first, outcome, me, now));
		return outcome;
	}

	/**
	 * The verify's comparison of one field with the entry, as it is keyed.
	 *
	 * @param label      the field's name, for the refusal
	 * @param previous   the field's verify status so far: null (not keyed) or REKEY; MATCHED and DISPUTED are final
	 * @param entryValue the entry's value
	 * @param value      the verifier's value
	 * @return MATCHED, REKEY (the first difference) or DISPUTED (the second)
	 * @throws StateConflictException if the field is final
	 */
	public static Outcome compare(String label, Outcome previous, Object entryValue, Object value) {
		if (previous != null && previous.isFinal()) {
			throw new StateConflictException("「" + label + "」は照合済みです（"
					+ (previous == Outcome.MATCHED ? "一致" : "判定待ち") + "）");
		}
		if (Objects.equals(value, entryValue)) {
			return Outcome.MATCHED;
		}
		return previous == null ? Outcome.REKEY : Outcome.DISPUTED;
	}

	// --- completing a pass ------------------------------------------------------------------------------------------

	/**
	 * Completes the pass: the entry once every field is keyed (→ ENTERED); the verify once every field is matched or
	 * disputed (→ VERIFIED, or DISPUTED for a floor manager).
	 *
	 * @return the document afterwards
	 * @throws StateConflictException fields still to key (property {@code missing}, API names) or the pass not open for
	 *                                this operator
	 */
	public Held<D> complete(long id, Pass pass) {
		Held<D> held = store.lock(id);
		claim(id, held, pass);
		return completeLocked(id, held, pass);
	}

	private Held<D> completeLocked(long id, Held<D> held, Pass pass) {
		Map<F, Keyed<V>> keyed = store.keyed(id, pass);
		List<String> missing = new ArrayList<>();
		boolean disputed = false;
		for (F f : store.fields()) {
			Keyed<V> k = keyed.get(f);
			Outcome s = k == null ? null : k.status();
			if (Outcome.open(s)) {
				missing.add(store.apiName(f));
			}
			disputed |= s == Outcome.DISPUTED;
		}
		if (!missing.isEmpty()) {
			throw (StateConflictException) new StateConflictException("未入力の項目があります（" + missing.size() + "項目）")
					.with("missing", missing);
		}
		if (pass == Pass.ENTRY) {
			return store.stage(id, held, Stage.ENTERED);
		}
		if (disputed) {
			return store.stage(id, held, Stage.DISPUTED);
		}
		return verify(id, held, Map.of());
	}

	/** Makes the document VERIFIED with the entry's values, replaced by {@code decided} for disputed fields. */
	private Held<D> verify(long id, Held<D> held, Map<F, V> decided) {
		var values = new LinkedHashMap<F, V>();
		store.keyed(id, Pass.ENTRY).forEach((f, k) -> values.put(f, k.value()));
		values.putAll(decided);
		return store.verified(id, held, values, clock.get());
	}

	// --- the HTTP API's whole-document passes -----------------------------------------------------------------------

	/**
	 * Keys every field of the entry at once and completes it.
	 *
	 * @param values every field's value
	 * @return the document afterwards (ENTERED)
	 * @throws StateConflictException the entry is complete already or held by another operator
	 */
	public Held<D> submitEntry(long id, Map<F, V> values) {
		Held<D> held = store.lock(id);
		claim(id, held, Pass.ENTRY);
		for (F f : store.fields()) {
			store.check(f, values.get(f));
		}
		for (F f : store.fields()) {
			keyLocked(id, Pass.ENTRY, f, values.get(f));
		}
		if (held.stage() == Stage.WAITING) {
			held = store.stage(id, held, Stage.ENTERING);
		}
		return completeLocked(id, held, Pass.ENTRY);
	}

	/**
	 * Compares every field still open with the entry, as the console would, in field order; fields already matched or
	 * disputed stay as they are. Completes the verify unless a field is to be keyed again.
	 *
	 * @param values every field's value
	 * @return the document afterwards (VERIFIED, VERIFYING with fields to key again, or DISPUTED) and the fields that
	 *         differ (to key again, or disputed), by API name, in field order
	 * @throws StateConflictException the verifier keyed the entry, the entry is not complete, or another operator holds
	 *                                the verify
	 */
	public Verified<D> submitVerify(long id, Map<F, V> values) {
		Held<D> held = store.lock(id);
		claim(id, held, Pass.VERIFY);
		for (F f : store.fields()) {
			store.check(f, values.get(f));
		}
		Map<F, Keyed<V>> before = store.keyed(id, Pass.VERIFY);
		List<String> mismatches = new ArrayList<>();
		boolean rekey = false;
		for (F f : store.fields()) {
			Keyed<V> k = before.get(f);
			Outcome s = k == null ? null : k.status();
			Outcome now = s != null && s.isFinal() ? s : keyLocked(id, Pass.VERIFY, f, values.get(f));
			if (now == Outcome.REKEY || now == Outcome.DISPUTED) {
				mismatches.add(store.apiName(f));
			}
			rekey |= now == Outcome.REKEY;
		}
		if (held.stage() != Stage.VERIFYING) {
			held = store.stage(id, held, Stage.VERIFYING);
		}
		if (!rekey) {
			held = completeLocked(id, held, Pass.VERIFY);
		}
		return new Verified<>(held, List.copyOf(mismatches));
	}

	// --- decisions --------------------------------------------------------------------------------------------------

	/** Every disputed field of a document with both keyings, in field order (no lock). */
	public Dispute<F, V> dispute(long id) {
		Map<F, Keyed<V>> entry = store.keyed(id, Pass.ENTRY);
		Map<F, Keyed<V>> verify = store.keyed(id, Pass.VERIFY);
		var fields = new ArrayList<DisputedField<F, V>>();
		for (F f : store.fields()) {
			Keyed<V> v = verify.get(f);
			if (v != null && v.status() == Outcome.DISPUTED) {
				Keyed<V> e = entry.get(f);
				fields.add(new DisputedField<>(f, e == null ? null : e.value(), v.value(),
						v.firstValue() == null ? v.value() : v.firstValue(), v.at()));
			}
		}
		return new Dispute<>(fields, String.join("、", store.keyers(id, Pass.ENTRY)),
				String.join("、", store.keyers(id, Pass.VERIFY)));
	}

	/**
	 * A floor manager decides every disputed field; the document is then VERIFIED.
	 *
	 * @param values the value of each disputed field (entry's, verifier's, or another read from the paper)
	 * @param note   why, for the record; may be blank
	 * @return the document afterwards
	 * @throws StateConflictException not waiting for a decision, or the signed-in person keyed it
	 * @throws InvalidInputException  a disputed field without a value, a value refused, or a field not disputed
	 */
	public Held<D> decide(long id, Map<F, V> values, String note) {
		Held<D> held = store.lock(id);
		if (held.stage() != Stage.DISPUTED) {
			throw new StateConflictException(name(id) + " は判定待ちではありません（" + held.stateLabel() + "）");
		}
		String me = CurrentUser.name();
		if (store.keyedBy(id, null, me)) {
			throw new StateConflictException("この" + noun + "を入力した担当者は判定できません");
		}
		Dispute<F, V> dispute = dispute(id);
		var decided = new LinkedHashMap<F, V>();
		var decisions = new ArrayList<Decision<F, V>>();
		for (DisputedField<F, V> d : dispute.fields()) {
			V v = values.get(d.field());
			if (v == null) {
				throw new InvalidInputException(store.apiName(d.field()), "「" + store.label(d.field()) + "」の判定値を入力してください");
			}
			store.check(d.field(), v);
			decided.put(d.field(), v);
			decisions.add(new Decision<>(d.field(), d.entryValue(), d.verifyValue(), v));
		}
		for (F f : values.keySet()) {
			if (!decided.containsKey(f)) {
				throw new InvalidInputException(store.apiName(f), "「" + store.label(f) + "」は判定の対象ではありません");
			}
		}
		store.decided(id, decisions, me, clock.get(), note == null || note.isBlank() ? null : note.strip());
		return verify(id, held, decided);
	}

	private String name(long id) {
		return noun + " " + id;
	}

	// --- results ----------------------------------------------------------------------------------------------------

	/**
	 * What one operator keyed in one pass.
	 *
	 * @param values by field
	 * @param status per keyed field: KEYED (entry), MATCHED, REKEY or DISPUTED (verify)
	 */
	public record Sheet<F, V>(Map<F, V> values, Map<F, Outcome> status) {

		/** The first of {@code fields} not keyed yet or waiting to be keyed again; empty when every field is done. */
		public Optional<F> firstOpen(List<F> fields) {
			for (F f : fields) {
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
	 * @param document the document afterwards
	 * @param outcome  what keying the field did
	 */
	public record Keying<D>(Held<D> document, Outcome outcome) {
	}

	/**
	 * The outcome of a whole verify.
	 *
	 * @param document   the document afterwards
	 * @param mismatches the fields that differ, by API name, in field order
	 */
	public record Verified<D>(Held<D> document, List<String> mismatches) {
	}

	/**
	 * A document's disputed fields.
	 *
	 * @param fields     every disputed field, in field order
	 * @param enteredBy  who keyed the entry (several joined with 、)
	 * @param verifiedBy who keyed the verify
	 */
	public record Dispute<F, V>(List<DisputedField<F, V>> fields, String enteredBy, String verifiedBy) {
	}

	/**
	 * One disputed field.
	 *
	 * @param field            the field
	 * @param entryValue       the entry's value
	 * @param verifyValue      the verifier's last value
	 * @param firstVerifyValue the verifier's first value
	 * @param at               when it was disputed
	 */
	public record DisputedField<F, V>(F field, V entryValue, V verifyValue, V firstVerifyValue, Instant at) {
	}
}
