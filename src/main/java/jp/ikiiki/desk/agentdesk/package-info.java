/**
 * The agent desk (第6章1): an agent bound to a queue member for the length of a console session, the screen pop
 * when a call connects (announced on every page the agent has open), the call log with its two-level inquiry
 * categories and drafts that survive switching entries and pages, and the callback list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent desk")
package jp.ikiiki.desk.agentdesk;
