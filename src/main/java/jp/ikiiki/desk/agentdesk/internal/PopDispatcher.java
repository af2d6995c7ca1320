package jp.ikiiki.desk.agentdesk.internal;

import java.util.Optional;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import jp.ikiiki.desk.agentdesk.IncomingCall;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.telephony.CallConnected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The screen pop: on {@link CallConnected} (on the telephony's event thread, so within milliseconds of the
 * {@code AgentConnect}) the entry is opened for the agent bound to the member — only while the agent's console
 * session lives — and every page the agent has open is told at once. With no page open, the entry waits among the
 * agent's open entries. Runs without a signed-in user: the entry and its audit row name the bound agent.
 */
@Component
class PopDispatcher {

	private static final Logger log = LoggerFactory.getLogger(PopDispatcher.class);

	private final DeskBindings bindings;
	private final CallLogStore store;
	private final PopBus bus;
	private final AuditTrail audit;

	PopDispatcher(DeskBindings bindings, CallLogStore store, PopBus bus, AuditTrail audit) {
		this.bindings = bindings;
		this.store = store;
		this.bus = bus;
		this.audit = audit;
	}

	/** A failure is logged (without the caller's number) and never reaches the telephony's event dispatch. */
	@EventListener
	void on(CallConnected call) {
		try {
			Optional<DeskBinding> binding = bindings.atMember(call.queue(), call.memberInterface())
					.or(() -> bindings.atInterface(call.memberInterface()));
			if (binding.isEmpty()) {
				log.debug("No agent bound to {}: no pop for {}", call.memberInterface(), call.linkedId());
				return;
			}
			String agent = binding.get().username();
			CallLogStore.Opened opened = store.openForCall(call.linkedId(), call.callerNumber(), call.waitSeconds(),
					call.memberInterface(), agent, call.connectedAt());
			if (!opened.created()) {
				return; // the same AgentConnect again (a replay): popped already
			}
			bus.publish(agent, new IncomingCall(opened.id(), call.linkedId(), call.callerNumber(), call.waitSeconds(), call.connectedAt()));
			audit.recordFor(agent, AuditAction.CREATE, "電話:着信（AgentConnect）",
					"通話記録 #" + opened.id() + " を作成 linkedId=" + call.linkedId() + " 電話=" + call.memberInterface());
		} catch (RuntimeException e) {
			log.error("Could not open the call log entry for {}: {}", call, e.toString());
		}
	}
}
