package jp.ikiiki.desk.keying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The rules of entry and verify over a store held in memory: any document kind gets exactly these. */
class DoubleKeyingTest {

	static final Instant T0 = Instant.parse("2026-06-15T01:00:00Z");

	Instant now = T0;
	final MemoryStore store = new MemoryStore();
	final DoubleKeying<String, String, String> rules = new DoubleKeying<>(store, "用紙", () -> now,
			() -> Duration.ofMinutes(30));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static <T> T as(String user, Supplier<T> work) {
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
		try {
			return work.get();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	Map<String, String> values(String a, String b) {
		var m = new LinkedHashMap<String, String>();
		m.put("a", a);
		m.put("b", b);
		return m;
	}

	@Test
	void an_equal_value_matches_at_once_the_first_difference_asks_again_and_a_second_one_is_disputed() {
		assertThat(DoubleKeying.compare("a", null, 7, 7)).isEqualTo(Outcome.MATCHED);
		assertThat(DoubleKeying.compare("a", null, 7, 8)).isEqualTo(Outcome.REKEY);
		assertThat(DoubleKeying.compare("a", Outcome.REKEY, "0001", "0001")).isEqualTo(Outcome.MATCHED);
		assertThat(DoubleKeying.compare("a", Outcome.REKEY, 2, 3)).isEqualTo(Outcome.DISPUTED);
		// the same wrong value twice is a dispute as much as two different ones
		assertThat(DoubleKeying.compare("a", Outcome.REKEY, 2, 0)).isEqualTo(Outcome.DISPUTED);
	}

	@Test
	void a_matched_or_disputed_field_is_final_so_nobody_can_try_values_until_one_matches() {
		assertThatThrownBy(() -> DoubleKeying.compare("口座番号", Outcome.MATCHED, 1, 2))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("「口座番号」は照合済みです（一致）");
		assertThatThrownBy(() -> DoubleKeying.compare("口座番号", Outcome.DISPUTED, 1, 1))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("判定待ち");
	}

	@Test
	void two_operators_keying_the_same_values_verify_the_document_with_the_entrys_values() {
		store.add(1);
		as("k1", () -> rules.key(1, Pass.ENTRY, "a", "x"));
		assertThat(store.stage.get(1L)).isEqualTo(Stage.ENTERING);
		as("k1", () -> rules.key(1, Pass.ENTRY, "b", "y"));
		assertThat(as("k1", () -> rules.complete(1, Pass.ENTRY)).stage()).isEqualTo(Stage.ENTERED);
		assertThat(as("k2", () -> rules.key(1, Pass.VERIFY, "a", "x")).outcome()).isEqualTo(Outcome.MATCHED);
		assertThat(as("k2", () -> rules.key(1, Pass.VERIFY, "b", "y")).outcome()).isEqualTo(Outcome.MATCHED);
		assertThat(as("k2", () -> rules.complete(1, Pass.VERIFY)).stage()).isEqualTo(Stage.VERIFIED);
		assertThat(store.verifiedValues.get(1L)).containsExactly(Map.entry("a", "x"), Map.entry("b", "y"));
	}

	@Test
	void the_entry_keyer_may_neither_verify_nor_decide_and_a_held_pass_is_refused_to_others_until_it_goes_stale() {
		store.add(1);
		as("k1", () -> rules.key(1, Pass.ENTRY, "a", "x"));
		assertThatThrownBy(() -> as("k3", () -> rules.key(1, Pass.ENTRY, "b", "y")))
				.isInstanceOf(StateConflictException.class).hasMessage("用紙 1 は k1 さんがエントリー中です");
		now = T0.plus(Duration.ofMinutes(31));
		as("k3", () -> rules.key(1, Pass.ENTRY, "b", "y"));
		as("k3", () -> rules.complete(1, Pass.ENTRY));
		assertThatThrownBy(() -> as("k1", () -> rules.open(1, Pass.VERIFY)))
				.isInstanceOf(StateConflictException.class).hasMessage("エントリーを入力した担当者は同じ用紙をベリファイできません");
		as("k2", () -> rules.key(1, Pass.VERIFY, "a", "z"));
		as("k2", () -> rules.key(1, Pass.VERIFY, "a", "z"));
		as("k2", () -> rules.key(1, Pass.VERIFY, "b", "y"));
		assertThat(as("k2", () -> rules.complete(1, Pass.VERIFY)).stage()).isEqualTo(Stage.DISPUTED);
		assertThatThrownBy(() -> as("k2", () -> rules.decide(1, Map.of("a", "x"), "")))
				.isInstanceOf(StateConflictException.class).hasMessage("この用紙を入力した担当者は判定できません");
	}

	@Test
	void a_floor_manager_decides_every_disputed_field_and_only_those() {
		store.add(1);
		as("k1", () -> rules.submitEntry(1, values("x", "y")));
		var first = as("k2", () -> rules.submitVerify(1, values("x", "q")));
		assertThat(first.mismatches()).containsExactly("api.b");
		assertThat(first.document().stage()).isEqualTo(Stage.VERIFYING);
		var second = as("k2", () -> rules.submitVerify(1, values("x", "r")));
		assertThat(second.document().stage()).isEqualTo(Stage.DISPUTED);
		var dispute = rules.dispute(1);
		assertThat(dispute.fields()).singleElement().satisfies(d -> {
			assertThat(d.field()).isEqualTo("b");
			assertThat(d.entryValue()).isEqualTo("y");
			assertThat(d.verifyValue()).isEqualTo("r");
			assertThat(d.firstVerifyValue()).isEqualTo("q");
		});
		assertThat(dispute.enteredBy()).isEqualTo("k1");
		assertThat(dispute.verifiedBy()).isEqualTo("k2");
		assertThatThrownBy(() -> as("m1", () -> rules.decide(1, Map.of(), "")))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("api.b"));
		assertThatThrownBy(() -> as("m1", () -> rules.decide(1, Map.of("a", "x", "b", "y"), "")))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("api.a"));
		assertThat(as("m1", () -> rules.decide(1, Map.of("b", "r"), "用紙で確認")).stage()).isEqualTo(Stage.VERIFIED);
		assertThat(store.verifiedValues.get(1L)).containsEntry("b", "r").containsEntry("a", "x");
		assertThat(store.decisions).singleElement().isEqualTo(new KeyingStore.Decision<>("b", "y", "r", "r"));
	}

