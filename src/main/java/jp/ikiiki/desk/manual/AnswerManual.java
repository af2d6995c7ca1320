package jp.ikiiki.desk.manual;

import java.util.List;
import java.util.Optional;

/** Searching the answer manual during a call (第6章1(1)): only versions in force of entries not retired. */
public interface AnswerManual {

	/**
	 * The current versions of the entries matching the text (Japanese full text: kana-insensitive, width-
	 * insensitive), best first.
	 *
	 * @param text  what the agent typed; blank gives the most used entries
	 * @param limit at most this many
	 */
	List<ManualEntry> search(String text, int limit);

	/**
	 * One version of an entry (the version a call log recorded stays readable after later edits), counted as read
	 * when it is the version in force: what agents open most comes first in a blank search.
	 */
	Optional<ManualEntry> entry(long entryId, int version);

	/** One version of an entry, without counting a read (to show again what a draft names). */
	Optional<ManualEntry> lookup(long entryId, int version);

	/**
	 * One version of a manual entry.
	 *
	 * @param entryId  the entry
	 * @param version  its version, 1 for the first
	 * @param category the inquiry category it belongs to, or null
	 * @param question the question as callers ask it
	 * @param answer   the agreed answer
	 * @param current  whether this is the entry's version in force
	 */
	record ManualEntry(long entryId, int version, String category, String question, String answer,
			boolean current) {
	}
}
