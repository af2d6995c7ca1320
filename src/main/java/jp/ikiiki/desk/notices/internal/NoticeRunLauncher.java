package jp.ikiiki.desk.notices.internal;

import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Hands a registered notice run's work to a thread of the application's task executor, with the identity of the
 * person who started it. The one place where this module starts a background job: a rule on which node may run it
 * wraps this method.
 */
@Component
class NoticeRunLauncher {

	private final TaskExecutor executor;

	NoticeRunLauncher(TaskExecutor executor) {
		this.executor = executor;
	}

	/**
	 * @throws org.springframework.core.task.TaskRejectedException when no thread takes it (the caller fails the run)
	 */
	void launch(Runnable work) {
		executor.execute(new DelegatingSecurityContextRunnable(work, SecurityContextHolder.getContext()));
	}
}
