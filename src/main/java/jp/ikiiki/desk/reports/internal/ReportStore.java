package jp.ikiiki.desk.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.reports.InboxQuery;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.reports.StoredReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored reports, their read marks and their e-mails. */
@Repository
public class ReportStore {

	/** Whether the user has opened the report. */
	private static final String READ = "exists (select 1 from report_read x where x.report_id = r.id and x.username = :u)";

	/** A report's row without its files. */
	private static final String COLUMNS = """
			r.id, r.kind, r.period, r.period_from, r.version, r.generated_at, r.generated_by, r.scheduled,
			r.definition, r.complete, r.gap, r.received, r.answered, r.answer_rate,
			m.status as mail_status, m.attempts, m.last_error, m.sent_at, m.message_id""";

	/** What a new version needs. */
	record NewReport(ReportKind kind, String period, LocalDate from, LocalDate to, Instant generatedAt,
			String generatedBy, boolean scheduled, String definition, boolean complete, boolean gap, long received,
			long answered,
			Double answerRate, String json, byte[] xlsx, byte[] pdf) {
	}

	/** A stored file with what names it. */
	record StoredFile(long id, ReportKind kind, String period, int version, byte[] content) {
	}

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the next version of the period's report; returns its id. */
	@Transactional
	public synchronized long insert(NewReport r) {
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from report where kind = :k and period = :p")
				.param("k", r.kind().name()).param("p", r.period()).query(Integer.class).single();
		return jdbc.sql("""
				insert into report (kind, period, period_from, period_to, version, generated_at, generated_by, scheduled,
				    definition, complete, gap, received, answered, answer_rate, content_json, xlsx, pdf)
				values (:kind, :period, :from, :to, :version, :at, :by, :scheduled, :definition, :complete, :gap, :received,
				    :answered, :rate, :json, :xlsx, :pdf)
				returning id""")
				.param("kind", r.kind().name()).param("period", r.period()).param("from", r.from()).param("to", r.to())
				.param("version", version).param("at", Timestamp.from(r.generatedAt())).param("by", r.generatedBy())
				.param("scheduled", r.scheduled()).param("definition", r.definition())
				.param("complete", r.complete()).param("gap", r.gap())
				.param("received", r.received()).param("answered", r.answered()).param("rate", r.answerRate())
				.param("json", r.json()).param("xlsx", r.xlsx()).param("pdf", r.pdf())
				.query(Long.class).single();
	}

	/** True if a version of the period's report was generated at or after {@code since}. */
	public boolean generatedSince(ReportKind kind, String period, Instant since) {
		return jdbc.sql("select exists (select 1 from report where kind = :k and period = :p and generated_at >= :s)")
				.param("k", kind.name()).param("p", period).param("s", Timestamp.from(since))
				.query(Boolean.class).single();
	}

	public Optional<StoredReport> find(long id, String username) {
		return jdbc.sql("select " + COLUMNS + ", " + READ + " as read from report r "
				+ "left join report_mail m on m.report_id = r.id where r.id = :id")
				.param("u", username).param("id", id).query(ReportStore::row).optional();
	}

	/** A page of the inbox as the query asks: filtered, sorted, ties broken by newest period, kind, newest version. */
	public List<StoredReport> inbox(String username, InboxQuery query, int offset, int limit) {
		String direction = query.descending() ? " desc" : " asc";
		String order = switch (query.sort()) {
			case PERIOD -> "r.period_from" + direction;
			case KIND -> "r.kind" + direction;
			case VERSION -> "r.version" + direction;
			case GENERATED_AT -> "r.generated_at" + direction;
			case RECEIVED -> "r.received" + direction;
			case ANSWERED -> "r.answered" + direction;
			case ANSWER_RATE -> "r.answer_rate" + direction + " nulls last";
			// Unread (false) first when descending: what needs reading comes to the top.
			case READ -> "read" + (query.descending() ? " asc" : " desc");
			case MAIL -> "coalesce(r.mail_status, '')" + direction;
		};
		return jdbc.sql("select * from (select " + COLUMNS + ", " + READ + " as read from report r "
				+ "left join report_mail m on m.report_id = r.id) r where " + filter(query) + " order by " + order
				+ ", r.period_from desc, r.kind, r.version desc offset :o limit :l")
				.param("u", username).param("kind", query.kind() == null ? null : query.kind().name())
				.param("o", offset).param("l", limit).query(ReportStore::row).list();
	}

	/** How many stored versions match the query's filters. */
	public int count(String username, InboxQuery query) {
		return jdbc.sql("select count(*) from (select r.kind, " + READ + " as read from report r) r where "
				+ filter(query)).param("u", username).param("kind", query.kind() == null ? null : query.kind().name())
				.query(Integer.class).single();
	}

	private static String filter(InboxQuery query) {
		return (query.unreadOnly() ? "not r.read" : "true") + (query.kind() == null ? "" : " and r.kind = :kind");
	}

	public int unread(String username) {
		return count(username, new InboxQuery(true, null, InboxQuery.Sort.PERIOD, true));
	}

