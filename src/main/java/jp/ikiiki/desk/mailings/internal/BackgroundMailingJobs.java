package jp.ikiiki.desk.mailings.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingJobs;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.PrintRun;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The batch jobs on the application's task executor; progress is pushed at most five times a second. */
@Service
class BackgroundMailingJobs implements MailingJobs {

	private static final Logger log = LoggerFactory.getLogger(BackgroundMailingJobs.class);
	private static final long PUSH_INTERVAL_NANOS = 200_000_000L;

	private final Mailings mailings;
	private final TaskExecutor executor;
	private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
	private final Map<Long, List<Consumer<Status>>> listeners = new ConcurrentHashMap<>();

	BackgroundMailingJobs(Mailings mailings, TaskExecutor executor) {
		this.mailings = mailings;
		this.executor = executor;
	}

	private final class Job implements MailingProgress {
		final long batchId;
		final Step step;
		volatile boolean cancel;
		volatile Status status;
		long lastPush;

		Job(long batchId, Step step) {
			this.batchId = batchId;
			this.step = step;
			this.status = new Status(batchId, step, State.RUNNING, 0, 0, step.label() + "を開始しました", null);
		}

		@Override
		public void update(long done, long total, String message) {
			status = new Status(batchId, step, State.RUNNING, done, total, message, null);
			long now = System.nanoTime();
			if (now - lastPush >= PUSH_INTERVAL_NANOS) {
				lastPush = now;
				publish(status);
			}
		}

		@Override
		public boolean cancelled() {
			return cancel;
		}

		void end(State state, String message, PrintRun print) {
			status = new Status(batchId, step, state, status.done(), status.total(), message, print);
			publish(status);
		}
	}

	@Override
	public Status start(long batchId, Step step, String channel) {
		// Refused at once rather than failing in the background: the batch must exist and allow the step.
		BatchSummary batch = mailings.batch(batchId).orElseThrow(() -> BatchStore.notFound(batchId));
		batch.status().check(batchId, step == Step.SELECT ? BatchStatus.Action.SELECT : BatchStatus.Action.PRINT);
		Job job = new Job(batchId, step);
		Job running = jobs.compute(batchId, (id, old) -> old != null && old.status.state() == State.RUNNING ? old : job);
		if (running != job) {
			throw new StateConflictException("バッチ " + batchId + " では" + running.step.label() + "が実行中です。終わるか中止してから操作してください");
		}
		publish(job.status);
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
			}
		};
		executor.execute(new DelegatingSecurityContextRunnable(work, SecurityContextHolder.getContext()));
		return job.status;
	}

	@Override
	public void cancel(long batchId) {
		Job job = jobs.get(batchId);
		if (job != null) {
			job.cancel = true;
		}
	}

	@Override
	public List<Status> running() {
		return jobs.values().stream().map(j -> j.status).filter(s -> s.state() == State.RUNNING)
				.sorted(java.util.Comparator.comparingLong(Status::batchId)).toList();
	}

	@Override
	public Optional<Status> status(long batchId) {
		return Optional.ofNullable(jobs.get(batchId)).map(j -> j.status);
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
}