	@Test
	void a_pass_with_fields_missing_cannot_be_completed_and_says_which() {
		store.add(1);
		as("k1", () -> rules.key(1, Pass.ENTRY, "a", "x"));
		assertThatThrownBy(() -> as("k1", () -> rules.complete(1, Pass.ENTRY)))
				.isInstanceOfSatisfying(StateConflictException.class,
						e -> assertThat(e.properties().get("missing")).isEqualTo(List.of("api.b")));
		assertThatThrownBy(() -> as("k2", () -> rules.key(1, Pass.VERIFY, "a", "x")))
				.isInstanceOf(StateConflictException.class).hasMessage("用紙 1 はエントリーが完了していません");
		assertThatThrownBy(() -> as("k1", () -> rules.key(1, Pass.ENTRY, "a", "")))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> as("k1", () -> rules.key(2, Pass.ENTRY, "a", "x"))).isInstanceOf(NotFoundException.class);
	}

	/** Two fields, a and b; an empty value is refused. */
	static final class MemoryStore implements KeyingStore<String, String, String> {
		final Map<Long, Stage> stage = new HashMap<>();
		final Map<Long, String[]> holders = new HashMap<>();
		final Map<String, Keyed<String>> keys = new HashMap<>();
		final Map<Long, Map<String, String>> verifiedValues = new HashMap<>();
		final List<Decision<String, String>> decisions = new ArrayList<>();

		void add(long id) {
			stage.put(id, Stage.WAITING);
			holders.put(id, new String[4]);
		}

		private static String key(long id, Pass pass, String field) {
			return id + "/" + pass + "/" + field;
		}

		@Override
		public List<String> fields() {
			return List.of("a", "b");
		}

		@Override
		public String label(String field) {
			return field;
		}

		@Override
		public String apiName(String field) {
			return "api." + field;
		}

		@Override
		public void check(String field, String value) {
			if (value == null || value.isEmpty()) {
				throw new InvalidInputException(apiName(field), "空です");
			}
		}

		@Override
		public Held<String> lock(long id) {
			if (!stage.containsKey(id)) {
				throw new NotFoundException("用紙 " + id + " はありません");
			}
			String[] h = holders.get(id);
			return new Held<>("doc" + id, stage.get(id), stage.get(id).name(), h[0], h[1] == null ? null : Instant.parse(h[1]),
					h[2], h[3] == null ? null : Instant.parse(h[3]));
		}

		@Override
		public void hold(long id, Pass pass, String user, Instant at) {
			String[] h = holders.get(id);
			int i = pass == Pass.ENTRY ? 0 : 2;
			h[i] = user;
			h[i + 1] = at.toString();
		}

		@Override
		public boolean keyedBy(long id, Pass pass, String user) {
			return keys.entrySet().stream().anyMatch(e -> e.getKey().startsWith(id + "/")
					&& (pass == null || e.getKey().startsWith(id + "/" + pass + "/")) && e.getValue().by().equals(user));
		}

		@Override
		public Map<String, Keyed<String>> keyed(long id, Pass pass) {
			var m = new LinkedHashMap<String, Keyed<String>>();
			for (String f : fields()) {
				Keyed<String> k = keys.get(key(id, pass, f));
				if (k != null) {
					m.put(f, k);
				}
			}
			return m;
		}

		@Override
		public FieldPair<String> pair(long id, String field) {
			Keyed<String> e = keys.get(key(id, Pass.ENTRY, field));
			return new FieldPair<>(e == null ? null : e.value(), keys.get(key(id, Pass.VERIFY, field)));
		}

		@Override
		public void save(long id, Pass pass, String field, Keyed<String> keyed) {
			keys.put(key(id, pass, field), keyed);
		}

		@Override
		public Held<String> stage(long id, Held<String> from, Stage to) {
			stage.put(id, to);
			return from.at(to, to.name());
		}

		@Override
		public Held<String> verified(long id, Held<String> held, Map<String, String> values, Instant at) {
			stage.put(id, Stage.VERIFIED);
			verifiedValues.put(id, values);
			return held.at(Stage.VERIFIED, "VERIFIED");
		}

		@Override
		public void decided(long id, List<Decision<String, String>> list, String by, Instant at, String note) {
			decisions.addAll(list);
		}

		@Override
		public List<String> keyers(long id, Pass pass) {
			var users = new TreeSet<String>();
			keyed(id, pass).values().forEach(k -> users.add(k.by()));
			return List.copyOf(users);
		}
	}
}