	/** The latest version of each period in the list, with when it was made and how its mail stands. */
	public List<Latest> latest(ReportKind kind, List<String> periods) {
		if (periods.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct on (r.period) r.id, r.kind, r.period, r.generated_at, m.status
				from report r left join report_mail m on m.report_id = r.id
				where r.kind = :k and r.period in (:periods)
				order by r.period, r.version desc""")
				.param("k", kind.name()).param("periods", periods).query(ReportStore::latest).list();
	}

	/** The unread report of the user with the earliest period (then the oldest version). */
	public Optional<Latest> oldestUnread(String username) {
		return jdbc.sql("select r.id, r.kind, r.period, r.generated_at, m.status from report r "
				+ "left join report_mail m on m.report_id = r.id where not " + READ
				+ " order by r.period_from, r.kind, r.version limit 1")
				.param("u", username).query(ReportStore::latest).optional();
	}

	/** The latest version of every period whose e-mail failed (still retrying or given up), oldest period first. */
	public List<Latest> failedMails() {
		return jdbc.sql("""
				select r.id, r.kind, r.period, r.generated_at, m.status
				from (select distinct on (kind, period) id, kind, period, period_from, generated_at
				      from report order by kind, period, version desc) r
				join report_mail m on m.report_id = r.id
				where m.status in (:failed)
				order by r.period_from, r.kind""")
				.param("failed", List.of(StoredReport.MailStatus.FAILED.name(), StoredReport.MailStatus.GAVE_UP.name()))
				.query(ReportStore::latest).list();
	}

	/**
	 * The latest version of every period whose e-mail is 送信不明 (UNCERTAIN), oldest period first (a newer version
	 * sent makes the question moot).
	 */
	public List<Latest> uncertainMails() {
		return jdbc.sql("""
				select r.id, r.kind, r.period, r.generated_at, m.status
				from (select distinct on (kind, period) id, kind, period, period_from, generated_at
				      from report order by kind, period, version desc) r
				join report_mail m on m.report_id = r.id
				where m.status = :uncertain
				order by r.period_from, r.kind""")
				.param("uncertain", StoredReport.MailStatus.UNCERTAIN.name()).query(ReportStore::latest).list();
	}

	private static Latest latest(ResultSet rs, int n) throws SQLException {
		String status = rs.getString("status");
		return new Latest(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("period"),
				rs.getTimestamp("generated_at").toInstant(),
				status == null ? StoredReport.MailStatus.NOT_CONFIGURED : StoredReport.MailStatus.valueOf(status));
	}

	/** The latest version of a period's report. */
	record Latest(long id, ReportKind kind, String period, Instant generatedAt, StoredReport.MailStatus mail) {
	}

	public Optional<Long> latest(ReportKind kind, String period) {
		return jdbc.sql("select id from report where kind = :k and period = :p order by version desc limit 1")
				.param("k", kind.name()).param("p", period).query(Long.class).optional();
	}

	public Optional<StoredFile> file(long id, ReportFormat format) {
		String column = switch (format) {
			case JSON -> "convert_to(content_json, 'UTF8')";
			case XLSX -> "xlsx";
			case PDF -> "pdf";
		};
		return jdbc.sql("select id, kind, period, version, " + column + " as content from report where id = :id")
				.param("id", id)
				.query((rs, n) -> new StoredFile(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")),
						rs.getString("period"), rs.getInt("version"), rs.getBytes("content")))
				.optional();
	}

	public void markRead(long id, String username) {
		jdbc.sql("insert into report_read (report_id, username) values (:id, :u) on conflict do nothing")
				.param("id", id).param("u", username).update();
	}

	// --- e-mail ---

	public void queueMail(long id, String recipients, Instant at) {
		jdbc.sql("insert into report_mail (report_id, recipients, status, next_attempt_at) values (:id, :to, :status, :at)")
				.param("id", id).param("to", recipients).param("status", StoredReport.MailStatus.PENDING.name())
				.param("at", Timestamp.from(at)).update();
	}

	/** Mails to try now: pending or failed, due; oldest first. */
	public List<Long> dueMails(Instant now) {
		return jdbc.sql("select report_id from report_mail where status in (:due) and "
				+ "next_attempt_at <= :now order by next_attempt_at, report_id")
				.param("due", List.of(StoredReport.MailStatus.PENDING.name(), StoredReport.MailStatus.FAILED.name()))
				.param("now", Timestamp.from(now)).query(Long.class).list();
	}

	public Optional<String> recipients(long id) {
		return jdbc.sql("select recipients from report_mail where report_id = :id").param("id", id)
				.query(String.class).optional();
	}

	/**
	 * Takes a due mail for sending: SENDING with this node, the time and the Message-ID the message will carry,
	 * committed before the message goes to the SMTP server (the caller runs outside a transaction). False when the
	 * mail is no longer due (another node took it, or it was sent).
	 */
	public boolean mailSending(long id, String node, Instant at, String messageId) {
		return jdbc.sql("""
				update report_mail set status = :sending, sending_node = :node, sending_since = :at, message_id = :mid
				where report_id = :id and status in (:due) and next_attempt_at <= :at""")
				.param("sending", StoredReport.MailStatus.SENDING.name()).param("node", node)
				.param("at", Timestamp.from(at)).param("mid", messageId).param("id", id)
				.param("due", List.of(StoredReport.MailStatus.PENDING.name(), StoredReport.MailStatus.FAILED.name()))
				.update() == 1;
	}

	/**
	 * The server accepted the message with this Message-ID: SENT, also when meanwhile a new leader marked it
	 * UNCERTAIN (the send was only slow).
	 */
	public void mailSent(long id, String messageId, Instant at) {
		jdbc.sql("""
				update report_mail set status = :status, attempts = attempts + 1, sent_at = :at, last_error = null
				where report_id = :id and message_id = :mid and status in (:open)""")
				.param("status", StoredReport.MailStatus.SENT.name()).param("id", id).param("mid", messageId)
				.param("open", List.of(StoredReport.MailStatus.SENDING.name(), StoredReport.MailStatus.UNCERTAIN.name()))
				.param("at", Timestamp.from(at)).update();
	}

	/** A mail left SENDING by a node that stopped: which report, which node, since when, which Message-ID. */
	public record Uncertain(long reportId, String node, Instant since, String messageId) {
	}

	/**
	 * Marks UNCERTAIN (送信不明) every mail SENDING since before {@code before}: its node stopped between taking it
	 * and recording the outcome, so the server may have accepted it. It is never sent again by itself.
	 */
	public List<Uncertain> sendingToUncertain(Instant before, java.util.function.Function<Uncertain, String> reason) {
		List<Uncertain> stale = jdbc.sql("""
				select report_id, sending_node, sending_since, message_id from report_mail
				where status = :sending and sending_since < :before order by report_id""")
				.param("sending", StoredReport.MailStatus.SENDING.name()).param("before", Timestamp.from(before))
				.query((rs, n) -> new Uncertain(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
						rs.getString(4)))
				.list();
		List<Uncertain> marked = new java.util.ArrayList<>();
		for (Uncertain u : stale) {
			int n = jdbc.sql("""
					update report_mail set status = :uncertain, attempts = attempts + 1, last_error = :reason
					where report_id = :id and status = :sending and message_id = :mid""")
					.param("uncertain", StoredReport.MailStatus.UNCERTAIN.name())
					.param("sending", StoredReport.MailStatus.SENDING.name()).param("reason", reason.apply(u))
					.param("id", u.reportId()).param("mid", u.messageId()).update();
			if (n == 1) {
				marked.add(u);
			}
		}
		return marked;
	}

	/**
	 * A floor manager's deliberate resend of a mail whose delivery is unknown or given up: due again now, once more
	 * with a new Message-ID. False when the mail is in no such state.
	 */
	public boolean resend(long id, String by, Instant at) {
		return jdbc.sql("""
				update report_mail set status = :pending, next_attempt_at = :at, resent_by = :by, resent_at = :at
				where report_id = :id and status in (:resendable)""")
				.param("pending", StoredReport.MailStatus.PENDING.name()).param("at", Timestamp.from(at))
				.param("by", by).param("id", id)
				.param("resendable", List.of(StoredReport.MailStatus.UNCERTAIN.name(),
						StoredReport.MailStatus.GAVE_UP.name()))
				.update() == 1;
	}

	/** Records a failed try; returns the attempts so far. */
	public int mailFailed(long id, String messageId, String error, Instant next, int maxAttempts) {
		return jdbc.sql("""
				update report_mail set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
				    status = case when attempts + 1 >= :max then :gaveUp else :failed end
				where report_id = :id and message_id = :mid and status in (:open) returning attempts""")
				.param("mid", messageId)
				.param("open", List.of(StoredReport.MailStatus.SENDING.name(), StoredReport.MailStatus.UNCERTAIN.name()))
				.param("gaveUp", StoredReport.MailStatus.GAVE_UP.name())
				.param("failed", StoredReport.MailStatus.FAILED.name()).param("id", id).param("error", error).param("next", Timestamp.from(next)).param("max", maxAttempts)
				.query(Integer.class).optional().orElse(0);
	}

	private static StoredReport row(ResultSet rs, int n) throws SQLException {
		String status = rs.getString("mail_status");
		Timestamp sent = rs.getTimestamp("sent_at");
		StoredReport.MailState mail = status == null
				? new StoredReport.MailState(StoredReport.MailStatus.NOT_CONFIGURED, 0, null, null, null)
				: new StoredReport.MailState(StoredReport.MailStatus.valueOf(status), rs.getInt("attempts"),
						rs.getString("last_error"), sent == null ? null : sent.toInstant(), rs.getString("message_id"));
		double rate = rs.getDouble("answer_rate");
		Double answerRate = rs.wasNull() ? null : rate;
		return new StoredReport(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("period"),
				rs.getObject("period_from", LocalDate.class), rs.getInt("version"),
				rs.getTimestamp("generated_at").toInstant(), rs.getString("generated_by"), rs.getBoolean("scheduled"),
				rs.getString("definition"), rs.getBoolean("complete"), rs.getBoolean("gap"), rs.getLong("received"), rs.getLong("answered"),
				answerRate, rs.getBoolean("read"), mail);
	}
}
