package jp.ikiiki.desk.escalations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.ikiiki.desk.agentdesk.InquiryClosed;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.CallRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every call log entry the agent desk closes as needing the city's instruction (第6章1(3)). Runs
 * after the desk's transaction commits, in its own, through the event publication registry (an event that fails
 * here is republished on restart); the case's unique call log id makes a redelivery harmless.
 */
@Component
class InquiryClosedListener {

	static final String CHANNEL = "イベント:問合せ終了（市の指示待ち）";
	/** The caller's number is looked up among the calls that arrived this long before the entry was closed. */
	static final Duration CALL_LOOKBACK = Duration.ofDays(2);
	private static final Logger log = LoggerFactory.getLogger(InquiryClosedListener.class);

	private final JdbcEscalations escalations;
	private final ObjectProvider<CallRecords> calls;

	InquiryClosedListener(JdbcEscalations escalations, ObjectProvider<CallRecords> calls) {
		this.escalations = escalations;
		this.calls = calls;
	}

	@ApplicationModuleListener
	void on(InquiryClosed event) {
		if (event.outcome() != InquiryClosed.Outcome.NEEDS_INSTRUCTION) {
			return;
		}
		String number = event.linkedId() == null ? null : callerNumber(event.linkedId(), event.closedAt());
		escalations.openFromCall(event.callLogId(), event.linkedId(), event.subjectId(), number, event.category(),
				event.note(), event.agent(), event.closedAt())
				.ifPresent(id -> log.info("Escalation {} opened from call log entry {}", id, event.callLogId()));
	}

	/**
	 * The number to call back, from the AMI call record. Call records are for floor managers (personal data), so the
	 * look-up runs as the system user {@code system-escalations} with that role; the read is audited as such.
	 */
	private String callerNumber(String linkedId, Instant closedAt) {
		CallRecords records = calls.getIfAvailable();
		if (records == null) {
			return null;
		}
		Instant to = (closedAt == null ? Instant.now() : closedAt).plusSeconds(60);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext system = SecurityContextHolder.createEmptyContext();
		system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system-escalations", null,
				List.of(new SimpleGrantedAuthority("ROLE_" + Roles.FLOOR_MANAGER))));
		SecurityContextHolder.setContext(system);
		try {
			return records.between(to.minus(CALL_LOOKBACK), to, CHANNEL).stream()
					.filter(c -> linkedId.equals(c.linkedId())).map(CallRecord::callerNumber).findFirst().orElse(null);
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
