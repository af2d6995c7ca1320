package jp.ikiiki.desk.mailings.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingJobs;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.PrintRun;
import jp.ikiiki.desk.platform.cluster.ClusterMessages;
import jp.ikiiki.desk.platform.cluster.JobLocks;
import jp.ikiiki.desk.platform.cluster.Leadership;
import jp.ikiiki.desk.platform.cluster.SharedStorage;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The batch jobs on the application's task executor; progress is pushed at most five times a second.
 * <p>
 * One job per batch across every node: a job holds the batch's advisory lock ({@link #LOCK_CLASS}, batch id) on a
 * connection of its own from its start to its end ({@link JobLocks}), so a second start on this node or another is
 * refused with the node that runs it, and the lock dies with the session of a node that dies. The job's record
 * ({@code mailing_batch_job}) lets every node's screen show it; one left {@code RUNNING} with a free lock was a dead
 * node's, and is marked failed at start-up or when the batch's step is started again: a print run resumes at the
 * first bundle not written (each bundle's file is moved into place whole before its row is committed; a temporary
 * file it left is removed), so no bundle is written twice. A job that loses its lock (its connection broke) stops at
 * the next bundle: another node may take the batch over.
 */
@Service
class BackgroundMailingJobs implements MailingJobs, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BackgroundMailingJobs.class);
	/** The advisory lock's first key for mailing batch jobs (notice runs use 7401/7402). */
	static final int LOCK_CLASS = 7403;
	/** Ids only: a job changed (start, progress, end) or is asked to stop, on some node. */
	static final String TOPIC_CHANGED = "cluster.mailings.job";
	static final String TOPIC_CANCEL = "cluster.mailings.cancel";
	/** The print files' directory in {@code ikiiki.cluster.shared-storage.directories}. */
	static final String STORAGE = "mailings";
	private static final long PUSH_INTERVAL_NANOS = 200_000_000L;
	/** How often a job records its progress for the other nodes and proves it still holds its lock. */
	private static final long RECORD_INTERVAL_NANOS = 2_000_000_000L;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d H:mm").withZone(JapanTime.ZONE);
	static final String INTERRUPTED = "ノード {0} の停止により{1}が中断されました（{2} 開始）";

	private final Mailings mailings;
	private final TaskExecutor executor;
	private final JobLocks locks;
	private final BatchJobRecords records;
	private final ClusterMessages messages;
	private final PrintRuns printRuns;
	private final AuditTrail audit;
	private final SharedStorage storage;
	private final String node;
	private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
	private final Map<Long, List<Consumer<Status>>> listeners = new ConcurrentHashMap<>();

	BackgroundMailingJobs(Mailings mailings, TaskExecutor executor, JobLocks locks, BatchJobRecords records,
			ClusterMessages messages, PrintRuns printRuns, AuditTrail audit, Leadership leadership,
			SharedStorage storage) {
		this.storage = storage;
		this.mailings = mailings;
		this.executor = executor;
		this.locks = locks;
		this.records = records;
		this.messages = messages;
		this.printRuns = printRuns;
		this.audit = audit;
		this.node = leadership.node();
		messages.subscribe(TOPIC_CHANGED, m -> {
			if (!m.local()) {
				forBatch(m.payload(), id -> executor.execute(() -> status(id).ifPresent(this::publish)));
			}
		});
		messages.subscribe(TOPIC_CANCEL, m -> forBatch(m.payload(), id -> {
			Job job = jobs.get(id);
			if (job != null) {
				job.cancel = true;
			}
		}));
	}

	private static void forBatch(String payload, Consumer<Long> action) {
		try {
			action.accept(Long.parseLong(payload));
		} catch (NumberFormatException e) {
			log.warn("mailing job message ignored: not a batch id");
		}
	}

	/** At start-up: jobs a dead node (or this node before a crash) left RUNNING are marked failed. */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			for (BatchJobRecords.Recorded r : records.running()) {
				if (locks.isFree(LOCK_CLASS, key(r.batchId()))) {
					closeOrphan(r, "起動時処理");
				}
			}
		} catch (RuntimeException e) {
			log.warn("interrupted mailing jobs not checked at start-up: {}", SafeThrowables.describe(e));
		}
	}

	private final class Job implements MailingProgress {
		final long batchId;
		final Step step;
		final JobLocks.Held lock;
		volatile boolean cancel;
		volatile boolean lockLost;
		volatile Status status;
		long lastPush;
		long lastRecord = System.nanoTime();

		Job(long batchId, Step step, JobLocks.Held lock, String message) {
			this.batchId = batchId;
			this.step = step;
			this.lock = lock;
			this.status = new Status(batchId, step, State.RUNNING, 0, 0, message, null);
		}

		@Override
		public void update(long done, long total, String message) {
			status = new Status(batchId, step, State.RUNNING, done, total, message, null);
			long now = System.nanoTime();
			if (now - lastPush >= PUSH_INTERVAL_NANOS) {
				lastPush = now;
				publish(status);
			}
			if (now - lastRecord >= RECORD_INTERVAL_NANOS) {
				lastRecord = now;
				checkLock();
				try {
					records.progress(batchId, node, done, total, message);
					messages.publish(TOPIC_CHANGED, String.valueOf(batchId));
				} catch (RuntimeException e) {
					log.warn("mailing job of batch {}: progress not recorded: {}", batchId, SafeThrowables.describe(e));
				}
			}
		}

		@Override
		public boolean cancelled() {
			if (System.nanoTime() - lastRecord >= RECORD_INTERVAL_NANOS) {
				lastRecord = System.nanoTime();
				checkLock();
			}
			return cancel;
		}

		/** A job whose lock is gone (its connection broke) stops: another node may now start the batch's step. */
		private void checkLock() {
			if (!lockLost && !lock.alive()) {
				lockLost = true;
				cancel = true;
				log.warn("mailing job {} of batch {} lost its lock (database connection); stopping", step, batchId);
			}
		}

		void end(State state, String message, PrintRun print) {
			if (lockLost) {
				state = State.FAILED;
				message = "データベースとの接続が切れたため" + step.label() + "を中断しました。もう一度実行すると"
						+ (step == Step.PRINT ? "残りの束から作成します" : "最初から抽出します");
			}
			status = new Status(batchId, step, state, status.done(), status.total(), message, print);
			try {
				records.ended(batchId, node, state, status.done(), status.total(), message);
			} catch (RuntimeException e) {
				log.warn("mailing job of batch {}: end not recorded: {}", batchId, SafeThrowables.describe(e));
			} finally {
				lock.close();
			}
			publish(status);
			try {
				messages.publish(TOPIC_CHANGED, String.valueOf(batchId));
			} catch (RuntimeException e) {
				log.debug("mailing job end not announced", e);
			}
		}
	}

	@Override
	public Status start(long batchId, Step step, String channel) {
		// Refused at once rather than failing in the background: the batch must exist and allow the step.
		BatchSummary batch = mailings.batch(batchId).orElseThrow(() -> BatchStore.notFound(batchId));
		batch.status().check(batchId, step == Step.SELECT ? BatchStatus.Action.SELECT : BatchStatus.Action.PRINT);
		if (step == Step.PRINT) {
			// Bundles written where another node cannot see them would be missing there (and on a resume there).
			Optional<String> notShared = storage.problem(STORAGE);
			if (notShared.isPresent()) {
				throw new StateConflictException(notShared.get());
			}
		}
		JobLocks.Held lock = locks.tryLock(LOCK_CLASS, key(batchId), "mailing-batch-" + batchId)
				.orElseThrow(() -> runningElsewhere(batchId, step));
		Job job;
		try {
			String message = step.label() + "を開始しました";
			Optional<BatchJobRecords.Recorded> previous = records.find(batchId);
			if (previous.isPresent() && previous.get().state() == State.RUNNING) {
				// We hold the lock, so the job recorded as running has no live owner: its node died.
				closeOrphan(previous.get(), channel);
				message = java.text.MessageFormat.format(INTERRUPTED, previous.get().node(), previous.get().step().label(),
						TIME.format(previous.get().startedAt())) + "。" + (step == Step.PRINT
								? "作成済みの束は省き、残りの束から作成します" : "最初から抽出します");
			}
			job = new Job(batchId, step, lock, message);
			jobs.put(batchId, job);
			records.started(batchId, step, node, CurrentUser.name(), message);
		} catch (RuntimeException e) {
			lock.close();
			throw e;
		}
		publish(job.status);
		messages.publish(TOPIC_CHANGED, String.valueOf(batchId));
		Runnable work = () -> {
			try {
				if (step == Step.SELECT) {
					var s = mailings.select(batchId, job, channel);
					job.end(State.DONE, "抽出完了: 対象 " + s.envelopes() + " 通、除外 " + s.excluded() + " 件、" + s.bundles() + " 束",
							null);
				} else {
					PrintRun run = mailings.print(batchId, job, channel);
					switch (run.outcome()) {
						case DONE -> job.end(State.DONE, "印刷ファイル作成完了: 作成 " + run.written() + " 束、作成済 " + run.skipped()
								+ " 束", run);
						case CANCELLED -> job.end(State.CANCELLED, "中止しました（作成済 " + (run.written() + run.skipped())
								+ " 束）。再開すると残りの束から作成します", run);
						case UNDECIDED -> job.end(State.UNDECIDED, "外字・印字不可文字の決定待ちが " + run.undecided().size()
								+ " 件あります。決定後に再実行してください", run);
					}
				}
			} catch (CancellationException e) {
				job.end(State.CANCELLED, "中止しました。抽出結果は変更されていません", null);
			} catch (DomainException e) {
				job.end(State.FAILED, e.reason(), null);
			} catch (RuntimeException e) {
				// The message may quote data; the log gets the types and frames only.
				log.error("mailing job {} of batch {} failed: {}", step, batchId, SafeThrowables.describe(e));
				job.end(State.FAILED, step.label() + "が異常終了しました（" + e.getClass().getSimpleName() + "）", null);
			} catch (Error e) {
				job.end(State.FAILED, step.label() + "が異常終了しました（" + e.getClass().getSimpleName() + "）", null);
				throw e;
			}
		};
		try {
			executor.execute(new DelegatingSecurityContextRunnable(work, SecurityContextHolder.getContext()));
		} catch (RuntimeException e) {
			log.warn("mailing job {} of batch {} not started: {}", step, batchId, SafeThrowables.describe(e));
			job.end(State.FAILED, step.label() + "を開始できませんでした。しばらくしてからもう一度実行してください", null);
			throw new StateConflictException(step.label() + "を開始できませんでした。しばらくしてからもう一度実行してください");
		}
		return job.status;
	}

	/** The refusal of a second start: which step runs where, since when, for whom. */
	private StateConflictException runningElsewhere(long batchId, Step step) {
		Optional<BatchJobRecords.Recorded> r = records.find(batchId).filter(x -> x.state() == State.RUNNING);
		String what = r.map(x -> x.step().label()).orElse(step.label());
		String where = r.map(x -> x.node().equals(node) ? "このノード（" + node + "）" : "別のノード（" + x.node() + "）")
				.orElse("別のノード");
		String since = r.map(x -> "（" + TIME.format(x.startedAt()) + " 開始、" + x.startedBy() + "）").orElse("");
		StateConflictException e = new StateConflictException("バッチ " + batchId + " では" + what + "が" + where
				+ "で実行中です" + since + "。同じバッチの処理は同時に一つしか実行できません。終わるか中止してから操作してください");
		e.with("batchId", batchId);
		r.ifPresent(x -> e.with("node", x.node()).with("step", x.step().name()));
		return e;
	}

	/** A job left RUNNING by a node that died: recorded as failed, its half-written print files removed, audited. */
	private void closeOrphan(BatchJobRecords.Recorded r, String channel) {
		String reason = java.text.MessageFormat.format(INTERRUPTED, r.node(), r.step().label(),
				TIME.format(r.startedAt()));
		if (!records.orphaned(r.batchId(), reason + "。もう一度実行してください")) {
			return;
		}
		int removed = r.step() == Step.PRINT ? printRuns.removeHalfWritten(r.batchId()) : 0;
		log.warn("Mailing job {} of batch {} on node {} was interrupted by a stop of that node; marked FAILED "
				+ "({} half-written file(s) removed)", r.step(), r.batchId(), r.node(), removed);
		audit.record(AuditAction.PRINT, channel, List.of(), "郵送バッチ " + r.batchId() + " " + reason
				+ "（中断として記録、作成途中のファイル " + removed + " 件を削除）");
	}

	@Override
	public void cancel(long batchId) {
		Job job = jobs.get(batchId);
		if (job != null && job.status.state() == State.RUNNING) {
			job.cancel = true;
		} else {
			// the job may run on another node: the node that runs it stops it at its next safe point
			messages.publish(TOPIC_CANCEL, String.valueOf(batchId));
		}
	}

	@Override
	public List<Status> running() {
		List<Status> out = new ArrayList<>();
		for (BatchJobRecords.Recorded r : records.running()) {
			status(r.batchId()).filter(s -> s.state() == State.RUNNING).ifPresent(out::add);
		}
		return out.stream().sorted(Comparator.comparingLong(Status::batchId)).toList();
	}

	@Override
	public Optional<Status> status(long batchId) {
		Job local = jobs.get(batchId);
		if (local != null && local.status.state() == State.RUNNING) {
			return Optional.of(local.status);
		}
		Optional<BatchJobRecords.Recorded> recorded = records.find(batchId);
		if (recorded.isEmpty()) {
			return Optional.ofNullable(local).map(j -> j.status);
		}
		BatchJobRecords.Recorded r = recorded.get();
		if (local != null && r.node().equals(node)) {
			return Optional.of(local.status); // this node's last job, with its print outcome
		}
		if (r.state() == State.RUNNING && locks.isFree(LOCK_CLASS, key(batchId))) {
			closeOrphan(r, "画面:郵送バッチ");
			r = records.find(batchId).orElse(r);
		}
		String message = r.state() == State.RUNNING && !r.node().equals(node)
				? r.message() + "（ノード " + r.node() + " で実行中、" + r.startedBy() + "）"
				: r.message();
		return Optional.of(new Status(batchId, r.step(), r.state(), r.done(), r.total(), message, null));
	}

	@Override
	public Runnable subscribe(long batchId, Consumer<Status> listener) {
		listeners.computeIfAbsent(batchId, id -> new CopyOnWriteArrayList<>()).add(listener);
		return () -> listeners.getOrDefault(batchId, List.of()).remove(listener);
	}

	private void publish(Status status) {
		for (var l : listeners.getOrDefault(status.batchId(), List.of())) {
			try {
				l.accept(status);
			} catch (RuntimeException e) {
				log.warn("mailing job listener failed: {}", e.getClass().getName());
			}
		}
	}

	private static int key(long batchId) {
		return Math.toIntExact(batchId);
	}
}
