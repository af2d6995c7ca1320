/**
 * The agent desk (issue 4 points 1 and 4): an agent bound to a queue member, the screen pop when a call connects,
 * the call log with its two-level inquiry categories, and the callback list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent desk")
package jp.ikiiki.desk.agentdesk;
