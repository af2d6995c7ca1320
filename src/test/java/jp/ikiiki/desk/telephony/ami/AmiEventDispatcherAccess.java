package jp.ikiiki.desk.telephony.ami;

import org.asteriskjava.manager.event.ManagerEvent;

/** Test access to the dispatcher's call id rule. */
public final class AmiEventDispatcherAccess {

	private AmiEventDispatcherAccess() {
	}

	public static String callId(ManagerEvent event) {
		return AmiEventDispatcher.callId(event);
	}
}
