package jp.ikiiki.desk.notices.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchCancelled;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.notices.DueNotice;
import jp.ikiiki.desk.notices.Half;
import jp.ikiiki.desk.notices.NoticeRunPhase;
import jp.ikiiki.desk.notices.NoticeRunRequest;
import jp.ikiiki.desk.notices.NoticeRunResult;
import jp.ikiiki.desk.notices.NoticeRunSummary;
import jp.ikiiki.desk.notices.NoticeRuns;
import jp.ikiiki.desk.notices.NoticesProperties;
import jp.ikiiki.desk.platform.cluster.JobLocks;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import jp.ikiiki.desk.tally.PointTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notice runs (第8章1–4) in the background. A run is checked and registered in the request (one per year, month and
 * half; runs of one year one at a time: they take from the same booklets), its liveness lock taken ({@link JobLocks}, class {@link #LOCK_CLASS}),
 * then its work ({@link NoticeRunWork}) handed to {@link NoticeRunLauncher}; progress goes to the run's row
 * ({@link RunProgress}) and to the subscribed screens. A failure on the way withdraws the batches made and leaves the
 * run FAILED with the reason, to be run again; a run whose node stopped is closed the same way by
 * {@link InterruptedNoticeRuns}.
 */
@Service
@EnableConfigurationProperties(NoticesProperties.class)
class NoticeRunService implements NoticeRuns {

	private static final Logger log = LoggerFactory.getLogger(NoticeRunService.class);
	static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
	static final String FAILED = "通知作成が異常終了しました（{0}）。作成途中の発送バッチは取り下げ、手帳は通知済みにしていません。"
			+ "もう一度実行してください";

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final JobLocks locks;
	private final PointTotals totals;
	private final BusinessYears years;
	private final Mailings mailings;
	private final AuditTrail audit;
	private final NoticesProperties properties;
	private final ProgressRecords progress;
	private final NoticeRunWork work;
	private final NoticeRunLauncher launcher;
	private final InterruptedNoticeRuns interrupted;
	/** The advisory lock class of notice runs (the key is the run id). */
	static final int LOCK_CLASS = 7402;

	private final List<Consumer<NoticeRunSummary>> listeners = new CopyOnWriteArrayList<>();

	NoticeRunService(JdbcClient jdbc, TransactionTemplate tx, JobLocks locks, PointTotals totals,
			BusinessYears years, Mailings mailings, AuditTrail audit, NoticesProperties properties,
			ProgressRecords progress, NoticeRunWork work, NoticeRunLauncher launcher, InterruptedNoticeRuns interrupted) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.locks = locks;
		this.totals = totals;
		this.years = years;
		this.mailings = mailings;
		this.audit = audit;
		this.properties = properties;
		this.progress = progress;
		this.work = work;
		this.launcher = launcher;
		this.interrupted = interrupted;
	}

	@Override
	public NoticeRunSummary start(NoticeRunRequest request, String channel) {
		if (request == null || request.month() == null) {
			throw new InvalidInputException("month", "通知する月を yyyy-MM で指定してください");
		}
		if (request.half() == null) {
			throw new InvalidInputException("half", "中旬（MID）か下旬（LATE）を指定してください");
		}
		BusinessYear year = years.find(request.businessYear()).orElseThrow(() -> new InvalidInputException("businessYear",
				BusinessYear.labelOf(request.businessYear()) + " は受付中の事業年度ではありません"));
		if (!year.noticesOpenIn(request.month())) {
			throw new InvalidInputException("month", year.label() + " の獲得ポイント通知は "
					+ JapaneseDates.toEraYearMonth(year.noticesFrom()) + " から送付できます（第8章2）")
					.with("noticesFrom", year.noticesFrom().toString());
		}
		LocalDate today = years.today();
		if (request.month().isAfter(YearMonth.from(today))) {
			throw new InvalidInputException("month", "先の月（" + request.month() + "）の通知はまだ作成できません");
		}
		// a run of the year whose node stopped no longer blocks the year
		interrupted.closeOrphans(request.businessYear());
		long runId = jdbc.sql("select nextval(pg_get_serial_sequence('notice_run', 'id'))").query(Long.class).single();
		// the run's liveness: held for as long as it works, released by the server whenever its session ends, so that a
		// RUNNING run whose lock is free is an orphan (InterruptedNoticeRuns); taken before the row is written, so that
		// no sweep mistakes a run being registered for one
		JobLocks.Held lock = locks.tryLock(LOCK_CLASS, Math.toIntExact(runId), "notice run " + runId)
				.orElseThrow(() -> new IllegalStateException("the lock of a new notice run is held"));
		try {
			register(runId, request, today);
		} catch (RuntimeException e) {
			lock.close();
			throw e;
		}
		try {
			launcher.launch(() -> execute(runId, year, request, today, channel, lock));
		} catch (RuntimeException e) {
			log.warn("Notice run {} not started: {}", runId, SafeThrowables.describe(e));
			markFailed(runId, "通知作成を開始できませんでした。しばらくしてからもう一度実行してください");
			lock.close();
			throw new StateConflictException("通知作成を開始できませんでした。しばらくしてからもう一度実行してください");
		}
		return summary(runId);
	}

	/** Registers the run under the id whose lock is held, or 409 when it exists, or another run of the year runs. */
	private void register(long runId, NoticeRunRequest request, LocalDate today) {
		try {
			tx.executeWithoutResult(s -> {
				jdbc.sql("select pg_advisory_xact_lock(7401, :year)").param("year", request.businessYear())
						.query(Object.class).single();
				var running = jdbc.sql("select run_month || ' ' || half from notice_run where business_year = :year "
						+ "and status = 'RUNNING'").param("year", request.businessYear()).query(String.class).optional();
				if (running.isPresent()) {
					throw new StateConflictException("同じ年度の通知作成（" + running.get() + "）が実行中です。終わってから実行してください");
				}
				jdbc.sql("""
						insert into notice_run (id, business_year, run_month, half, status, phase, run_on, created_by)
						values (:id, :year, :month, :half, 'RUNNING', 'SELECTING', :today, :by)""").param("id", runId)
						.param("year", request.businessYear()).param("month", request.month().toString())
						.param("half", request.half().name()).param("today", today).param("by", CurrentUser.name())
						.update();
			});
		} catch (DuplicateKeyException e) {
			throw new StateConflictException(BusinessYear.labelOf(request.businessYear()) + " " + request.month() + " "
					+ request.half().label() + " の通知は作成済みです").with("businessYear", request.businessYear())
					.with("month", request.month().toString()).with("half", request.half().name());
		}
	}

	/** The run's thread: the work, and on failure the batches withdrawn and the run FAILED; then its audit. */
	private void execute(long runId, BusinessYear year, NoticeRunRequest request, LocalDate today, String channel,
			JobLocks.Held lock) {
		List<Long> batches = new ArrayList<>();
		NoticeRunResult result;
		// the lock is held until the run is DONE or marked FAILED: no sweep may take it for an orphan before
		try {
			result = work.work(year, request, today, channel, batches, new RunProgress(jdbc, runId, this::announce));
		} catch (RuntimeException | Error e) {
			log.warn("Notice run {} failed: {}", runId, SafeThrowables.describe(e));
			try {
				withdraw(runId, batches, channel);
				markFailed(runId, e instanceof DomainException d ? d.reason()
						: java.text.MessageFormat.format(FAILED, e.getClass().getSimpleName()));
			} finally {
				lock.close();
			}
			announce(runId);
			if (e instanceof Error err) {
				throw err;
			}
			return;
		}
		lock.close();
		// The run is DONE (committed): a failing audit must not withdraw what it made.
		try {
			audit.record(AuditAction.EXPORT, channel, result.notified(), "獲得ポイント通知 作成 run=" + runId + " 通知="
					+ result.notified().size() + " 口座登録用紙=" + result.withAccountForm().size() + " 対象外="
					+ result.notNotified().size());
		} catch (RuntimeException e) {
			log.error("Notice run {} done but not audited: {}", runId, SafeThrowables.describe(e));
		}
		announce(runId);
	}

	private void withdraw(long runId, List<Long> batches, String channel) {
		for (long b : batches) {
			try {
				mailings.cancel(b, "獲得ポイント通知の作成が失敗したため取り下げ", channel);
			} catch (RuntimeException c) {
				log.warn("Notice run {}: batch {} not withdrawn: {}", runId, b, SafeThrowables.describe(c));
			}
		}
	}

	private void markFailed(long runId, String reason) {
		jdbc.sql("""
				update notice_run set status = 'FAILED', phase = 'FINISHED', finished_at = now(), updated_at = now(),
				failure = :reason where id = :id and status = 'RUNNING'""")
				.param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason).param("id", runId).update();
	}

	/** Pushes the run's row to the subscribed screens. */
	private void announce(long runId) {
		if (listeners.isEmpty()) {
			return;
		}
		NoticeRunSummary s = summary(runId);
		for (var l : listeners) {
			try {
				l.accept(s);
			} catch (RuntimeException e) {
				log.warn("notice run listener failed: {}", e.getClass().getName());
			}
		}
	}

	@Override
	public Runnable subscribe(Consumer<NoticeRunSummary> listener) {
		listeners.add(listener);
		return () -> listeners.remove(listener);
	}

	private static final String SUMMARY = """
			select id, business_year, run_month, half, status, run_on, created_by, created_at, notified, with_form,
			       not_notified, overdue, coalesce(notice_batch_id, 0) nb, coalesce(form_batch_id, 0) fb, phase, selected,
			       batched, to_batch, listed, failure
			from notice_run""";

	private static NoticeRunSummary summaryOf(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new NoticeRunSummary(rs.getLong("id"), rs.getInt("business_year"), rs.getString("run_month"),
				Half.valueOf(rs.getString("half")), rs.getString("status"), rs.getObject("run_on", LocalDate.class),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("notified"),
				rs.getInt("with_form"), rs.getInt("not_notified"), rs.getInt("overdue"), rs.getLong("nb"),
				rs.getLong("fb"), NoticeRunPhase.valueOf(rs.getString("phase")), rs.getInt("selected"),
				rs.getInt("batched"), rs.getInt("to_batch"), rs.getInt("listed"), rs.getString("failure"));
	}

	private NoticeRunSummary summary(long runId) {
		return jdbc.sql(SUMMARY + " where id = :id").param("id", runId).query((rs, i) -> summaryOf(rs)).optional()
				.orElseThrow(() -> new NotFoundException("通知作成 " + runId + " はありません"));
	}

	@Override
	public NoticeRunSummary run(long runId) {
		return summary(runId);
	}

	@Override
	public List<NoticeRunSummary> runs(int limit) {
		return jdbc.sql(SUMMARY + " order by id desc limit :limit").param("limit", Math.max(1, Math.min(limit, 500)))
				.query((rs, i) -> summaryOf(rs)).list();
	}

	@Override
	public NoticeRunResult result(long runId) {
		String result = jdbc.sql("select result::text from notice_run where id = :id and status = 'DONE'")
				.param("id", runId).query(String.class).optional().orElseThrow(() -> notFound(runId));
		try {
			return JSON.readValue(result, NoticeRunResult.class);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("notice run result unreadable", e);
		}
	}

	/** A withdrawn batch releases its booklets: the next run takes them again. */
	@EventListener
	void on(BatchCancelled cancelled) {
		if (MailingKind.POINTS_NOTICE.equals(cancelled.kind())
				|| MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM.equals(cancelled.kind())) {
			jdbc.sql("update notice_booklet set released_at = now() where batch_id = :id and released_at is null")
					.param("id", cancelled.batchId()).update();
		}
	}

	@Override
	public byte[] listXlsx(long runId, String channel) {
		byte[] xlsx = jdbc.sql("select list_xlsx from notice_run where id = :id and status = 'DONE'").param("id", runId)
				.query(byte[].class).optional().orElseThrow(() -> notFound(runId));
		List<String> subjects = jdbc.sql("select distinct subject_id from notice_booklet where run_id = :id order by 1")
				.param("id", runId).query(String.class).list();
		audit.record(AuditAction.DOWNLOAD, channel, subjects, fileName(runId), "獲得ポイント通知一覧 run=" + runId);
		return xlsx;
	}

	/** The list's file name. */
	public static String fileName(long runId) {
		return "獲得ポイント通知一覧_" + runId + ".xlsx";
	}

	/**
	 * The notices late or due soon, by the run's own rules of what a run takes: a verified booklet not yet taken whose
	 * booklets call for a notice (第8章3), and a predecessor's carried-over year (第9章1(1)) not notified or paid by the
	 * predecessor, not yet taken, with a city receipt date, of a person without a tally booklet of the year waiting, and
	 * with points (figures that do not add up are listed too: the notice is due all the same, and the run names why it
	 * cannot print it). Due a month after the city's receipt (第8章2).
	 */
	@Override
	public List<DueNotice> dueSoon() {
		LocalDate today = years.today();
		LocalDate horizon = today.plusDays(properties.dueSoonDays());
		List<DueNotice> due = new ArrayList<>();
		for (BusinessYear y : years.open()) {
			Set<Long> taken = new HashSet<>(jdbc.sql("select booklet_id from notice_booklet where business_year = :year "
					+ "and booklet_id is not null and released_at is null").param("year", y.year()).query(Long.class)
					.list());
			Set<String> withBooklet = new HashSet<>();
			totals.forEachDueForNotice(y.year(), c -> {
				if (taken.contains(c.bookletId())) {
					return;
				}
				withBooklet.add(c.addressNumber());
				if (c.decision().notifies() && !c.dueBy().isAfter(horizon)) {
					due.add(new DueNotice(c.addressNumber(), c.managementNumber(), c.businessYear(), c.receivedOn(),
							c.dueBy(), ChronoUnit.DAYS.between(today, c.dueBy()), false));
				}
			});
			Set<String> carriedTaken = new HashSet<>(jdbc.sql("select subject_id from notice_booklet where business_year "
					+ "= :year and released_at is null").param("year", y.year()).query(String.class).list());
			progress.forEachCarriedOver(y.year(), b -> {
				if (b.notified() || b.paid() || b.receivedOn() == null || withBooklet.contains(b.addressNumber())
						|| carriedTaken.contains(b.addressNumber())) {
					return;
				}
				var figures = NoticeRunWork.carriedFigures(b);
				LocalDate dueBy = b.receivedOn().plusMonths(1);
				if ((figures == null || figures.total() > 0) && !dueBy.isAfter(horizon)) {
					due.add(new DueNotice(b.addressNumber(), "", b.businessYear(), b.receivedOn(), dueBy,
							ChronoUnit.DAYS.between(today, dueBy), true));
				}
			});
		}
		due.sort(Comparator.comparing(DueNotice::dueBy).thenComparing(DueNotice::addressNumber));
		return due;
	}

	private static NotFoundException notFound(long runId) {
		return new NotFoundException("通知作成 " + runId + " はありません（または完了していません）");
	}
}
