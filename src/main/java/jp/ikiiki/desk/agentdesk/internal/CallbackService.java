package jp.ikiiki.desk.agentdesk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.ikiiki.desk.agentdesk.CallbackItem;
import jp.ikiiki.desk.agentdesk.CallbackList;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.security.UserDirectory;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.CallRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class CallbackService implements CallbackList {

	/** How long the count for the work items is reused: the home page and the menu ask on every visit. */
	static final Duration COUNT_FRESH = Duration.ofSeconds(30);

	private final CallRecords records;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final UserDirectory users;
	private final Clock clock;
	private volatile OpenCount lastCount;

	CallbackService(CallRecords records, JdbcClient jdbc, AuditTrail audit, UserDirectory users, Optional<Clock> clock) {
		this.records = records;
		this.users = users;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public List<CallbackItem> day(LocalDate day) {
		List<CallbackItem> items = named(items(day, CHANNEL));
		audit.record(AuditAction.VIEW, CHANNEL, List.of(), "折返しリスト " + day + " " + items.size() + "件（発信者番号を含む）");
		return items;
	}

	/** Who called back by display name, one look-up for the day's list. */
	private List<CallbackItem> named(List<CallbackItem> items) {
		List<String> markers = items.stream().map(CallbackItem::calledBackBy).filter(b -> b != null).distinct().toList();
		if (markers.isEmpty()) {
			return items;
		}
		Map<String, String> names = users.displayNames(markers);
		return items.stream().map(i -> i.calledBackBy() == null ? i
				: i.withCalledBackByName(names.getOrDefault(i.calledBackBy(), i.calledBackBy()))).toList();
	}

	private List<CallbackItem> items(LocalDate day, String channel) {
		List<CallRecord> calls = records.between(day.atStartOfDay(JapanTime.ZONE).toInstant(),
				day.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant(), channel);
		Map<String, Callbacks.Mark> marks = jdbc.sql("select * from callback_mark where day = :day").param("day", day)
				.query((rs, n) -> Map.entry(rs.getString("caller_number"), new Callbacks.Mark(rs.getString("called_back_by"),
						rs.getObject("called_back_at", OffsetDateTime.class).toInstant(), rs.getString("note"))))
				.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return Callbacks.build(calls, marks);
	}

	/**
	 * How many numbers of today still wait for a callback, for the agents' work items; reused for
	 * {@link #COUNT_FRESH} (the home page and the menu ask on every visit).
	 */
	long openToday(String channel) {
		LocalDate today = LocalDate.now(clock.withZone(JapanTime.ZONE));
		Instant now = clock.instant();
		OpenCount last = lastCount;
		if (last != null && last.day().equals(today) && now.isBefore(last.at().plus(COUNT_FRESH))) {
			return last.open();
		}
		long open = items(today, channel).stream().filter(i -> !i.settled()).count();
		lastCount = new OpenCount(today, now, open);
		return open;
	}

	private record OpenCount(LocalDate day, Instant at, long open) {
	}

	@Override
	public void markCalledBack(LocalDate day, String callerNumber, String note) {
		if (day == null) {
			throw new InvalidInputException("日付", "日付を指定してください");
		}
		if (callerNumber == null || callerNumber.isBlank()) {
			throw new InvalidInputException("電話番号", "折返した電話番号を指定してください");
		}
		String by = CurrentUser.name();
		jdbc.sql("""
				insert into callback_mark (day, caller_number, called_back_by, note) values (:day, :number, :by, :note)
				on conflict (day, caller_number) do update set called_back_by = excluded.called_back_by,
				       called_back_at = now(), note = excluded.note
				""").param("day", day).param("number", callerNumber.strip()).param("by", by)
				.param("note", note == null ? "" : note.strip()).update();
		lastCount = null;
		audit.record(AuditAction.UPDATE, CHANNEL, List.of(), "折返し済みにした " + day + "（発信者番号は監査記録にも残さない）");
	}
}
