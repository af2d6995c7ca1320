package jp.ikiiki.desk.agentdesk;

import java.time.Instant;

/**
 * An agent bound to a queue member (their phone). One member has at most one agent and one agent one member.
 *
 * @param username        the agent
 * @param queue           the queue
 * @param memberInterface the member's interface, e.g. {@code Local/agent1@agents}
 * @param boundAt         since when
 */
public record DeskBinding(String username, String queue, String memberInterface, Instant boundAt) {
}
