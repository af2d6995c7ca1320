package jp.ikiiki.desk.agentdesk;

/**
 * A queue member an agent can bind to.
 *
 * @param queue           the queue
 * @param memberInterface its interface, the key
 * @param name            the member name Asterisk reports
 * @param activity        what it is doing now, in Japanese
 * @param boundTo         the agent bound to it, or null
 */
public record DeskMember(String queue, String memberInterface, String name, String activity, String boundTo) {
}
