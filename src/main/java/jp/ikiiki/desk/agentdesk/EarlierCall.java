package jp.ikiiki.desk.agentdesk;

import java.time.Instant;

/**
 * An earlier call from the same number, shown in the pop.
 *
 * @param at        when it came
 * @param logged    true if from the call log (category, outcome and note are the agent's), false if only the
 *                  telephony record exists (an unanswered call, or one nobody logged)
 * @param result    the agent's outcome label, or the telephony outcome (応答 / 放棄 / タイムアウト / 話中)
 * @param category  the inquiry category's full name, or null
 * @param note      the note, or empty
 * @param agent     who logged it (display name), or the member who answered, or null
 * @param subjectId the subject linked then, or null
 */
public record EarlierCall(Instant at, boolean logged, String result, String category, String note, String agent,
		String subjectId) {
}
