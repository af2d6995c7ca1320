package jp.ikiiki.desk.telephony.calls;

import java.math.BigDecimal;
import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.CallConnected;
import jp.ikiiki.desk.telephony.TelephonyProperties;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link CallConnected} for every {@code AgentConnect} of the configured queue, straight from the event
 * (the agent desk pops on it). {@code AgentConnect} carries the caller's channel fields unprefixed, so its
 * {@code CallerIDNum} is the caller's number.
 */
@Component
class ConnectedCalls implements AmiEventConsumer {

	private final ApplicationEventPublisher events;
	private final String queue;

	@Autowired
	ConnectedCalls(ApplicationEventPublisher events, TelephonyProperties properties) {
		this(events, properties.queue());
	}

	ConnectedCalls(ApplicationEventPublisher events, String queue) {
		this.events = events;
		this.queue = queue;
	}

	@Override
	public void onEvent(ManagerEvent event) {
		if (!(event instanceof AgentConnectEvent connect) || !queue.equals(connect.getQueue())) {
			return;
		}
		String linkedId = AmiFields.linkedId(event);
		if (linkedId == null || connect.getInterface() == null) {
			return;
		}
		String number = connect.getCallerIdNum();
		if (number == null || number.isBlank() || number.startsWith("<")) {
			number = null;
		}
		BigDecimal wait = connect.getHoldTime() == null ? null : BigDecimal.valueOf(connect.getHoldTime());
		events.publishEvent(new CallConnected(linkedId, connect.getQueue(), connect.getInterface(), number, wait,
				AmiFields.timestamp(event)));
	}
}
