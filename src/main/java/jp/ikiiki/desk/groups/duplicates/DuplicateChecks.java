package jp.ikiiki.desk.groups.duplicates;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.groups.GroupDirectory;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly duplicate check (第5章2) and the city's decisions on it.
 *
 * <p>A month's check takes the groups whose registration form was verified in the month and are waiting for the
 * city ({@link GroupDirectory#appliedIn}) and compares each with every registered group ({@link GroupDirectory#active}),
 * with each entry of 府中町's and 海田町's current lists, with the month's other new groups and with the groups of the
 * {@value #PENDING_MONTHS} months before still waiting for the city, through
 * {@link DuplicateFinder} (normalising, blocking, scoring). Each likely pair is kept once, whichever month finds it
 * first and in whichever order (the pair (A, B) is the pair (B, A)); running the check again refreshes the score of
 * the month's undecided pairs and adds new ones, so the check can run as often as the list is looked at. A pair the
 * city decided is never listed again in another month, and its decision is final.
 */
@Service
class DuplicateChecks {

	/** One side of a pair as the city sees it. */
	record Side(String ref, String source, Long groupId, String name, String nameKana, String area,
			String representative, String phone, String address, String state) {

		@Override
		public String toString() {
			return "Side[" + ref + "]";
		}
	}

	/**
	 * A likely duplicate.
	 *
	 * @param a         the new group
	 * @param b         the group or town entry it resembles
	 * @param duplicate the city's decision: null while undecided
	 */
	record Pair(long id, String month, Side a, Side b, double score, List<MatchField> matched, Boolean duplicate,
			String decidedBy, Instant decidedAt) {
	}

	/** How many months back groups still waiting for the city's approval are compared with the month's new ones. */
	static final int PENDING_MONTHS = 12;

	private final JdbcClient jdbc;
	private final GroupDirectory groups;
	private final AuditTrail audit;
	private final Clock clock;

	DuplicateChecks(JdbcClient jdbc, GroupDirectory groups, AuditTrail audit, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Runs the month's check and lists its pairs, best first. The look-at is audited. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Transactional
	public List<Pair> check(YearMonth month, String channel) {
		run(month);
		List<Pair> pairs = list(month);
		audit.record(AuditAction.VIEW, channel, List.of(), "重複チェックリスト " + month + " pairs=" + pairs.size());
		return pairs;
	}

	/** Finds and keeps the month's pairs; returns how many the month has. */
	int run(YearMonth month) {
		// One check at a time: two at once would find the same new pairs.
		jdbc.sql("select pg_advisory_xact_lock(95, 2)").query(Object.class).optional();
		List<GroupProfile> news = groups.appliedIn(month);
		List<Candidate> others = new ArrayList<>();
		for (GroupProfile g : groups.active()) {
			others.add(candidate(g));
		}
		others.addAll(townCandidates());
		// Forms of the year before still waiting for the city: the same group may have sent two in two months.
		for (int back = 1; back <= PENDING_MONTHS; back++) {
			for (GroupProfile g : groups.appliedIn(month.minusMonths(back))) {
				others.add(candidate(g));
			}
		}
		List<Candidate> newCandidates = news.stream().map(DuplicateChecks::candidate).toList();
		others.addAll(newCandidates);
		var finder = new DuplicateFinder(others);
		Instant now = clock.instant();
		for (Candidate c : newCandidates) {
			for (DuplicateFinder.Found f : finder.find(c)) {
				upsert(month, f, now);
			}
		}
		return jdbc.sql("select count(*) from group_duplicate_pair where month = :m").param("m", month.toString())
				.query(Integer.class).single();
	}

	/** The month's pairs as kept, best first. */
	@Transactional(readOnly = true)
	List<Pair> list(YearMonth month) {
		Map<String, Side> towns = new HashMap<>();
		return jdbc.sql("""
				select id, month, a_group_id, b_group_id, b_town, b_town_key, score, matched, duplicate, decided_by,
				       decided_at
				  from group_duplicate_pair where month = :m order by score desc, id""")
				.param("m", month.toString()).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2),
						rs.getLong(3), rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
						rs.getBigDecimal(7).doubleValue(), matched(rs.getArray(8)), rs.getObject(9, Boolean.class),
						rs.getString(10), rs.getTimestamp(11)})
				.list().stream().map(r -> new Pair((long) r[0], (String) r[1], groupSide((long) r[2]),
						r[3] != null ? groupSide((long) r[3]) : townSide((String) r[4], (String) r[5], towns),
						(double) r[6], (List<MatchField>) r[7], (Boolean) r[8], (String) r[9],
						r[10] == null ? null : ((Timestamp) r[10]).toInstant()))
				.toList();
	}

	/**
	 * The city's decision on one pair: a duplicate (the stamps are not sent until the city says otherwise) or not.
	 * Final: a second decision is refused.
	 *
	 * @throws NotFoundException      no such pair
	 * @throws StateConflictException the pair was already decided
	 */
	@PreAuthorize("hasRole('CITY_STAFF')")
	@Transactional
	public Pair decide(long id, boolean duplicate, String channel) {
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update group_duplicate_pair set duplicate = :d, decided_by = :by, decided_at = :at
				 where id = :id and duplicate is null""").param("d", duplicate).param("by", CurrentUser.name())
				.param("at", Timestamp.from(now)).param("id", id).update();
		Optional<String> month = jdbc.sql("select month from group_duplicate_pair where id = :id").param("id", id)
				.query(String.class).optional();
		if (month.isEmpty()) {
			throw new NotFoundException("指定の組はありません。");
		}
		if (updated == 0) {
			throw new StateConflictException("この組はすでに判断済みです。判断は変更できません。").with("pairId", id);
		}
		audit.record(AuditAction.UPDATE, channel, List.of(), "重複チェック 判断 pair=" + id + " duplicate=" + duplicate);
		return list(YearMonth.parse(month.get())).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
	}

	private void upsert(YearMonth month, DuplicateFinder.Found f, Instant now) {
		String bRef = f.b().ref();
		Long bGroup = bRef.startsWith("G:") ? Long.valueOf(bRef.substring(2)) : null;
		String bTown = bGroup == null ? bRef.substring(0, bRef.indexOf(':')) : null;
		String bKey = bGroup == null ? bRef.substring(bRef.indexOf(':') + 1) : null;
		jdbc.sql("""
				insert into group_duplicate_pair (month, a_ref, b_ref, a_group_id, b_group_id, b_town, b_town_key, score,
				                                  matched, found_at)
				values (:m, :a, :b, :ag, :bg, :bt, :bk, :score, cast(:matched as varchar(16)[]), :at)
				on conflict ((least(a_ref, b_ref)), (greatest(a_ref, b_ref))) do update
				   set score = excluded.score, matched = excluded.matched, found_at = excluded.found_at
				 where group_duplicate_pair.duplicate is null and group_duplicate_pair.month = excluded.month""")
				.param("m", month.toString()).param("a", f.a().ref()).param("b", bRef)
				.param("ag", Long.valueOf(f.a().ref().substring(2))).param("bg", bGroup).param("bt", bTown)
				.param("bk", bKey).param("score", java.math.BigDecimal.valueOf(f.match().score()))
				.param("matched", "{" + String.join(",", f.match().matched().stream().map(MatchField::name).toList())
						+ "}")
				.param("at", Timestamp.from(now)).update();
	}

	static Candidate candidate(GroupProfile g) {
		var r = g.representative();
		return Candidate.of("G:" + g.id(), g.name(), g.nameKana(), r == null ? null : r.name(),
				r == null ? null : r.phone(), r == null ? null : r.address(), g.meetingPlace());
	}

	private List<Candidate> townCandidates() {
		return jdbc.sql("select town, entry_key, name, name_kana, representative, phone, address from town_group")
				.query((rs, n) -> Candidate.of(rs.getString(1) + ":" + rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
				.list();
	}

	private Side groupSide(long id) {
		return groups.find(id).map(g -> new Side("G:" + id, "GROUP", id, g.name(), g.nameKana(),
				g.ward().japaneseName(), g.representative() == null ? null : g.representative().name(),
				g.representative() == null ? null : g.representative().phone(),
				g.representative() == null ? null : g.representative().address(), g.state().name()))
				.orElse(new Side("G:" + id, "GROUP", id, null, null, null, null, null, null, null));
	}

	private Side townSide(String town, String key, Map<String, Side> cache) {
		return cache.computeIfAbsent(town + ":" + key, ref -> jdbc.sql("""
				select name, name_kana, representative, phone, address from town_group
				 where town = :t and entry_key = :k""").param("t", town).param("k", key)
				.query((rs, n) -> new Side(ref, town, null, rs.getString(1), rs.getString(2),
						Town.valueOf(town).japaneseName(), rs.getString(3), rs.getString(4), rs.getString(5), null))
				.optional()
				// The town's list was replaced since, without this entry: the pair and its decision stay.
				.orElse(new Side(ref, town, null, null, null, Town.valueOf(town).japaneseName(), null, null, null,
						"REMOVED")));
	}

	private static List<MatchField> matched(Array array) throws java.sql.SQLException {
		if (array == null) {
			return List.of();
		}
		List<MatchField> list = new ArrayList<>();
		for (Object o : (Object[]) array.getArray()) {
			list.add(MatchField.valueOf((String) o));
		}
		return List.copyOf(list);
	}
}
