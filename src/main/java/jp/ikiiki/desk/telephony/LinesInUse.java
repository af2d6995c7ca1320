package jp.ikiiki.desk.telephony;

/**
 * The calls holding a line right now, as the telephony data shows them (the same figure as the
 * {@code ikiiki_lines_in_use} gauge). Implemented by the module's call tracking; the line pools read it when a
 * bean of this type exists and report 0 otherwise.
 */
public interface LinesInUse {

	/** Calls in progress that count against the line limit, at least 0. */
	int linesInUse();
}
