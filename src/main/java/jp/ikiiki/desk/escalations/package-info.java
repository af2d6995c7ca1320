/**
 * Escalations (第6章1(3)): a call the agent cannot answer becomes a case, reported to the city, answered with the
 * city's instruction, called back and closed, with who and when at each step.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalations")
package jp.ikiiki.desk.escalations;
