package jp.ikiiki.desk.agentdesk.internal;

import java.util.Optional;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import jp.ikiiki.desk.agentdesk.IncomingCall;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.platform.cluster.ClusterMessages;
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
 * <p>
 * Several nodes: the leader (the AMI connection's node) opens the entry and tells every node its id
 * ({@code platform.cluster.ClusterMessages}); each node reads the entry and hands it to the agent's pages it serves.
 */
@Component
class PopDispatcher {

	private static final Logger log = LoggerFactory.getLogger(PopDispatcher.class);

	private final DeskBindings bindings;
	private final CallLogStore store;
	private final PopBus bus;
	private final AuditTrail audit;
	private final ClusterMessages messages;
	/** The pop for the pages of another node: the entry's id only (the caller's number is read from the database). */
	static final String TOPIC = "cluster.agentdesk.pop";

	PopDispatcher(DeskBindings bindings, CallLogStore store, PopBus bus, AuditTrail audit, ClusterMessages messages) {
		this.bindings = bindings;
		this.store = store;
		this.bus = bus;
		this.audit = audit;
		this.messages = messages;
		messages.subscribe(TOPIC, m -> {
			if (!m.local()) {
				fromOtherNode(m.payload());
			}
		});
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
			messages.publish(TOPIC, String.valueOf(opened.id()));
			audit.recordFor(agent, AuditAction.CREATE, "電話:着信（AgentConnect）",
					"通話記録 #" + opened.id() + " を作成 linkedId=" + call.linkedId() + " 電話=" + call.memberInterface());
		} catch (RuntimeException e) {
			log.error("Could not open the call log entry for {}: {}", call, e.toString());
		}
	}

	/** Another node (the leader, which holds the AMI connection) opened the entry: this node's pages of the agent. */
	private void fromOtherNode(String payload) {
		try {
			store.find(Long.parseLong(payload)).filter(e -> e.open() && !e.manual()).ifPresent(e -> bus.publish(e.agent(),
					new IncomingCall(e.id(), e.linkedId(), e.callerNumber(), e.waitSeconds(), e.startedAt())));
		} catch (RuntimeException e) {
			log.error("Could not hand another node's pop {} to this node's pages: {}", payload, e.getClass().getName());
		}
	}
}
