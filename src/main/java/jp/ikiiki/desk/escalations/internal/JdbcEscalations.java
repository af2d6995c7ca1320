package jp.ikiiki.desk.escalations.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationCase.Step;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.escalations.EscalationsProperties;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.SubjectLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cases on table {@code escalation} (V14). A step is one conditional UPDATE: it applies only in the state it needs. */
@Service
class JdbcEscalations implements Escalations {

	static final int MAX_TEXT = 4000;

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final BusinessCalendar calendar;
	private final AgeingRules ageing;
	private final SubjectLookup subjects;

	JdbcEscalations(JdbcClient jdbc, AuditTrail audit, BusinessCalendar calendar, EscalationsProperties properties,
			SubjectLookup subjects) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.calendar = calendar;
		this.ageing = new AgeingRules(calendar, properties);
		this.subjects = subjects;
	}

	@Override
	public List<EscalationCase> list(EscalationState state, boolean staleOnly, String channel) {
		LocalDate today = calendar.dateOf(Instant.now());
		List<EscalationCase> cases = jdbc.sql("select * from escalation where (cast(:state as varchar) is null or state = :state)"
						+ " order by opened_at, id")
				.param("state", state == null ? null : state.name())
				.query((rs, i) -> map(rs, today, false)).list().stream()
				.filter(c -> !staleOnly || c.ageing().stale())
				.toList();
		audit.record(AuditAction.VIEW, channel, subjectIds(cases), "エスカレーション一覧"
				+ (state == null ? "" : " 状態=" + state.label()) + (staleOnly ? " 滞留のみ" : "") + " " + cases.size() + "件");
		return cases;
	}

	@Override
	public Counts counts() {
		LocalDate today = calendar.dateOf(Instant.now());
		Map<EscalationState, Long> byState = new EnumMap<>(EscalationState.class);
		for (EscalationState s : EscalationState.values()) {
			byState.put(s, 0L);
		}
		jdbc.sql("select state, count(*) n from escalation group by state")
				.query(rs -> {
					byState.put(EscalationState.valueOf(rs.getString("state")), rs.getLong("n"));
				});
		long stale = active().stream().filter(c -> c.ageing().stale()).count();
		return new Counts(byState, stale);
	}

	/** The cases not closed, with their age, for counts (nothing personal leaves: not audited). */
	List<EscalationCase> active() {
		LocalDate today = calendar.dateOf(Instant.now());
		return jdbc.sql("select * from escalation where state <> 'CLOSED' order by opened_at, id")
				.query((rs, i) -> map(rs, today, false)).list();
	}

	@Override
	public Optional<EscalationCase> find(long id, String channel) {
		boolean withNumber = CurrentUser.hasRole(Roles.AGENT) || CurrentUser.hasRole(Roles.FLOOR_MANAGER);
		LocalDate today = calendar.dateOf(Instant.now());
		Optional<EscalationCase> found = jdbc.sql("select * from escalation where id = :id").param("id", id)
				.query((rs, i) -> map(rs, today, withNumber)).optional();
		audit.record(AuditAction.VIEW, channel, found.map(c -> subjectIds(List.of(c))).orElse(List.of()),
				"エスカレーション " + id + (found.isEmpty() ? " なし"
						: withNumber && found.get().callerNumber() != null ? "（発信者番号を含む）" : ""));
		return found;
	}

	@Override
	@Transactional
	public EscalationCase open(NewCase c, String channel) {
		if (c == null || c.inquiry() == null || c.inquiry().isBlank()) {
			throw new InvalidInputException("問合せ内容", "問合せ内容を入力してください");
		}
		String subjectId = subject(c.subjectId(), channel);
		String number = trimmed(c.callerNumber(), 32, "電話番号");
		String category = trimmed(c.category(), 200, "問合せ区分");
		String inquiry = trimmed(c.inquiry(), MAX_TEXT, "問合せ内容");
		long id = jdbc.sql("""
				insert into escalation (state, subject_id, caller_number, category, inquiry, opened_by, opened_at)
				values ('OPEN', :subject, :number, :category, :inquiry, :user, now()) returning id""")
				.param("subject", subjectId).param("number", number).param("category", category)
				.param("inquiry", inquiry).param("user", CurrentUser.name()).query(Long.class).single();
		audit.record(AuditAction.CREATE, channel, subjectId == null ? List.of() : List.of(subjectId),
				"エスカレーション " + id + " 受付（手動）");
		return reload(id);
	}

	/**
	 * The 宛名番号 of a case opened by hand, in its one form, if a subject has it (the look-up is audited as any);
	 * null when none was given.
	 */
	private String subject(String typed, String channel) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		AddressNumber number = AddressNumber.parse(typed);
		if (subjects.find(number.value(), channel).isEmpty()) {
			throw new InvalidInputException("宛名番号", "宛名番号 " + number.value()
					+ " の対象者はいません。対象者検索で確かめるか、宛名番号を空欄にして登録してください");
		}
		return number.value();
	}

	/**
	 * A case for a call log entry closed as needing the city's instruction; nothing when that entry already has one
	 * (a redelivered event).
	 *
	 * @return the new case's id, or empty if the entry already had a case
	 */
	@Transactional
	Optional<Long> openFromCall(long callLogId, String linkedId, String subjectId, String callerNumber,
			String category, String note, String agent, Instant closedAt) {
		String inquiry = note == null || note.isBlank() ? "（メモなし）" : note.strip();
		Optional<Long> id = jdbc.sql("""
				insert into escalation (state, call_log_id, linked_id, subject_id, caller_number, category, inquiry,
				    opened_by, opened_at)
				values ('OPEN', :callLog, :linked, :subject, :number, :category, :inquiry, :agent, :at)
				on conflict (call_log_id) do nothing returning id""")
				.param("callLog", callLogId).param("linked", linkedId).param("subject", subjectId)
				.param("number", callerNumber).param("category", category)
				.param("inquiry", inquiry.length() > MAX_TEXT ? inquiry.substring(0, MAX_TEXT) : inquiry)
				.param("agent", agent == null || agent.isBlank() ? "system" : agent)
				.param("at", Timestamp.from(closedAt == null ? Instant.now() : closedAt))
				.query(Long.class).optional();
		id.ifPresent(caseId -> audit.record(AuditAction.CREATE, InquiryClosedListener.CHANNEL,
				subjectId == null ? List.of() : List.of(subjectId),
				"エスカレーション " + caseId + " 受付（通話記録 " + callLogId + "、担当 " + agent + "）"));
		return id;
	}

	@Override
	@Transactional
	public EscalationCase report(long id, String report, String channel) {
		return step(id, EscalationState.REPORTED, "reported", "report_text", required(report, "市への報告内容"), channel);
	}

	@Override
	@Transactional
	public EscalationCase instruct(long id, String instruction, String channel) {
		return step(id, EscalationState.INSTRUCTED, "instructed", "instruction_text",
				required(instruction, "市の指示内容"), channel);
	}

	@Override
	@Transactional
	public EscalationCase calledBack(long id, String note, String channel) {
		return step(id, EscalationState.CALLED_BACK, "called_back", "callback_note", required(note, "折返し連絡の内容"),
				channel);
	}

	@Override
	@Transactional
	public EscalationCase close(long id, String note, String channel) {
		return step(id, EscalationState.CLOSED, "closed", "close_note",
				note == null || note.isBlank() ? null : trimmed(note, MAX_TEXT, "メモ"), channel);
	}

	private EscalationCase step(long id, EscalationState target, String prefix, String textColumn, String text,
			String channel) {
		EscalationState from = jdbc.sql("select state from escalation where id = :id for update").param("id", id)
				.query(String.class).optional().map(EscalationState::valueOf)
				.orElseThrow(() -> new NotFoundException("案件 " + id + " はありません"));
		from.checkStep(id, target);
		jdbc.sql("update escalation set state = :to, " + prefix + "_by = :user, " + prefix + "_at = now(), "
						+ textColumn + " = :text where id = :id and state = :from")
				.param("to", target.name()).param("user", CurrentUser.name()).param("text", text).param("id", id)
				.param("from", from.name()).update();
		EscalationCase after = reload(id);
		audit.record(AuditAction.UPDATE, channel, subjectIds(List.of(after)),
				"エスカレーション " + id + " " + from.label() + " → " + target.label());
		return after;
	}

	private EscalationCase reload(long id) {
		LocalDate today = calendar.dateOf(Instant.now());
		return jdbc.sql("select * from escalation where id = :id").param("id", id)
				.query((rs, i) -> map(rs, today, false)).single();
	}

	private EscalationCase map(ResultSet rs, LocalDate today, boolean withNumber) throws SQLException {
		EscalationState state = EscalationState.valueOf(rs.getString("state"));
		Step opened = step(rs, "opened", null);
		Step reported = step(rs, "reported", "report_text");
		Step closed = step(rs, "closed", "close_note");
		LocalDate end = closed == null ? today : calendar.dateOf(closed.at());
		int daysOpen = ageing.openDaysBetween(calendar.dateOf(opened.at()), end);
		Integer waiting = state == EscalationState.REPORTED
				? ageing.openDaysBetween(calendar.dateOf(reported.at()), today) : null;
		return new EscalationCase(rs.getLong("id"), state, (Long) rs.getObject("call_log_id"),
				rs.getString("linked_id"), rs.getString("subject_id"),
				withNumber ? rs.getString("caller_number") : null, rs.getString("category"), rs.getString("inquiry"),
				opened, reported, step(rs, "instructed", "instruction_text"), step(rs, "called_back", "callback_note"),
				closed, daysOpen, waiting, ageing.ageing(state, daysOpen, waiting));
	}

	private static Step step(ResultSet rs, String prefix, String textColumn) throws SQLException {
		Timestamp at = rs.getTimestamp(prefix + "_at");
		return at == null ? null
				: new Step(rs.getString(prefix + "_by"), at.toInstant(), textColumn == null ? null : rs.getString(textColumn));
	}

	private static List<String> subjectIds(List<EscalationCase> cases) {
		return cases.stream().map(EscalationCase::subjectId).filter(Objects::nonNull).distinct().toList();
	}

	private static String required(String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, field + "を入力してください");
		}
		return trimmed(text, MAX_TEXT, field);
	}

	private static String trimmed(String text, int max, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.length() > max) {
			throw new InvalidInputException(field, field + "は" + max + "文字以内で入力してください（" + t.length() + "文字）");
		}
		return t;
	}

}
