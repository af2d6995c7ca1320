package jp.ikiiki.desk.telephony;

import java.util.Map;

/**
 * Who works at each queue member: the agent bound to the phone at the agent desk. Asterisk knows members only by
 * their interface and member name ("Agent 1"); the module that binds people to phones implements this, so that the
 * wallboard can show the person. Optional: without an implementation the wallboard shows Asterisk's names.
 */
public interface MemberAgents {

	/**
	 * The agents bound to the members of a queue.
	 *
	 * @param queue the queue
	 * @return member interface (e.g. {@code Local/agent1@agents}) to the login name of the agent bound to it
	 */
	Map<String, String> agentsByMember(String queue);
}
