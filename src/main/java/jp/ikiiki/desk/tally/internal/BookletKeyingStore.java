package jp.ikiiki.desk.tally.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.keying.TableKeyingStore;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The booklets' keying in {@code booklet} (state and pass holders), {@code booklet_key} (one row per booklet, pass and
 * field; field numbers are {@link StampField} ordinals) and {@code booklet_decision}. A booklet verified gets its
 * counts written and {@link PointsVerified} published with the subject's year.
 */
@Component
class BookletKeyingStore extends TableKeyingStore<BookletSummary, StampField, Integer> {

	private static final Logger log = LoggerFactory.getLogger(BookletKeyingStore.class);

	private final JdbcClient jdbc;
	private final Booklets booklets;
	private final YearTotals totals;
	private final TallyProperties properties;
	private final TallyClock clock;
	private final ApplicationEventPublisher events;

	BookletKeyingStore(JdbcClient jdbc, Booklets booklets, YearTotals totals, TallyProperties properties,
			TallyClock clock, ApplicationEventPublisher events) {
		super(jdbc, "booklet", "booklet_key", "booklet_decision", "booklet_id", StampField.class, Integer.class);
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

}
