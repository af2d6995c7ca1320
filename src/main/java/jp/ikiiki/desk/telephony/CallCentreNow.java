package jp.ikiiki.desk.telephony;

/**
 * The call centre at this moment, as the AMI events show it: calls holding a line and callers waiting. No
 * personal data. Implemented by the module's call tracking.
 */
public interface CallCentreNow {

	/**
	 * @param linesInUse         calls in progress that hold a line
	 * @param callersWaiting     callers in the queue, not yet connected
	 * @param longestWaitSeconds how long the longest-waiting caller has waited; 0 when nobody waits
	 */
	record Snapshot(int linesInUse, int callersWaiting, double longestWaitSeconds) {
	}

	Snapshot now();
}
