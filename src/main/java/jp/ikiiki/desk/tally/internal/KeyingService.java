package jp.ikiiki.desk.tally.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKeying.FieldResult.Outcome;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entry and verify, saved per field in {@code booklet_key}. Each pass is held by one operator at a time (claimed by
 * the first field keyed, or by {@link #next}); a pass left untouched for {@code ikiiki.tally.claim-timeout} may be
 * taken over. Whoever keyed any field of a booklet's entry may not verify it.
 */
@Service
class KeyingService implements BookletKeying {

	private static final Logger log = LoggerFactory.getLogger(KeyingService.class);
	static final String CHANNEL_API_ENTRY = "PUT /api/booklets/{id}/entry";
	static final String CHANNEL_API_VERIFY = "PUT /api/booklets/{id}/verify";

	private final JdbcClient jdbc;
	private final Booklets booklets;
	private final YearTotals totals;
	private final TallyProperties properties;
	private final TallyClock clock;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	KeyingService(JdbcClient jdbc, Booklets booklets, YearTotals totals, TallyProperties properties, TallyClock clock,
			AuditTrail audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.booklets = booklets;
		this.totals = totals;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
	}

	// --- the next booklet and its sheet -----------------------------------------------------------------------

	@Override
	@Transactional
	public Optional<Sheet> next(Pass pass) {
		String me = CurrentUser.name();
		java.time.OffsetDateTime stale = Booklets.at(clock.now().minus(properties.claimTimeout()));
		String sql = pass == Pass.ENTRY ? """
				select b.id from booklet b
				where b.state in ('RECEIVED', 'ENTERING')
				  and (b.entry_by is null or b.entry_by = :me or b.entry_touched_at < :stale)
				order by coalesce(b.entry_by = :me, false) desc,
				         exists (select 1 from booklet_scan s where s.booklet_id = b.id) desc, b.received_on, b.id
				limit 1 for update of b skip locked""" : """
				select b.id from booklet b
				where b.state in ('ENTERED', 'VERIFYING')
				  and (b.verify_by is null or b.verify_by = :me or b.verify_touched_at < :stale)
				  and not exists (select 1 from booklet_key k
				                  where k.booklet_id = b.id and k.pass = 'ENTRY' and k.keyed_by = :me)
				order by coalesce(b.verify_by = :me, false) desc,
				         exists (select 1 from booklet_scan s where s.booklet_id = b.id) desc, b.received_on, b.id
				limit 1 for update of b skip locked""";
		Optional<Long> id = jdbc.sql(sql).param("me", me).param("stale", stale).query(Long.class).optional();
		return id.map(i -> sheet(i, pass));
	}

	@Override
	@Transactional
	public Sheet sheet(long bookletId, Pass pass) {
		Booklets.Locked locked = booklets.lockForKeying(bookletId);
		BookletSummary booklet = locked.booklet();
		claim(locked, pass);
		audit.record(AuditAction.VIEW, "画面:手帳" + pass.label(), List.of(booklet.addressNumber()),
				"booklet=" + bookletId);
		return sheetOf(booklets.find(bookletId).orElseThrow(), pass);
	}

	private Sheet sheetOf(BookletSummary booklet, Pass pass) {
		var values = new EnumMap<StampField, Integer>(StampField.class);
		var status = new EnumMap<StampField, Outcome>(StampField.class);
		jdbc.sql("select field, value, status from booklet_key where booklet_id = :id and pass = :pass")
				.param("id", booklet.id()).param("pass", pass.name())
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					StampField f = StampField.ofNumber(rs.getInt("field"));
					values.put(f, rs.getInt("value"));
					status.put(f, Outcome.valueOf(rs.getString("status")));
				});
		return new Sheet(booklet, pass, values, status, pages(booklet.id()));
	}

	private int pages(long bookletId) {
		return jdbc.sql("select pages from booklet_scan where booklet_id = :id").param("id", bookletId)
				.query(Integer.class).optional().orElse(0);
	}

	/**
	 * Makes sure the signed-in operator may key {@code pass} of the (locked) booklet and records them as its holder.
	 * A holder keying on is touched at most once a minute, so that keying a field costs no extra write.
	 */
	private void claim(Booklets.Locked locked, Pass pass) {
		BookletSummary booklet = locked.booklet();
		String me = CurrentUser.name();
		BookletState state = booklet.state();
		Instant now = clock.now();
		String by = pass == Pass.ENTRY ? locked.entryBy() : locked.verifyBy();
		Instant at = pass == Pass.ENTRY ? locked.entryTouched() : locked.verifyTouched();
		boolean mine = me.equals(by);
		if (pass == Pass.ENTRY) {
			if (!state.acceptsEntry()) {
				throw new StateConflictException("手帳 " + booklet.id() + " のエントリーは完了しています（" + state.label() + "）");
			}
		} else {
			if (state == BookletState.RECEIVED || state == BookletState.ENTERING) {
				throw new StateConflictException("手帳 " + booklet.id() + " はエントリーが完了していません");
			}
			if (!state.acceptsVerify()) {
				throw new StateConflictException("手帳 " + booklet.id() + " のベリファイは完了しています（" + state.label() + "）");
			}
			// Checked when the verify is claimed; the entry cannot change afterwards (it is complete).
			if (!mine && keyedEntry(booklet.id(), me)) {
				throw new StateConflictException("エントリーを入力した担当者は同じ手帳をベリファイできません");
			}
		}
		if (by != null && !mine && at != null && at.isAfter(now.minus(properties.claimTimeout()))) {
			throw new StateConflictException("手帳 " + booklet.id() + " は " + by + " さんが" + pass.label() + "中です");
		}
		if (!mine || at == null || at.isBefore(now.minusSeconds(60))) {
			String column = pass == Pass.ENTRY ? "entry" : "verify";
			jdbc.sql("update booklet set " + column + "_by = :me, " + column + "_touched_at = :now where id = :id")
					.param("me", me).param("now", Booklets.at(now)).param("id", booklet.id()).update();
		}
	}

	private boolean keyedEntry(long bookletId, String user) {
		return jdbc.sql("select exists (select 1 from booklet_key where booklet_id = :id and pass = 'ENTRY' and keyed_by = :u)")
				.param("id", bookletId).param("u", user).query(Boolean.class).single();
	}

	// --- keying a field -----------------------------------------------------------------------------------------

	@Override
	@Transactional
	public FieldResult key(long bookletId, Pass pass, StampField field, int value) {
		checkValue(field, value);
		Booklets.Locked locked = booklets.lockForKeying(bookletId);
		BookletSummary booklet = locked.booklet();
		claim(locked, pass);
		Outcome outcome = keyLocked(booklet, pass, field, value);
		BookletState state = pass == Pass.ENTRY ? BookletState.ENTERING : BookletState.VERIFYING;
		if (booklet.state() != state) {
			setState(booklet, state);
		}
		return new FieldResult(field, outcome, state);
	}

	private void checkValue(StampField field, int value) {
		if (value < 0 || value > properties.maxStamps()) {
			throw new InvalidInputException(field.apiName(), "「" + field.label() + "」は0から" + properties.maxStamps()
					+ "までの整数で入力してください");
		}
	}

	private Outcome keyLocked(BookletSummary booklet, Pass pass, StampField field, int value) {
		String me = CurrentUser.name();
		java.time.OffsetDateTime now = Booklets.at(clock.now());
		if (pass == Pass.ENTRY) {
			upsert(booklet.id(), pass, field, value, null, Outcome.KEYED, me, now);
			return Outcome.KEYED;
		}
		var known = jdbc.sql("""
				select e.value as entry, v.status, v.first_value from booklet_key e
				left join booklet_key v on v.booklet_id = e.booklet_id and v.field = e.field and v.pass = 'VERIFY'
				where e.booklet_id = :id and e.pass = 'ENTRY' and e.field = :f""")
				.param("id", booklet.id()).param("f", field.ordinal())
				.query((rs, n) -> new Object[] { rs.getInt("entry"),
						rs.getString("status") == null ? null : Outcome.valueOf(rs.getString("status")),
						rs.getObject("first_value", Integer.class) })
				.optional().orElseThrow(() -> new IllegalStateException("entry complete without field " + field));
		int entry = (Integer) known[0];
		Outcome before = (Outcome) known[1];
		Outcome outcome = VerifyComparison.compare(field, before, entry, value);
		Integer first = (Integer) known[2];
		if (outcome == Outcome.REKEY) {
			first = value;
		}
		upsert(booklet.id(), pass, field, value, first, outcome, me, now);
		return outcome;
	}

	private void upsert(long bookletId, Pass pass, StampField field, int value, Integer first, Outcome status,
			String by, java.time.OffsetDateTime at) {
		jdbc.sql("""
				insert into booklet_key (booklet_id, pass, field, value, first_value, status, keyed_by, keyed_at)
				values (:id, :pass, :field, :value, :first, :status, :by, :at)
				on conflict (booklet_id, pass, field) do update set value = excluded.value,
				  first_value = excluded.first_value, status = excluded.status, keyed_by = excluded.keyed_by,
				  keyed_at = excluded.keyed_at""")
				.param("id", bookletId).param("pass", pass.name()).param("field", field.ordinal()).param("value", value)
				.param("first", first).param("status", status.name()).param("by", by).param("at", at).update();
	}

	private void setState(BookletSummary booklet, BookletState target) {
		booklet.state().checkStep(booklet.id(), target);
		jdbc.sql("update booklet set state = :s where id = :id").param("s", target.name()).param("id", booklet.id())
				.update();
	}

	// --- completing a pass --------------------------------------------------------------------------------------

	@Override
	@Transactional
	public BookletSummary complete(long bookletId, Pass pass) {
		Booklets.Locked locked = booklets.lockForKeying(bookletId);
		BookletSummary booklet = locked.booklet();
		claim(locked, pass);
		BookletSummary done = completeLocked(booklet, pass);
		audit.record(AuditAction.UPDATE, "画面:手帳" + pass.label(), List.of(booklet.addressNumber()),
				"booklet=" + bookletId + "; " + pass.label() + "完了; state=" + done.state());
		return done;
	}

	private BookletSummary completeLocked(BookletSummary booklet, Pass pass) {
		Sheet sheet = sheetOf(booklet, pass);
		List<String> missing = new ArrayList<>();
		for (StampField f : StampField.ALL) {
			Outcome s = sheet.status().get(f);
			if (s == null || s == Outcome.REKEY) {
				missing.add(f.apiName());
			}
		}
		if (!missing.isEmpty()) {
			throw (StateConflictException) new StateConflictException("未入力の項目があります（" + missing.size() + "項目）")
					.with("missing", missing);
		}
		if (pass == Pass.ENTRY) {
			setState(booklet, BookletState.ENTERED);
			jdbc.sql("update booklet set entered_at = :at where id = :id").param("at", Booklets.at(clock.now()))
					.param("id", booklet.id()).update();
			log.info("Booklet {} entered", booklet.id());
		} else if (sheet.status().containsValue(Outcome.DISPUTED)) {
			setState(booklet, BookletState.DISPUTED);
			log.info("Booklet {} disputed", booklet.id());
		} else {
			verify(booklet, Map.of());
		}
		return booklets.find(booklet.id()).orElseThrow();
	}

	/**
	 * Makes the booklet VERIFIED with the entry's values, replaced by {@code decided} for disputed fields, and
	 * publishes {@link PointsVerified} with the subject's year.
	 */
	private void verify(BookletSummary booklet, Map<StampField, Integer> decided) {
		var entry = new EnumMap<StampField, Integer>(StampField.class);
		entry.putAll(sheetOf(booklet, Pass.ENTRY).values());
		entry.putAll(decided);
		StampCounts counts = StampCounts.of(entry);
		booklet.state().checkStep(booklet.id(), BookletState.VERIFIED);
		jdbc.sql("""
				update booklet set state = 'VERIFIED', verified_at = :at, stamps_4p = :s4, stamps_2p = :s2,
				  checkups = :checkups, stamps_1p = :s1, void_stamps = :v where id = :id""")
				.param("at", Booklets.at(clock.now())).param("s4", counts.stamps4p()).param("s2", counts.stamps2p())
				.param("checkups", counts.checkups().toArray(new Integer[0])).param("s1", counts.stamps1p())
				.param("v", counts.voidStamps()).param("id", booklet.id()).update();
		var year = totals.of(booklet.addressNumber(), booklet.businessYear());
		events.publishEvent(new PointsVerified(booklet.id(), booklet.addressNumber(), booklet.businessYear(),
				booklet.kind(), booklet.receivedOn(), counts, year));
		log.info("Booklet {} verified", booklet.id());
	}

	// --- the HTTP API's whole-booklet passes ----------------------------------------------------------------------

	@Override
	@Transactional
	public BookletSummary submitEntry(long bookletId, StampCounts counts) {
		Booklets.Locked locked = booklets.lockForKeying(bookletId);
		BookletSummary booklet = locked.booklet();
		claim(locked, Pass.ENTRY);
		for (StampField f : StampField.ALL) {
			checkValue(f, counts.get(f));
		}
		for (StampField f : StampField.ALL) {
			keyLocked(booklet, Pass.ENTRY, f, counts.get(f));
		}
		if (booklet.state() == BookletState.RECEIVED) {
			setState(booklet, BookletState.ENTERING);
		}
		BookletSummary done = completeLocked(booklets.find(bookletId).orElseThrow(), Pass.ENTRY);
		audit.record(AuditAction.UPDATE, CHANNEL_API_ENTRY, List.of(booklet.addressNumber()),
				"booklet=" + bookletId + "; エントリー完了");
		return done;
	}

	@Override
	@Transactional
	public VerifyResult submitVerify(long bookletId, StampCounts counts) {
		Booklets.Locked locked = booklets.lockForKeying(bookletId);
		BookletSummary booklet = locked.booklet();
		claim(locked, Pass.VERIFY);
		for (StampField f : StampField.ALL) {
			checkValue(f, counts.get(f));
		}
		Sheet before = sheetOf(booklet, Pass.VERIFY);
		List<String> mismatches = new ArrayList<>();
		boolean rekey = false;
		for (StampField f : StampField.ALL) {
			Outcome s = before.status().get(f);
			Outcome now = s == Outcome.MATCHED || s == Outcome.DISPUTED ? s : keyLocked(booklet, Pass.VERIFY, f, counts.get(f));
			if (now == Outcome.REKEY || now == Outcome.DISPUTED) {
				mismatches.add(f.apiName());
			}
			rekey |= now == Outcome.REKEY;
		}
		BookletSummary after;
		if (rekey) {
			if (booklet.state() != BookletState.VERIFYING) {
				setState(booklet, BookletState.VERIFYING);
			}
			after = booklets.find(bookletId).orElseThrow();
		} else {
			if (booklet.state() != BookletState.VERIFYING) {
				setState(booklet, BookletState.VERIFYING);
			}
			after = completeLocked(booklets.find(bookletId).orElseThrow(), Pass.VERIFY);
		}
		audit.record(AuditAction.UPDATE, CHANNEL_API_VERIFY, List.of(booklet.addressNumber()),
				"booklet=" + bookletId + "; state=" + after.state() + "; mismatches=" + mismatches.size());
		return new VerifyResult(after, List.copyOf(mismatches));
	}

	// --- decisions ------------------------------------------------------------------------------------------------

	@Override
	@Transactional(readOnly = true)
	public List<Dispute> disputes() {
		List<BookletSummary> disputed = jdbc.sql("select " + Booklets.SUMMARY_COLUMNS + Booklets.FROM
				+ "where b.state = 'DISPUTED' order by b.received_on, b.id").query(Booklets::summary).list();
		var result = new ArrayList<Dispute>(disputed.size());
		for (BookletSummary b : disputed) {
			result.add(disputeOf(b));
		}
		return result;
	}

	private Dispute disputeOf(BookletSummary b) {
		List<DisputedField> fields = jdbc.sql("""
				select v.field, e.value as entry_value, v.value as verify_value, coalesce(v.first_value, v.value) as first_value,
				       v.keyed_at
				from booklet_key v join booklet_key e on e.booklet_id = v.booklet_id and e.field = v.field and e.pass = 'ENTRY'
				where v.booklet_id = :id and v.pass = 'VERIFY' and v.status = 'DISPUTED' order by v.field""")
				.param("id", b.id())
				.query((rs, n) -> new DisputedField(StampField.ofNumber(rs.getInt("field")), rs.getInt("entry_value"),
						rs.getInt("verify_value"), rs.getInt("first_value"), Booklets.instant(rs, "keyed_at")))
				.list();
		String entered = keyers(b.id(), Pass.ENTRY);
		String verified = keyers(b.id(), Pass.VERIFY);
		return new Dispute(b, fields, entered, verified, pages(b.id()));
	}

	private String keyers(long bookletId, Pass pass) {
		return String.join("、", jdbc.sql("select distinct keyed_by from booklet_key where booklet_id = :id and pass = :p"
				+ " order by keyed_by").param("id", bookletId).param("p", pass.name()).query(String.class).list());
	}

	@Override
	@Transactional
	public BookletSummary decide(long bookletId, Map<StampField, Integer> values, String note) {
		BookletSummary booklet = booklets.lock(bookletId);
		if (booklet.state() != BookletState.DISPUTED) {
			throw new StateConflictException("手帳 " + bookletId + " は判定待ちではありません（" + booklet.state().label() + "）");
		}
		String me = CurrentUser.name();
		boolean keyedIt = jdbc.sql("select exists (select 1 from booklet_key where booklet_id = :id and keyed_by = :u)")
				.param("id", bookletId).param("u", me).query(Boolean.class).single();
		if (keyedIt) {
			throw new StateConflictException("この手帳を入力した担当者は判定できません");
		}
		Dispute dispute = disputeOf(booklet);
		var decided = new EnumMap<StampField, Integer>(StampField.class);
		for (DisputedField d : dispute.fields()) {
			Integer v = values.get(d.field());
			if (v == null) {
				throw new InvalidInputException(d.field().apiName(), "「" + d.field().label() + "」の判定値を入力してください");
			}
			checkValue(d.field(), v);
			decided.put(d.field(), v);
		}
		for (StampField f : values.keySet()) {
			if (!decided.containsKey(f)) {
				throw new InvalidInputException(f.apiName(), "「" + f.label() + "」は判定の対象ではありません");
			}
		}
		java.time.OffsetDateTime now = Booklets.at(clock.now());
		for (DisputedField d : dispute.fields()) {
			jdbc.sql("""
					insert into booklet_decision (booklet_id, field, entry_value, verify_value, decided_value, decided_by,
					                              decided_at, note)
					values (:id, :f, :e, :v, :d, :by, :at, :note)""")
					.param("id", bookletId).param("f", d.field().ordinal()).param("e", d.entryValue())
					.param("v", d.verifyValue()).param("d", decided.get(d.field())).param("by", me).param("at", now)
					.param("note", note == null || note.isBlank() ? null : note.strip()).update();
		}
		verify(booklet, decided);
		audit.record(AuditAction.UPDATE, "画面:判定", List.of(booklet.addressNumber()),
				"booklet=" + bookletId + "; decided=" + decided.size());
		return booklets.find(bookletId).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Waiting waiting() {
		return jdbc.sql("""
				select count(*) filter (where state in ('RECEIVED', 'ENTERING')) as entry,
				       count(*) filter (where state in ('ENTERED', 'VERIFYING')) as verify,
				       count(*) filter (where state = 'DISPUTED') as decision,
				       min(received_on) as oldest
				from booklet where state <> 'VERIFIED'""")
				.query((rs, n) -> new Waiting(rs.getLong("entry"), rs.getLong("verify"), rs.getLong("decision"),
						rs.getObject("oldest", java.time.LocalDate.class)))
				.single();
	}
}
