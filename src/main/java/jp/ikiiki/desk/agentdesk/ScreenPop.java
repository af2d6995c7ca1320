package jp.ikiiki.desk.agentdesk;

import java.util.List;

/**
 * What the desk shows when a call connects: the call's log entry (caller number, wait) and the earlier calls from
 * the same number, newest first.
 */
public record ScreenPop(CallLogEntry entry, List<EarlierCall> earlierCalls) {
}
