package jp.ikiiki.desk.agentdesk.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapanTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ikiiki.desk.agentdesk.CallbackItem;
import jp.ikiiki.desk.agentdesk.CallbackList;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.CallRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class CallbackService implements CallbackList {

	private final CallRecords records;
	private final JdbcClient jdbc;
	private final AuditTrail audit;

	CallbackService(CallRecords records, JdbcClient jdbc, AuditTrail audit) {
		this.records = records;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public List<CallbackItem> day(LocalDate day) {
		List<CallRecord> calls = records.between(day.atStartOfDay(JapanTime.ZONE).toInstant(),
				day.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant(), CHANNEL);
		Map<String, Callbacks.Mark> marks = jdbc.sql("select * from callback_mark where day = :day").param("day", day)
				.query((rs, n) -> Map.entry(rs.getString("caller_number"), new Callbacks.Mark(rs.getString("called_back_by"),
						rs.getObject("called_back_at", OffsetDateTime.class).toInstant(), rs.getString("note"))))
				.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		List<CallbackItem> items = Callbacks.build(calls, marks);
		audit.record(AuditAction.VIEW, CHANNEL, List.of(), "折返しリスト " + day + " " + items.size() + "件（発信者番号を含む）");
		return items;
	}

	@Override
	public void markCalledBack(LocalDate day, String callerNumber, String note) {
		if (day == null || callerNumber == null || callerNumber.isBlank()) {
			throw new IllegalArgumentException("日付と電話番号を指定してください");
		}
		String by = CurrentUser.name();
		jdbc.sql("""
				insert into callback_mark (day, caller_number, called_back_by, note) values (:day, :number, :by, :note)
				on conflict (day, caller_number) do update set called_back_by = excluded.called_back_by,
				       called_back_at = now(), note = excluded.note
				""").param("day", day).param("number", callerNumber.strip()).param("by", by)
				.param("note", note == null ? "" : note.strip()).update();
		audit.record(AuditAction.UPDATE, CHANNEL, List.of(), "折返し済みにした " + day + "（発信者番号は監査記録にも残さない）");
	}
}
