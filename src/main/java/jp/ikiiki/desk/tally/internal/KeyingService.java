package jp.ikiiki.desk.tally.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.keying.DoubleKeying;
import jp.ikiiki.desk.keying.KeyingStore.Held;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entry and verify of booklets: the rules of {@link DoubleKeying} over {@link BookletKeyingStore}, with the booklets'
 * work lists, their scans and the audit trail. Each pass is held by one operator at a time (claimed by the first
 * field keyed, or by {@link #next}); a pass left untouched for {@code ikiiki.tally.claim-timeout} may be taken over.
 * Whoever keyed any field of a booklet's entry may not verify it.
 */
@Service
class KeyingService implements BookletKeying {

	static final String CHANNEL_API_ENTRY = "PUT /api/booklets/{id}/entry";
	static final String CHANNEL_API_VERIFY = "PUT /api/booklets/{id}/verify";

	private final JdbcClient jdbc;
	private final Booklets booklets;
	private final TallyClock clock;
	private final TallyProperties properties;
	private final AuditTrail audit;
	private final DoubleKeying<BookletSummary, StampField, Integer> rules;

	KeyingService(JdbcClient jdbc, Booklets booklets, BookletKeyingStore store, TallyProperties properties,
			TallyClock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.booklets = booklets;
		this.clock = clock;
		this.properties = properties;
		this.audit = audit;
		this.rules = new DoubleKeying<>(store, "手帳", clock::now, properties::claimTimeout);
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
		BookletSummary booklet = rules.open(bookletId, pass).document();
		audit.record(AuditAction.VIEW, "画面:手帳" + pass.label(), List.of(booklet.addressNumber()),
				"booklet=" + bookletId);
		return sheetOf(booklets.find(bookletId).orElseThrow(), pass);
	}

	private Sheet sheetOf(BookletSummary booklet, Pass pass) {
		var sheet = rules.sheet(booklet.id(), pass);
		var values = new java.util.EnumMap<StampField, Integer>(StampField.class);
		var status = new java.util.EnumMap<StampField, jp.ikiiki.desk.keying.Outcome>(StampField.class);
		values.putAll(sheet.values());
		status.putAll(sheet.status());
		return new Sheet(booklet, pass, values, status, pages(booklet.id()));
	}

	private int pages(long bookletId) {
		return jdbc.sql("select pages from booklet_scan where booklet_id = :id").param("id", bookletId)
				.query(Integer.class).optional().orElse(0);
	}

	// --- keying a field -----------------------------------------------------------------------------------------

	@Override
	@Transactional
	public FieldResult key(long bookletId, Pass pass, StampField field, int value) {
		var keyed = rules.key(bookletId, pass, field, value);
		return new FieldResult(field, keyed.outcome(), keyed.document().document().state());
	}

	// --- completing a pass --------------------------------------------------------------------------------------

	@Override
	@Transactional
	public BookletSummary complete(long bookletId, Pass pass) {
		Held<BookletSummary> done = rules.complete(bookletId, pass);
		audit.record(AuditAction.UPDATE, "画面:手帳" + pass.label(), List.of(done.document().addressNumber()),
				"booklet=" + bookletId + "; " + pass.label() + "完了; state=" + done.document().state());
		return booklets.find(bookletId).orElseThrow();
	}

	// --- the HTTP API's whole-booklet passes ----------------------------------------------------------------------

	@Override
	@Transactional
	public BookletSummary submitEntry(long bookletId, StampCounts counts) {
		Held<BookletSummary> done = rules.submitEntry(bookletId, valuesOf(counts));
		audit.record(AuditAction.UPDATE, CHANNEL_API_ENTRY, List.of(done.document().addressNumber()),
				"booklet=" + bookletId + "; エントリー完了");
		return booklets.find(bookletId).orElseThrow();
	}

	@Override
	@Transactional
	public VerifyResult submitVerify(long bookletId, StampCounts counts) {
		var verified = rules.submitVerify(bookletId, valuesOf(counts));
		BookletSummary after = booklets.find(bookletId).orElseThrow();
		audit.record(AuditAction.UPDATE, CHANNEL_API_VERIFY, List.of(after.addressNumber()),
				"booklet=" + bookletId + "; state=" + after.state() + "; mismatches=" + verified.mismatches().size());
		return new VerifyResult(after, verified.mismatches());
	}

	private static Map<StampField, Integer> valuesOf(StampCounts counts) {
		var values = new java.util.EnumMap<StampField, Integer>(StampField.class);
		for (StampField f : StampField.ALL) {
			values.put(f, counts.get(f));
		}
		return values;
	}

	// --- decisions ------------------------------------------------------------------------------------------------

	@Override
	@Transactional(readOnly = true)
	public List<Dispute> disputes() {
		List<BookletSummary> disputed = jdbc.sql("select " + Booklets.SUMMARY_COLUMNS + Booklets.FROM
				+ "where b.state = 'DISPUTED' order by b.received_on, b.id").query(Booklets::summary).list();
		var result = new ArrayList<Dispute>(disputed.size());
		for (BookletSummary b : disputed) {
			var d = rules.dispute(b.id());
			result.add(new Dispute(b, d.fields().stream()
					.map(f -> new DisputedField(f.field(), f.entryValue(), f.verifyValue(), f.firstVerifyValue(), f.at()))
					.toList(), d.enteredBy(), d.verifiedBy(), pages(b.id())));
		}
		return result;
	}

	@Override
	@Transactional
	public BookletSummary decide(long bookletId, Map<StampField, Integer> values, String note) {
		Held<BookletSummary> decided = rules.decide(bookletId, values, note);
		audit.record(AuditAction.UPDATE, "画面:判定", List.of(decided.document().addressNumber()),
				"booklet=" + bookletId + "; decided=" + values.size());
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
