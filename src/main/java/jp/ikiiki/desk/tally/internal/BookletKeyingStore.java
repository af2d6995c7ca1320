package jp.ikiiki.desk.tally.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.keying.KeyingStore;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.keying.Stage;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.tally.BookletState;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.PointsVerified;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The booklets' keying in {@code booklet} (state and pass holders), {@code booklet_key} (one row per booklet, pass and
 * field; field numbers are {@link StampField} ordinals) and {@code booklet_decision}. A booklet verified gets its
 * counts written and {@link PointsVerified} published with the subject's year.
 */
@Component
class BookletKeyingStore implements KeyingStore<BookletSummary, StampField, Integer> {

	private static final Logger log = LoggerFactory.getLogger(BookletKeyingStore.class);

	private final JdbcClient jdbc;
	private final Booklets booklets;
	private final YearTotals totals;
	private final TallyProperties properties;
	private final TallyClock clock;
	private final ApplicationEventPublisher events;

	BookletKeyingStore(JdbcClient jdbc, Booklets booklets, YearTotals totals, TallyProperties properties,
			TallyClock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.booklets = booklets;
		this.totals = totals;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	/** The keying stage of a booklet state (they are the same steps under the tally's names). */
	static Stage stageOf(BookletState state) {
		return switch (state) {
			case RECEIVED -> Stage.WAITING;
			case ENTERING -> Stage.ENTERING;
			case ENTERED -> Stage.ENTERED;
			case VERIFYING -> Stage.VERIFYING;
			case DISPUTED -> Stage.DISPUTED;
			case VERIFIED -> Stage.VERIFIED;
		};
	}

	static BookletState stateOf(Stage stage) {
		return switch (stage) {
			case WAITING -> BookletState.RECEIVED;
			case ENTERING -> BookletState.ENTERING;
			case ENTERED -> BookletState.ENTERED;
			case VERIFYING -> BookletState.VERIFYING;
			case DISPUTED -> BookletState.DISPUTED;
			case VERIFIED -> BookletState.VERIFIED;
		};
	}

	@Override
	public List<StampField> fields() {
		return StampField.ALL;
	}

	@Override
	public String label(StampField field) {
		return field.label();
	}

	@Override
	public String apiName(StampField field) {
		return field.apiName();
	}

	@Override
	public void check(StampField field, Integer value) {
		if (value == null || value < 0 || value > properties.maxStamps()) {
			throw new InvalidInputException(field.apiName(), "「" + field.label() + "」は0から" + properties.maxStamps()
					+ "までの整数で入力してください");
		}
	}

	@Override
	public Held<BookletSummary> lock(long id) {
		Booklets.Locked locked = booklets.lockForKeying(id);
		return held(locked.booklet(), locked.entryBy(), locked.entryTouched(), locked.verifyBy(), locked.verifyTouched());
	}

	private static Held<BookletSummary> held(BookletSummary b, String entryBy, Instant entryTouched, String verifyBy,
			Instant verifyTouched) {
		return new Held<>(b, stageOf(b.state()), b.state().label(), entryBy, entryTouched, verifyBy, verifyTouched);
	}

	private static Held<BookletSummary> in(Held<BookletSummary> h, BookletState state) {
		BookletSummary b = h.document();
		var moved = new BookletSummary(b.id(), b.addressNumber(), b.managementNumber(), b.businessYear(), b.kind(),
				b.receivedOn(), state, b.receivedAt(), b.receivedBy(), b.scanFile());
		return held(moved, h.entryBy(), h.entryTouched(), h.verifyBy(), h.verifyTouched());
	}

	@Override
	public void hold(long id, Pass pass, String user, Instant at) {
		String column = pass == Pass.ENTRY ? "entry" : "verify";
		jdbc.sql("update booklet set " + column + "_by = :me, " + column + "_touched_at = :now where id = :id")
				.param("me", user).param("now", Booklets.at(at)).param("id", id).update();
	}

	@Override
	public boolean keyedBy(long id, Pass pass, String user) {
		return jdbc.sql("select exists (select 1 from booklet_key where booklet_id = :id and keyed_by = :u"
				+ (pass == null ? "" : " and pass = :pass") + ")")
				.param("id", id).param("u", user).param("pass", pass == null ? "" : pass.name())
				.query(Boolean.class).single();
	}

	@Override
	public Map<StampField, Keyed<Integer>> keyed(long id, Pass pass) {
		var keyed = new EnumMap<StampField, Keyed<Integer>>(StampField.class);
		jdbc.sql("select field, value, first_value, status, keyed_by, keyed_at from booklet_key"
				+ " where booklet_id = :id and pass = :pass")
				.param("id", id).param("pass", pass.name())
				.query((RowCallbackHandler) rs -> keyed.put(StampField.ofNumber(rs.getInt("field")),
						new Keyed<>(rs.getInt("value"), rs.getObject("first_value", Integer.class),
								Outcome.valueOf(rs.getString("status")), rs.getString("keyed_by"),
								Booklets.instant(rs, "keyed_at"))));
		return keyed;
	}

	@Override
	public FieldPair<Integer> pair(long id, StampField field) {
		return jdbc.sql("""
				select e.value as entry, v.value, v.first_value, v.status, v.keyed_by, v.keyed_at from booklet_key e
				left join booklet_key v on v.booklet_id = e.booklet_id and v.field = e.field and v.pass = 'VERIFY'
				where e.booklet_id = :id and e.pass = 'ENTRY' and e.field = :f""")
				.param("id", id).param("f", field.ordinal())
				.query((rs, n) -> new FieldPair<>(rs.getInt("entry"), rs.getString("status") == null ? null
						: new Keyed<>(rs.getInt("value"), rs.getObject("first_value", Integer.class),
								Outcome.valueOf(rs.getString("status")), rs.getString("keyed_by"),
								Booklets.instant(rs, "keyed_at"))))
				.optional().orElse(new FieldPair<>(null, null));
	}

	@Override
	public void save(long id, Pass pass, StampField field, Keyed<Integer> keyed) {
		jdbc.sql("""
				insert into booklet_key (booklet_id, pass, field, value, first_value, status, keyed_by, keyed_at)
				values (:id, :pass, :field, :value, :first, :status, :by, :at)
				on conflict (booklet_id, pass, field) do update set value = excluded.value,
				  first_value = excluded.first_value, status = excluded.status, keyed_by = excluded.keyed_by,
				  keyed_at = excluded.keyed_at""")
				.param("id", id).param("pass", pass.name()).param("field", field.ordinal()).param("value", keyed.value())
				.param("first", keyed.firstValue()).param("status", keyed.status().name()).param("by", keyed.by())
				.param("at", Booklets.at(keyed.at())).update();
	}

	@Override
	public Held<BookletSummary> stage(long id, Held<BookletSummary> from, Stage to) {
		BookletState target = stateOf(to);
		from.document().state().checkStep(id, target);
		jdbc.sql("update booklet set state = :s" + (to == Stage.ENTERED ? ", entered_at = :at" : "")
				+ " where id = :id").param("s", target.name()).param("at", Booklets.at(clock.now())).param("id", id)
				.update();
		if (to == Stage.ENTERED) {
			log.info("Booklet {} entered", id);
		} else if (to == Stage.DISPUTED) {
			log.info("Booklet {} disputed", id);
		}
		return in(from, target);
	}

	@Override
	public Held<BookletSummary> verified(long id, Held<BookletSummary> held, Map<StampField, Integer> values, Instant at) {
		BookletSummary booklet = held.document();
		StampCounts counts = StampCounts.of(values);
		booklet.state().checkStep(id, BookletState.VERIFIED);
		jdbc.sql("""
				update booklet set state = 'VERIFIED', verified_at = :at, stamps_4p = :s4, stamps_2p = :s2,
				  checkups = :checkups, stamps_1p = :s1, void_stamps = :v where id = :id""")
				.param("at", Booklets.at(at)).param("s4", counts.stamps4p()).param("s2", counts.stamps2p())
				.param("checkups", counts.checkups().toArray(new Integer[0])).param("s1", counts.stamps1p())
				.param("v", counts.voidStamps()).param("id", id).update();
		var year = totals.of(booklet.addressNumber(), booklet.businessYear());
		events.publishEvent(new PointsVerified(id, booklet.addressNumber(), booklet.businessYear(), booklet.kind(),
				booklet.receivedOn(), counts, year));
		log.info("Booklet {} verified", id);
		return in(held, BookletState.VERIFIED);
	}

	@Override
	public void decided(long id, List<Decision<StampField, Integer>> decisions, String by, Instant at, String note) {
		OffsetDateTime when = Booklets.at(at);
		for (Decision<StampField, Integer> d : decisions) {
			jdbc.sql("""
					insert into booklet_decision (booklet_id, field, entry_value, verify_value, decided_value, decided_by,
					                              decided_at, note)
					values (:id, :f, :e, :v, :d, :by, :at, :note)""")
					.param("id", id).param("f", d.field().ordinal()).param("e", d.entryValue())
					.param("v", d.verifyValue()).param("d", d.decidedValue()).param("by", by).param("at", when)
					.param("note", note).update();
		}
	}

	@Override
	public List<String> keyers(long id, Pass pass) {
		return jdbc.sql("select distinct keyed_by from booklet_key where booklet_id = :id and pass = :p order by keyed_by")
				.param("id", id).param("p", pass.name()).query(String.class).list();
	}
}
