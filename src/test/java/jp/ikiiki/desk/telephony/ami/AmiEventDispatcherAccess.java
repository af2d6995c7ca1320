package jp.ikiiki.desk.telephony.ami;

import org.asteriskjava.manager.event.ManagerEvent;

/** Test access to package-private rules of the AMI connection. */
public final class AmiEventDispatcherAccess {

	private AmiEventDispatcherAccess() {
	}

	public static void registerRefusalEvent(org.asteriskjava.manager.DefaultManagerConnection c, String name) {
		AmiConnection.registerRefusalEvent(c, name);
	}

	public static String callId(ManagerEvent event) {
		return AmiEventDispatcher.callId(event);
	}
}
