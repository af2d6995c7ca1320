package jp.ikiiki.desk.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.reports.StoredReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored reports, their read marks and their e-mails. */
@Repository
public class ReportStore {

	/** A report's row without its files. */
	private static final String COLUMNS = """
			r.id, r.kind, r.period, r.period_from, r.version, r.generated_at, r.generated_by, r.scheduled,
			r.definition, r.gap, r.received, r.answered, r.answer_rate,
			m.status as mail_status, m.attempts, m.last_error, m.sent_at""";

	/** What a new version needs. */
	record NewReport(ReportKind kind, String period, LocalDate from, LocalDate to, Instant generatedAt,
			String generatedBy, boolean scheduled, String definition, boolean gap, long received, long answered,
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
				    definition, gap, received, answered, answer_rate, content_json, xlsx, pdf)
				values (:kind, :period, :from, :to, :version, :at, :by, :scheduled, :definition, :gap, :received,
				    :answered, :rate, :json, :xlsx, :pdf)
				returning id""")
				.param("kind", r.kind().name()).param("period", r.period()).param("from", r.from()).param("to", r.to())
				.param("version", version).param("at", Timestamp.from(r.generatedAt())).param("by", r.generatedBy())
				.param("scheduled", r.scheduled()).param("definition", r.definition()).param("gap", r.gap())
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
		return jdbc.sql("select " + COLUMNS + ", exists (select 1 from report_read x where x.report_id = r.id and "
				+ "x.username = :u) as read from report r left join report_mail m on m.report_id = r.id where r.id = :id")
				.param("u", username).param("id", id).query(ReportStore::row).optional();
	}

	/** Newest period first, then kind, then newest version. */
	public List<StoredReport> inbox(String username, int offset, int limit) {
		return jdbc.sql("select " + COLUMNS + ", exists (select 1 from report_read x where x.report_id = r.id and "
				+ "x.username = :u) as read from report r left join report_mail m on m.report_id = r.id "
				+ "order by r.period_from desc, r.kind, r.version desc offset :o limit :l")
				.param("u", username).param("o", offset).param("l", limit).query(ReportStore::row).list();
	}

	public int unread(String username) {
		return jdbc.sql("select count(*) from report r where not exists (select 1 from report_read x where "
				+ "x.report_id = r.id and x.username = :u)").param("u", username).query(Integer.class).single();
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
		jdbc.sql("insert into report_mail (report_id, recipients, status, next_attempt_at) values (:id, :to, 'PENDING', :at)")
				.param("id", id).param("to", recipients).param("at", Timestamp.from(at)).update();
	}

	/** Mails to try now: pending or failed, due; oldest first. */
	public List<Long> dueMails(Instant now) {
		return jdbc.sql("select report_id from report_mail where status in ('PENDING', 'FAILED') and "
				+ "next_attempt_at <= :now order by next_attempt_at, report_id")
				.param("now", Timestamp.from(now)).query(Long.class).list();
	}

	public Optional<String> recipients(long id) {
		return jdbc.sql("select recipients from report_mail where report_id = :id").param("id", id)
				.query(String.class).optional();
	}

	public void mailSent(long id, Instant at) {
		jdbc.sql("update report_mail set status = 'SENT', attempts = attempts + 1, sent_at = :at, last_error = null "
				+ "where report_id = :id").param("id", id).param("at", Timestamp.from(at)).update();
	}

	/** Records a failed try; returns the attempts so far. */
	public int mailFailed(long id, String error, Instant next, int maxAttempts) {
		return jdbc.sql("""
				update report_mail set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
				    status = case when attempts + 1 >= :max then 'GAVE_UP' else 'FAILED' end
				where report_id = :id returning attempts""")
				.param("id", id).param("error", error).param("next", Timestamp.from(next)).param("max", maxAttempts)
				.query(Integer.class).single();
	}

	private static StoredReport row(ResultSet rs, int n) throws SQLException {
		String status = rs.getString("mail_status");
		Timestamp sent = rs.getTimestamp("sent_at");
		StoredReport.MailState mail = status == null
				? new StoredReport.MailState(StoredReport.MailStatus.NOT_CONFIGURED, 0, null, null)
				: new StoredReport.MailState(StoredReport.MailStatus.valueOf(status), rs.getInt("attempts"),
						rs.getString("last_error"), sent == null ? null : sent.toInstant());
		double rate = rs.getDouble("answer_rate");
		Double answerRate = rs.wasNull() ? null : rate;
		return new StoredReport(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("period"),
				rs.getObject("period_from", LocalDate.class), rs.getInt("version"),
				rs.getTimestamp("generated_at").toInstant(), rs.getString("generated_by"), rs.getBoolean("scheduled"),
				rs.getString("definition"), rs.getBoolean("gap"), rs.getLong("received"), rs.getLong("answered"),
				answerRate, rs.getBoolean("read"), mail);
	}
}
