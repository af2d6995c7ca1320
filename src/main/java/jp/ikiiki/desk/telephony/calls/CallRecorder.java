package jp.ikiiki.desk.telephony.calls;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import jp.ikiiki.desk.telephony.AmiEventConsumer;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Records every call from the AMI events: the {@link CallAssembler} says when a call is over, this writes it once
 * and counts it in the metrics if it is new and came in opening hours. A write that fails (database briefly away)
 * is kept and retried with the next event, so that no finished call is lost while the application runs.
 */
@Component
class CallRecorder implements AmiEventConsumer {

	private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);
	/** Finished calls kept for a retry at most; beyond that the oldest is given up (and logged). */
	private static final int MAX_PENDING = 10_000;

	private final CallAssembler assembler;
	private final CallStore store;
	private final OpeningHours hours;
	private final CallMetrics metrics;
	private final Deque<FinishedCall> pending = new ArrayDeque<>();

	CallRecorder(CallAssembler assembler, CallStore store, OpeningHours hours, CallMetrics metrics) {
		this.assembler = assembler;
		this.store = store;
		this.hours = hours;
		this.metrics = metrics;
	}

	@Override
	public void onEvent(ManagerEvent event) {
		List<FinishedCall> finished = assembler.accept(event);
		if (finished.isEmpty() && !hasPending()) {
			return;
		}
		synchronized (pending) {
			pending.addAll(finished);
			while (!pending.isEmpty()) {
				FinishedCall call = pending.peekFirst();
				try {
					save(call);
					pending.removeFirst();
				}
				catch (DataAccessException e) {
					// no caller number in the message: FinishedCall.toString leaves it out
					log.warn("Could not store {} ({} waiting): {}", call, pending.size(), e.getMessage());
					while (pending.size() > MAX_PENDING) {
						log.error("Giving up storing {}", pending.removeFirst());
					}
					return;
				}
			}
		}
	}

	private boolean hasPending() {
		synchronized (pending) {
			return !pending.isEmpty();
		}
	}

	private void save(FinishedCall call) {
		boolean inHours = hours.isOpenAt(call.arrivedAt());
		if (store.save(call, inHours) && inHours) {
			metrics.counted(call.outcome());
		}
	}
}
