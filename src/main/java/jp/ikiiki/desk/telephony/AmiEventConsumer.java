package jp.ikiiki.desk.telephony;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Receives every AMI event, off the AMI reader thread. Events of one call (same {@code Linkedid}) arrive in the
 * order Asterisk sent them, one at a time; events without a Linkedid (queue member status, VarSet on globals,
 * the connection's own) arrive in order on a lane of their own. An implementation may block briefly (a database
 * write) but never for long: it delays the next events of the same lane.
 */
public interface AmiEventConsumer {

	void onEvent(ManagerEvent event);
}
