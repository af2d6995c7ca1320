package jp.ikiiki.desk.escalations.internal;

import jp.ikiiki.desk.agentdesk.InquiryClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every call log entry the agent desk closes as needing the city's instruction (第6章1(3)). Runs
 * after the desk's transaction commits, in its own, through the event publication registry (an event that fails
 * here is republished on restart); the case's unique call log id makes a redelivery harmless.
 */
@Component
class InquiryClosedListener {

	static final String CHANNEL = "イベント:問合せ終了（市の指示待ち）";
	private static final Logger log = LoggerFactory.getLogger(InquiryClosedListener.class);

	private final JdbcEscalations escalations;

	InquiryClosedListener(JdbcEscalations escalations) {
		this.escalations = escalations;
	}

	@ApplicationModuleListener
	void on(InquiryClosed event) {
		if (event.outcome() != InquiryClosed.Outcome.NEEDS_INSTRUCTION) {
			return;
		}
		// The number to call back comes with the event: the desk has it from the moment the call connected, even
		// when the agent closes the entry before the call has ended (and before its call record exists).
		escalations.openFromCall(event.callLogId(), event.linkedId(), event.subjectId(), event.callerNumber(),
				event.category(), event.note(), event.agent(), event.closedAt())
				.ifPresent(id -> log.info("Escalation {} opened from call log entry {}", id, event.callLogId()));
	}
}
